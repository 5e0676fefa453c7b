import { useEffect, useState, useSyncExternalStore } from 'react';
import { onAuthChange, signedIn, signOut } from './lib/auth.js';
import { closeLiveClient, liveClient } from './lib/graphql.js';
import { setLanguage, currentLanguage, useT } from './lib/i18n/i18n.js';
import { LiveSign } from './lib/LiveSign.jsx';
import { navigate, useRoute } from './lib/router.js';
import { SignIn } from './signin/SignIn.jsx';
import { CommanderMap } from './map/CommanderMap.jsx';
import { LogisticsDesk } from './logistics/LogisticsDesk.jsx';
import { PartnerPage } from './partner/PartnerPage.jsx';
import { DutyDesk } from './duty/DutyDesk.jsx';

import { HazardLedger } from './hazards/HazardLedger.jsx';
import { DrillBand } from './drills/DrillBand.jsx';
import { DrillsScreen } from './drills/DrillsScreen.jsx';
import { useDrill } from './lib/drill.js';

const HOME = { commander: 'map', admin: 'map', logistics: 'logistics', partner: 'partner' };
const SCREENS = {
  commander: ['map', 'duty', 'logistics', 'hazards', 'drills'],
  admin: ['map', 'duty', 'logistics', 'partner', 'hazards', 'drills'],
  logistics: ['logistics', 'map', 'duty', 'hazards', 'drills'],
  partner: ['partner'],
};

export function App() {
  const t = useT();
  const claims = useSyncExternalStore(onAuthChange, () => sessionStorage.getItem('muster.token'));
  const user = claims ? signedIn() : null;
  const route = useRoute();
  const drill = useDrill();

  useEffect(() => {
    if (user) liveClient();
    return undefined;
  }, [user, drill?.id]);

  if (!user || route.screen === 'signin-callback') return <SignIn callback={route.screen === 'signin-callback'} />;
  const screens = SCREENS[user.role] ?? [];
  const screen = screens.includes(route.screen) ? route.screen : HOME[user.role];

  return (
    <div className={drill ? 'shell in-drill' : 'shell'}>
      <DrillBand user={user} />
      <header className="topbar">
        <strong className="brand">{t('app.title')}</strong>
        <nav aria-label={t('nav.label')}>
          {screens.map((s) => (
            <button key={s} type="button" aria-current={s === screen ? 'page' : undefined} onClick={() => navigate(`/console/${s}`)}>{t(`nav.${s}`)}</button>
          ))}
        </nav>
        <span className="grow" />
        <LiveSign />
        <span className="who">{t(`role.${user.role}`)}</span>
        <button type="button" onClick={() => setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en')}>{t('language.switch')}</button>
        <button type="button" onClick={() => { closeLiveClient(); signOut(); navigate('/console/'); }}>{t('signout')}</button>
      </header>
      <main className="content" key={drill?.id ?? 'real'}>
        {screen === 'map' && <CommanderMap user={user} route={route} />}
        {screen === 'logistics' && <LogisticsDesk user={user} />}
        {screen === 'partner' && <PartnerPage user={user} />}
        {screen === 'duty' && <DutyDesk user={user} />}
        {screen === 'hazards' && <HazardLedger />}
        {screen === 'drills' && <DrillsScreen user={user} />}
      </main>
    </div>
  );
}
