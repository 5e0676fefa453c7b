import { STATUS_COLOURS, KIND_SHAPES, RISK_COLOURS } from '../lib/map.js';
import { useT } from '../lib/i18n/i18n.js';

export const LAYER_GROUPS = [
  { key: 'units', layers: ['units', 'units-live'], swatch: '#1a9850' },
  { key: 'depotsShared', layers: ['depots-shared'], swatch: '#2c7fb8' },
  { key: 'depotsPrivate', layers: ['depots-private'], swatch: '#a6bddb' },
  { key: 'experts', layers: ['experts'], swatch: '#7b3294' },
  { key: 'incidents', layers: ['incidents'], swatch: '#e31a1c' },
  { key: 'hazards', layers: ['hazards', 'hazard-lines'], swatch: RISK_COLOURS.ORANGE },
  { key: 'townships', layers: ['townships'], swatch: '#ffffff' },
  { key: 'jurisdictions', layers: ['jurisdictions-exact', 'jurisdictions-approximate'], swatch: '#455a64' },
];

const SHAPE_GLYPHS = { square: '■', circle: '●', triangle: '▲', cross: '✚', diamond: '◆', boat: '⯊', hex: '⬢' };

/** Each layer with its swatch and a toggle; units also by status (colour) and kind (shape). */
export function Legend({ shown, setShown, statuses, setStatuses }) {
  const t = useT();
  const all = Object.keys(STATUS_COLOURS);
  const visible = statuses ?? all;
  const toggleStatus = (s) => setStatuses(visible.includes(s) ? visible.filter((v) => v !== s) : [...visible, s]);
  return (
    <section className="legend" aria-label={t('legend.label')}>
      <h2>{t('legend.label')}</h2>
      {LAYER_GROUPS.map((g) => (
        <label key={g.key}>
          <input type="checkbox" checked={shown[g.key]} onChange={() => setShown({ ...shown, [g.key]: !shown[g.key] })} />
          <span className="swatch" style={{ background: g.swatch }} /> {t(`layer.${g.key}`)}
        </label>
      ))}
      {shown.hazards && (
        <ul className="kinds" aria-label={t('legend.risk')}>
          {Object.entries(RISK_COLOURS).map(([level, colour]) => (
            <li key={level}><span className="swatch" style={{ background: colour }} /> {t(`risk.${level}`)}</li>
          ))}
        </ul>
      )}
      <h3>{t('legend.status')}</h3>
      {all.map((s) => (
        <label key={s}>
          <input type="checkbox" checked={visible.includes(s)} onChange={() => toggleStatus(s)} />
          <span className="swatch" style={{ background: STATUS_COLOURS[s] }} /> {t(`status.${s}`)}
        </label>
      ))}
      <h3>{t('legend.kind')}</h3>
      <ul className="kinds">
        {Object.entries(KIND_SHAPES).map(([k, s]) => <li key={k}><span aria-hidden="true">{SHAPE_GLYPHS[s]}</span> {t(`kind.${k}`)}</li>)}
      </ul>
    </section>
  );
}
