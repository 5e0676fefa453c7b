import { useState } from 'react';
import { useMutation } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { FieldError, GeneralErrors } from '../lib/Errors.jsx';
import { LEVELS } from '../map/ReportIncident.jsx';
import { CHANGE_LEVEL, CLOSE } from './documents.js';

/** Escalate or de-escalate the response level, or close the incident, each with its reason. */
export function LevelAndClose({ incident, onChanged }) {
  const t = useT();
  const [level, setLevel] = useState(incident.level);
  const [reason, setReason] = useState('');
  const [change, changing] = useMutation(CHANGE_LEVEL, 'changeIncidentLevel');
  const [close, closing] = useMutation(CLOSE, 'closeIncident');
  const run = async (action) => { if (await action()) { setReason(''); onChanged(); } };
  return (
    <section aria-label={t('room.levelAndClose')} className="inline-form">
      <h3>{t('room.levelAndClose')}</h3>
      <label>{t('incident.level')}
        <select value={level} onChange={(e) => setLevel(e.target.value)}>{LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}</select>
      </label>
      <FieldError errors={changing.errors} field="level" />
      <label>{t('room.reason')}<input value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      <FieldError errors={{ ...closing.errors, ...changing.errors }} field="reason" />
      <div className="actions">
        <button type="button" disabled={changing.busy} onClick={() => run(() => change({ incidentId: incident.id, level, reason }))}>{t('room.changeLevel')}</button>
        <button type="button" disabled={closing.busy} onClick={() => run(() => close({ incidentId: incident.id, reason }))}>{t('room.close')}</button>
      </div>
      <GeneralErrors general={[...changing.general, ...closing.general]} />
    </section>
  );
}
