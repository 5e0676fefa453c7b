import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { INCIDENT_JURISDICTION } from './documents.js';

/** In the incident room: the jurisdiction the incident lies in and the responsible persons to call. */
export function IncidentJurisdiction({ id }) {
  const t = useT();
  const found = useQuery(INCIDENT_JURISDICTION, { id });
  const j = found.data?.node?.jurisdiction;
  if (found.loading && !found.data) return null;
  return (
    <section aria-label={t('jurisdiction.title')}>
      <h3>{t('jurisdiction.title')}</h3>
      {!j && <p className="hint">{t('jurisdiction.none')}</p>}
      {j && (
        <>
          <p>
            {j.parent ? t('jurisdiction.within', { name: j.name, parent: j.parent.name }) : j.name}
            {' · '}{t(`jurisdiction.level.${j.level}`)}
            {j.approximate && <span className="hint"> · {t('jurisdiction.approximate')}</span>}
          </p>
          <h4>{t('jurisdiction.toCall')}</h4>
          {j.responsiblePersons.length === 0 && <p className="hint">{t('jurisdiction.noPersons')}</p>}
          <ul className="list" aria-label={t('jurisdiction.toCall')}>
            {j.responsiblePersons.map((p) => (
              <li key={`${p.role}-${p.phone}`}>{p.role} {p.name} <a href={`tel:${p.phone}`}>{p.phone}</a></li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
