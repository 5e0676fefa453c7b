import { useState } from 'react';
import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { RISK_COLOURS } from '../lib/map.js';
import { OverdueRectifications } from '../duty/OverdueRectifications.jsx';
import { HAZARD_SITES } from './documents.js';

/** The hazard ledger (风险隐患台账): overdue rectifications first, then the sites, reddest first, filterable by colour. */
export function HazardLedger() {
  const t = useT();
  const [riskLevel, setRiskLevel] = useState('');
  const sites = useQuery(HAZARD_SITES, riskLevel ? { riskLevel } : {});
  return (
    <div className="desk">
      <OverdueRectifications />
      <section aria-labelledby="hazard-sites">
        <h3 id="hazard-sites">{t('hazards.sites')}</h3>
        <label>{t('legend.risk')}{' '}
          <select value={riskLevel} onChange={(e) => setRiskLevel(e.target.value)}>
            <option value="">{t('hazards.allLevels')}</option>
            {Object.keys(RISK_COLOURS).map((level) => <option key={level} value={level}>{t(`risk.${level}`)}</option>)}
          </select>
        </label>
        <Loading when={sites.loading} />
        <GeneralErrors general={sites.error ? [sites.error.message] : []} />
        <table aria-label={t('hazards.sites')}>
          <thead><tr><th>{t('legend.risk')}</th><th>{t('overdue.site')}</th><th>{t('hazards.kind')}</th><th>{t('hazards.enterprise')}</th><th>{t('overdue.responsible')}</th></tr></thead>
          <tbody>{sites.data?.hazardSites.items.map((s) => (
            <tr key={s.id}>
              <td><span className="swatch" style={{ background: RISK_COLOURS[s.riskLevel] }} /> {t(`risk.${s.riskLevel}`)}</td>
              <td>{s.name}</td>
              <td>{t(`hazardKind.${s.kind}`)}</td>
              <td>{s.enterprise}</td>
              <td>{s.responsible ? `${s.responsible.role} ${s.responsible.name} ${s.responsible.phone}` : ''}</td>
            </tr>
          ))}</tbody>
        </table>
      </section>
    </div>
  );
}
