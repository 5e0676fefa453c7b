import { useEffect, useRef } from 'react';
import { maplibregl } from '../lib/map.js';
import { useQuery } from '../lib/hooks.js';
import { JURISDICTION_AREAS } from './documents.js';

/** A point to hang a jurisdiction's name on: the middle of its area's bounding box, or its seat. */
function labelPoint(j, area) {
  if (!area) return j.seat ? [j.seat.lon, j.seat.lat] : null;
  const rings = area.type === 'Polygon' ? [area.coordinates[0]] : area.coordinates.map((p) => p[0]);
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const ring of rings) for (const [x, y] of ring) { w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y); }
  return j.seat ? [j.seat.lon, j.seat.lat] : [(w + e) / 2, (s + n) / 2];
}

/**
 * The supervision network on the map: each jurisdiction's area outlined (an approximate one, derived from seats,
 * dashed) and its name as an HTML label (the basemap has no glyphs). Hidden with the legend's toggle.
 */
export function useJurisdictionsLayer(map, shown) {
  const areas = useQuery(JURISDICTION_AREAS);
  const labels = useRef([]);

  useEffect(() => {
    if (!map || !areas.data) return undefined;
    const items = areas.data.jurisdictions.items;
    const features = [];
    for (const j of items) {
      const area = j.area ? JSON.parse(j.area) : null;
      if (area) features.push({ type: 'Feature', geometry: area, properties: { id: j.id, name: j.name, level: j.level, approximate: j.approximate } });
      const at = j.level === 'COUNTY' ? null : labelPoint(j, area);
      if (at) {
        const el = document.createElement('span');
        el.className = `jurisdiction-label level-${j.level.toLowerCase()}`;
        el.textContent = j.name;
        el.setAttribute('data-jurisdiction', j.name);
        labels.current.push(new maplibregl.Marker({ element: el, anchor: 'top', offset: [0, 8] }).setLngLat(at).addTo(map));
      }
    }
    map.getSource('jurisdictions')?.setData({ type: 'FeatureCollection', features });
    return () => { for (const l of labels.current) l.remove(); labels.current = []; };
  }, [map, areas.data]);

  useEffect(() => {
    for (const l of labels.current) l.getElement().style.display = shown ? '' : 'none';
  }, [shown, areas.data]);
}
