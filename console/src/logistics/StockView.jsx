import { useState } from 'react';
import { useSubscription } from '../lib/graphql.js';
import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { Ledger } from './Ledger.jsx';
import { STOCK, STOCK_CHANGED } from './documents.js';

/** Pool totals by item; a depot's or an item's stock lines; a line's ledger. Refreshed when stock changes. */
export function StockView({ agencyDepotsOnly }) {
  const t = useT();
  const [depotId, setDepotId] = useState(null);
  const [itemCode, setItemCode] = useState(null);
  const [ledger, setLedger] = useState(null);
  const stock = useQuery(STOCK, { depotId, itemCode: depotId ? null : itemCode ?? '1010101' });
  useSubscription(STOCK_CHANGED, null, () => stock.refetch());
  const depots = (stock.data?.depots.items ?? []).filter((d) => !agencyDepotsOnly || agencyDepotsOnly(d));
  return (
    <section className="stock">
      <Loading when={stock.loading} />
      <GeneralErrors general={stock.error ? [stock.error.message] : []} />
      <div className="columns">
        <div>
          <h3>{t('stock.totals')}</h3>
          <table>
            <thead><tr><th>{t('stock.item')}</th><th>{t('stock.onHand')}</th><th>{t('stock.reserved')}</th><th>{t('stock.available')}</th><th>{t('stock.inTransit')}</th><th>{t('stock.depots')}</th></tr></thead>
            <tbody>{stock.data?.stockTotals.map((s) => (
              <tr key={s.itemCode}><td><button type="button" className="link" onClick={() => { setItemCode(s.itemCode); setDepotId(null); }}>{s.itemCode} {s.item.name}</button></td><td>{s.onHand}</td><td>{s.reserved}</td><td>{s.available}</td><td>{s.inTransit}</td><td>{s.depots}</td></tr>
            ))}</tbody>
          </table>
        </div>
        <div>
          <label>{t('stock.depot')}
            <select value={depotId ?? ''} onChange={(e) => setDepotId(e.target.value || null)}>
              <option value="">{t('stock.byItem')}</option>
              {depots.map((d) => <option key={d.id} value={d.id}>{d.name}{d.shared ? ` (${t('layer.depotsShared')})` : ''}</option>)}
            </select>
          </label>
          <h3>{t('stock.lines')}</h3>
          <table>
            <thead><tr><th>{t('stock.depot')}</th><th>{t('stock.item')}</th><th>{t('stock.onHand')}</th><th>{t('stock.reserved')}</th><th>{t('stock.available')}</th><th>{t('stock.lots')}</th><th /></tr></thead>
            <tbody>{stock.data?.levels.map((l) => (
              <tr key={l.id}><td>{l.depot.name}</td><td>{l.itemCode} {l.item.name}</td><td>{l.onHand}</td><td>{l.reserved}</td><td>{l.available}</td>
                <td>{l.lots.map((x) => `${x.lot}${x.expiresOn ? ` (${x.expiresOn})` : ''}: ${x.quantity}`).join('; ')}</td>
                <td><button type="button" onClick={() => setLedger({ depotId: l.depot.id, itemCode: l.itemCode, title: `${l.depot.name} · ${l.item.name}` })}>{t('stock.ledger')}</button></td></tr>
            ))}</tbody>
          </table>
        </div>
      </div>
      {ledger && <Ledger {...ledger} onClose={() => setLedger(null)} />}
    </section>
  );
}
