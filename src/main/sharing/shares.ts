import { createHash } from 'node:crypto';
import type { FieldRef, ShareField, ShareLine, ShareStatus, ShareSummary, ShareView } from '../../shared/channels/sharing';
import { MappaError } from '../../shared/errors';
import type { ItemView, OfficeView } from '../../shared/registerSchemas';
import { DEFAULT_EXPIRY_DAYS, SUBJECT_FIELDS, defaultGateway, defaultRegime, isSpecialCategory, purposeNeeds, type LawfulGateway, type SharePurpose, type SubjectField } from '../../shared/sharingVocabulary';
import { FIELD_KINDS, type DataProtectionRegime, type FieldKind } from '../../shared/vocabulary';
import { iso, newId, type Ctx } from '../access/context';
import { homeOffice, listOffices } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { requireLiveSubject } from '../register/subjects';
import { officesWithKeys } from '../exchange/keys';
import { contextOf, homeField, originOf, subjectRecord, type Context } from './shareFields';
import { lineProblems, shareProblems } from './shareRules';
import { getShareRow, linesOf, parseIds, refKey, refOfLine, requireDraft, type LineRow, type ShareRow } from './shareRows';

// A share (issue 10): chosen fields of one subject, to partner offices, for a purpose,
// under a lawful gateway and the sender's regime. It is a draft until confirmed; each
// field (a line) carries the three tests' answers with who gave them and when. The rules
// that stop confirmation are written once here (`problems`), shown by the wizard and
// enforced by confirm: the screen only shows them.

// ---- views -------------------------------------------------------------------------------

function officesById(r: Reader): Map<string, OfficeView> {
  return new Map(listOffices(r).map((o) => [o.id, o]));
}

function summaryOf(row: ShareRow, subject: { givenName: string; familyName: string }, offices: Map<string, OfficeView>, fields: number): ShareSummary {
  return {
    id: row.id,
    subjectId: row.subject_id,
    subjectName: `${subject.givenName} ${subject.familyName}`,
    status: row.status as ShareStatus,
    purpose: row.purpose as SharePurpose | null,
    purposeOther: row.purpose_other,
    recipients: parseIds(row.recipient_office_ids).flatMap((id) => offices.get(id) ?? []),
    requestedBy: row.requested_by,
    fields,
    createdAt: row.created_at,
    createdBy: row.created_by,
    confirmedAt: row.confirmed_at,
    confirmedBy: row.confirmed_by,
    withdrawnAt: row.withdrawn_at,
    declineReason: row.decline_reason,
  };
}

export function shareView(r: Reader, id: string): ShareView {
  const ctx = contextOf(r, getShareRow(r, id));
  const row = ctx.row;
  const rows = linesOf(r, id);
  const lines: ShareLine[] = rows.map((line) => {
    const ref = refOfLine(line);
    const candidate = ctx.candidates.get(refKey(ref));
    const label = candidate?.field.label ?? (line.item_id !== null ? FIELD_KINDS[line.field_kind as FieldKind]?.label ?? 'An item' : SUBJECT_FIELDS[line.subject_field as SubjectField].label);
    const field: ShareField = candidate?.field ?? homeField(ref, label, line.field_kind as FieldKind, '', ctx.home);
    return {
      ...field,
      lineId: line.line_id,
      outsidePurpose: ctx.purpose !== null && !isSpecialCategory(field.fieldKind) && !purposeNeeds(ctx.purpose, field.fieldKind),
      answers: {
        necessary: line.necessary,
        proportionate: line.proportionate,
        relevant: line.relevant,
        outsidePurposeReason: line.outside_purpose_reason,
        specialJustification: line.special_justification,
        answeredBy: line.answered_by,
        answeredAt: line.answered_at,
      },
      problems: row.status === 'draft' ? lineProblems(ctx, line, candidate, label) : [],
    };
  });
  const problems = row.status === 'draft' ? shareProblems(r, ctx, lines.length) : [];
  const offices = officesById(r);
  return {
    ...summaryOf(row, ctx.subject, offices, lines.length),
    gateway: row.gateway as LawfulGateway | null,
    gatewayOther: row.gateway_other,
    regime: row.regime as DataProtectionRegime | null,
    expiryDays: row.expiry_days,
    noOnwardDisclosure: row.no_onward_disclosure === 1,
    notToSubject: row.not_to_subject === 1,
    exchangeId: row.exchange_id,
    withdrawnBy: row.withdrawn_by,
    withdrawnReason: row.withdrawn_reason,
    lines,
    available: row.status === 'draft' ? [...ctx.candidates.values()].map((c) => c.field) : [],
    recipientsAvailable: officesWithKeys(r),
    problems,
    ready: row.status === 'draft' && problems.length === 0 && lines.every((l) => l.problems.length === 0),
  };
}

