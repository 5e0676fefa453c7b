import { useState } from 'react';
import { useMutation } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { FieldError, GeneralErrors } from '../lib/Errors.jsx';
import { REPORT_INCIDENT } from './documents.js';

export const INCIDENT_KINDS = ['MINE_GAS_EXPLOSION', 'MINE_FLOODING', 'FLOOD', 'LANDSLIDE', 'HAZMAT_LEAK', 'BUILDING_FIRE', 'FOREST_FIRE', 'EARTHQUAKE', 'TRAFFIC_ACCIDENT', 'OTHER'];
export const LEVELS = ['I', 'II', 'III', 'IV'];

/** Reporting an incident at the point the commander clicked: kind, level, title. */
export function ReportIncident({ at, onDone }) {
  const t = useT();
  const [kind, setKind] = useState('MINE_GAS_EXPLOSION');
  const [level, setLevel] = useState('III');
  const [title, setTitle] = useState('');
  const [report, { busy, errors, general }] = useMutation(REPORT_INCIDENT, 'reportIncident');
  const submit = async (e) => {
    e.preventDefault();
    const payload = await report({ kind, level, title, location: at });
    if (payload) onDone(payload.incident.id);
  };
  return (
    <form className="panel right" aria-label={t('report.title')} onSubmit={submit}>
      <header><h2>{t('report.title')}</h2><button type="button" onClick={() => onDone(null)} aria-label={t('close')}>×</button></header>
      <p className="hint">{t('report.at', { lat: at.lat, lon: at.lon })}</p>
      <label>{t('incident.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value)}>{INCIDENT_KINDS.map((k) => <option key={k} value={k}>{t(`incidentKind.${k}`)}</option>)}</select>
      </label>
      <FieldError errors={errors} field="kind" />
      <label>{t('incident.level')}
        <select value={level} onChange={(e) => setLevel(e.target.value)}>{LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}</select>
      </label>
      <FieldError errors={errors} field="level" />
      <label>{t('incident.title')}<input value={title} onChange={(e) => setTitle(e.target.value)} /></label>
      <FieldError errors={errors} field="title" />
      <FieldError errors={errors} field="location" />
      <GeneralErrors general={general} />
      <button type="submit" className="primary" disabled={busy}>{busy ? t('working') : t('report.submit')}</button>
    </form>
  );
}
