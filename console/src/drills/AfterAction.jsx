import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { formatTime } from '../lib/time.js';
import { DRILL_REPORT } from './documents.js';

/** The after-action report of an ended drill: the response's times, the dispatch against the plan, what fell short. */
export function AfterAction({ drillId }) {
  const t = useT();
  const report = useQuery(DRILL_REPORT, { id: drillId }, { real: true });
  const drill = report.data?.drill;
  const aar = drill?.afterAction;
  const seconds = (s) => (s == null ? '—' : t('drill.seconds', { n: Math.round(s) }));
  return (
    <section className="card" aria-label={t('drill.report')}>
      <h3>{t('drill.report')}{drill ? `：${drill.name}` : ''}</h3>
      <Loading when={report.loading && !report.data} />
      <GeneralErrors general={report.error ? [report.error.message] : []} />
      {drill && !aar && <p>{t('drill.stillRunning')}</p>}
      {aar && (
        <>
          <p>{t('drill.span', { from: formatTime(aar.startedAt), to: formatTime(aar.endedAt), events: aar.eventCount })}</p>
          <table aria-label={t('drill.responses')}>
            <thead><tr><th>{t('drill.incident')}</th><th>{t('drill.reportToProposal')}</th><th>{t('drill.proposalToApproval')}</th><th>{t('drill.shipped')}</th><th>{t('drill.closed')}</th></tr></thead>
            <tbody>{aar.responses.map((r) => (
              <tr key={r.incidentId}><td>{r.title}</td><td>{seconds(r.secondsToProposal)}</td><td>{seconds(r.secondsToApproval)}</td>
                <td>{r.shippedAt ? formatTime(r.shippedAt) : '—'}</td><td>{r.closedAt ? formatTime(r.closedAt) : '—'}</td></tr>
            ))}</tbody>
          </table>
          <table aria-label={t('drill.comparedWithPlan')}>
            <caption>{t('drill.comparedWithPlan')}</caption>
            <thead><tr><th>{t('drill.kind')}</th><th>{t('drill.what')}</th><th>{t('drill.required')}</th><th>{t('drill.dispatched')}</th><th>{t('drill.short')}</th></tr></thead>
            <tbody>{aar.comparedWithPlan.map((c) => (
              <tr key={`${c.kind}/${c.what}`} className={c.short > 0 ? 'short' : undefined}>
                <td>{t(`drill.kind.${c.kind}`)}</td><td>{c.what}</td><td>{c.required}</td><td>{c.dispatched}</td><td>{c.short}</td></tr>
            ))}</tbody>
          </table>
          <h4>{t('drill.shortOf')}</h4>
          {aar.shortOf.length === 0 ? <p>{t('drill.nothingShort')}</p> : (
            <ul className="list">{aar.shortOf.map((s, i) => <li key={i}>{t(`drill.kind.${s.kind}`)} {s.what} × {s.quantity}：{s.reason}</li>)}</ul>
          )}
          <h4>{t('drill.coverageLost')}</h4>
          {aar.coverageLost == null ? <p>{t('drill.coverageUnknown')}</p> : (
            <ul className="list">{aar.coverageLost.map((c) => (
              <li key={`${c.capability}/${c.withinSeconds}`}>{t('drill.coverageLine', {
                capability: c.capability, minutes: Math.round(c.withinSeconds / 60),
                before: Math.round(c.coveredBefore * 100), after: Math.round(c.coveredAfter * 100) })}
                {c.uncovered.length > 0 && t('drill.uncovered', { names: c.uncovered.join('、') })}</li>
            ))}</ul>
          )}
        </>
      )}
    </section>
  );
}
