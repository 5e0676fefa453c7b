import { useEffect, useState } from 'react';
import { useLiveStatus } from './graphql.js';
import { useT } from './i18n/i18n.js';

/** The live connection's state, always visible: connecting, live, lost; "restored" for a few seconds after a loss. */
export function LiveSign() {
  const t = useT();
  const status = useLiveStatus();
  const [restored, setRestored] = useState(false);
  const [lostBefore, setLostBefore] = useState(false);
  useEffect(() => {
    if (status === 'lost') setLostBefore(true);
    if (status === 'live' && lostBefore) {
      setRestored(true);
      const timer = setTimeout(() => setRestored(false), 8000);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [status, lostBefore]);
  const text = status === 'live' ? (restored ? t('live.restored') : t('live.on')) : t(`live.${status}`);
  return <span role="status" aria-label={t('live.label')} className={`live live-${status}`}>{text}</span>;
}
