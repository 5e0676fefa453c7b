// The graphql-transport-ws protocol at /graphql, message by message over raw `ws` sockets: init and
// ack, ping/pong, operations answered with next/complete or error, and each close code. Bounded waits.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { rawSocket, within } from './lib/ws.mjs';
import { token } from './lib/token.mjs';

const AGENCY_CHANGED = 'subscription { agencyChanged { id name kind } }';

test('a token in the Authorization form is accepted, and a query over the socket answers next then complete', async () => {
  const socket = rawSocket();
  try {
    await socket.init({ Authorization: `Bearer ${token({ role: 'logistics', sub: 'node-ws-viewer' })}` });
    socket.send({ id: 'q', type: 'subscribe', payload: { query: '{ viewer { subject role } }' } });
    const next = await socket.inbox.first((m) => m.id === 'q' && m.type === 'next');
    assert.deepEqual(next.payload.data.viewer, { subject: 'node-ws-viewer', role: 'logistics' });
    await socket.inbox.first((m) => m.id === 'q' && m.type === 'complete');
  } finally {
    socket.terminate();
  }
});

test('an operation that fails authorization answers error with the error list', async () => {
  const socket = rawSocket();
  try {
    await socket.init({ token: token({ role: 'partner', agency: '00000000-0000-0000-0000-00000000a001' }) });
    socket.send({ id: 'm', type: 'subscribe', payload: { query: 'mutation { registerAgency(input: { name: "x", kind: OTHER }) { errors { code } } }' } });
    const error = await socket.inbox.first((m) => m.id === 'm' && m.type !== 'ping');
    assert.equal(error.type, 'error');
    assert.ok(Array.isArray(error.payload), `expected an error list, got ${JSON.stringify(error)}`);
    assert.deepEqual(error.payload.map((e) => e.extensions?.code), ['FORBIDDEN']);
  } finally {
    socket.terminate();
  }
});

test('ping is answered with pong, before and after connection_init', async () => {
  const socket = rawSocket();
  try {
    await socket.opened;
    socket.send({ type: 'ping' });
    await socket.inbox.first((m) => m.type === 'pong', 5000, 'pong before init');
    await socket.init();
    socket.send({ type: 'pong' }); // tolerated
    socket.send({ type: 'ping', payload: { at: 1 } });
    await within(new Promise((resolve) => {
      const check = () => (socket.inbox.items.filter((m) => m.type === 'pong').length >= 2 ? resolve() : setTimeout(check, 20));
      check();
    }), 5000, 'second pong');
  } finally {
    socket.terminate();
  }
});

/** Opens a raw socket, lets `act` talk, and expects the server to close with `code`. */
async function expectClose(code, act, protocols) {
  const socket = rawSocket(protocols);
  try {
    await socket.opened;
    await act(socket);
    const closed = await socket.closed();
    assert.equal(closed.code, code, `expected close ${code}, got ${closed.code} ${closed.reason}`);
    return closed;
  } finally {
    socket.terminate();
  }
}

const subscribeMessage = (id = '1') => ({ id, type: 'subscribe', payload: { query: AGENCY_CHANGED } });

test('subscribe before connection_ack closes with 4401', async () => {
  await expectClose(4401, (socket) => socket.send(subscribeMessage()));
});

test('a wrong subprotocol closes with 4406', async () => {
  const closed = await expectClose(4406, () => {}, 'graphql-ws');
  assert.match(closed.reason, /subprotocol/i);
});

test('no subprotocol at all closes with 4406', async () => {
  await expectClose(4406, () => {}, null);
});

test('a second subscribe with a running id closes with 4409', async () => {
  await expectClose(4409, async (socket) => {
    await socket.init();
    socket.send(subscribeMessage('same'));
    socket.send(subscribeMessage('same'));
  });
});

test('a second connection_init closes with 4429', async () => {
  await expectClose(4429, async (socket) => {
    await socket.init();
    socket.send({ type: 'connection_init', payload: { token: token() } });
  });
});

for (const [label, message] of [
  ['text that is not JSON', 'not json {'],
  ['a message without a type', { id: '1', payload: {} }],
  ['an unknown message type', { type: 'start', id: '1', payload: { query: '{ __typename }' } }],
  ['a subscribe without an id', { type: 'subscribe', payload: { query: AGENCY_CHANGED } }],
  ['a subscribe whose query is not a string', { type: 'subscribe', id: '1', payload: { query: 42 } }],
]) {
  test(`${label} closes with 4400`, async () => {
    await expectClose(4400, async (socket) => {
      await socket.init();
      socket.send(message);
    });
  });
}
