import * as maplibregl from 'maplibre-gl';
import { token } from './auth.js';
// The worker is a self-contained file of the package; served from our own assets (no CDN).
import workerUrl from '../../node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs?url';

maplibregl.setWorkerUrl(workerUrl);

// The basemap is what Muster knows: no tiles, fonts or sprites from outside. Unit kinds are drawn as shapes
// made here (SDF icons, so that the status colours them); text lives in HTML (popups, ETA labels), so no glyphs.
export const STATUS_COLOURS = {
  AVAILABLE: '#1a9850', ASSIGNED: '#d73027', EN_ROUTE: '#fc8d59', ON_SCENE: '#7b3294', RETURNING: '#4575b4', OUT_OF_SERVICE: '#888888',
};
export const KIND_SHAPES = {
  FIRE_ENGINE: 'square', RESCUE_TEAM: 'circle', MINE_RESCUE_TEAM: 'triangle', AMBULANCE: 'cross', HAZMAT_TEAM: 'diamond', BOAT: 'boat', HEAVY_MACHINERY: 'hex', OTHER: 'circle',
};
// The national four risk colours of the hazard ledger (安全风险四色分级).
export const RISK_COLOURS = { RED: '#d7191c', ORANGE: '#fd8d3c', YELLOW: '#f5d000', BLUE: '#2c7bb6' };
export const HOME_VIEW = { center: [111.72, 36.56], zoom: 10.5 };

const statusColour = ['match', ['get', 'status'], ...Object.entries(STATUS_COLOURS).flat(), '#333'];
const riskColour = ['match', ['get', 'riskLevel'], ...Object.entries(RISK_COLOURS).flat(), '#888'];
const kindIcon = ['match', ['get', 'kind'], ...Object.entries(KIND_SHAPES).flatMap(([k, s]) => [k, `shape-${s}`]), 'shape-circle'];

export function emptyCollection() {
  return { type: 'FeatureCollection', features: [] };
}

