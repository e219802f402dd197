// The words of MAPPA meetings (issue 11), as data main and renderer share. Sources in
// ../shared/DOMAIN.md "Meetings, minutes, confidentiality": procedures §5–§9, §11, §18,
// §21; national guidance ch.13a and ch.13b (MAPPA C); the MAPPA D statement.

export const MEETING_KINDS = {
  level2: 'Level 2 MAPPA meeting',
  level3: 'Level 3 MAPPA meeting',
  arm: 'Assessment of Risk Meeting (Potentially Dangerous Person)',
} as const;
export type MeetingKind = keyof typeof MEETING_KINDS;
export const MEETING_KIND_CODES = Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]];

/** The roles by which a person chairs (procedures §7, §9, §21). */
export const CHAIR_ROLES = {
  detective_inspector: 'Detective Inspector',
  senior_probation_officer: 'Senior Probation Officer',
  mappa_coordinator: 'MAPPA coordinator',
  detective_chief_inspector: 'Detective Chief Inspector',
  assistant_chief_officer: 'Assistant Chief Officer (Probation)',
  requesting_agency_manager: 'Manager of the agency that asked for the meeting',
} as const;
export type ChairRole = keyof typeof CHAIR_ROLES;
export const CHAIR_ROLE_CODES = Object.keys(CHAIR_ROLES) as [ChairRole, ...ChairRole[]];

export const ATTENDEE_PARTS = {
  chair: 'Chair',
  coordinator: 'Coordinator',
  minute_taker: 'Minute-taker',
  member: 'Panel member',
} as const;
export type AttendeePart = keyof typeof ATTENDEE_PARTS;

export const ATTENDANCE = {
  invited: 'Invited',
  attended: 'Attended',
  apologies: 'Apologies',
} as const;
export type Attendance = keyof typeof ATTENDANCE;
export const ATTENDANCE_CODES = Object.keys(ATTENDANCE) as [Attendance, ...Attendance[]];

/** An attendee's status for one subject: as for the meeting, or left before it was discussed. */
export const SUBJECT_ATTENDANCE = { ...ATTENDANCE, left_before: 'Left before this subject' } as const;
export type SubjectAttendance = keyof typeof SUBJECT_ATTENDANCE;
export const SUBJECT_ATTENDANCE_CODES = Object.keys(SUBJECT_ATTENDANCE) as [SubjectAttendance, ...SubjectAttendance[]];

export const SIGNED_HOW = {
  in_room: 'In the room, on this register',
  own_register: 'With their own register',
} as const;
export type SignedHow = keyof typeof SIGNED_HOW;

export const MINUTES_STATUSES = {
  draft: 'Draft',
  sent: 'With the chair',
  amended: 'Amended by the chair',
  final: 'Final',
} as const;
export type MinutesStatus = keyof typeof MINUTES_STATUSES;
export const MINUTES_STATUS_CODES = Object.keys(MINUTES_STATUSES) as [MinutesStatus, ...MinutesStatus[]];

/** The level decision (MAPPA C; procedures §6 "review the risk level"). */
export const LEVEL_DECISIONS = {
  continue: 'Continue at this level',
  move_up: 'Move up a level',
  move_down: 'Move down a level',
  exit: 'Exit MAPPA level 2/3 management',
} as const;
export type LevelDecision = keyof typeof LEVEL_DECISIONS;
export const LEVEL_DECISION_CODES = Object.keys(LEVEL_DECISIONS) as [LevelDecision, ...LevelDecision[]];

export const ACTION_STATUSES = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;
export const ACTION_STATUS_CODES = Object.keys(ACTION_STATUSES) as [ActionStatus, ...ActionStatus[]];

/** The parts of MAPPA C written as text, in the order the minutes print them. */
export const MINUTES_TEXT_PARTS = {
  informationShared: 'Information shared',
  riskAssessment: 'Risk assessment',
  dissentingViews: 'Dissenting views',
  rmpSupervision: 'Risk management plan: supervision',
  rmpMonitoringControl: 'Risk management plan: monitoring and control',
  rmpInterventionsTreatment: 'Risk management plan: interventions and treatment',
  rmpVictimSafety: 'Risk management plan: victim safety planning',
  contingencies: 'Contingencies',
  licenceConditions: 'Licence conditions',
  levelDecisionReason: 'Reasons for the level decision',
} as const;
export type MinutesTextPart = keyof typeof MINUTES_TEXT_PARTS;

/** The report to panel (MAPPA 3): each attendee's written summary, under these headings. */
export const REPORT_HEADINGS = {
  involvement: 'The agency’s involvement with the person',
  currentSituation: 'Current situation and recent behaviour',
  riskFactors: 'Risk factors and triggers',
  protectiveFactors: 'Protective factors',
  victims: 'Victims and potential victims',
  recommendations: 'Recommendations to the panel',
} as const;
export type ReportHeading = keyof typeof REPORT_HEADINGS;

/** Procedures §7: the chair confirms or amends the draft minutes within 5 working days of receipt (local practice: a setting). */
export const DEFAULT_CHAIR_WORKING_DAYS = 5;
export const MAX_CHAIR_WORKING_DAYS = 30;

/** Procedures §8: Level 3 cases in the community are reviewed every 4–6 weeks. */
export const LEVEL3_REVIEW_DAYS = { min: 28, max: 42 } as const;