export function listShares(r: Reader, subjectId: string | null, hidden: ReadonlySet<string>): ShareSummary[] {
  const rows = r.all<ShareRow & { given_name: string; family_name: string; fields: number }>(
    `SELECT s.*, sub.given_name, sub.family_name, (SELECT COUNT(*) FROM share_lines l WHERE l.share_id = s.id) AS fields
     FROM shares s JOIN subjects sub ON sub.id = s.subject_id
     WHERE s.status <> 'discarded' AND sub.deleted_at IS NULL ${subjectId === null ? '' : 'AND s.subject_id = ?'}
     ORDER BY s.created_at DESC`,
    subjectId === null ? [] : [subjectId],
  );
  const offices = officesById(r);
  return rows
    .filter((row) => !hidden.has(row.subject_id))
    .map((row) => summaryOf(row, { givenName: row.given_name, familyName: row.family_name }, offices, row.status === 'declined' ? parseIds(row.decline_item_ids).length : row.fields));
}

// ---- changes -----------------------------------------------------------------------------

function touch(w: Writer, id: string): void {
  w.run('UPDATE shares SET revision = revision + 1 WHERE id = ?', [id]);
}

/** A new draft share of one subject's information, with the person's names chosen (they go with every share). */
export function startShare(w: Writer, ctx: Ctx, subjectId: string): string {
  requireLiveSubject(w, subjectId);
  const home = homeOffice(w);
  if (!home) throw new MappaError('no_home_office', 'Set up the office this register belongs to first.');
  const id = newId();
  w.run(
    `INSERT INTO shares (id, subject_id, status, gateway, regime, expiry_days, no_onward_disclosure, not_to_subject, created_at, created_by, sharing_agency)
     VALUES (?, ?, 'draft', ?, ?, ?, 1, 0, ?, ?, ?)`,
    [id, subjectId, defaultGateway(home.agency), defaultRegime(home.agency), DEFAULT_EXPIRY_DAYS, iso(ctx.now), ctx.actor.userName, home.agency],
  );
  insertLine(w, id, 0, { kind: 'subject', field: 'names' }, 'identity', null);
  return id;
}

function insertLine(w: Writer, shareId: string, position: number, ref: FieldRef, kind: FieldKind, version: number | null): void {
  w.run('INSERT INTO share_lines (share_id, line_id, position, subject_field, item_id, item_version, field_kind) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    shareId,
    newId(),
    position,
    ref.kind === 'subject' ? ref.field : null,
    ref.kind === 'item' ? ref.itemId : null,
    version,
    kind,
  ]);
}

const NAMES_STAY = 'The person’s names go with every share, so the receiving register can file it: answer the three tests for them instead.';

/** The fields chosen in the first step; a field chosen before keeps its answers, the names always stay. */
export function setFields(w: Writer, id: string, refs: readonly FieldRef[]): void {
  const row = getShareRow(w, id);
  requireDraft(row);
  const ctx = contextOf(w, row);
  const wanted = new Map<string, FieldRef>();
  wanted.set('subject:names', { kind: 'subject', field: 'names' });
  for (const ref of refs) {
    const key = refKey(ref);
    const candidate = ctx.candidates.get(key);
    if (!candidate) {
      throw new MappaError(
        'unknown_field',
        ref.kind === 'item' ? 'One of the chosen items is not this person’s, or has been deleted: choose the fields again.' : `This person’s record has no ${SUBJECT_FIELDS[ref.field].label.toLowerCase()} to share.`,
        'fields',
      );
    }
    if (candidate.field.withdrawn) throw new MappaError('withdrawn', `${candidate.field.label} was withdrawn by the agency that sent it: it cannot be shared on.`, 'fields');
    wanted.set(key, ref);
  }
  const existing = linesOf(w, id);
  const kept = new Set<string>();
  for (const line of existing) {
    const key = refKey(refOfLine(line));
    if (wanted.has(key)) kept.add(key);
    else w.run('DELETE FROM share_lines WHERE share_id = ? AND line_id = ?', [id, line.line_id]);
  }
  let position = existing.reduce((max, l) => Math.max(max, l.position), 0) + 1;
  for (const [key, ref] of wanted) {
    if (kept.has(key)) continue;
    const candidate = ctx.candidates.get(key);
    if (!candidate) continue;
    insertLine(w, id, position++, ref, candidate.field.fieldKind, candidate.version);
  }
  touch(w, id);
}

