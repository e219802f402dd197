import { londonDayOf } from '../../shared/calendar';
import type { DeadlineView, SarIntake, SarSummary, SarView } from '../../shared/channels/sar';
import { MappaError } from '../../shared/errors';
import { sarBand, sarDeadline, type DeadlineFacts } from '../../shared/sarDeadline';
import { defaultRegime } from '../../shared/sharingVocabulary';
import { registerCalendar } from '../access/calendarSettings';
import { iso, newId, type Ctx } from '../access/context';
import { homeOffice, requireOffice } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { getSubject } from '../register/subjects';

// A subject access request's record: the intake, the facts its deadline is counted from,
// and the view the screens show, with the deadline as the engine counts it. Every change
// is made here and checked by the engine before it is kept, so a fact the rules cannot
// accept (an extension told too late, a clarification answered before it was asked) is
// refused and changes nothing.

export type RequestRow = {
  id: string;
  reference: string;
  office_id: string;
  regime: 'uk_gdpr' | 'dpa2018_part3';
  requester_name: string;
  on_behalf: number;
  representative_name: string | null;
  authority: string | null;
  contact: string;
  names: string;
  date_of_birth: string | null;
  identifiers: string | null;
  asked_for: string;
  received_on: string;
  identity_verified_on: string | null;
  identity_how: string | null;
  fee_required: number;
  fee_reason: string | null;
  fee_received_on: string | null;
  extension_told_on: string | null;
  extension_reason: string | null;
  status: 'open' | 'closed';
  closed_on: string | null;
  closed_note: string | null;
  response_details: string | null;
};

type PauseRow = { seq: number; asked_on: string; what: string; answered_on: string | null };

export function requestRow(r: Reader, id: string): RequestRow {
  const row = r.get<RequestRow>('SELECT * FROM sar_requests WHERE id = ?', [id]);
  if (!row) throw new MappaError('unknown_request', 'That subject access request is not in this register.');
  return row;
}

export function requireOpen(r: Reader, id: string): RequestRow {
  const row = requestRow(r, id);
  if (row.status === 'closed') throw new MappaError('closed', `Request ${row.reference} is closed: it no longer changes.`);
  return row;
}

const pausesOf = (r: Reader, id: string) => r.all<PauseRow>('SELECT seq, asked_on, what, answered_on FROM sar_pauses WHERE request_id = ? ORDER BY seq', [id]);

function factsOf(r: Reader, row: RequestRow): DeadlineFacts {
  return {
    receivedOn: row.received_on,
    identityVerifiedOn: row.identity_verified_on,
    feeRequired: row.fee_required === 1,
    feeReceivedOn: row.fee_received_on,
    pauses: pausesOf(r, row.id).map((p) => ({ askedOn: p.asked_on, answeredOn: p.answered_on })),
    extension: row.extension_told_on === null ? null : { toldOn: row.extension_told_on },
  };
}

/** The deadline as the engine counts it; throws the engine's refusal for facts that cannot be. */
export function deadlineOf(r: Reader, row: RequestRow, now: Date): DeadlineView {
  const d = sarDeadline(factsOf(r, row), registerCalendar(r));
  const band = sarBand(d, londonDayOf(now.toISOString()));
  const closed = row.status === 'closed';
  return {
    state: d.state,
    start: d.state === 'not_started' ? null : d.start,
    firstDueOn: d.state === 'running' ? d.firstDueOn : null,
    dueOn: d.state === 'running' ? d.dueOn : null,
    extended: d.state === 'running' && d.extended,
    daysStopped: d.state === 'not_started' ? 0 : d.daysStopped,
    daysLeft: closed ? null : band.daysLeft,
    band: closed ? 'green' : band.band,
    label: closed ? `Closed on ${row.closed_on ?? ''}` : band.label,
    explanation: d.explanation,
    notice: d.state === 'running' ? d.notice : null,
  };
}

/** The next reference: SAR-<year>-<number in that year>. */
function nextReference(w: Writer, receivedOn: string): string {
  const year = receivedOn.slice(0, 4);
  const n = w.get<{ n: number }>("SELECT count(*) AS n FROM sar_requests WHERE reference LIKE ?", [`SAR-${year}-%`])?.n ?? 0;
  return `SAR-${year}-${String(n + 1).padStart(4, '0')}`;
}

