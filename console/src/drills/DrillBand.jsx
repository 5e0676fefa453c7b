import { useState } from 'react';
import { useMutation } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { GeneralErrors } from '../lib/Errors.jsx';
import { leaveDrill, useDrill } from '../lib/drill.js';
import { navigate } from '../lib/router.js';
import { END_DRILL } from './documents.js';

/** The band every screen of a drill shows, so nobody mistakes the exercise for the real thing; ends or leaves the drill. */
export function DrillBand({ user }) {
  const t = useT();
  const drill = useDrill();
  const [end, state] = useMutation(END_DRILL, 'endDrill', { real: true });
  const [confirming, setConfirming] = useState(false);
  if (!drill) return null;
  const mayEnd = user.role === 'commander' || user.role === 'admin';
  return (
    <div className="drill-band" role="region" aria-label={t('drill.band')}>
      <strong>{t('drill.mark')}</strong>
      <span>{drill.name}</span>
      <span className="grow">{t('drill.notReal')}</span>
      <GeneralErrors general={state.general} />
      {mayEnd && !confirming && <button type="button" onClick={() => setConfirming(true)}>{t('drill.end')}</button>}
      {mayEnd && confirming && (
        <button type="button" className="primary" disabled={state.busy} onClick={async () => {
          const ended = await end({ drillId: drill.id });
          if (ended) {
            leaveDrill();
            navigate(`/console/drills/${encodeURIComponent(drill.id)}`);
          }
        }}>{state.busy ? t('working') : t('drill.confirmEnd')}</button>
      )}
      <button type="button" onClick={() => { leaveDrill(); navigate('/console/drills'); }}>{t('drill.leave')}</button>
    </div>
  );
}