export interface ShareDetails {
  purpose: SharePurpose;
  purposeOther: string | null;
  recipientOfficeIds: readonly string[];
  gateway: LawfulGateway;
  gatewayOther: string | null;
  regime: DataProtectionRegime;
  expiryDays: number;
  noOnwardDisclosure: boolean;
  notToSubject: boolean;
}

export function setDetails(w: Writer, id: string, d: ShareDetails): void {
  const row = getShareRow(w, id);
  requireDraft(row);
  if (d.purpose === 'other' && d.purposeOther === null) throw new MappaError('purpose_other', 'Say which MAPPA purpose the share serves.', 'purposeOther');
  if (d.gateway === 'other' && d.gatewayOther === null) throw new MappaError('gateway_other', 'Say which lawful gateway the share relies on.', 'gatewayOther');
  const keyed = new Set(officesWithKeys(w).map((o) => o.id));
  for (const office of d.recipientOfficeIds) {
    if (!keyed.has(office)) {
      throw new MappaError('no_partner_key', 'Choose recipients from the partner offices whose key this register has confirmed (see the Partner keys page).', 'recipientOfficeIds');
    }
  }
  w.run(
    `UPDATE shares SET purpose = ?, purpose_other = ?, recipient_office_ids = ?, gateway = ?, gateway_other = ?, regime = ?, expiry_days = ?,
       no_onward_disclosure = ?, not_to_subject = ? WHERE id = ?`,
    [
      d.purpose,
      d.purpose === 'other' ? d.purposeOther : null,
      JSON.stringify([...new Set(d.recipientOfficeIds)]),
      d.gateway,
      d.gateway === 'other' ? d.gatewayOther : null,
      d.regime,
      d.expiryDays,
      d.noOnwardDisclosure ? 1 : 0,
      d.notToSubject ? 1 : 0,
      id,
    ],
  );
  touch(w, id);
}

function requireLine(w: Writer, shareId: string, lineId: string): LineRow {
  const line = w.get<LineRow>('SELECT * FROM share_lines WHERE share_id = ? AND line_id = ?', [shareId, lineId]);
  if (!line) throw new MappaError('unknown_line', 'That field is not part of this share (it may have been removed).');
  return line;
}

export interface Answers {
  necessary: string;
  proportionate: string;
  relevant: string;
  outsidePurposeReason: string | null;
  specialJustification: string | null;
}

/** The three tests for one field, with who answered and when (the item's version they were answered for). */
export function answerLine(w: Writer, ctx: Ctx, shareId: string, lineId: string, a: Answers): void {
  const row = getShareRow(w, shareId);
  requireDraft(row);
  const line = requireLine(w, shareId, lineId);
  const current = line.item_id !== null ? w.get<{ version: number }>('SELECT version FROM items WHERE id = ? AND deleted_at IS NULL', [line.item_id]) : undefined;
  w.run(
    `UPDATE share_lines SET necessary = ?, proportionate = ?, relevant = ?, outside_purpose_reason = ?, special_justification = ?, answered_at = ?, answered_by = ?,
       item_version = ? WHERE share_id = ? AND line_id = ?`,
    [a.necessary, a.proportionate, a.relevant, a.outsidePurposeReason, a.specialJustification, iso(ctx.now), ctx.actor.userName, current?.version ?? line.item_version, shareId, lineId],
  );
  touch(w, shareId);
}

export function removeLine(w: Writer, shareId: string, lineId: string): FieldKind {
  const row = getShareRow(w, shareId);
  requireDraft(row);
  const line = requireLine(w, shareId, lineId);
  if (line.subject_field === 'names') throw new MappaError('names_stay', NAMES_STAY);
  w.run('DELETE FROM share_lines WHERE share_id = ? AND line_id = ?', [shareId, lineId]);
  touch(w, shareId);
  return line.field_kind as FieldKind;
}

export function discardShare(w: Writer, id: string): ShareRow {
  const row = getShareRow(w, id);
  requireDraft(row);
  w.run("UPDATE shares SET status = 'discarded' WHERE id = ?", [id]);
  return row;
}

export interface DeclineInput {
  subjectId: string;
  requestedBy: string;
  requestedByOfficeId: string | null;
  purpose: SharePurpose;
  purposeOther: string | null;
  itemIds: readonly string[];
  reason: string;
}

