// GraphQL documents of the supervision network in the console.
export const JURISDICTION_AREAS = `query JurisdictionAreas {
  jurisdictions(first: 100) { items { id name level approximate area seat { lat lon } } }
}`;

export const INCIDENT_JURISDICTION = `query IncidentJurisdiction($id: ID!) { node(id: $id) { ... on Incident {
  id jurisdiction { id name level approximate parent { name } responsiblePersons { role name phone } } } } }`;
