import { useState } from 'react';
import { useMutation, useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { FieldError, GeneralErrors, Loading } from '../lib/Errors.jsx';
import { formatTime } from '../lib/time.js';
import { enterDrill, useDrill } from '../lib/drill.js';
import { navigate } from '../lib/router.js';
import { AfterAction } from './AfterAction.jsx';
import { DRILLS, START_DRILL } from './documents.js';

/** The centre of the city, where a scenario happens unless the commander says otherwise. */
const CITY = { lat: 36.568, lon: 111.715 };

/**
 * Drills (演练): start one of a plan (those due first), join or end a running one, read the after-action report of a
 * past one. Starting a drill takes a copy of the register and stock; the console then plays it on every screen.
 */
export function DrillsScreen({ user }) {
  const t = useT();
  const list = useQuery(DRILLS, null, { real: true });
  const current = useDrill();
  const reportOf = decodeURIComponent(location.pathname.split('/')[3] ?? '') || null;
  const mayRun = user.role === 'commander' || user.role === 'admin';
  const drills = list.data?.drills ?? [];
  return (
    <section className="drills" aria-label={t('drill.title')}>
      <h2>{t('drill.title')}</h2>
      <Loading when={list.loading && !list.data} />
      <GeneralErrors general={list.error ? [list.error.message] : []} />
      {reportOf && <AfterAction drillId={reportOf} />}
      {mayRun && !current && list.data && <StartDrill plans={list.data.plans} />}
      <section aria-label={t('drill.list')}>
        <h3>{t('drill.list')}</h3>
        {list.data && drills.length === 0 && <p>{t('drill.none')}</p>}
        <ul className="list">{drills.map((d) => (
          <li key={d.id}>
            <strong>{d.name}</strong>（{d.planName}）{formatTime(d.startedAt)} · {t(`drill.status.${d.status}`)}
            {d.status === 'OPEN' && current?.id !== d.id && (
              <button type="button" onClick={() => { enterDrill(d); navigate('/console/map'); }}>{t('drill.join', { name: d.name })}</button>
            )}
            {d.status === 'ENDED' && reportOf !== d.id && (
              <button type="button" onClick={() => navigate(`/console/drills/${encodeURIComponent(d.id)}`)}>{t('drill.readReport', { name: d.name })}</button>
            )}
          </li>
        ))}</ul>
      </section>
    </section>
  );
}

function StartDrill({ plans }) {
  const t = useT();
  const due = [...plans].sort((a, b) => (a.nextDrillDue ?? '9999').localeCompare(b.nextDrillDue ?? '9999'));
  const [planId, setPlanId] = useState(due[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [lat, setLat] = useState(String(CITY.lat));
  const [lon, setLon] = useState(String(CITY.lon));
  const [start, state] = useMutation(START_DRILL, 'startDrill', { real: true });
  return (
    <form className="card" aria-label={t('drill.start')} onSubmit={async (e) => {
      e.preventDefault();
      const started = await start({ planId, scenario: { title: title.trim() || null, location: { lat: Number(lat), lon: Number(lon) } } });
      if (started) {
        enterDrill(started.drill);
        navigate(`/console/map/incident/${encodeURIComponent(started.drill.incidentId)}`);
      }
    }}>
      <h3>{t('drill.start')}</h3>
      <label>{t('drill.plan')}
        <select value={planId} onChange={(e) => setPlanId(e.target.value)}>
          {due.map((p) => <option key={p.id} value={p.id}>{p.name}{p.nextDrillDue ? t('drill.due', { on: p.nextDrillDue }) : ''}</option>)}
        </select>
      </label>
      <FieldError errors={state.errors} field="planId" />
      <label>{t('drill.name')}<input value={title} placeholder={t('drill.namePlaceholder')} onChange={(e) => setTitle(e.target.value)} /></label>
      <FieldError errors={state.errors} field="scenario.title" />
      <label>{t('drill.lat')}<input inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} /></label>
      <label>{t('drill.lon')}<input inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} /></label>
      <FieldError errors={state.errors} field="scenario.location" />
      <GeneralErrors general={state.general} />
      <p className="hint">{t('drill.startHint')}</p>
      <button type="submit" className="primary" disabled={state.busy || !planId}>{state.busy ? t('drill.starting') : t('drill.startButton')}</button>
    </form>
  );
}
