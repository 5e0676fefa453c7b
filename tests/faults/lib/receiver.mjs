// A partner's webhook receiver for the fault suite: a real node:http server on a loopback port that records every
// POST and answers with the status the case sets, and the three lines a partner writes to verify a delivery.
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';

export async function startReceiver() {
  const received = [];
  const state = { status: 503 };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const answered = state.status;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/muster`,
    received,
    answer(status) { state.status = status; },
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Standard Webhooks: HMAC-SHA256 keyed with the secret's base64 bytes over `id.timestamp.body`, sent as `v1,<base64>`. */
export function verify(secret, headers, body) {
  const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
    .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest();
  return headers['webhook-signature'].split(' ').some((s) => s.startsWith('v1,') && timingSafeEqual(Buffer.from(s.slice(3), 'base64'), expected));
}
