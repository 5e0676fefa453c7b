import { useT } from '../lib/i18n/i18n.js';
import { formatDistance, formatEta } from '../lib/time.js';

const pct = (share) => `${Math.round(share * 1000) / 10}%`;

/** Each proposed unit, depot and expert with its reason, ETA and alternatives; a box to leave it out; the shortfalls. */
export function Proposal({ proposal, excluded, setExcluded, statusOf }) {
  const t = useT();
  const toggle = (id) => setExcluded(excluded.includes(id) ? excluded.filter((x) => x !== id) : [...excluded, id]);
  const Exclude = ({ id, name }) => (
    <label className="exclude"><input type="checkbox" checked={excluded.includes(id)} onChange={() => toggle(id)} aria-label={t('proposal.exclude', { name })} /> {t('proposal.excludeShort')}</label>
  );
  return (
    <section aria-label={t('proposal.title')} className="proposal">
      <h3>{t('proposal.title')}</h3>
      <h4>{t('proposal.units')}</h4>
      <ul className="list">
        {proposal.units.map((p) => (
          <li key={p.unit.id} className={excluded.includes(p.unit.id) ? 'excluded' : ''}>
            <strong>{p.unit.name}</strong> <span className={`badge unit-${statusOf(p.unit)}`}>{t(`status.${statusOf(p.unit)}`)}</span> · {p.capability} · {t('eta')} {formatEta(p.etaSeconds)} · {formatDistance(p.distanceMeters)}
            <p className="reason">{p.reason}</p>
            {p.alternatives.length > 0 && <p className="hint">{t('proposal.alternatives')}: {p.alternatives.map((a) => `${a.unit.name} (${formatEta(a.etaSeconds)})`).join('、')}</p>}
            <Exclude id={p.unit.id} name={p.unit.name} />
          </li>
        ))}
      </ul>
      <h4>{t('proposal.supplies')}</h4>
      <ul className="list">
        {proposal.supplies.map((p) => (
          <li key={`${p.depot.id}-${p.itemCode}`} className={excluded.includes(p.depot.id) ? 'excluded' : ''}>
            <strong>{p.depot.name}</strong> · {p.itemCode} × {p.quantity} · {t('eta')} {formatEta(p.etaSeconds)}
            <p className="reason">{p.reason}</p>
            {p.alternatives.length > 0 && <p className="hint">{t('proposal.alternatives')}: {p.alternatives.map((a) => `${a.depot.name} (${a.available})`).join('、')}</p>}
            <Exclude id={p.depot.id} name={p.depot.name} />
          </li>
        ))}
      </ul>
      <h4>{t('proposal.experts')}</h4>
      <ul className="list">
        {proposal.experts.map((p) => (
          <li key={p.expert.id} className={excluded.includes(p.expert.id) ? 'excluded' : ''}>
            <strong>{p.expert.name}</strong> · {p.specialty} · {t('eta')} {formatEta(p.etaSeconds)}
            <p className="reason">{p.reason}</p>
            <Exclude id={p.expert.id} name={p.expert.name} />
          </li>
        ))}
      </ul>
      {proposal.coverageCost?.length > 0 && (
        <div className="coverage-cost" role="note" aria-label={t('cost.title')}>
          <h4>{t('cost.title')}</h4>
          <ul>
            {proposal.coverageCost.map((c) => (
              <li key={c.capability}>
                {t('cost.line', { capability: c.capability, minutes: Math.round(c.withinSeconds / 60), before: pct(c.coveredWeightShareBefore), after: pct(c.coveredWeightShareAfter) })}
                {c.newlyUncovered.length > 0
                  ? <p className="reason">{t('cost.lost', { n: c.newlyUncovered.length, names: c.newlyUncovered.map((p) => p.name).join('、') })}</p>
                  : <p className="hint">{t('cost.none')}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {proposal.shortfalls.length > 0 && (
        <div className="shortfalls" role="note" aria-label={t('proposal.shortfalls')}>
          <h4>{t('proposal.shortfalls')}</h4>
          <ul>{proposal.shortfalls.map((s) => <li key={`${s.kind}-${s.what}`}>{t(`shortfall.${s.kind}`)} {s.what} × {s.quantity}: {s.reason}</li>)}</ul>
        </div>
      )}
    </section>
  );
}