export function createRequest(w: Writer, ctx: Ctx, input: SarIntake): string {
  const office = homeOffice(w);
  if (!office) throw new MappaError('no_home_office', 'Set up the office this register belongs to first: the office’s agency decides the rules a request is answered under.');
  notFuture(input.receivedOn, 'receivedOn', 'The day the request was received', ctx.now);
  const id = newId();
  const at = iso(ctx.now);
  const names = [...new Set([input.requesterName, ...input.names].map((n) => n.normalize('NFC')))];
  w.run(
    `INSERT INTO sar_requests (id, reference, office_id, regime, requester_name, on_behalf, representative_name, authority, contact, names, date_of_birth, identifiers, asked_for, received_on, status, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)`,
    [
      id,
      nextReference(w, input.receivedOn),
      office.id,
      defaultRegime(office.agency),
      input.requesterName.normalize('NFC'),
      input.representativeName === null ? 0 : 1,
      input.representativeName,
      input.authority,
      input.contact,
      JSON.stringify(names),
      input.dateOfBirth,
      input.identifiers,
      input.askedFor,
      input.receivedOn,
      at,
      ctx.actor.userName,
      at,
      ctx.actor.userName,
    ],
  );
  return id;
}

/** A day the register is told something happened: not one still to come. */
export function notFuture(day: string | null, field: string, what: string, now: Date): void {
  if (day !== null && day > londonDayOf(now.toISOString())) throw new MappaError('future_date', `${what} cannot be a day still to come.`, field);
}

/** Changes the request's facts, then asks the engine: a change it refuses is rolled back with the act. */
export function changeFacts(w: Writer, ctx: Ctx, id: string, set: Record<string, string | number | null>): void {
  requireOpen(w, id);
  const columns = Object.keys(set);
  w.run(`UPDATE sar_requests SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, updated_by = ? WHERE id = ?`, [...columns.map((c) => set[c] ?? null), iso(ctx.now), ctx.actor.userName, id]);
  checkDeadline(w, id, ctx.now);
}

function checkDeadline(w: Writer, id: string, now: Date): void {
  const row = requestRow(w, id);
  deadlineOf(w, row, now);
}

export function askClarification(w: Writer, ctx: Ctx, id: string, askedOn: string, what: string): void {
  requireOpen(w, id);
  notFuture(askedOn, 'askedOn', 'The day clarification was asked for', ctx.now);
  const open = w.get('SELECT 1 AS x FROM sar_pauses WHERE request_id = ? AND answered_on IS NULL', [id]);
  if (open) throw new MappaError('already_stopped', 'The clock is already stopped for a question not yet answered: record its answer first.');
  const seq = (w.get<{ n: number | null }>('SELECT max(seq) AS n FROM sar_pauses WHERE request_id = ?', [id])?.n ?? 0) + 1;
  w.run('INSERT INTO sar_pauses (request_id, seq, asked_on, what, answered_on, recorded_by) VALUES (?, ?, ?, ?, NULL, ?)', [id, seq, askedOn, what, ctx.actor.userName]);
  checkDeadline(w, id, ctx.now);
}

export function answerClarification(w: Writer, ctx: Ctx, id: string, answeredOn: string): void {
  requireOpen(w, id);
  notFuture(answeredOn, 'answeredOn', 'The day the answer was received', ctx.now);
  const open = w.get<{ seq: number }>('SELECT seq FROM sar_pauses WHERE request_id = ? AND answered_on IS NULL', [id]);
  if (!open) throw new MappaError('not_stopped', 'No question to the requester is waiting for an answer.');
  w.run('UPDATE sar_pauses SET answered_on = ? WHERE request_id = ? AND seq = ?', [answeredOn, id, open.seq]);
  checkDeadline(w, id, ctx.now);
}

const count = (r: Reader, sql: string, id: string) => r.get<{ n: number }>(sql, [id])?.n ?? 0;

function summaryOf(r: Reader, row: RequestRow, now: Date): SarSummary {
  const subjects = count(r, 'SELECT count(*) AS n FROM sar_subjects WHERE request_id = ?', row.id);
  const ours = count(
    r,
    `SELECT count(*) AS n FROM items i JOIN sar_subjects s ON s.subject_id = i.subject_id AND s.request_id = ?1
     WHERE i.deleted_at IS NULL AND i.owner_office_id = (SELECT office_id FROM sar_requests WHERE id = ?1)`,
    row.id,
  );
  const minutes = count(r, 'SELECT count(*) AS n FROM minutes m JOIN sar_subjects s ON s.subject_id = m.subject_id AND s.request_id = ?', row.id);
  const decided =
    count(r, 'SELECT count(*) AS n FROM sar_decisions d JOIN items i ON i.id = d.item_id AND i.version = d.item_version WHERE d.request_id = ?', row.id) +
    count(r, 'SELECT count(*) AS n FROM sar_decisions d JOIN minutes m ON m.id = d.item_id AND m.version = d.item_version WHERE d.request_id = ?', row.id);
  const others = r.all<{ id: string }>(
    `SELECT i.id FROM items i JOIN sar_subjects s ON s.subject_id = i.subject_id AND s.request_id = ?1
     WHERE i.deleted_at IS NULL AND i.owner_office_id <> (SELECT office_id FROM sar_requests WHERE id = ?1)`,
    [row.id],
  );
  const referred = new Set(r.all<{ item_ids: string }>('SELECT item_ids FROM sar_referrals WHERE request_id = ?', [row.id]).flatMap((f) => JSON.parse(f.item_ids) as string[]));
  return {
    id: row.id,
    reference: row.reference,
    requesterName: row.requester_name,
    receivedOn: row.received_on,
    regime: row.regime,
    status: row.status,
    deadline: deadlineOf(r, row, now),
    subjects,
    decided,
    toDecide: Math.max(0, ours + minutes - decided),
    toRefer: others.filter((o) => !referred.has(o.id)).length,
  };
}

