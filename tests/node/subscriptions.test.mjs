// Subscriptions over GraphQL over WebSocket (graphql-transport-ws) at /graphql, through the graphql-ws
// client: agencyChanged fed by registrations over HTTP. Every wait is bounded.
// websocket-protocol.test.mjs checks the protocol's rules over raw sockets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

import { Inbox, registerAgency, within, wsUrl } from './lib/ws.mjs';
import { token } from './lib/token.mjs';

const AGENCY_CHANGED = 'subscription { agencyChanged { id name kind } }';
const unique = (label) => `${label} ${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

function client(connectionParams = { token: token({ role: 'commander' }) }) {
  return createClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

/** Subscribes with the graphql-ws client; `inbox` collects results, `ended` resolves on complete or error. */
function subscribe(graphql, query = AGENCY_CHANGED) {
  const inbox = new Inbox();
  let end;
  const ended = new Promise((resolve) => (end = resolve));
  const unsubscribe = graphql.subscribe({ query }, {
    next: (result) => inbox.push(result),
    error: (error) => end({ error }),
    complete: () => end({ complete: true }),
  });
  return { inbox, ended, unsubscribe };
}

/**
 * The server subscribes to the change feed a few milliseconds after `subscribe` arrives, and the protocol
 * does not say when: register agencies until one of them arrives (nearly always the first).
 */
async function registerUntilSeen(inbox, label) {
  const names = new Set();
  for (let attempt = 0; attempt < 10; attempt++) {
    const name = unique(label);
    names.add(name);
    await registerAgency(name);
    try {
      return await inbox.first((r) => names.has(r.data?.agencyChanged?.name), 1000, `agencyChanged for ${name}`);
    } catch {
      // not live yet: try again
    }
  }
  assert.fail(`none of ${[...names].join(', ')} arrived on agencyChanged`);
}

test('an agency registered over HTTP arrives on agencyChanged', async () => {
  const graphql = client();
  try {
    const { inbox } = subscribe(graphql);
    const result = await registerUntilSeen(inbox, 'Node subscription agency');
    assert.equal(result.errors, undefined);
    assert.match(result.data.agencyChanged.id, /^[A-Za-z0-9_-]+$/);
    assert.equal(result.data.agencyChanged.kind, 'OTHER');
  } finally {
    await graphql.dispose();
  }
});

test('after unsubscribing, nothing more arrives', async () => {
  const graphql = client();
  try {
    const { inbox, ended, unsubscribe } = subscribe(graphql);
    await registerUntilSeen(inbox, 'Node before unsubscribe');
    // A second subscription keeps the client's socket open and hears what is registered after the first ended.
    const second = subscribe(graphql);
    await registerUntilSeen(second.inbox, 'Node second subscription');
    unsubscribe();
    assert.deepEqual(await within(ended, 2000, 'local completion'), { complete: true });
    const count = inbox.items.length;

    const later = unique('Node after unsubscribe');
    await registerAgency(later);
    await second.inbox.first((r) => r.data?.agencyChanged?.name === later, undefined, `agencyChanged for ${later} on the live subscription`);
    assert.equal(inbox.items.length, count, `unexpected after unsubscribe: ${JSON.stringify(inbox.items.slice(count))}`);
  } finally {
    await graphql.dispose();
  }
});

test('a bad token is refused at connection_init with close code 4401, which the client treats as fatal', async () => {
  const forged = token({ role: 'admin', key: `not-the-key-${process.pid}-${Date.now()}` });
  const graphql = client({ token: forged });
  try {
    const { ended } = subscribe(graphql);
    const { error } = await within(ended, 5000, 'subscription error');
    assert.equal(error?.code, 4401, `expected close code 4401, got ${JSON.stringify(error)}`);
  } finally {
    await graphql.dispose();
  }
});
