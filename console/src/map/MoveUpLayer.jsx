import { useEffect, useState } from 'react';
import { gql } from '../lib/graphql.js';
import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatTime } from '../lib/time.js';
import { CAPABILITIES } from './coverage.js';
import { APPROVE_MOVE_UP, MOVE_UP_SUGGESTION, arrows, conflictedMove } from './moveUp.js';

export const MOVE_UP_COLOUR = '#6a3d9a';
const EMPTY = { type: 'FeatureCollection', features: [] };

// An arrow head made here (an SDF triangle pointing north, turned along each move): no image from another host.
function arrowHead() {
  const size = 32;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const c = canvas.getContext('2d');
  c.fillStyle = '#000';
  c.beginPath();
  c.moveTo(size / 2, 2);
  c.lineTo(size - 4, size - 4);
  c.lineTo(size / 2, size - 11);
  c.lineTo(4, size - 4);
  c.closePath();
  c.fill();
  return c.getImageData(0, 0, size, size);
}

function ensureLayers(map) {
  if (map.getSource('moveUp')) return;
  if (!map.hasImage('moveup-arrow')) map.addImage('moveup-arrow', arrowHead(), { sdf: true, pixelRatio: 1 });
  map.addSource('moveUp', { type: 'geojson', data: EMPTY });
  map.addSource('moveUpHeads', { type: 'geojson', data: EMPTY });
  map.addLayer({ id: 'moveup-lines', type: 'line', source: 'moveUp', layout: { 'line-cap': 'round' }, paint: { 'line-color': MOVE_UP_COLOUR, 'line-width': 3.5, 'line-opacity': 0.9 } });
  map.addLayer({
    id: 'moveup-heads',
    type: 'symbol',
    source: 'moveUpHeads',
    layout: { 'icon-image': 'moveup-arrow', 'icon-rotate': ['get', 'bearing'], 'icon-rotation-alignment': 'map', 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-size': 1.2 },
    paint: { 'icon-color': MOVE_UP_COLOUR, 'icon-halo-color': '#fff', 'icon-halo-width': 1 },
  });
}

const pct = (share) => `${Math.round(share * 1000) / 10}%`;
const minutesOf = (seconds) => Math.round(seconds / 6) / 10;

/**
 * Move-up (前置调度) on the commander's map: which AVAILABLE units of a capability to move to which posts so that
 * the most demand is reached in time. Each move is an arrow from the unit to its post and a line of the list;
 * approving moves them all (EN_ROUTE to their posts) or, when one was taken meanwhile, none.
 * `linked` is the coverage panel's choice ({ capability, minutes }) while it is shown.
 */
export function MoveUpPanel({ map, linked }) {
  const t = useT();
  const [capability, setCapability] = useState('mine-rescue');
  const [minutes, setMinutes] = useState(15);
  const [maxMoves, setMaxMoves] = useState(2);
  const [asked, setAsked] = useState(null);
  const [approval, setApproval] = useState({ busy: false, done: null, conflict: null, error: null });
  const tags = useQuery(CAPABILITIES);
  const suggestion = useQuery(MOVE_UP_SUGGESTION, asked, { skip: !asked });
  const answer = asked ? suggestion.data?.moveUpSuggestion : null;

  useEffect(() => {
    if (!linked) return;
    setCapability(linked.capability);
    setMinutes(linked.minutes);
  }, [linked?.capability, linked?.minutes]);

  useEffect(() => {
    if (!map) return;
    ensureLayers(map);
    const drawn = answer && !approval.done ? arrows(answer.moves) : { lines: EMPTY, heads: EMPTY };
    map.getSource('moveUp').setData(drawn.lines);
    map.getSource('moveUpHeads').setData(drawn.heads);
  }, [map, answer, approval.done]);

  const validMinutes = minutes >= 1 && minutes <= 360;
  const validMoves = Number.isInteger(maxMoves) && maxMoves >= 1 && maxMoves <= 10;
  const valid = validMinutes && validMoves && !!capability;

  function ask(e) {
    e.preventDefault();
    if (!valid) return;
    setApproval({ busy: false, done: null, conflict: null, error: null });
    const next = { capability, withinSeconds: Math.round(minutes * 60), maxMoves };
    if (JSON.stringify(next) === JSON.stringify(asked)) suggestion.refetch();
    else setAsked(next);
  }

  async function approve() {
    setApproval({ busy: true, done: null, conflict: null, error: null });
    try {
      const input = { moves: answer.moves.map((m) => ({ unitId: m.unit.id, postId: m.to.id })) };
      const payload = (await gql(APPROVE_MOVE_UP, { input })).approveMoveUp;
      const conflict = payload.errors.find((e) => e.code === 'CONFLICT');
      if (conflict) setApproval({ busy: false, done: null, conflict: { index: conflictedMove(conflict.field), message: conflict.message }, error: null });
      else if (payload.errors.length) setApproval({ busy: false, done: null, conflict: null, error: payload.errors.map((e) => e.message).join('；') });
      else setApproval({ busy: false, done: payload.moveUp, conflict: null, error: null });
    } catch (error) {
      setApproval({ busy: false, done: null, conflict: null, error: String(error.message ?? error) });
    }
  }

  const options = tags.data?.unitCapabilities.map((c) => c.tag) ?? [];
  return (
    <section className="moveup" aria-label={t('moveUp.label')}>
      <h3>{t('moveUp.label')}</h3>
      <form onSubmit={ask}>
        <label>{t('moveUp.capability')}{' '}
          <select value={capability} onChange={(e) => setCapability(e.target.value)}>
            {[...new Set([capability, ...options])].map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        {linked && <p className="hint">{t('moveUp.linked')}</p>}
        <label>{t('moveUp.minutes')}{' '}
          <input type="number" min="1" max="360" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} aria-invalid={!validMinutes} />
        </label>
        <label>{t('moveUp.maxMoves')}{' '}
          <input type="number" min="1" max="10" step="1" value={maxMoves} onChange={(e) => setMaxMoves(Number(e.target.value))} aria-invalid={!validMoves} />
        </label>
        {!validMinutes && <p className="error" role="alert">{t('moveUp.badMinutes')}</p>}
        {!validMoves && <p className="error" role="alert">{t('moveUp.badMaxMoves')}</p>}
        <button type="submit" disabled={!valid || suggestion.loading}>{suggestion.loading && asked ? t('moveUp.asking') : t('moveUp.ask')}</button>
      </form>
      {asked && suggestion.error && <p className="error" role="alert">{String(suggestion.error.message ?? suggestion.error)}</p>}
      {answer && (
        <div role="status" aria-label={t('moveUp.result')}>
          <p>{t('moveUp.shares', { capability: answer.capability, minutes: minutesOf(answer.withinSeconds), before: pct(answer.coveredWeightShareBefore), after: pct(answer.coveredWeightShareAfter) })}</p>
          <p>{answer.optimal ? t('moveUp.optimal') : t('moveUp.gap', { gap: pct(answer.gapShare), bound: pct(answer.boundWeightShare) })}</p>
          {answer.moves.length === 0 ? <p>{t('moveUp.none')}</p> : (
            <ol aria-label={t('moveUp.moves')}>
              {answer.moves.map((m, i) => (
                <li key={m.unit.id} aria-invalid={approval.conflict?.index === i || undefined} className={approval.conflict?.index === i ? 'error' : undefined}>
                  <strong>{t('moveUp.move', { unit: m.unit.name, post: m.to.name })}</strong>{' '}({t(`moveUp.postKind.${m.to.kind}`)})
                  <br />{t('moveUp.drive', { minutes: minutesOf(m.etaSeconds), km: Math.round(m.distanceMeters / 100) / 10 })}
                  <br />{t('moveUp.gain', { share: pct(m.coverageGain), weight: Math.round(m.recoveredWeight * 10) / 10, n: m.recovers.length, names: m.recovers.map((p) => p.name).join('、') })}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {answer && answer.moves.length > 0 && !approval.done && (
        <button type="button" className="primary" disabled={approval.busy} onClick={approve}>{t('moveUp.approve')}</button>
      )}
      {approval.conflict && (
        <p className="error" role="alert">{t('moveUp.conflict')}{approval.conflict.message ? `（${approval.conflict.message}）` : ''}</p>
      )}
      {approval.error && <p className="error" role="alert">{approval.error}</p>}
      {approval.done && (
        <div role="status" aria-label={t('moveUp.approved')}>
          <p>{t('moveUp.approved')}</p>
          <ul>
            {approval.done.moves.map((m) => (
              <li key={m.unit.id}>{t('moveUp.onTheWay', { unit: m.unit.name, status: t(`status.${m.unit.status}`), post: m.to.name, at: formatTime(m.expectedAt) })}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
