// Drills are started, ended and listed on the real endpoint (/graphql), even from inside a drill.
const REPORT = `startedAt endedAt eventCount
  responses { incidentId title reportedAt firstProposedAt approvedAt shippedAt closedAt proposals secondsToProposal secondsToApproval }
  comparedWithPlan { kind what required dispatched short }
  shortOf { kind what quantity reason }
  coverageLost { capability withinSeconds coveredBefore coveredAfter uncovered }`;

export const DRILL = `id name status endpoint incidentId planName startedAt startedBy endedAt notes scenario { kind level title }`;

export const DRILLS = `query Drills {
  plans { id name incidentKind level nextDrillDue lastDrillOn }
  drills(first: 30) { ${DRILL} }
}`;

export const DRILL_REPORT = `query DrillReport($id: ID!) { drill(id: $id) { ${DRILL} afterAction { ${REPORT} } } }`;

export const START_DRILL = `mutation StartDrill($input: StartDrillInput!) { startDrill(input: $input) { drill { ${DRILL} } errors { code message field } } }`;

export const END_DRILL = `mutation EndDrill($input: EndDrillInput!) { endDrill(input: $input) { drill { ${DRILL} } errors { code message field } } }`;
