import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { formatTime } from '../lib/time.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { LEDGER } from './documents.js';

/** A stock line's ledger: who, when, why, and the balance after each entry. */
export function Ledger({ depotId, itemCode, title, onClose }) {
  const t = useT();
  const ledger = useQuery(LEDGER, { depotId, itemCode });
  return (
    <section aria-label={t('stock.ledgerOf', { title })} className="ledger">
      <header><h3>{t('stock.ledgerOf', { title })}</h3><button type="button" onClick={onClose} aria-label={t('close')}>×</button></header>
      <Loading when={ledger.loading} />
      <GeneralErrors general={ledger.error ? [ledger.error.message] : []} />
      <table>
        <thead><tr><th>{t('ledger.at')}</th><th>{t('ledger.kind')}</th><th>{t('ledger.quantity')}</th><th>{t('ledger.who')}</th><th>{t('ledger.why')}</th><th>{t('stock.onHand')}</th><th>{t('stock.available')}</th></tr></thead>
        <tbody>{ledger.data?.stockLedger?.items.map((e) => (
          <tr key={e.version}><td>{formatTime(e.at)}</td><td>{t(`ledgerKind.${e.kind}`)}</td><td>{e.quantity}</td><td>{e.actor ? `${e.actor.subject} (${t(`role.${e.actor.role}`)})` : ''}</td>
            <td>{[e.lot, e.reason, e.note].filter(Boolean).join(' · ')}</td><td>{e.onHandAfter}</td><td>{e.availableAfter}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}
