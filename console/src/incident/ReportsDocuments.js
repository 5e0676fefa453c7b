// GraphQL documents of the incident room's reports panel and the duty desk's overdue list.
const DUE = 'kind dueAt dueByPhoneAt overdue flaggedAt';

export const REPORTS = `query Reports($id: ID!) {
  incidentReports(incidentId: $id) { id kind stage title filedAt filedBy text pdfUrl casualties { deaths injured missing trapped } }
  reportDeadlines(incidentId: $id) { ${DUE} } }`;

export const DRAFT = `query Draft($id: ID!, $kind: ReportKind) { draftIncidentReport(incidentId: $id, kind: $kind) {
  kind stage title jurisdictionName casualties { deaths injured missing trapped } units experts supplies shortages summary measures nextSteps text } }`;

export const FILE = `mutation File($input: FileIncidentReportInput!) { fileIncidentReport(input: $input) {
  report { id kind stage } errors { code message field } } }`;

export const OVERDUE = `query Overdue { overdueReports { incident { id title } ${DUE} } }`;

export const REPORT_OVERDUE = `subscription ReportOverdue { reportOverdue { incident { id title } ${DUE} } }`;
