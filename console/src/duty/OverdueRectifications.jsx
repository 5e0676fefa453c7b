import { useEffect, useState } from 'react';
import { useSubscription } from '../lib/graphql.js';
import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { formatTime } from '../lib/time.js';
import { RISK_COLOURS } from '../lib/map.js';
import { OVERDUE_RECTIFICATIONS, RECTIFICATION_OVERDUE } from './documents.js';

/**
 * Hidden dangers past their rectification deadline and not rectified, most overdue first: loaded once, then kept live
 * by the rectificationOverdue subscription (a danger the overdue job raises appears at once).
 */
export function OverdueRectifications() {
  const t = useT();
  const overdue = useQuery(OVERDUE_RECTIFICATIONS);
  const [dangers, setDangers] = useState([]);

  useEffect(() => { if (overdue.data) setDangers(overdue.data.overdueRectifications); }, [overdue.data]);
  useSubscription(RECTIFICATION_OVERDUE, null, ({ rectificationOverdue: d }) => {
    setDangers((list) => [...list.filter((x) => x.id !== d.id), d].sort((a, b) => a.deadline.localeCompare(b.deadline)));
  });

  return (
    <section aria-labelledby="overdue-rectifications">
      <h3 id="overdue-rectifications">{t('overdue.title')}</h3>
      <Loading when={overdue.loading} />
      <GeneralErrors general={overdue.error ? [overdue.error.message] : []} />
      {overdue.data && dangers.length === 0 && <p>{t('overdue.none')}</p>}
      {dangers.length > 0 && (
        <table aria-label={t('overdue.title')}>
          <thead><tr><th>{t('overdue.site')}</th><th>{t('overdue.danger')}</th><th>{t('overdue.severity')}</th><th>{t('overdue.deadline')}</th><th>{t('overdue.responsible')}</th></tr></thead>
          <tbody>{dangers.map((d) => (
            <tr key={d.id}>
              <td><span className="swatch" style={{ background: RISK_COLOURS[d.site?.riskLevel] }} /> {d.site?.name}</td>
              <td>{d.description}</td>
              <td>{t(`severity.${d.severity}`)}</td>
              <td>{formatTime(d.deadline)}</td>
              <td>{d.responsiblePerson}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </section>
  );
}
