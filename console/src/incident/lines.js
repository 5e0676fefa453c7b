import { useEffect } from 'react';
import { emptyCollection, line, maplibregl } from '../lib/map.js';
import { formatEta } from '../lib/time.js';
import { t } from '../lib/i18n/i18n.js';

/** Draws a line from each proposed unit, depot and expert to the incident, labelled with its ETA (HTML labels: no glyphs needed). */
export function useProposalLines(map, incident, proposal, excluded) {
  useEffect(() => {
    const source = map.getSource('proposal');
    if (!incident || !proposal) { source?.setData(emptyCollection()); return undefined; }
    const to = incident.location;
    const entries = [
      ...proposal.units.map((p) => ({ kind: 'unit', id: p.unit.id, name: p.unit.name, from: p.unit.location, eta: p.etaSeconds })),
      ...proposal.supplies.map((p) => ({ kind: 'supply', id: p.depot.id, name: p.depot.name, from: p.depot.location, eta: p.etaSeconds })),
      ...proposal.experts.map((p) => ({ kind: 'expert', id: p.expert.id, name: p.expert.name, from: p.expert.location, eta: p.etaSeconds })),
    ].filter((e) => !excluded.includes(e.id));
    source.setData({ type: 'FeatureCollection', features: entries.map((e) => line(e.from, to, { kind: e.kind, id: e.id })) });
    const markers = entries.map((e) => {
      const label = document.createElement('div');
      label.className = `eta-label eta-${e.kind}`;
      label.textContent = `${formatEta(e.eta)}`;
      label.title = `${e.name} · ${t('eta')} ${formatEta(e.eta)}`;
      label.setAttribute('data-testid', 'eta-label');
      const middle = [(e.from.lon * 2 + to.lon) / 3, (e.from.lat * 2 + to.lat) / 3];
      return new maplibregl.Marker({ element: label }).setLngLat(middle).addTo(map);
    });
    return () => { markers.forEach((m) => m.remove()); source?.setData(emptyCollection()); };
  }, [map, incident?.id, proposal, excluded]);
}
