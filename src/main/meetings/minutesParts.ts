import type { MinutesParts } from '../../shared/channels/meetings';
import { addDays, daysBetween, formatLondonDate, londonDayOf } from '../../shared/calendar';
import { LEVEL3_REVIEW_DAYS, type MeetingKind } from '../../shared/meetingsVocabulary';
import type { SqlValue } from '../db/types';

// The parts of MAPPA C (national guidance ch.13b) as columns of the minutes table, and what
// must be written before minutes can be final: decisions with their reasons, the level
// decision and the next review date, the disclosure consideration at every Level 2 and 3
// meeting (procedures §18), the risk management plan under its four headings (ch.12), and
// that the confidentiality statement was read (MAPPA D; meeting audits check it).

type StoredParts = Omit<MinutesParts, 'actions'>;
export type PartKey = keyof StoredParts;

export const PART_COLUMNS = {
  statementRead: 'statement_read',
  informationShared: 'information_shared',
  informationItemIds: 'information_item_ids',
  riskAssessment: 'risk_assessment',
  decisions: 'decisions',
  dissentingViews: 'dissenting_views',
  disclosureKind: 'disclosure_kind',
  disclosureReason: 'disclosure_reason',
  disclosureRecordId: 'disclosure_record_id',
  rmpSupervision: 'rmp_supervision',
  rmpMonitoringControl: 'rmp_monitoring_control',
  rmpInterventionsTreatment: 'rmp_interventions_treatment',
  rmpVictimSafety: 'rmp_victim_safety',
  contingencies: 'contingencies',
  licenceConditions: 'licence_conditions',
  inCustody: 'in_custody',
  levelDecision: 'level_decision',
  levelDecisionReason: 'level_decision_reason',
  nextReview: 'next_review',
} as const satisfies Record<PartKey, string>;

export const PART_KEYS = Object.keys(PART_COLUMNS) as PartKey[];
export const PART_SELECT = PART_KEYS.map((k) => PART_COLUMNS[k]).join(', ');

const JSON_PARTS = new Set<PartKey>(['informationItemIds', 'decisions']);
const BOOLEAN_PARTS = new Set<PartKey>(['statementRead', 'inCustody']);

/** A part's value as stored. */
export function toColumn(key: PartKey, value: StoredParts[PartKey]): SqlValue {
  if (JSON_PARTS.has(key)) return JSON.stringify(value);
  if (BOOLEAN_PARTS.has(key)) return value === null ? null : value ? 1 : 0;
  return value as string | null;
}

/** The stored row as parts. */
export function fromRow(row: Record<string, SqlValue>): StoredParts {
  const out: Record<string, unknown> = {};
  for (const key of PART_KEYS) {
    const v = row[PART_COLUMNS[key]] ?? null;
    out[key] = JSON_PARTS.has(key) ? JSON.parse(String(v ?? '[]')) : BOOLEAN_PARTS.has(key) ? (v === null ? null : v === 1) : v;
  }
  return out as StoredParts;
}

const empty = (v: string | null) => v === null || v.trim() === '';

/** The level the case is at after this meeting, where the minutes say it. */
function levelAfter(kind: MeetingKind, decision: StoredParts['levelDecision']): number | null {
  if (kind === 'arm' || decision === null || decision === 'exit') return null;
  const now = kind === 'level3' ? 3 : 2;
  return decision === 'move_up' ? Math.min(3, now + 1) : decision === 'move_down' ? now - 1 : now;
}

/** What still stops the minutes being final, one sentence each (empty when they can be). */
export function missingParts(p: StoredParts, kind: MeetingKind, startsAt: string): string[] {
  const missing: string[] = [];
  const panel = kind !== 'arm';
  if (p.statementRead !== true) missing.push('Record that the confidentiality statement was read to the meeting or drawn to its attention.');
  if (empty(p.riskAssessment)) missing.push('Write the risk assessment.');
  if (p.decisions.length === 0) missing.push('Record at least one decision with its reasons.');
  if (panel) {
    // Procedures §18: disclosure is considered at every Level 2 and 3 meeting, and the minutes record it.
    if (p.disclosureKind === null) missing.push('Record the disclosure consideration: every Level 2 and 3 meeting considers disclosure (procedures §18). If none is needed, say why.');
    else if (p.disclosureKind === 'none_needed' && empty(p.disclosureReason)) missing.push('Say why no disclosure is needed.');
    else if (p.disclosureKind === 'disclosure_record' && p.disclosureRecordId === null) missing.push('Choose the disclosure record the meeting decided on, or record that no disclosure is needed and why.');
    if (p.levelDecision === null) missing.push('Record the level decision: continue, move up or down a level, or exit.');
    else if (empty(p.levelDecisionReason)) missing.push('Give the reasons for the level decision.');
  }
  const exiting = p.levelDecision === 'exit';
  if (panel && !exiting) {
    const plan: [string | null, string][] = [
      [p.rmpSupervision, 'supervision'],
      [p.rmpMonitoringControl, 'monitoring and control'],
      [p.rmpInterventionsTreatment, 'interventions and treatment'],
      [p.rmpVictimSafety, 'victim safety planning'],
    ];
    for (const [text, heading] of plan) if (empty(text)) missing.push(`Write the risk management plan under “${heading}”.`);
  }
  if (!exiting) {
    if (p.nextReview === null) missing.push('Set the next review date.');
    else {
      const meetingDay = londonDayOf(startsAt);
      if (p.nextReview <= meetingDay) missing.push('The next review date must be after the meeting.');
      // Procedures §8: Level 3 cases in the community are reviewed every 4–6 weeks.
      else if (levelAfter(kind, p.levelDecision) === 3 && p.inCustody !== true) {
        const gap = daysBetween(meetingDay, p.nextReview);
        if (gap < LEVEL3_REVIEW_DAYS.min || gap > LEVEL3_REVIEW_DAYS.max) {
          missing.push(
            `A Level 3 case in the community is reviewed every 4 to 6 weeks (procedures §8): set the next review between ${formatLondonDate(addDays(meetingDay, LEVEL3_REVIEW_DAYS.min))} and ${formatLondonDate(addDays(meetingDay, LEVEL3_REVIEW_DAYS.max))}, or record that the person is in custody.`,
          );
        }
      }
    }
  }
  return missing;
}
