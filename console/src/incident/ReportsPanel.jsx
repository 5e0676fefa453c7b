import { useEffect, useState } from 'react';
import { token } from '../lib/auth.js';
import { useMutation, useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatTime } from '../lib/time.js';
import { FieldError, GeneralErrors, Loading } from '../lib/Errors.jsx';
import { DRAFT, FILE, REPORTS } from './ReportsDocuments.js';

const KINDS = ['INITIAL', 'FOLLOW_UP', 'FINAL'];
const PEOPLE = ['deaths', 'injured', 'missing', 'trapped'];

/** Downloads a report's PDF with the bearer token (a plain link would carry none). */
async function downloadPdf(report) {
  const response = await fetch(report.pdfUrl, { headers: { Authorization: `Bearer ${token()}` } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: `${report.title}.pdf` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the incident owes and by when; late ones marked. */
function Deadlines({ due }) {
  const t = useT();
  if (!due.length) return <p className="hint">{t('reports.nothingDue')}</p>;
  return (
    <ul className="list" aria-label={t('reports.deadlines')}>
      {due.map((d) => (
        <li key={`${d.kind}-${d.dueAt}`}>
          {t(`reports.kind.${d.kind}`)}: {t('reports.dueAt', { at: formatTime(d.dueAt) })}
          {d.dueByPhoneAt && <> · {t('reports.dueByPhone', { at: formatTime(d.dueByPhoneAt) })}</>}
          {d.overdue && <span className="badge overdue"> {t('reports.overdue')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The filed reports: copy the text for the bureau's form, download the PDF. */
function Filed({ reports }) {
  const t = useT();
  const [note, setNote] = useState('');
  if (!reports.length) return <p className="hint">{t('reports.noneFiled')}</p>;
  return (
    <ul className="list" aria-label={t('reports.filed')}>
      {reports.map((r) => (
        <li key={r.id}>
          <strong>{r.stage}</strong> · {formatTime(r.filedAt)} · {r.filedBy}
          <div className="actions">
            <button type="button" onClick={() => navigator.clipboard.writeText(r.text).then(() => setNote(t('reports.copied')), (e) => setNote(e.message))}>
              {t('reports.copy', { stage: r.stage })}
            </button>
            <button type="button" onClick={() => downloadPdf(r).catch((e) => setNote(e.message))}>{t('reports.pdf', { stage: r.stage })}</button>
          </div>
        </li>
      ))}
      {note && <li role="status">{note}</li>}
    </ul>
  );
}

/** The incident room's information reports: the draft from the timeline, edited and filed; filed reports; deadlines. */
export function ReportsPanel({ incident, user, version }) {
  const t = useT();
  const mayFile = user.role === 'commander' || user.role === 'admin';
  const reports = useQuery(REPORTS, { id: incident.id });
  const [kind, setKind] = useState(null);
  const draft = useQuery(DRAFT, { id: incident.id, kind }, { skip: !mayFile });
  const [form, setForm] = useState(null);
  // Once the officer has edited the draft, a fresher draft (a live change, a refetch) no longer overwrites the edits.
  const [edited, setEdited] = useState(false);
  const [file, filing] = useMutation(FILE, 'fileIncidentReport');
  const d = draft.data?.draftIncidentReport;

  useEffect(() => { reports.refetch(); draft.refetch(); }, [version]);
  useEffect(() => {
    if (!d || edited) return;
    setForm({
      summary: d.summary, measures: d.measures, nextSteps: d.nextSteps,
      casualties: d.casualties ?? { deaths: 0, injured: 0, missing: 0, trapped: 0 },
    });
  }, [d, edited]);

  const filed = reports.data?.incidentReports ?? [];
  const due = reports.data?.reportDeadlines ?? [];
  const set = (field) => (e) => { setEdited(true); setForm((f) => ({ ...f, [field]: e.target.value })); };
  const setPeople = (field) => (e) => { setEdited(true); setForm((f) => ({ ...f, casualties: { ...f.casualties, [field]: Number(e.target.value) } })); };
  const doFile = async () => {
    const payload = await file({ incidentId: incident.id, kind: kind ?? d.kind, ...form });
    if (payload) { setKind(null); setEdited(false); reports.refetch(); draft.refetch(); }
  };

  return (
    <section aria-label={t('reports.title')}>
      <h3>{t('reports.title')}</h3>
      <Loading when={reports.loading && !reports.data} />
      <GeneralErrors general={reports.error ? [reports.error.message] : []} />
      <Deadlines due={due} />
      <Filed reports={filed} />
      {mayFile && d && form && due.length > 0 && (
        <form className="inline-form" aria-label={t('reports.draft')} onSubmit={(e) => { e.preventDefault(); doFile(); }}>
          <h4>{t('reports.draft')}: {d.title}</h4>
          <label>{t('reports.kindLabel')}
            <select value={kind ?? d.kind} onChange={(e) => { setEdited(false); setKind(e.target.value); }}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`reports.kind.${k}`)}</option>)}
            </select>
          </label>
          <FieldError errors={filing.errors} field="kind" />
          <fieldset>
            <legend>{t('reports.casualties')}</legend>
            {PEOPLE.map((p) => (
              <label key={p}>{t(`reports.people.${p}`)}
                <input type="number" min="0" value={form.casualties[p]} onChange={setPeople(p)} />
                <FieldError errors={filing.errors} field={`casualties.${p}`} />
              </label>
            ))}
          </fieldset>
          {['summary', 'measures', 'nextSteps'].map((field) => (
            <label key={field}>{t(`reports.${field}`)}
              <textarea rows={field === 'measures' ? 5 : 3} value={form[field]} onChange={set(field)} />
              <FieldError errors={filing.errors} field={field} />
            </label>
          ))}
          <p className="hint">{t('reports.forces', { units: d.units.length, experts: d.experts.length, supplies: d.supplies.length })}
            {d.shortages.length > 0 && <> · {t('reports.short', { what: d.shortages.join('；') })}</>}</p>
          <div className="actions">
            <button type="submit" className="primary" disabled={filing.busy}>
              {filing.busy ? t('working') : t('reports.file', { kind: t(`reports.kind.${kind ?? d.kind}`) })}
            </button>
          </div>
          <GeneralErrors general={filing.general} />
        </form>
      )}
    </section>
  );
}