/** A decision not to share, recorded like a share: who asked, for what, which items, and why not. */
export function declineShare(w: Writer, ctx: Ctx, input: DeclineInput): string {
  requireLiveSubject(w, input.subjectId);
  const home = homeOffice(w);
  if (!home) throw new MappaError('no_home_office', 'Set up the office this register belongs to first.');
  if (input.purpose === 'other' && input.purposeOther === null) throw new MappaError('purpose_other', 'Say which MAPPA purpose the information was asked for.', 'purposeOther');
  for (const itemId of input.itemIds) {
    const item = w.get<{ subject_id: string }>('SELECT subject_id FROM items WHERE id = ? AND deleted_at IS NULL', [itemId]);
    if (!item || item.subject_id !== input.subjectId) throw new MappaError('unknown_item', 'One of the items is not this person’s, or has been deleted: choose them again.', 'itemIds');
  }
  const id = newId();
  w.run(
    `INSERT INTO shares (id, subject_id, status, purpose, purpose_other, recipient_office_ids, requested_by, expiry_days, no_onward_disclosure, not_to_subject,
       decline_item_ids, decline_reason, created_at, created_by, sharing_agency, confirmed_at, confirmed_by)
     VALUES (?, ?, 'declined', ?, ?, ?, ?, 0, 1, 0, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      input.subjectId,
      input.purpose,
      input.purpose === 'other' ? input.purposeOther : null,
      JSON.stringify(input.requestedByOfficeId === null ? [] : [input.requestedByOfficeId]),
      input.requestedBy,
      JSON.stringify([...new Set(input.itemIds)]),
      input.reason,
      iso(ctx.now),
      ctx.actor.userName,
      home.agency,
      iso(ctx.now),
      ctx.actor.userName,
    ],
  );
  return id;
}

export function shareSummaryOf(r: Reader, id: string): ShareSummary {
  const row = getShareRow(r, id);
  const subject = subjectRecord(r, row.subject_id);
  const fields = row.status === 'declined' ? parseIds(row.decline_item_ids).length : linesOf(r, id).length;
  return summaryOf(row, subject, officesById(r), fields);
}

/** What a confirmed share sent, for its manifest and payload: each line with its field and answers. */
export interface SentLine {
  line: LineRow;
  field: ShareField;
  item: ItemView | null;
  origin: string;
  originVersion: number;
}

export function sentLines(r: Reader, id: string): { ctx: Context; lines: SentLine[] } {
  const ctx = contextOf(r, getShareRow(r, id));
  const lines = linesOf(r, id).map((line): SentLine => {
    const candidate = ctx.candidates.get(refKey(refOfLine(line)));
    if (!candidate) throw new MappaError('not_ready', 'A field of this share has been deleted since it was chosen: remove it from the share.');
    if (candidate.item) {
      const { origin, originVersion } = originOf(candidate.item, ctx.home, ctx.origins);
      return { line, field: candidate.field, item: candidate.item, origin, originVersion };
    }
    // A subject detail's identity across registers is its text: a changed address is a new item there.
    const digest = createHash('sha256').update(candidate.field.value, 'utf8').digest('hex').slice(0, 32);
    return { line, field: candidate.field, item: null, origin: `${ctx.home.id}/${ctx.row.subject_id}/${line.subject_field ?? ''}/${digest}`, originVersion: 1 };
  });
  return { ctx, lines };
}

export function markConfirmed(w: Writer, ctx: Ctx, id: string, revision: number, exchange: { exchangeId: string; fileSha256: string; expiresAt: string }): void {
  const row = getShareRow(w, id);
  requireDraft(row);
  if (row.revision !== revision) throw new MappaError('changed', 'The share was changed while its file was being made: check your answers and confirm again.');
  w.run("UPDATE shares SET status = 'confirmed', exchange_id = ?, file_sha256 = ?, expires_at = ?, confirmed_at = ?, confirmed_by = ? WHERE id = ?", [
    exchange.exchangeId,
    exchange.fileSha256,
    exchange.expiresAt,
    iso(ctx.now),
    ctx.actor.userName,
    id,
  ]);
}

export function markWithdrawn(w: Writer, ctx: Ctx, id: string, reason: string): ShareRow {
  const row = getShareRow(w, id);
  if (row.status !== 'confirmed') {
    throw new MappaError('not_confirmed', row.status === 'withdrawn' ? 'This share has already been withdrawn.' : 'Only a confirmed share can be withdrawn: a draft can be discarded instead.');
  }
  w.run("UPDATE shares SET status = 'withdrawn', withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE id = ?", [iso(ctx.now), ctx.actor.userName, reason, id]);
  return row;
}
