const PERSON = 'name phone login';
const HANDOVER = 'by at notes acknowledgedBy acknowledgedAt openItems { kind subjectId summary due }';
export const SHIFT = `id startsAt endsAt mine leader { ${PERSON} } officers { ${PERSON} }
  handedOver { ${HANDOVER} } received { ${HANDOVER} } handoverRemindedFor`;

export const DUTY_DESK = `query DutyDesk {
  dutyNow { ${SHIFT} }
  dutyShifts { ${SHIFT} }
  rosterGaps { from until }
  openItems { kind subjectId summary due }
}`;

export const HAND_OVER = `mutation HandOverDuty($input: HandOverDutyInput!) { handOverDuty(input: $input) { shift { ${SHIFT} } errors { code message field } } }`;
export const ACKNOWLEDGE = `mutation AcknowledgeHandover($input: AcknowledgeHandoverInput!) { acknowledgeHandover(input: $input) { shift { ${SHIFT} } errors { code message field } } }`;

export const ROSTER_GAP = 'subscription RosterGap { rosterGap { from until } }';
export const HANDOVER_DUE = 'subscription HandoverDue { handoverDue { dueAt shift { id leader { name } } next { leader { name } } } }';
// GraphQL documents of the duty desk's hazard-ledger parts (plain strings, checked against the schema by the e2e suite's use).
const DANGER = 'id description severity deadline status responsiblePerson site { id name riskLevel }';

export const OVERDUE_RECTIFICATIONS = `query OverdueRectifications { overdueRectifications { ${DANGER} } }`;

export const RECTIFICATION_OVERDUE = `subscription RectificationOverdue { rectificationOverdue { ${DANGER} } }`;
