import { useEffect, useRef, useState } from 'react';
import { useSubscription } from '../lib/graphql.js';
import { useMutation, useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { createMap, point } from '../lib/map.js';
import { GeneralErrors, Loading } from '../lib/Errors.jsx';
import { RequestQueue } from '../logistics/RequestQueue.jsx';
import { CHANGE_STATUS, DEPOT_STOCK, OWN_DEPOTS, OWN_UNIT_CHANGED, PARTNER } from './documents.js';

const STATUSES = ['AVAILABLE', 'ASSIGNED', 'EN_ROUTE', 'ON_SCENE', 'RETURNING', 'OUT_OF_SERVICE'];

/** A partner agency's page: its units (status, map), its depots and their stock, its requests — what the API shows it. */
export function PartnerPage() {
  const t = useT();
  const partner = useQuery(PARTNER);
  const agencyId = partner.data?.viewer.agencyId;
  const depots = useQuery(OWN_DEPOTS, { agencyId }, { skip: !agencyId });
  const [live, setLive] = useState({});
  useSubscription(OWN_UNIT_CHANGED, null, ({ unitChanged: u }) => setLive((l) => ({ ...l, [u.id]: u })));
  const units = (partner.data?.units.items ?? []).map((u) => live[u.id] ?? u);
  return (
    <div className="partner">
      <h1>{partner.data?.viewer.agency?.name ?? ''}</h1>
      <Loading when={partner.loading} />
      <GeneralErrors general={partner.error ? [partner.error.message] : []} />
      <div className="columns">
        <section aria-label={t('partner.units')}>
          <h2>{t('partner.units')}</h2>
          <ul className="list">{units.map((u) => <UnitRow key={u.id} unit={u} />)}</ul>
        </section>
        <PartnerMap units={units} depots={depots.data?.depots.items ?? []} />
      </div>
      <section aria-label={t('partner.depots')}>
        <h2>{t('partner.depots')}</h2>
        <Loading when={depots.loading} />
        {depots.data?.depots.items.map((d) => <DepotStock key={d.id} depot={d} />)}
      </section>
      <section aria-label={t('partner.requests')}>
        <h2>{t('partner.requests')}</h2>
        <RequestQueue user={{ role: 'partner' }} />
      </section>
    </div>
  );
}

function UnitRow({ unit }) {
  const t = useT();
  const [change, changing] = useMutation(CHANGE_STATUS, 'changeUnitStatus');
  return (
    <li>
      <strong>{unit.name}</strong> · {t(`kind.${unit.kind}`)}{' '}
      <label>{t('partner.status')}
        <select value={unit.status} disabled={changing.busy} aria-label={t('partner.statusOf', { name: unit.name })}
          onChange={(e) => change({ unitId: unit.id, status: e.target.value })}>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
        </select>
      </label>
      <GeneralErrors general={[...changing.general, ...Object.values(changing.errors)]} />
    </li>
  );
}

function DepotStock({ depot }) {
  const t = useT();
  const stock = useQuery(DEPOT_STOCK, { depotId: depot.id });
  return (
    <article className="card" aria-label={depot.name}>
      <h3>{depot.name} <span className="hint">{depot.shared ? t('layer.depotsShared') : t('layer.depotsPrivate')}</span></h3>
      <Loading when={stock.loading} />
      <table><tbody>{stock.data?.stockLevels.map((l) => <tr key={l.id}><td>{l.item.name}</td><td>{l.available} / {l.onHand} {l.item.unit}</td></tr>)}</tbody></table>
    </article>
  );
}

function PartnerMap({ units, depots }) {
  const t = useT();
  const container = useRef(null);
  const [map, setMap] = useState(null);
  useEffect(() => {
    const m = createMap(container.current);
    m.on('load', () => setMap(m));
    return () => m.remove();
  }, []);
  useEffect(() => {
    if (!map) return;
    map.getSource('unitsLive').setData({ type: 'FeatureCollection', features: units.map((u) => point(u.location.lon, u.location.lat, { id: u.id, kind: u.kind, status: u.status })) });
    map.setFilter('units', ['!', ['in', ['get', 'id'], ['literal', units.map((u) => u.id)]]]);
    map.getSource('depots').setData({ type: 'FeatureCollection', features: depots.map((d) => point(d.location.lon, d.location.lat, { id: d.id, shared: d.shared })) });
  }, [map, units, depots]);
  return <div ref={container} className="map small" role="region" aria-label={t('partner.map')} />;
}
