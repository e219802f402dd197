import type { PaperEditInput, PaperInput, PaperView } from '../../shared/channels/meetings';
import { formatLondonDate, londonDayOf } from '../../shared/calendar';
import { MappaError } from '../../shared/errors';
import { iso, newId, type Ctx } from '../access/context';
import { requireOffice } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { getItem } from '../register/items';
import { getAttendee, requireMeetingSubject } from './meetings';
import { findMinutes } from './minutes';

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
  version: number;
  updated_at: string;
  updated_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
  author: string;
};

const COLUMNS = `p.id, p.meeting_id, p.subject_id, p.attendee_id, p.owner_office_id, p.title, p.report, p.item_ids, p.classification, p.created_at,
  p.version, p.updated_at, p.updated_by, p.withdrawn_at, p.withdrawn_by, p.withdrawn_reason,
  (SELECT full_name FROM meeting_attendees a WHERE a.id = p.attendee_id) AS author`;

export function addPaper(w: Writer, ctx: Ctx, input: PaperInput): string {
  requireMeetingSubject(w, input.meetingId, input.subjectId);
  const attendee = getAttendee(w, input.meetingId, input.attendeeId);
  linkedItemsOf(w, input.subjectId, input.itemIds);
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
  return {
    id: p.id,
    subjectId: p.subject_id,
    title: p.title,
    author: p.author,
    attendeeId: p.attendee_id,
    owner: requireOffice(r, p.owner_office_id, 'ownerOfficeId'),
    createdAt: p.created_at,
    version: p.version,
    updatedAt: p.updated_at,
    updatedBy: p.updated_by,
    withdrawn: p.withdrawn_at === null ? null : { at: p.withdrawn_at, by: p.withdrawn_by ?? '', reason: p.withdrawn_reason ?? '' },
  };
}
export type PaperSummary = ReturnType<typeof summaryOf>;

/** A person's papers at a meeting, the withdrawn ones too (they show as withdrawn, with the reason). */
export function listPapers(r: Reader, meetingId: string, subjectId: string): PaperSummary[] {
  return r.all<PaperRow>(`SELECT ${COLUMNS} FROM meeting_papers p WHERE p.meeting_id = ? AND p.subject_id = ? ORDER BY p.created_at`, [meetingId, subjectId]).map((p) => summaryOf(r, p));
}

function paperRow(r: Reader, meetingId: string, paperId: string): PaperRow {
  const p = r.get<PaperRow>(`SELECT ${COLUMNS} FROM meeting_papers p WHERE p.id = ? AND p.meeting_id = ?`, [paperId, meetingId]);
  if (!p) throw new MappaError('unknown_paper', 'That paper is not among this meeting’s papers.');
  return p;
}

export function paperSubject(r: Reader, meetingId: string, paperId: string): string {
  return paperRow(r, meetingId, paperId).subject_id;
}

export function paperSummary(r: Reader, meetingId: string, paperId: string): PaperSummary {
  return summaryOf(r, paperRow(r, meetingId, paperId));
}

const withdrawnRefusal = (p: PaperRow, what: string) =>
  new MappaError('withdrawn', `This paper was withdrawn on ${formatLondonDate(londonDayOf(p.withdrawn_at ?? ''))} by ${p.withdrawn_by ?? ''} (${p.withdrawn_reason ?? ''}): ${what}`);

/** The paper's text, unless it was withdrawn: then it no longer opens. */
export function getPaper(r: Reader, meetingId: string, paperId: string): PaperView {
  const p = paperRow(r, meetingId, paperId);
  if (p.withdrawn_at !== null) throw withdrawnRefusal(p, 'its text no longer opens.');
  return {
    ...summaryOf(r, p),
    report: JSON.parse(p.report) as Record<string, string | null>,
    itemIds: JSON.parse(p.item_ids) as string[],
    classification: p.classification === 'OFFICIAL' ? 'OFFICIAL' : 'OFFICIAL-SENSITIVE',
    earlier: r
      .all<{ version: number; title: string; report: string; written_at: string; written_by: string; replaced_at: string; replaced_by: string }>(
        'SELECT version, title, report, written_at, written_by, replaced_at, replaced_by FROM meeting_paper_versions WHERE paper_id = ? ORDER BY version DESC',
        [p.id],
      )
      .map((v) => ({ version: v.version, title: v.title, report: JSON.parse(v.report) as Record<string, string | null>, writtenAt: v.written_at, writtenBy: v.written_by, replacedAt: v.replaced_at, replacedBy: v.replaced_by })),
  };
}

/** A paper may change while it is live and the person's minutes are not final (the record rests on it then). */
function requireChangeable(r: Reader, p: PaperRow): void {
  if (p.withdrawn_at !== null) throw withdrawnRefusal(p, 'it no longer changes.');
  if (findMinutes(r, p.meeting_id, p.subject_id)?.status === 'final') {
    throw new MappaError('final', 'The minutes about this person are final: the papers they rest on no longer change.');
  }
}

/** The paper's writer (its agency owns it). */
export const paperAuthor = (r: Reader, meetingId: string, paperId: string): string => paperRow(r, meetingId, paperId).attendee_id;

const REPORT_FIELDS = ['title', 'report', 'itemIds', 'classification'] as const;

/** A new version of the paper's text; returns what changed (codes). The earlier text is kept (migration 11). */
export function editPaper(w: Writer, ctx: Ctx, input: PaperEditInput): { version: number; changed: string[] } {
  const p = paperRow(w, input.meetingId, input.paperId);
  requireChangeable(w, p);
  linkedItemsOf(w, p.subject_id, input.itemIds);
  const before: Record<(typeof REPORT_FIELDS)[number], string> = { title: p.title, report: JSON.stringify(JSON.parse(p.report)), itemIds: p.item_ids, classification: p.classification };
  const after: Record<(typeof REPORT_FIELDS)[number], string> = { title: input.title, report: JSON.stringify(input.report), itemIds: JSON.stringify(input.itemIds), classification: input.classification };
  const changed = REPORT_FIELDS.filter((f) => before[f] !== after[f]);
  if (changed.length === 0) throw new MappaError('unchanged', 'Nothing was changed: change the report before saving a new version.');
  const version = p.version + 1;
  w.run(
    `INSERT INTO meeting_paper_versions (paper_id, version, meeting_id, subject_id, title, report, item_ids, classification, written_at, written_by, replaced_at, replaced_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [p.id, p.version, p.meeting_id, p.subject_id, p.title, p.report, p.item_ids, p.classification, p.updated_at, p.updated_by, iso(ctx.now), ctx.actor.userName],
  );
  w.run('UPDATE meeting_papers SET title = ?, report = ?, item_ids = ?, classification = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?', [
    input.title,
    after.report,
    after.itemIds,
    input.classification,
    version,
    iso(ctx.now),
    ctx.actor.userName,
    p.id,
  ]);
  return { version, changed };
}

export function withdrawPaper(w: Writer, ctx: Ctx, meetingId: string, paperId: string, reason: string): void {
  const p = paperRow(w, meetingId, paperId);
  requireChangeable(w, p);
  w.run('UPDATE meeting_papers SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?', [iso(ctx.now), ctx.actor.userName, reason, iso(ctx.now), ctx.actor.userName, p.id]);
}

/** Refuses an item of someone else's record: a paper refers only to its person's items. */
function linkedItemsOf(r: Reader, subjectId: string, itemIds: readonly string[]): void {
  for (const itemId of itemIds) {
    if (getItem(r, itemId).subjectId !== subjectId) throw new MappaError('wrong_subject', 'A linked item belongs to someone else: link only this person’s items.', 'itemIds');
  }
}
