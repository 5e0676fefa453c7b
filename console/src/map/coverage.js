export const COVERAGE = `query Coverage($capability: String!, $withinSeconds: Int!) {
  coverage(capability: $capability, withinSeconds: $withinSeconds) {
    capability withinSeconds coveredShare coveredWeightShare backedUpShare pointsGeoJson uncovered { id name kind weight bestEtaSeconds }
  } }`;

export const CAPABILITIES = 'query Capabilities { unitCapabilities { tag } }';
