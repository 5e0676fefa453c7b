import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { ALERTS } from './documents.js';

/** Lots that expire within a year, soonest first; items whose pool total is below their minimum. */
export function Alerts() {
  const t = useT();
  const alerts = useQuery(ALERTS);
  return (
    <section className="columns">
      <Loading when={alerts.loading} />
      <GeneralErrors general={alerts.error ? [alerts.error.message] : []} />
      <div>
        <h3>{t('alerts.expiring')}</h3>
        <table>
          <thead><tr><th>{t('stock.depot')}</th><th>{t('stock.item')}</th><th>{t('stock.lots')}</th><th>{t('alerts.expiresOn')}</th><th>{t('alerts.daysLeft')}</th><th>{t('ledger.quantity')}</th></tr></thead>
          <tbody>{alerts.data?.expiringLots.map((l) => (
            <tr key={`${l.depot.id}-${l.itemCode}-${l.lot}`}><td>{l.depot.name}</td><td>{l.item.name}</td><td>{l.lot}</td><td>{l.expiresOn}</td><td>{l.daysLeft}</td><td>{l.quantity}</td></tr>
          ))}</tbody>
        </table>
      </div>
      <div>
        <h3>{t('alerts.low')}</h3>
        <ul className="list">{alerts.data?.lowStockItems.items.map((i) => <li key={i.code}>{i.code} {i.name}</li>)}</ul>
        {alerts.data && alerts.data.lowStockItems.items.length === 0 && <p>{t('alerts.noneLow')}</p>}
      </div>
    </section>
  );
}
