// GraphQL over HTTP and tokens for the fault suite (node:crypto only).
import { createHmac, randomBytes } from 'node:crypto';

export const SIGNING_KEY = process.env.MUSTER_FAULT_SIGNING_KEY ?? randomBytes(32).toString('hex');

export function token({ role = 'admin', agency, sub = `faults-${role}` } = {}) {
  const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, role, iat: now, exp: now + 3600, ...(agency ? { agency } : {}) };
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', SIGNING_KEY).update(input).digest('base64url')}`;
}

/**
 * POSTs one operation; never throws. Answers { status, body, ok } where ok means HTTP 200 without top-level errors
 * and, for a mutation payload, without user errors: the write was acknowledged.
 */
export async function gql(url, query, variables, { as = token(), key, timeoutMs = 15000 } = {}) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${as}` };
  if (key) headers['idempotency-key'] = key;
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body = null;
    try { body = JSON.parse(text); } catch { /* not JSON */ }
    const payload = body?.data ? Object.values(body.data)[0] : null;
    const ok = response.status === 200 && !body?.errors?.length && (!payload?.errors || payload.errors.length === 0);
    return { status: response.status, body, text, ok, payload };
  } catch (error) {
    return { status: 0, body: null, text: String(error), ok: false, payload: null };
  }
}

/** Like gql, but fails when the answer is not an acknowledged success; returns the first field's payload. */
export async function must(url, query, variables, options) {
  const answer = await gql(url, query, variables, options);
  if (!answer.ok) throw new Error(`${query.slice(0, 60)}… failed: ${answer.status} ${answer.text.slice(0, 400)}`);
  return answer.payload;
}

export const REGISTER_AGENCY = 'mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { id name } errors { code message } } }';
export const REGISTER_UNIT = 'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { unit { id name } errors { code message } } }';
export const RECEIVE_STOCK = 'mutation($input: ReceiveStockInput!) { receiveStock(input: $input) { stockLevel { onHand reserved } errors { code message } } }';
