import { useState } from 'react';
import { useSubscription } from '../lib/graphql.js';
import { useMutation, useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { FieldError, GeneralErrors, Loading } from '../lib/Errors.jsx';
import { formatTime } from '../lib/time.js';
import { OverdueRectifications } from './OverdueRectifications.jsx';
import { OverdueReports } from './OverdueReports.jsx';
import { ACKNOWLEDGE, DUTY_DESK, HAND_OVER, HANDOVER_DUE, ROSTER_GAP } from './documents.js';

/**
 * The duty desk (值班台): who is on duty now and until when, the next shift, the open items a handover would pass on,
 * the gaps in the roster ahead, the handover and its acknowledgement; live through rosterGap and handoverDue.
 */
export function DutyDesk({ user }) {
  const t = useT();
  const desk = useQuery(DUTY_DESK);
  const [reminder, setReminder] = useState(null);
  const [newGaps, setNewGaps] = useState(0);
  useSubscription(ROSTER_GAP, null, () => { setNewGaps((n) => n + 1); desk.refetch(); });
  useSubscription(HANDOVER_DUE, null, ({ handoverDue }) => { setReminder(handoverDue); desk.refetch(); });

  const now = desk.data?.dutyNow;
  const next = now
    ? desk.data?.dutyShifts.find((s) => s.startsAt >= now.endsAt)
    : desk.data?.dutyShifts.find((s) => new Date(s.startsAt) > new Date());
  const mayAct = user.role === 'commander' || user.role === 'admin';

  return (
    <section className="duty-desk" aria-label={t('duty.title')}>
      <h2>{t('duty.title')}</h2>
      <Loading when={desk.loading && !desk.data} />
      <GeneralErrors general={desk.error ? [desk.error.message] : []} />
      {reminder && (
        <p className="notice" role="status" aria-label={t('duty.reminder')}>
          {t('duty.reminderText', { leader: reminder.shift.leader.name, at: formatTime(reminder.dueAt), next: reminder.next?.leader.name ?? t('duty.nobody') })}
        </p>
      )}
      <div className="columns">
        <ShiftCard label={t('duty.now')} shift={now} empty={t('duty.nobodyNow')} />
        <ShiftCard label={t('duty.next')} shift={next} empty={t('duty.noNext')} />
      </div>
      {mayAct && now && <Handover shift={now} next={next} onDone={desk.refetch} />}
      {mayAct && next?.received && !next.received.acknowledgedBy && next.mine && <Acknowledge shift={next} onDone={desk.refetch} />}
      {mayAct && now?.received && !now.received.acknowledgedBy && now.mine && <Acknowledge shift={now} onDone={desk.refetch} />}
      <div className="columns">
        <section aria-label={t('duty.openItems')}>
          <h3>{t('duty.openItems')}</h3>
          <OpenItems items={desk.data?.openItems} />
        </section>
        <section aria-label={t('duty.gaps')}>
          <h3>{t('duty.gaps')}{newGaps > 0 && <span className="badge" role="status">{t('duty.newGaps', { count: newGaps })}</span>}</h3>
          {desk.data && desk.data.rosterGaps.length === 0 && <p>{t('duty.noGaps')}</p>}
          <ul className="list">{desk.data?.rosterGaps.map((g) => (
            <li key={g.from}>{t('duty.gap', { from: formatTime(g.from), until: g.until ? formatTime(g.until) : t('duty.gapOpen') })}</li>
          ))}</ul>
        </section>
      </div>
      <OverdueReports />
      <OverdueRectifications />
    </section>
  );
}

function ShiftCard({ label, shift, empty }) {
  const t = useT();
  return (
    <section className="card" aria-label={label}>
      <h3>{label}</h3>
      {!shift && <p>{empty}</p>}
      {shift && (
        <dl>
          <dt>{t('duty.leader')}</dt><dd>{shift.leader.name} <a href={`tel:${shift.leader.phone}`}>{shift.leader.phone}</a></dd>
          <dt>{t('duty.officers')}</dt>
          <dd><ul className="list">{shift.officers.map((o) => <li key={`${o.name}-${o.phone}`}>{o.name} <a href={`tel:${o.phone}`}>{o.phone}</a></li>)}</ul></dd>
          <dt>{t('duty.from')}</dt><dd>{formatTime(shift.startsAt)}</dd>
          <dt>{t('duty.until')}</dt><dd>{formatTime(shift.endsAt)}</dd>
          {shift.mine && <><dt>{t('duty.you')}</dt><dd>{t('duty.youAreOn')}</dd></>}
        </dl>
      )}
    </section>
  );
}

function OpenItems({ items }) {
  const t = useT();
  if (!items) return null;
  if (items.length === 0) return <p>{t('duty.noOpenItems')}</p>;
  return (
    <ul className="list">{items.map((i) => (
      <li key={`${i.kind}-${i.subjectId}`}><strong>{t(`duty.kind.${i.kind}`)}</strong> {i.summary}{i.due && <> · {t('duty.due', { at: formatTime(i.due) })}</>}</li>
    ))}</ul>
  );
}

function Handover({ shift, next, onDone }) {
  const t = useT();
  const [notes, setNotes] = useState('');
  const [handOver, state] = useMutation(HAND_OVER, 'handOverDuty');
  if (shift.handedOver) {
    const h = shift.handedOver;
    return (
      <section className="card" aria-label={t('duty.handover')}>
        <h3>{t('duty.handover')}</h3>
        <p role="status">{t('duty.handedOver', { by: h.by, at: formatTime(h.at), count: h.openItems.length })}</p>
        <OpenItems items={h.openItems} />
        {h.notes && <p>{h.notes}</p>}
        <p>{h.acknowledgedBy ? t('duty.acknowledged', { by: h.acknowledgedBy, at: formatTime(h.acknowledgedAt) }) : t('duty.awaitingAck')}</p>
      </section>
    );
  }

  if (!shift.mine) return <p className="hint">{t('duty.notYours')}</p>;
  return (
    <form className="card" aria-label={t('duty.handover')} onSubmit={async (e) => {
      e.preventDefault();
      if (await handOver({ shiftId: shift.id, notes: notes || null })) onDone();
    }}>
      <h3>{t('duty.handover')}</h3>
      <p>{next ? t('duty.handoverTo', { leader: next.leader.name, at: formatTime(next.startsAt) }) : t('duty.noNext')}</p>
      <label>{t('duty.notes')}<textarea value={notes} onChange={(e) => setNotes(e.target.value)} /></label>
      <FieldError errors={state.errors} field="notes" />
      <FieldError errors={state.errors} field="shiftId" />
      <GeneralErrors general={state.general} />
      <button type="submit" className="primary" disabled={state.busy}>{state.busy ? t('working') : t('duty.handOver')}</button>
    </form>
  );
}

function Acknowledge({ shift, onDone }) {
  const t = useT();
  const [acknowledge, state] = useMutation(ACKNOWLEDGE, 'acknowledgeHandover');
  const h = shift.received;
  return (
    <section className="card" aria-label={t('duty.acknowledgement')}>
      <h3>{t('duty.acknowledgement')}</h3>
      <p>{t('duty.handedOver', { by: h.by, at: formatTime(h.at), count: h.openItems.length })}</p>
      <OpenItems items={h.openItems} />
      <FieldError errors={state.errors} field="shiftId" />
      <GeneralErrors general={state.general} />
      <button type="button" className="primary" disabled={state.busy}
        onClick={async () => { if (await acknowledge({ shiftId: shift.id })) onDone(); }}>{t('duty.acknowledge')}</button>
    </section>
  );
}