export function createMap(container) {
  const origin = location.origin;
  const map = new maplibregl.Map({
    container,
    ...HOME_VIEW,
    attributionControl: false,
    transformRequest: (url) => (url.startsWith(`${origin}/tiles/`) || url.startsWith(`${origin}/console/layers/`) || url.startsWith(`${origin}/ogc/`)
      ? { url, headers: { Authorization: `Bearer ${token()}` } } : { url }),
    style: {
      version: 8,
      sources: {
        townships: { type: 'geojson', data: `${origin}/console/layers/township-seats.geojson` },
        jurisdictions: { type: 'geojson', data: emptyCollection() },
        // The hazard ledger's sites as the caller may see them (a township its own), points and river lines.
        hazards: { type: 'geojson', data: `${origin}/ogc/collections/hazard-sites/items?limit=1000` },
        units: { type: 'vector', tiles: [`${origin}/tiles/units/{z}/{x}/{y}.mvt`], minzoom: 0, maxzoom: 16 },
        unitsLive: { type: 'geojson', data: emptyCollection() },
        depots: { type: 'geojson', data: emptyCollection() },
        experts: { type: 'geojson', data: emptyCollection() },
        incidents: { type: 'geojson', data: emptyCollection() },
        proposal: { type: 'geojson', data: emptyCollection() },
      },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#eef1ea' } },
        { id: 'jurisdictions-exact', type: 'line', source: 'jurisdictions', filter: ['!=', ['get', 'approximate'], true], paint: { 'line-color': '#455a64', 'line-width': ['match', ['get', 'level'], 'COUNTY', 2.5, 1.5] } },
        { id: 'jurisdictions-approximate', type: 'line', source: 'jurisdictions', filter: ['==', ['get', 'approximate'], true], paint: { 'line-color': '#455a64', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
        { id: 'townships', type: 'circle', source: 'townships', paint: { 'circle-radius': 9, 'circle-color': '#ffffff', 'circle-stroke-color': '#607d8b', 'circle-stroke-width': 2 } },
        { id: 'hazard-lines', type: 'line', source: 'hazards', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': riskColour, 'line-width': 4, 'line-opacity': 0.85 } },
        { id: 'hazards', type: 'circle', source: 'hazards', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 7, 'circle-color': riskColour, 'circle-stroke-color': '#333', 'circle-stroke-width': 1.5 } },
        { id: 'proposal-lines', type: 'line', source: 'proposal', paint: { 'line-color': ['match', ['get', 'kind'], 'unit', '#d73027', 'supply', '#2c7fb8', '#7b3294'], 'line-width': 2.5, 'line-dasharray': [2, 1] } },
        { id: 'depots-shared', type: 'circle', source: 'depots', filter: ['==', ['get', 'shared'], true], paint: { 'circle-radius': 7, 'circle-color': '#2c7fb8', 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 } },
        { id: 'depots-private', type: 'circle', source: 'depots', filter: ['==', ['get', 'shared'], false], paint: { 'circle-radius': 7, 'circle-color': '#a6bddb', 'circle-stroke-color': '#2c7fb8', 'circle-stroke-width': 2 } },
        { id: 'experts', type: 'circle', source: 'experts', paint: { 'circle-radius': 5, 'circle-color': '#7b3294', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
        { id: 'units', type: 'symbol', source: 'units', 'source-layer': 'units', layout: { 'icon-image': kindIcon, 'icon-allow-overlap': true, 'icon-size': 0.8 }, paint: { 'icon-color': statusColour, 'icon-halo-color': '#fff', 'icon-halo-width': 1 } },
        { id: 'units-live', type: 'symbol', source: 'unitsLive', layout: { 'icon-image': kindIcon, 'icon-allow-overlap': true, 'icon-size': 0.8 }, paint: { 'icon-color': statusColour, 'icon-halo-color': '#fff', 'icon-halo-width': 1 } },
        { id: 'incidents', type: 'circle', source: 'incidents', paint: { 'circle-radius': 11, 'circle-color': '#e31a1c', 'circle-opacity': 0.85, 'circle-stroke-color': '#fff', 'circle-stroke-width': 3 } },
      ],
    },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.addControl(new maplibregl.ScaleControl(), 'bottom-left');
  for (const shape of new Set(Object.values(KIND_SHAPES))) map.addImage(`shape-${shape}`, drawShape(shape), { sdf: true, pixelRatio: 2 });
  return map;
}

function drawShape(shape) {
  const size = 40;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const c = canvas.getContext('2d');
  c.fillStyle = '#000';
  c.beginPath();
  const m = size / 2;
  const r = 13;
  switch (shape) {
    case 'square': c.rect(m - r, m - r, 2 * r, 2 * r); break;
    case 'triangle': c.moveTo(m, m - r - 2); c.lineTo(m + r + 2, m + r); c.lineTo(m - r - 2, m + r); break;
    case 'diamond': c.moveTo(m, m - r - 3); c.lineTo(m + r + 3, m); c.lineTo(m, m + r + 3); c.lineTo(m - r - 3, m); break;
    case 'cross': c.rect(m - 5, m - r, 10, 2 * r); c.rect(m - r, m - 5, 2 * r, 10); break;
    case 'boat': c.moveTo(m - r - 2, m - 2); c.lineTo(m + r + 2, m - 2); c.lineTo(m + r - 5, m + r - 2); c.lineTo(m - r + 5, m + r - 2); break;
    case 'hex': for (let i = 0; i < 6; i++) c.lineTo(m + r * Math.cos((Math.PI / 3) * i), m + r * Math.sin((Math.PI / 3) * i)); break;
    default: c.arc(m, m, r, 0, Math.PI * 2);
  }
  c.closePath();
  c.fill();
  return c.getImageData(0, 0, size, size);
}

export function point(lon, lat, properties) {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
}

export function line(from, to, properties) {
  return { type: 'Feature', geometry: { type: 'LineString', coordinates: [[from.lon, from.lat], [to.lon, to.lat]] }, properties };
}

export { maplibregl };
