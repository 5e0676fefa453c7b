import { useEffect, useRef, useState } from 'react';
import { createMap, emptyCollection, maplibregl, point } from '../lib/map.js';
import { onRestored, useSubscription } from '../lib/graphql.js';
import { useQuery } from '../lib/hooks.js';
import { useT } from '../lib/i18n/i18n.js';
import { navigate } from '../lib/router.js';
import { Legend, LAYER_GROUPS } from './Legend.jsx';
import { NearestPanel } from './NearestPanel.jsx';
import { ReportIncident } from './ReportIncident.jsx';
import { CoveragePanel } from './CoverageLayer.jsx';
import { MoveUpPanel } from './MoveUpLayer.jsx';
import { IncidentRoom } from '../incident/IncidentRoom.jsx';
import { useJurisdictionsLayer } from '../jurisdictions/JurisdictionsLayer.js';
import { INCIDENT_CHANGED, MAP_LAYERS, UNIT_CHANGED } from './documents.js';

/** The commander's map: every layer with its legend and toggle; click for the nearest, report, open an incident. */
export function CommanderMap({ user, route }) {
  const t = useT();
  const container = useRef(null);
  const [map, setMap] = useState(null);
  const [clicked, setClicked] = useState(null);
  const [reporting, setReporting] = useState(false);
  const [shown, setShown] = useState(() => Object.fromEntries(LAYER_GROUPS.map((g) => [g.key, true])));
  const [statuses, setStatuses] = useState(null);
  const [coverageChoice, setCoverageChoice] = useState(null);
  const live = useRef(new Map());
  const incidents = useRef(new Map());
  const reportingRef = useRef(reporting);
  reportingRef.current = reporting;
  const layers = useQuery(MAP_LAYERS);
  useJurisdictionsLayer(map, shown.jurisdictions);

  useEffect(() => {
    const m = createMap(container.current);
    m.on('load', () => setMap(m));
    m.on('click', (e) => {
      const hit = m.queryRenderedFeatures(e.point, { layers: ['incidents'] })[0];
      if (hit && !reportingRef.current) { navigate(`/console/map/incident/${encodeURIComponent(hit.properties.id)}`); return; }
      setClicked({ lat: +e.lngLat.lat.toFixed(5), lon: +e.lngLat.lng.toFixed(5) });
    });
    window.musterMap = m; // for the e2e suite: it clicks at coordinates, not at pixels it guesses
    return () => { m.remove(); delete window.musterMap; };
  }, []);

  // A lost connection may have missed unit changes: the tiles are fetched again.
  useEffect(() => onRestored(() => map?.getSource('units')?.reload?.()), [map]);

  useEffect(() => {
    if (!map || !layers.data) return;
    const { depots, expertsGeoJson, incidents: list } = layers.data;
    map.getSource('depots').setData({ type: 'FeatureCollection', features: depots.items.map((d) => point(d.location.lon, d.location.lat, { id: d.id, name: d.name, shared: d.shared })) });
    map.getSource('experts').setData(JSON.parse(expertsGeoJson));
    incidents.current = new Map(list.items.filter((i) => i.status !== 'CLOSED').map((i) => [i.id, i]));
    drawIncidents();
  }, [map, layers.data]);

  function drawIncidents() {
    map?.getSource('incidents')?.setData({ type: 'FeatureCollection', features: [...incidents.current.values()].map((i) => point(i.location.lon, i.location.lat, { id: i.id, title: i.title, level: i.level })) });
  }

  function drawLiveUnits() {
    if (!map) return;
    map.getSource('unitsLive').setData({ type: 'FeatureCollection', features: [...live.current.values()] });
    applyUnitFilters();
  }

  function applyUnitFilters() {
    if (!map) return;
    const visible = statuses ?? null;
    const byStatus = visible ? ['in', ['get', 'status'], ['literal', visible]] : true;
    // A unit changed since its tile was drawn is drawn from the live layer only.
    map.setFilter('units', ['all', byStatus, ['!', ['in', ['get', 'id'], ['literal', [...live.current.keys()]]]]]);
    map.setFilter('units-live', byStatus === true ? null : byStatus);
  }

  useSubscription(map ? UNIT_CHANGED : null, null, ({ unitChanged: u }) => {
    live.current.set(u.id, point(u.location.lon, u.location.lat, { id: u.id, name: u.name, kind: u.kind, status: u.status }));
    drawLiveUnits();
  });
  useSubscription(map ? INCIDENT_CHANGED : null, null, ({ incidentChanged: i }) => {
    if (i.status === 'CLOSED') incidents.current.delete(i.id);
    else incidents.current.set(i.id, i);
    drawIncidents();
  });

  useEffect(() => {
    if (!map) return;
    for (const group of LAYER_GROUPS) for (const id of group.layers) map.setLayoutProperty(id, 'visibility', shown[group.key] ? 'visible' : 'none');
    applyUnitFilters();
  }, [map, shown, statuses]);

  const incidentOpen = route.incidentId;
  return (
    <div className="map-screen">
      <div ref={container} className="map" role="region" aria-label={t('map.label')} data-ready={map ? 'true' : 'false'} />
      <aside className="panel left">
        <button type="button" className="primary" aria-pressed={reporting} onClick={() => { setReporting(!reporting); setClicked(null); }}>
          {reporting ? t('report.cancel') : t('report.start')}
        </button>
        {reporting && !clicked && <p className="hint">{t('report.clickHint')}</p>}
        <Legend shown={shown} setShown={setShown} statuses={statuses} setStatuses={setStatuses} />
        <CoveragePanel map={map} onChoice={setCoverageChoice} />
        {(user.role === 'commander' || user.role === 'admin') && <MoveUpPanel map={map} linked={coverageChoice} />}
      </aside>
      {clicked && reporting && (
        <ReportIncident at={clicked} onDone={(id) => { setReporting(false); setClicked(null); if (id) navigate(`/console/map/incident/${encodeURIComponent(id)}`); }} />
      )}
      {clicked && !reporting && !incidentOpen && <NearestPanel at={clicked} onClose={() => setClicked(null)} />}
      {incidentOpen && map && <IncidentRoom id={incidentOpen} map={map} user={user} onClose={() => navigate('/console/map')} />}
    </div>
  );
}

export { maplibregl, emptyCollection };
