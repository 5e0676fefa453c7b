import { useSyncExternalStore } from 'react';

// Paths under /console/: /console/map, /console/map/incident/<id>, /console/logistics, /console/partner.
const listeners = new Set();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function navigate(path) {
  if (location.pathname !== path) history.pushState(null, '', path);
  listeners.forEach((l) => l());
}

export function useRoute() {
  const path = useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => location.pathname);
  const parts = path.replace(/^\/console\/?/, '').split('/').filter(Boolean);
  return { screen: parts[0] ?? '', incidentId: parts[1] === 'incident' ? decodeURIComponent(parts[2] ?? '') : null };
}
