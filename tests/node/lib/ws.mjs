// WebSocket helpers for the subscription tests: bounded waits, sockets that collect what arrives.
import WebSocket from 'ws';

import { musterUrl, REQUEST_TIMEOUT_MS, timedFetch } from './env.mjs';
import { token } from './token.mjs';

export const SUBPROTOCOL = 'graphql-transport-ws';

/** ws://…/graphql for the service's http://…/graphql. */
export function wsUrl() {
  return musterUrl().replace(/^http/, 'ws');
}

/** Rejects when `promise` has not settled within `ms`, naming what was awaited. */
export async function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Registers an agency over HTTP as admin; returns its id. */
export async function registerAgency(name, kind = 'OTHER') {
  const res = await timedFetch(musterUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token({ role: 'admin' })}` },
    body: JSON.stringify({
      query: 'mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { agency { id } errors { code } } }',
      variables: { input: { name, kind } },
    }),
  });
  const body = await res.json();
  const payload = body.data?.registerAgency;
  if (!payload || payload.errors.length > 0) throw new Error(`registerAgency failed: ${JSON.stringify(body)}`);
  return payload.agency.id;
}

/** Values that arrive over time, and a bounded wait for one that matches. */
export class Inbox {
  items = [];
  #waiters = new Set();

  push(item) {
    this.items.push(item);
    for (const wake of this.#waiters) wake();
  }

  /** The first item (already here or still to come) that matches; rejects after `ms`. */
  async first(matches, ms = REQUEST_TIMEOUT_MS, what = 'matching message') {
    let wake;
    const found = new Promise((resolve) => {
      wake = () => {
        const item = this.items.find(matches);
        if (item !== undefined) resolve(item);
      };
      this.#waiters.add(wake);
      wake();
    });
    try {
      return await within(found, ms, what);
    } finally {
      this.#waiters.delete(wake);
    }
  }
}

/**
 * A raw socket to the service: `opened` resolves when the handshake is done, `closed` with
 * `{ code, reason }` when the server closes, `inbox` holds the parsed messages.
 */
export function rawSocket(protocols = SUBPROTOCOL) {
  const ws = protocols === null ? new WebSocket(wsUrl()) : new WebSocket(wsUrl(), protocols);
  const inbox = new Inbox();
  ws.on('message', (data) => inbox.push(JSON.parse(data.toString())));
  const closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const opened = new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    ws,
    inbox,
    opened: within(opened, REQUEST_TIMEOUT_MS, 'WebSocket handshake'),
    closed: () => within(closed, REQUEST_TIMEOUT_MS, 'close frame'),
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    /** connection_init with a valid token, then waits for connection_ack. */
    async init(payload = { token: token({ role: 'admin' }) }) {
      await this.opened;
      this.send({ type: 'connection_init', payload });
      return inbox.first((m) => m.type === 'connection_ack', REQUEST_TIMEOUT_MS, 'connection_ack');
    },
    /** Drops the connection (for the end of a test). */
    terminate: () => ws.terminate(),
  };
}
