import { useState } from 'react';
import { useMutation, useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatTime } from '../lib/time.js';
import { FieldError, GeneralErrors, Loading } from '../lib/Errors.jsx';
import { DEPOTS_AND_ITEMS, RECEIVE_TRANSFER, SHIP_TRANSFER, TRANSFER, TRANSFERS } from './documents.js';

/** Transfers between depots (调拨): start one, ship it, receive it. */
export function Transfers() {
  const t = useT();
  const transfers = useQuery(TRANSFERS);
  const choices = useQuery(DEPOTS_AND_ITEMS);
  const [form, setForm] = useState({ fromDepotId: '', toDepotId: '', itemCode: '', quantity: 1 });
  const [start, starting] = useMutation(TRANSFER, 'transferStock');
  const [ship, shipping] = useMutation(SHIP_TRANSFER, 'shipTransfer');
  const [receive, receiving] = useMutation(RECEIVE_TRANSFER, 'receiveTransfer');
  const after = async (p) => { if (await p) transfers.refetch(); };
  const depots = choices.data?.depots.items ?? [];
  const set = (k) => (e) => setForm({ ...form, [k]: k === 'quantity' ? Number(e.target.value) : e.target.value });
  return (
    <section>
      <form className="inline-form" onSubmit={(e) => { e.preventDefault(); after(start(form)); }} aria-label={t('transfers.new')}>
        <h3>{t('transfers.new')}</h3>
        <label>{t('transfers.from')}<select value={form.fromDepotId} onChange={set('fromDepotId')}><option value="" />{depots.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}</select></label>
        <FieldError errors={starting.errors} field="fromDepotId" />
        <label>{t('transfers.to')}<select value={form.toDepotId} onChange={set('toDepotId')}><option value="" />{depots.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}</select></label>
        <FieldError errors={starting.errors} field="toDepotId" />
        <label>{t('stock.item')}<select value={form.itemCode} onChange={set('itemCode')}><option value="" />{choices.data?.items.items.map((i) => <option key={i.code} value={i.code}>{i.code} {i.name}</option>)}</select></label>
        <FieldError errors={starting.errors} field="itemCode" />
        <label>{t('ledger.quantity')}<input type="number" value={form.quantity} onChange={set('quantity')} /></label>
        <FieldError errors={starting.errors} field="quantity" />
        <button type="submit" disabled={starting.busy}>{t('transfers.start')}</button>
        <GeneralErrors general={[...starting.general, ...shipping.general, ...receiving.general]} />
      </form>
      <Loading when={transfers.loading} />
      <table>
        <thead><tr><th>{t('transfers.from')}</th><th>{t('transfers.to')}</th><th>{t('stock.item')}</th><th>{t('ledger.quantity')}</th><th>{t('transfers.status')}</th><th>{t('ledger.at')}</th><th /></tr></thead>
        <tbody>{transfers.data?.transfers.items.map((x) => (
          <tr key={x.id}><td>{x.from.name}</td><td>{x.to.name}</td><td>{x.item.name}</td><td>{x.quantity}</td><td>{t(`transferStatus.${x.status}`)}</td><td>{formatTime(x.requestedAt)}</td>
            <td>{x.status === 'RESERVED' && <button type="button" onClick={() => after(ship({ transferId: x.id, vehicle: t('transfers.defaultVehicle'), driver: t('transfers.defaultDriver') }))}>{t('transfers.ship')}</button>}
              {x.status === 'IN_TRANSIT' && <button type="button" onClick={() => after(receive({ transferId: x.id }))}>{t('transfers.receive')}</button>}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}