/** The dashboard: open requests, the soonest due first (those whose clock is not running after them). */
export function listRequests(r: Reader, status: 'open' | 'closed' | null, now: Date): SarSummary[] {
  const rows = r.all<RequestRow>(`SELECT * FROM sar_requests ${status === null ? '' : 'WHERE status = ?'} ORDER BY received_on, reference`, status === null ? [] : [status]);
  return rows.map((row) => summaryOf(r, row, now)).sort((a, b) => (a.deadline.dueOn ?? '9999') .localeCompare(b.deadline.dueOn ?? '9999'));
}

export function confirmedSubjectIds(r: Reader, id: string): string[] {
  return r.all<{ subject_id: string }>('SELECT subject_id FROM sar_subjects WHERE request_id = ? ORDER BY confirmed_at', [id]).map((s) => s.subject_id);
}

export function requestView(r: Reader, id: string, now: Date, hidden: ReadonlySet<string>): SarView {
  const row = requestRow(r, id);
  const confirmed = r.all<{ subject_id: string; how: string; confirmed_by: string; confirmed_at: string }>('SELECT subject_id, how, confirmed_by, confirmed_at FROM sar_subjects WHERE request_id = ? ORDER BY confirmed_at', [id]);
  const referrals = r.all<{ id: string; owner_office_id: string; item_ids: string; referred_on: string; to_whom: string; how: string; answer: string | null; answered_on: string | null; exchange_sent_at: string | null }>(
    'SELECT * FROM sar_referrals WHERE request_id = ? ORDER BY referred_on, recorded_at',
    [id],
  );
  return {
    ...summaryOf(r, row, now),
    office: requireOffice(r, row.office_id, 'officeId'),
    representativeName: row.representative_name,
    authority: row.authority,
    contact: row.contact,
    names: JSON.parse(row.names) as string[],
    dateOfBirth: row.date_of_birth,
    identifiers: row.identifiers,
    askedFor: row.asked_for,
    identityVerifiedOn: row.identity_verified_on,
    identityHow: row.identity_how,
    feeRequired: row.fee_required === 1,
    feeReason: row.fee_reason,
    feeReceivedOn: row.fee_received_on,
    extension: row.extension_told_on === null ? null : { toldOn: row.extension_told_on, reason: row.extension_reason ?? '' },
    pauses: pausesOf(r, id).map((p) => ({ seq: p.seq, askedOn: p.asked_on, what: p.what, answeredOn: p.answered_on })),
    // A subject the user declared an association with is not shown to them.
    confirmed: confirmed.map((c) => ({ subjectId: c.subject_id, subject: hidden.has(c.subject_id) ? null : getSubject(r, c.subject_id, now), how: c.how, confirmedBy: c.confirmed_by, confirmedAt: c.confirmed_at })),
    referrals: referrals.map((f) => ({
      id: f.id,
      owner: requireOffice(r, f.owner_office_id, 'ownerOfficeId'),
      itemIds: JSON.parse(f.item_ids) as string[],
      referredOn: f.referred_on,
      toWhom: f.to_whom,
      how: f.how,
      answer: f.answer,
      answeredOn: f.answered_on,
      exchangeSentAt: f.exchange_sent_at,
    })),
    closedOn: row.closed_on,
    closedNote: row.closed_note,
    responseDetails: row.response_details === null ? null : (JSON.parse(row.response_details) as SarView['responseDetails']),
    responseProblems: [],
    outputs: r
      .all<{ kind: SarView['outputs'][number]['kind']; file_sha256: string; pages: number | null; items_released: number; made_at: string; made_by: string }>('SELECT * FROM sar_outputs WHERE request_id = ? ORDER BY made_at', [id])
      .map((o) => ({ kind: o.kind, fileSha256: o.file_sha256, pages: o.pages, itemsReleased: o.items_released, madeAt: o.made_at, madeBy: o.made_by })),
  };
}
