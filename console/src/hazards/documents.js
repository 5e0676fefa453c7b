// GraphQL documents of the hazard ledger screen (plain strings, checked against the schema by the e2e suite's use).
export const HAZARD_SITES = `query HazardSites($riskLevel: RiskLevel) {
  hazardSites(riskLevel: $riskLevel, first: 100) { items { id name kind riskLevel enterprise responsible { role name phone } } }
}`;
