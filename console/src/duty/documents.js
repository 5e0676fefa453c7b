// GraphQL documents of the duty desk's hazard-ledger parts (plain strings, checked against the schema by the e2e suite's use).
const DANGER = 'id description severity deadline status responsiblePerson site { id name riskLevel }';

export const OVERDUE_RECTIFICATIONS = `query OverdueRectifications { overdueRectifications { ${DANGER} } }`;

export const RECTIFICATION_OVERDUE = `subscription RectificationOverdue { rectificationOverdue { ${DANGER} } }`;
