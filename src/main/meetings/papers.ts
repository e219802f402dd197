import type { PaperInput, PaperView } from '../../shared/channels/meetings';
import { MappaError } from '../../shared/errors';
import { iso, newId, type Ctx } from '../access/context';
import { requireOffice } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { getItem } from '../register/items';
import { getAttendee, requireMeetingSubject } from './meetings';

// Papers: each attendee's written summary for the panel (the report to panel, MAPPA 3),
// for one subject, held in the encrypted register like an item and owned by the attendee's
// agency (leaflet: information shared under MAPPA remains the responsibility of the agency
// that owns it; MAPPA owns nothing).

type PaperRow = {
  id: string;
  meeting_id: string;
  subject_id: string;
  attendee_id: string;
  owner_office_id: string;
  title: string;
  report: string;
  item_ids: string;
  classification: string;
  created_at: string;
  author: string;
};

const COLUMNS = `p.id, p.meeting_id, p.subject_id, p.attendee_id, p.owner_office_id, p.title, p.report, p.item_ids, p.classification, p.created_at,
  (SELECT full_name FROM meeting_attendees a WHERE a.id = p.attendee_id) AS author`;

export function addPaper(w: Writer, ctx: Ctx, input: PaperInput): string {
  requireMeetingSubject(w, input.meetingId, input.subjectId);
  const attendee = getAttendee(w, input.meetingId, input.attendeeId);
  for (const itemId of input.itemIds) {
    if (getItem(w, itemId).subjectId !== input.subjectId) throw new MappaError('wrong_subject', 'A linked item belongs to someone else: link only this person’s items.', 'itemIds');
  }
  const id = newId();
  const at = iso(ctx.now);
  w.run(
    `INSERT INTO meeting_papers (id, meeting_id, subject_id, attendee_id, owner_office_id, title, report, item_ids, classification, version, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    [id, input.meetingId, input.subjectId, attendee.id, attendee.office_id, input.title, JSON.stringify(input.report), JSON.stringify(input.itemIds), input.classification, at, ctx.actor.userName, at, ctx.actor.userName],
  );
  return id;
}

function summaryOf(r: Reader, p: PaperRow) {
  return { id: p.id, subjectId: p.subject_id, title: p.title, author: p.author, owner: requireOffice(r, p.owner_office_id, 'ownerOfficeId'), createdAt: p.created_at };
}

export function listPapers(r: Reader, meetingId: string, subjectId: string) {
  return r
    .all<PaperRow>(`SELECT ${COLUMNS} FROM meeting_papers p WHERE p.meeting_id = ? AND p.subject_id = ? AND p.withdrawn_at IS NULL ORDER BY p.created_at`, [meetingId, subjectId])
    .map((p) => summaryOf(r, p));
}

export function paperSubject(r: Reader, meetingId: string, paperId: string): string {
  const row = r.get<{ subject_id: string }>('SELECT subject_id FROM meeting_papers WHERE id = ? AND meeting_id = ? AND withdrawn_at IS NULL', [paperId, meetingId]);
  if (!row) throw new MappaError('unknown_paper', 'That paper is not among this meeting’s papers.');
  return row.subject_id;
}

export function getPaper(r: Reader, paperId: string): PaperView {
  const p = r.get<PaperRow>(`SELECT ${COLUMNS} FROM meeting_papers p WHERE p.id = ?`, [paperId]);
  if (!p) throw new MappaError('unknown_paper', 'That paper is not among this meeting’s papers.');
  return {
    ...summaryOf(r, p),
    report: JSON.parse(p.report) as Record<string, string | null>,
    itemIds: JSON.parse(p.item_ids) as string[],
    classification: p.classification === 'OFFICIAL' ? 'OFFICIAL' : 'OFFICIAL-SENSITIVE',
  };
}
