import { useState } from 'react';
import { useMutation, useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { FieldError, GeneralErrors } from '../lib/Errors.jsx';
import { DEPOTS_AND_ITEMS, RECEIVE_STOCK } from './documents.js';

/** Receiving stock into a depot with its lot and expiry. */
export function ReceiveStock() {
  const t = useT();
  const choices = useQuery(DEPOTS_AND_ITEMS);
  const [form, setForm] = useState({ depotId: '', itemCode: '', quantity: 1, lot: '', expiresOn: '' });
  const [receive, receiving] = useMutation(RECEIVE_STOCK, 'receiveStock');
  const [done, setDone] = useState(false);
  const set = (k) => (e) => setForm({ ...form, [k]: k === 'quantity' ? Number(e.target.value) : e.target.value });
  const submit = async (e) => {
    e.preventDefault();
    setDone(false);
    if (await receive({ ...form, lot: form.lot || null, expiresOn: form.expiresOn || null })) setDone(true);
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('desk.receive')}>
      <label>{t('stock.depot')}<select value={form.depotId} onChange={set('depotId')}><option value="" />{choices.data?.depots.items.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}</select></label>
      <FieldError errors={receiving.errors} field="depotId" />
      <label>{t('stock.item')}<select value={form.itemCode} onChange={set('itemCode')}><option value="" />{choices.data?.items.items.map((i) => <option key={i.code} value={i.code}>{i.code} {i.name}</option>)}</select></label>
      <FieldError errors={receiving.errors} field="itemCode" />
      <label>{t('ledger.quantity')}<input type="number" value={form.quantity} onChange={set('quantity')} /></label>
      <FieldError errors={receiving.errors} field="quantity" />
      <label>{t('stock.lots')}<input value={form.lot} onChange={set('lot')} /></label>
      <FieldError errors={receiving.errors} field="lot" />
      <label>{t('alerts.expiresOn')}<input type="date" value={form.expiresOn} onChange={set('expiresOn')} /></label>
      <FieldError errors={receiving.errors} field="expiresOn" />
      <button type="submit" className="primary" disabled={receiving.busy}>{t('receive.submit')}</button>
      {done && <p role="status">{t('receive.done')}</p>}
      <GeneralErrors general={receiving.general} />
    </form>
  );
}
