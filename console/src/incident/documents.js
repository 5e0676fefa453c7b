const PROPOSAL = `id status proposedAt
  units { unit { id name kind status location { lat lon } agency { name } } capability distanceMeters etaSeconds positionStale reason alternatives { unit { id name } distanceMeters etaSeconds } }
  supplies { depot { id name location { lat lon } } itemCode quantity distanceMeters etaSeconds reason alternatives { depot { id name } available etaSeconds } }
  experts { expert { id name location { lat lon } } specialty distanceMeters etaSeconds reason alternatives { expert { id name } etaSeconds } }
  shortfalls { kind what quantity reason }
  coverageCost { capability withinSeconds coveredWeightShareBefore coveredWeightShareAfter newlyUncovered { id name kind } }`;

export const INCIDENT = `query Incident($id: ID!) { node(id: $id) { ... on Incident {
  id title kind level status location { lat lon } reportedAt reportedBy closedAt closedReason
  assignedUnits { id name kind status location { lat lon } }
  engagedExperts { id name }
  latestProposal { ${PROPOSAL} } } } }`;

export const PROPOSE = `mutation Propose($input: ProposeDispatchInput!) { proposeDispatch(input: $input) { proposal { ${PROPOSAL} } errors { code message field } } }`;

export const APPROVE = `mutation Approve($input: ApproveDispatchInput!) { approveDispatch(input: $input) { incident { id status } errors { code message field } } }`;

export const CHANGE_LEVEL = `mutation ChangeLevel($input: ChangeIncidentLevelInput!) { changeIncidentLevel(input: $input) { incident { id level } errors { code message field } } }`;

export const CLOSE = `mutation Close($input: CloseIncidentInput!) { closeIncident(input: $input) { incident { id status } errors { code message field } } }`;

export const TIMELINE = `query Timeline($id: ID!) { incidentTimeline(incidentId: $id, last: 100) { items { sequence eventType at actor { subject role } } } }`;

export const INCIDENT_CHANGED = `subscription Room($id: ID) { incidentChanged(id: $id) { id status level } }`;

export const UNIT_CHANGED = `subscription RoomUnits { unitChanged { id status } }`;

export const AS_OF = `query AsOf($id: ID!, $at: DateTime!) { incidentAsOf(incidentId: $id, at: $at) { status level assignedUnits { id name } } }`;

/** The assigned units' status and position at one moment, one aliased unitAsOf each. */
export function unitsAsOf(ids) {
  const fields = ids.map((id, i) => `u${i}: unitAsOf(id: ${JSON.stringify(id)}, at: $at) { id name status location { lat lon } }`).join('\n');
  return `query UnitsAsOf($at: DateTime!) { ${fields || '__typename'} }`;
}
