import { useEffect, useState } from 'react';
import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { COVERAGE, CAPABILITIES } from './coverage.js';

export const COVERAGE_COLOURS = { covered: '#1a9850', uncovered: '#d7191c' };

function ensureLayer(map) {
  if (map.getSource('coverage')) return;
  map.addSource('coverage', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'coverage',
    type: 'circle',
    source: 'coverage',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['get', 'weight'], 1, 7, 4, 11],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-width': 3,
      'circle-stroke-color': ['case', ['get', 'covered'], COVERAGE_COLOURS.covered, COVERAGE_COLOURS.uncovered],
    },
  });
}

const pct = (share) => `${Math.round(share * 1000) / 10}%`;

/**
 * Coverage on the commander's map: pick a capability and a limit, and each hazard site and seat is ringed green
 * (reached in time by an AVAILABLE unit) or red (not), with the shares and the uncovered places listed.
 */
export function CoveragePanel({ map, onChoice }) {
  const t = useT();
  const [on, setOn] = useState(false);
  const [capability, setCapability] = useState('mine-rescue');
  const [minutes, setMinutes] = useState(15);
  const tags = useQuery(CAPABILITIES, null, { skip: !on });
  const valid = minutes >= 1 && minutes <= 240;
  const coverage = useQuery(COVERAGE, { capability, withinSeconds: Math.round(minutes * 60) }, { skip: !on || !valid || !capability });
  const answer = on ? coverage.data?.coverage : null;
  // The move-up panel follows the capability and limit shown here.
  useEffect(() => { onChoice?.(on && valid ? { capability, minutes } : null); }, [on, valid, capability, minutes]);

  useEffect(() => {
    if (!map) return;
    ensureLayer(map);
    map.getSource('coverage').setData(answer ? JSON.parse(answer.pointsGeoJson) : { type: 'FeatureCollection', features: [] });
    map.setLayoutProperty('coverage', 'visibility', on ? 'visible' : 'none');
  }, [map, answer, on]);

  const options = tags.data?.unitCapabilities.map((c) => c.tag) ?? [];
  return (
    <section className="coverage" aria-label={t('coverage.label')}>
      <label><input type="checkbox" checked={on} onChange={() => setOn(!on)} /> {t('coverage.show')}</label>
      {on && (
        <>
          <label>{t('coverage.capability')}{' '}
            <select value={capability} onChange={(e) => setCapability(e.target.value)}>
              {[...new Set([capability, ...options])].map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <label>{t('coverage.minutes')}{' '}
            <input type="number" min="1" max="240" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} aria-invalid={!valid} />
          </label>
          {!valid && <p className="error" role="alert">{t('coverage.badMinutes')}</p>}
          {coverage.error && <p className="error" role="alert">{String(coverage.error.message ?? coverage.error)}</p>}
          {answer && (
            <div role="status" aria-label={t('coverage.result')}>
              <p>
                <span className="swatch" style={{ background: COVERAGE_COLOURS.covered }} /> {t('coverage.covered')}{' '}
                <span className="swatch" style={{ background: COVERAGE_COLOURS.uncovered }} /> {t('coverage.uncovered')}
              </p>
              <p>{t('coverage.shares', { count: pct(answer.coveredShare), weight: pct(answer.coveredWeightShare), backup: pct(answer.backedUpShare) })}</p>
              <p>{answer.uncovered.length === 0 ? t('coverage.allCovered') : t('coverage.uncoveredList', { n: answer.uncovered.length, names: answer.uncovered.map((p) => p.name).join('、') })}</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
