import { createClient } from 'graphql-ws';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { token } from './auth.js';
import { graphqlPath } from './drill.js';

/** A top-level GraphQL error (authorization, validation): shown as a message, nothing changed. */
export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.errors = errors;
  }
}

/** One operation; `real` sends it to /graphql even while in a drill (starting and ending drills). */
export async function gql(query, variables, { real = false } = {}) {
  const response = await fetch(real ? '/graphql' : graphqlPath(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', Authorization: `Bearer ${token()}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json().catch(() => null);
  if (!body) throw new Error(`HTTP ${response.status}`);
  if (body.errors?.length) throw new GraphQLError(body.errors);
  return body.data;
}

// --- live connection -------------------------------------------------------------------------------
// One socket for the tab, kept open (not lazy) with pings, so that a lost connection shows at once and every
// subscription comes back by itself. 'restored' listeners refetch what they may have missed meanwhile.
let status = 'connecting';
const statusListeners = new Set();
const restoredListeners = new Set();
let wasLost = false;
let client = null;

function setStatus(next) {
  if (next === status) return;
  if (next === 'live' && wasLost) restoredListeners.forEach((l) => l());
  if (next === 'lost') wasLost = true;
  status = next;
  statusListeners.forEach((l) => l());
}

export function liveClient() {
  if (client) return client;
  let socket = null;
  let pongTimer = null;
  client = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${graphqlPath()}`,
    connectionParams: () => ({ Authorization: `Bearer ${token()}` }),
    lazy: false,
    keepAlive: 4000,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: () => new Promise((resolve) => setTimeout(resolve, 1000)),
    on: {
      connected: (s) => { socket = s; setStatus('live'); },
      closed: () => { clearTimeout(pongTimer); setStatus('lost'); },
      error: () => setStatus('lost'),
      ping: (received) => {
        if (!received) pongTimer = setTimeout(() => socket?.readyState === WebSocket.OPEN && socket.close(4408, 'no pong'), 3000);
      },
      pong: (received) => received && clearTimeout(pongTimer),
    },
  });
  // The browser knows before the socket does.
  window.addEventListener('offline', () => { setStatus('lost'); client.terminate(); });
  return client;
}

export function closeLiveClient() {
  client?.dispose();
  client = null;
  status = 'connecting';
  wasLost = false;
}

export function useLiveStatus() {
  return useSyncExternalStore((l) => (statusListeners.add(l), () => statusListeners.delete(l)), () => status);
}

export function onRestored(listener) {
  restoredListeners.add(listener);
  return () => restoredListeners.delete(listener);
}

/** Subscribes while mounted; onData gets each event's data. */
export function useSubscription(query, variables, onData) {
  const handler = useRef(onData);
  handler.current = onData;
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (!query) return undefined;
    return liveClient().subscribe({ query, variables }, {
      next: (message) => message.data && handler.current(message.data),
      error: () => {},
      complete: () => {},
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, key]);
}
