import { useSubscription } from '../lib/graphql.js';
import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatTime } from '../lib/time.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { navigate } from '../lib/router.js';
import { OVERDUE, REPORT_OVERDUE } from '../incident/ReportsDocuments.js';

/** The duty desk's late information reports, the longest overdue first; live: each new flag reloads the list. */
export function OverdueReports() {
  const t = useT();
  const overdue = useQuery(OVERDUE);
  useSubscription(REPORT_OVERDUE, null, () => overdue.refetch());
  const items = overdue.data?.overdueReports ?? [];
  return (
    <section aria-label={t('reports.overdueTitle')}>
      <h3>{t('reports.overdueTitle')} <span className="badge">{items.length}</span></h3>
      <Loading when={overdue.loading && !overdue.data} />
      <GeneralErrors general={overdue.error ? [overdue.error.message] : []} />
      {overdue.data && items.length === 0 && <p className="hint">{t('reports.noneOverdue')}</p>}
      <ul className="list">
        {items.map((o) => (
          <li key={`${o.incident.id}-${o.kind}-${o.dueAt}`}>
            <button type="button" className="link" onClick={() => navigate(`/console/map/incident/${encodeURIComponent(o.incident.id)}`)}>{o.incident.title}</button>
            {' '}{t(`reports.kind.${o.kind}`)} · {t('reports.dueAt', { at: formatTime(o.dueAt) })}
            <span className="badge overdue"> {t('reports.overdue')}</span>
            {o.flaggedAt && <span className="hint"> · {t('reports.flagged', { at: formatTime(o.flaggedAt) })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
