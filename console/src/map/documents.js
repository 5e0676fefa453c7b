// GraphQL documents of the commander's map (plain strings, checked against the schema by the e2e suite's use).
export const MAP_LAYERS = `query MapLayers {
  depots(first: 100) { items { id name shared location { lat lon } agency { name } } }
  expertsGeoJson
  incidents(first: 100) { items { id title kind level status location { lat lon } } }
}`;

export const UNIT_CHANGED = `subscription UnitChanged { unitChanged { id name kind status location { lat lon } } }`;
export const INCIDENT_CHANGED = `subscription IncidentChanged { incidentChanged { id title kind level status location { lat lon } } }`;

export const CAPABILITIES = `query Capabilities { unitCapabilities { tag count } expertSpecialties { tag count } }`;

export const NEAREST = `query Nearest($near: GeoPointInput!, $capability: String, $specialty: String) {
  nearestUnits(near: $near, capability: $capability, first: 5) { unit { id name kind status agency { name } } distanceMeters etaSeconds positionStale }
  nearestExperts(near: $near, specialty: $specialty, first: 3) { expert { id name specialties } distanceMeters etaSeconds }
}`;

export const REPORT_INCIDENT = `mutation ReportIncident($input: ReportIncidentInput!) {
  reportIncident(input: $input) { incident { id } errors { code message field } }
}`;

export const UNIT_DETAILS = `query Unit($id: ID!) { node(id: $id) { ... on RescueUnit { id name kind status capabilities agency { name } positionAt } } }`;
