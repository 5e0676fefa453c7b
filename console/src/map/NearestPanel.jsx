import { useState } from 'react';
import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatDistance, formatEta } from '../lib/time.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { CAPABILITIES, NEAREST } from './documents.js';

/** A clicked point: the units and experts that reach it soonest, for a capability and a specialty. */
export function NearestPanel({ at, onClose }) {
  const t = useT();
  const [capability, setCapability] = useState('');
  const [specialty, setSpecialty] = useState('');
  const tags = useQuery(CAPABILITIES);
  const nearest = useQuery(NEAREST, { near: at, capability: capability || null, specialty: specialty || null });
  return (
    <aside className="panel right" aria-label={t('nearest.title')}>
      <header><h2>{t('nearest.title')}</h2><button type="button" onClick={onClose} aria-label={t('close')}>×</button></header>
      <p className="hint">{at.lat}, {at.lon}</p>
      <label>{t('nearest.capability')}
        <select value={capability} onChange={(e) => setCapability(e.target.value)}>
          <option value="">{t('nearest.any')}</option>
          {tags.data?.unitCapabilities.map((c) => <option key={c.tag} value={c.tag}>{c.tag} ({c.count})</option>)}
        </select>
      </label>
      <label>{t('nearest.specialty')}
        <select value={specialty} onChange={(e) => setSpecialty(e.target.value)}>
          <option value="">{t('nearest.any')}</option>
          {tags.data?.expertSpecialties.map((c) => <option key={c.tag} value={c.tag}>{c.tag} ({c.count})</option>)}
        </select>
      </label>
      <Loading when={nearest.loading} />
      <GeneralErrors general={nearest.error ? [nearest.error.message] : []} />
      <h3>{t('nearest.units')}</h3>
      <ol className="list">
        {nearest.data?.nearestUnits.map((u) => (
          <li key={u.unit.id}><strong>{u.unit.name}</strong> · {t(`kind.${u.unit.kind}`)} · {u.unit.agency.name}<br />
            {t('eta')} {formatEta(u.etaSeconds)} · {formatDistance(u.distanceMeters)}{u.positionStale ? ` · ${t('stale')}` : ''}</li>
        ))}
      </ol>
      <h3>{t('nearest.experts')}</h3>
      <ol className="list">
        {nearest.data?.nearestExperts.map((x) => (
          <li key={x.expert.id}><strong>{x.expert.name}</strong> · {x.expert.specialties.join(', ')}<br />{t('eta')} {formatEta(x.etaSeconds)} · {formatDistance(x.distanceMeters)}</li>
        ))}
      </ol>
    </aside>
  );
}
