import { useState } from 'react';
import { useT } from '../lib/i18n/i18n.js';
import { RequestQueue } from './RequestQueue.jsx';
import { StockView } from './StockView.jsx';
import { Alerts } from './Alerts.jsx';
import { Transfers } from './Transfers.jsx';
import { ReceiveStock } from './ReceiveStock.jsx';

const TABS = ['requests', 'stock', 'alerts', 'transfers', 'receive'];

/** The logistics desk: the request queue first, then stock, alerts, transfers and receiving. */
export function LogisticsDesk({ user }) {
  const t = useT();
  const [tab, setTab] = useState('requests');
  return (
    <div className="desk">
      <div role="tablist" aria-label={t('nav.logistics')} className="tabs">
        {TABS.map((k) => <button key={k} role="tab" type="button" aria-selected={tab === k} onClick={() => setTab(k)}>{t(`desk.${k}`)}</button>)}
      </div>
      <div role="tabpanel" aria-label={t(`desk.${tab}`)}>
        {tab === 'requests' && <RequestQueue user={user} />}
        {tab === 'stock' && <StockView />}
        {tab === 'alerts' && <Alerts />}
        {tab === 'transfers' && <Transfers />}
        {tab === 'receive' && <ReceiveStock />}
      </div>
    </div>
  );
}
