import { useEffect } from 'react';
import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatTime } from '../lib/time.js';
import { Loading } from '../lib/Errors.jsx';
import { TIMELINE } from './documents.js';

/** What happened to the incident, who did it and when, newest last; refreshed on every change of the incident. */
export function Timeline({ id, version }) {
  const t = useT();
  const timeline = useQuery(TIMELINE, { id });
  useEffect(() => { if (version) timeline.refetch(); }, [version]);
  return (
    <section aria-label={t('timeline.title')}>
      <h3>{t('timeline.title')} <Loading when={timeline.loading} /></h3>
      <ol className="timeline">
        {timeline.data?.incidentTimeline.items.map((e) => (
          <li key={e.sequence}><time>{formatTime(e.at)}</time> {eventName(t, e.eventType)} <span className="hint">{e.actor ? `${e.actor.subject} (${t(`role.${e.actor.role}`)})` : ''}</span></li>
        ))}
      </ol>
    </section>
  );
}

function eventName(t, type) {
  const name = t(`event.${type}`);
  return name.startsWith('event.') ? type : name;
}
