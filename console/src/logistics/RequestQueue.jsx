import { useState } from 'react';
import { useSubscription } from '../lib/graphql.js';
import { useMutation, useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatTime } from '../lib/time.js';
import { FieldError, GeneralErrors, Loading } from '../lib/Errors.jsx';
import { ALLOCATE_REQUEST, APPROVE_REQUEST, CONFIRM_DELIVERY, REQUEST_CHANGED, REQUESTS, SHIP_REQUEST } from './documents.js';

/** Supply requests, newest changes live: REQUESTED → approve → allocate (shortfalls shown) → ship → confirm delivery. */
export function RequestQueue({ user }) {
  const t = useT();
  const requests = useQuery(REQUESTS, {});
  const [changed, setChanged] = useState({});
  useSubscription(REQUEST_CHANGED, null, ({ supplyRequestChanged: r }) => setChanged((c) => ({ ...c, [r.id]: r })));
  const list = (requests.data?.supplyRequests.items ?? []).map((r) => changed[r.id] ?? r);
  for (const r of Object.values(changed)) if (!list.some((x) => x.id === r.id)) list.unshift(r);
  return (
    <section aria-label={t('desk.requests')}>
      <Loading when={requests.loading} />
      <GeneralErrors general={requests.error ? [requests.error.message] : []} />
      {list.length === 0 && !requests.loading && <p>{t('requests.none')}</p>}
      <ul className="cards">{list.map((r) => <RequestCard key={r.id} request={r} user={user} onChanged={(n) => setChanged((c) => ({ ...c, [n.id]: n }))} />)}</ul>
    </section>
  );
}

function RequestCard({ request: r, user, onChanged }) {
  const t = useT();
  const [approve, approving] = useMutation(APPROVE_REQUEST, 'approveSupplyRequest');
  const [allocate, allocating] = useMutation(ALLOCATE_REQUEST, 'allocateSupplyRequest');
  const [ship, shipping] = useMutation(SHIP_REQUEST, 'dispatchShipment');
  const [confirm, confirming] = useMutation(CONFIRM_DELIVERY, 'confirmDelivery');
  const [vehicle, setVehicle] = useState('');
  const [driver, setDriver] = useState('');
  const staff = user.role !== 'partner';
  const act = async (mutate, input) => { const p = await mutate(input); if (p) onChanged(p.request); };
  const title = r.lines.map((l) => `${l.item.name} × ${l.quantity}`).join('、');
  const inTwoHours = () => new Date(Date.now() + 2 * 3600_000).toISOString();
  return (
    <li className="card" aria-label={t('requests.card', { title })}>
      <header><strong>{title}</strong> <span className={`badge req-${r.status}`}>{t(`requestStatus.${r.status}`)}</span> <span className="hint">{[t(`priority.${r.priority}`), r.agency?.name, formatTime(r.requestedAt)].filter(Boolean).join(' · ')}</span></header>
      {r.note && <p>{r.note}</p>}
      {r.allocations.length > 0 && <p>{t('requests.allocations')}: {r.allocations.map((a) => `${a.depot?.name ?? ''} ${a.itemCode} × ${a.quantity}`).join('、')}</p>}
      {r.shortfalls.length > 0 && <p className="shortfalls" role="note">{t('requests.shortfalls')}: {r.shortfalls.map((s) => `${s.itemCode} × ${s.quantity}`).join('、')}</p>}
      {r.shipment && <p>{t('requests.shipment', { vehicle: r.shipment.vehicle, driver: r.shipment.driver, at: formatTime(r.shipment.expectedArrival) })}</p>}
      <div className="actions">
        {staff && r.status === 'REQUESTED' && <button type="button" disabled={approving.busy} onClick={() => act(approve, { requestId: r.id })}>{t('requests.approve')}</button>}
        {staff && ['REQUESTED', 'APPROVED', 'PARTIALLY_ALLOCATED'].includes(r.status) && <button type="button" disabled={allocating.busy} onClick={() => act(allocate, { requestId: r.id })}>{t('requests.allocate')}</button>}
        {staff && ['ALLOCATED', 'PARTIALLY_ALLOCATED'].includes(r.status) && (
          <>
            <label>{t('requests.vehicle')}<input value={vehicle} onChange={(e) => setVehicle(e.target.value)} /></label>
            <FieldError errors={shipping.errors} field="vehicle" />
            <label>{t('requests.driver')}<input value={driver} onChange={(e) => setDriver(e.target.value)} /></label>
            <FieldError errors={shipping.errors} field="driver" />
            <button type="button" disabled={shipping.busy} onClick={() => act(ship, { requestId: r.id, vehicle, driver, expectedArrival: inTwoHours() })}>{t('requests.ship')}</button>
          </>
        )}
        {r.status === 'IN_TRANSIT' && <button type="button" disabled={confirming.busy} onClick={() => act(confirm, { requestId: r.id, received: r.allocations.reduce((acc, a) => {
          const line = acc.find((x) => x.itemCode === a.itemCode);
          if (line) line.quantity += a.quantity; else acc.push({ itemCode: a.itemCode, quantity: a.quantity });
          return acc;
        }, []) })}>{t('requests.confirm')}</button>}
      </div>
      <GeneralErrors general={[...approving.general, ...allocating.general, ...shipping.general, ...confirming.general,
        ...Object.values(approving.errors), ...Object.values(allocating.errors), ...Object.values(confirming.errors)]} />
    </li>
  );
}
