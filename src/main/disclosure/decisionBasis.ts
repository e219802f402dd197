import type { DisclosureView, LinkedMinutes } from '../../shared/disclosureSchemas';
import { MappaError } from '../../shared/errors';
import { findOffice } from '../access/offices';
import type { Reader } from '../db/types';
import type { DisclosureRow } from './rows';

// Criterion 5: whose decision it is. Leaflet: an informed decision of a Level 2 or 3 meeting
// about what level of disclosure is required; even in an emergency, multi-agency wherever
// possible; single-agency decisions strongly discouraged. The meeting's minutes are read
// here through SQL (migration 7's tables): this capability does not use the meetings one.

type MinutesRow = { id: string; meeting_id: string; subject_id: string; status: string; kind: 'level2' | 'level3' | 'arm'; meeting_status: string; starts_at: string };

const MINUTES_SQL = `SELECT m.id, m.meeting_id, m.subject_id, m.status, g.kind, g.status AS meeting_status, g.starts_at
  FROM minutes m JOIN meetings g ON g.id = m.meeting_id WHERE m.id = ?`;

export function linkedMinutes(r: Reader, minutesId: string, subjectId: string): LinkedMinutes | null {
  const m = r.get<MinutesRow>(MINUTES_SQL, [minutesId]);
  if (!m) return null;
  return {
    minutesId: m.id,
    meetingId: m.meeting_id,
    meetingKind: m.kind,
    meetingCancelled: m.meeting_status === 'cancelled',
    startsAt: m.starts_at,
    minutesStatus: m.status,
    sameSubject: m.subject_id === subjectId,
  };
}

/** The minutes a disclosure may link: those of a Level 2 or 3 meeting about this subject that has been held. */
export function requireLinkableMinutes(r: Reader, minutesId: string, subjectId: string, now: Date): void {
  const m = linkedMinutes(r, minutesId, subjectId);
  if (m === null) throw new MappaError('unknown_minutes', 'Those minutes are not in this register: choose the minutes of the meeting that decided.', 'minutesId');
  if (!m.sameSubject) throw new MappaError('other_subject', 'Those minutes are about someone else: choose the minutes about this person.', 'minutesId');
  if (m.meetingKind === 'arm') throw new MappaError('not_level_2_or_3', 'An Assessment of Risk Meeting does not decide on disclosure: choose the minutes of a Level 2 or Level 3 meeting.', 'minutesId');
  if (m.meetingCancelled) throw new MappaError('cancelled', 'That meeting was cancelled: choose the minutes of the meeting that decided.', 'minutesId');
  // Its minutes record a decision only once it has met.
  if (Date.parse(m.startsAt) > now.getTime()) throw new MappaError('not_held', 'That meeting has not been held yet: its minutes cannot record its decision. Link them once it has met.', 'minutesId');
}

type ConsultedRow = { office_id: string; person_name: string; consulted_on: string };

export function decisionOf(r: Reader, row: DisclosureRow): DisclosureView['decision'] {
  const consulted = r
    .all<ConsultedRow>('SELECT office_id, person_name, consulted_on FROM disclosure_consulted WHERE disclosure_id = ? ORDER BY position', [row.id])
    .flatMap((c) => {
      const office = findOffice(r, c.office_id);
      return office ? [{ office, personName: c.person_name, consultedOn: c.consulted_on }] : [];
    });
  return {
    basis: row.decision_basis as DisclosureView['decision']['basis'],
    minutes: row.minutes_id === null ? null : linkedMinutes(r, row.minutes_id, row.subject_id),
    emergencyReason: row.emergency_reason,
    consulted,
    singleAgencyReason: row.single_agency_reason,
  };
}

/** The minutes criterion 5 can link: Level 2 and 3 meetings about the subject, not cancelled, newest first. */
export function minutesChoices(r: Reader, subjectId: string): LinkedMinutes[] {
  return r
    .all<{ id: string }>(
      `SELECT m.id FROM minutes m JOIN meetings g ON g.id = m.meeting_id
       WHERE m.subject_id = ? AND g.kind IN ('level2', 'level3') AND g.status <> 'cancelled' ORDER BY g.starts_at DESC`,
      [subjectId],
    )
    .flatMap((m) => linkedMinutes(r, m.id, subjectId) ?? []);
}
