import { useEffect, useState } from 'react';
import { gql } from '../lib/graphql.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatTime } from '../lib/time.js';
import { emptyCollection, line } from '../lib/map.js';
import { AS_OF, unitsAsOf } from './documents.js';

/**
 * A slider over the incident's life (reported → closed or now): the map redraws the assigned units where they
 * stood, with the level and status of that moment, from the time-travel queries.
 */
export function Replay({ incident, map, at, setAt }) {
  const t = useT();
  const start = Date.parse(incident.reportedAt);
  const end = incident.closedAt ? Date.parse(incident.closedAt) : Date.now();
  const [state, setState] = useState(null);
  useEffect(() => {
    if (!at) { setState(null); return; }
    let cancelled = false;
    const iso = new Date(at).toISOString();
    (async () => {
      const past = (await gql(AS_OF, { id: incident.id, at: iso })).incidentAsOf;
      const ids = past?.assignedUnits.map((u) => u.id) ?? [];
      const units = ids.length ? Object.values(await gql(unitsAsOf(ids), { at: iso })).filter(Boolean) : [];
      if (cancelled) return;
      setState({ past, units });
      map.getSource('proposal')?.setData({ type: 'FeatureCollection', features: units.map((u) => line(u.location, incident.location, { kind: 'unit', id: u.id })) });
    })().catch(() => {});
    return () => { cancelled = true; map.getSource('proposal')?.setData(emptyCollection()); };
  }, [at]);
  const span = Math.max(end - start, 1000);
  return (
    <section aria-label={t('replay.title')}>
      <h3>{t('replay.title')}</h3>
      <input type="range" min={0} max={1000} value={at ? Math.round(((at - start) / span) * 1000) : 1000}
        aria-label={t('replay.slider')} onChange={(e) => setAt(start + (span * Number(e.target.value)) / 1000)} />
      {at && <button type="button" onClick={() => setAt(null)}>{t('replay.live')}</button>}
      {at && <p><time>{formatTime(new Date(at).toISOString())}</time></p>}
      {state?.past && (
        <p>{t(`incidentStatus.${state.past.status}`)} · {t(`level.${state.past.level}`)} · {state.units.map((u) => `${u.name} ${t(`status.${u.status}`)}`).join('、')}</p>
      )}
    </section>
  );
}
