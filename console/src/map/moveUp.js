export const MOVE_UP_SUGGESTION = `query MoveUpSuggestion($capability: String!, $withinSeconds: Int!, $maxMoves: Int!) {
  moveUpSuggestion(capability: $capability, withinSeconds: $withinSeconds, maxMoves: $maxMoves) {
    capability withinSeconds maxMoves coveredWeightShareBefore coveredWeightShareAfter optimal boundWeightShare gapShare method
    demandPoints availableUnits posts
    moves {
      unit { id name kind location { lat lon } }
      to { id name kind location { lat lon } }
      etaSeconds distanceMeters coverageGain recoveredWeight recovers { id name weight }
    }
  } }`;

export const APPROVE_MOVE_UP = `mutation ApproveMoveUp($input: ApproveMoveUpInput!) {
  approveMoveUp(input: $input) {
    moveUp { id moves { unit { id name status movingUp { postName expectedAt } } to { id name } etaSeconds expectedAt } }
    errors { code message field }
  } }`;

/** Compass bearing (degrees clockwise from north) from one point to another, on the map's plane. */
export function bearing(from, to) {
  const dx = (to.lon - from.lon) * Math.cos((((from.lat + to.lat) / 2) * Math.PI) / 180);
  const dy = to.lat - from.lat;
  return (Math.atan2(dx, dy) * 180) / Math.PI;
}

/** The arrows of a suggestion: a line from each unit to its post, and an arrow head at the post turned along it. */
export function arrows(moves) {
  const lines = [];
  const heads = [];
  moves.forEach((m, i) => {
    const properties = { index: i + 1, unitId: m.unit.id, unit: m.unit.name, postId: m.to.id, post: m.to.name };
    lines.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[m.unit.location.lon, m.unit.location.lat], [m.to.location.lon, m.to.location.lat]] }, properties });
    heads.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [m.to.location.lon, m.to.location.lat] }, properties: { ...properties, bearing: bearing(m.unit.location, m.to.location) } });
  });
  return { lines: { type: 'FeatureCollection', features: lines }, heads: { type: 'FeatureCollection', features: heads } };
}

/** The index of the move a CONFLICT names (moves[i].unitId), or -1. */
export function conflictedMove(field) {
  const match = /moves\[(\d+)\]/.exec(field ?? '');
  return match ? Number(match[1]) : -1;
}
