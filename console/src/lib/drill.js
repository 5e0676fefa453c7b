import { useSyncExternalStore } from 'react';
import { closeLiveClient } from './graphql.js';

// The drill this tab is playing, if any: every screen then talks to the drill's endpoint (its copy of the register and
// stock) instead of /graphql, and shows the drill band. Kept for the tab's session, like the token.
const KEY = 'muster.drill';
const listeners = new Set();

export function currentDrill() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}

/** Where GraphQL goes: the drill's endpoint while in a drill, /graphql otherwise. */
export function graphqlPath() {
  return currentDrill()?.endpoint ?? '/graphql';
}

export function enterDrill({ id, name, endpoint, incidentId }) {
  sessionStorage.setItem(KEY, JSON.stringify({ id, name, endpoint, incidentId }));
  changed();
}

export function leaveDrill() {
  sessionStorage.removeItem(KEY);
  changed();
}

function changed() {
  closeLiveClient();
  listeners.forEach((l) => l());
}

export function useDrill() {
  const raw = useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => sessionStorage.getItem(KEY));
  return raw ? JSON.parse(raw) : null;
}
