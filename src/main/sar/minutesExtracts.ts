import { formatLondonDate, londonDayOf } from '../../shared/calendar';
import { LEVEL_DECISIONS, MEETING_KINDS, MINUTES_TEXT_PARTS, type LevelDecision, type MeetingKind, type MinutesTextPart } from '../../shared/meetingsVocabulary';
import type { Reader } from '../db/types';

// Minutes of MAPPA meetings are handled as extracts of what is about the requester (issue
// 13): the minutes of one person's discussion (MAPPA C keeps one set per person), as the
// text the IG lead decides on like an item's: the information shared, the risk assessment,
// the decisions and their reasons, the dissenting views, the plan, the level decision and
// the next review. Not the attendance, the copies or the link to a disclosure record. Read
// from the minutes tables (migration 7) through SQL: this capability does not use the
// meetings one.

const COLUMNS: Readonly<Record<MinutesTextPart, string>> = {
  informationShared: 'information_shared',
  riskAssessment: 'risk_assessment',
  dissentingViews: 'dissenting_views',
  rmpSupervision: 'rmp_supervision',
  rmpMonitoringControl: 'rmp_monitoring_control',
  rmpInterventionsTreatment: 'rmp_interventions_treatment',
  rmpVictimSafety: 'rmp_victim_safety',
  contingencies: 'contingencies',
  licenceConditions: 'licence_conditions',
  levelDecisionReason: 'level_decision_reason',
};

type MinutesRow = Record<string, string | number | null> & {
  id: string;
  subject_id: string;
  version: number;
  decisions: string;
  level_decision: LevelDecision | null;
  next_review: string | null;
  kind: MeetingKind;
  starts_at: string;
};

export interface MinutesExtract {
  id: string;
  subjectId: string;
  version: number;
  /** "Minutes of the Level 2 MAPPA meeting, 30 November 2026". */
  label: string;
  /** The London day of the meeting. */
  day: string;
  text: string;
}

const SELECT = `SELECT m.*, g.kind, g.starts_at FROM minutes m JOIN meetings g ON g.id = m.meeting_id`;

function extractOf(row: MinutesRow): MinutesExtract {
  const parts: string[] = [];
  const decisions = JSON.parse(row.decisions) as { decision: string; rationale: string }[];
  for (const key of Object.keys(MINUTES_TEXT_PARTS) as MinutesTextPart[]) {
    const value = row[COLUMNS[key]];
    if (key === 'dissentingViews' && decisions.length > 0) parts.push(`Decisions:\n${decisions.map((d) => `${d.decision} Reasons: ${d.rationale}`).join('\n')}`);
    if (typeof value === 'string' && value.trim() !== '') parts.push(`${MINUTES_TEXT_PARTS[key]}: ${value}`);
  }
  if (row.level_decision !== null) parts.push(`Level decision: ${LEVEL_DECISIONS[row.level_decision]}.`);
  if (row.next_review !== null) parts.push(`Next review: ${formatLondonDate(row.next_review)}.`);
  const day = londonDayOf(row.starts_at);
  return { id: row.id, subjectId: row.subject_id, version: row.version, label: `Minutes of the ${MEETING_KINDS[row.kind]}, ${formatLondonDate(day)}`, day, text: parts.join('\n\n') };
}

/** The minutes about these subjects, oldest meeting first. */
export function minutesExtracts(r: Reader, subjectIds: readonly string[]): MinutesExtract[] {
  if (subjectIds.length === 0) return [];
  const marks = subjectIds.map(() => '?').join(', ');
  return r.all<MinutesRow>(`${SELECT} WHERE m.subject_id IN (${marks}) ORDER BY g.starts_at, m.id`, [...subjectIds]).map(extractOf);
}

export function minutesExtract(r: Reader, minutesId: string): MinutesExtract | undefined {
  const row = r.get<MinutesRow>(`${SELECT} WHERE m.id = ?`, [minutesId]);
  return row ? extractOf(row) : undefined;
}
