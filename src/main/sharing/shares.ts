import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FieldRef, ShareField, ShareLine, ShareStatus, ShareSummary, ShareView } from '../../shared/channels/sharing';
import { MappaError } from '../../shared/errors';
import type { ItemView, OfficeView } from '../../shared/registerSchemas';
import {
  DEFAULT_EXPIRY_DAYS,
  LAWFUL_GATEWAYS,
  SHARE_PURPOSES,
  SUBJECT_FIELD_CODES,
  SUBJECT_FIELDS,
  defaultGateway,
  defaultRegime,
  isSpecialCategory,
  purposeNeeds,
  type LawfulGateway,
  type SharePurpose,
  type SubjectField,
} from '../../shared/sharingVocabulary';
import { FIELD_KINDS, specialCategoryOf, type Classification, type FieldKind, type RmpHeading } from '../../shared/vocabulary';
import type { DataProtectionRegime } from '../../shared/vocabulary';
import { iso, newId, type Ctx } from '../access/context';
import { homeOffice, listOffices } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { itemGroupsFor } from '../register/items';
import { requireLiveSubject } from '../register/subjects';
import { officesWithKeys, ownKeys } from './keys';
import { permissionState } from './ownerPermissions';

// A share (issue 10): chosen fields of one subject, to partner offices, for a purpose,
// under a lawful gateway and the sender's regime. It is a draft until confirmed; each
// field (a line) carries the three tests' answers with who gave them and when. The rules
// that stop confirmation are written once here (`problems`), shown by the wizard and
// enforced by confirm: the screen only shows them.

export interface ShareRow extends Record<string, string | number | null> {
  id: string;
  subject_id: string;
  status: string;
  purpose: string | null;
  purpose_other: string | null;
  gateway: string | null;
  gateway_other: string | null;
  regime: string | null;
  recipient_office_ids: string;
  requested_by: string | null;
  expiry_days: number;
  no_onward_disclosure: number;
  not_to_subject: number;
  decline_item_ids: string;
  decline_reason: string | null;
  revision: number;
  exchange_id: string | null;
  file_sha256: string | null;
  expires_at: string | null;
  created_at: string;
  created_by: string;
  sharing_agency: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
}

interface LineRow extends Record<string, string | number | null> {
  share_id: string;
  line_id: string;
  position: number;
  subject_field: string | null;
  item_id: string | null;
  item_version: number | null;
  field_kind: string;
  necessary: string | null;
  proportionate: string | null;
  relevant: string | null;
  outside_purpose_reason: string | null;
  special_justification: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

const idList = z.array(z.string());
const parseIds = (json: string) => idList.parse(JSON.parse(json));

export function getShareRow(r: Reader, id: string): ShareRow {
  const row = r.get<ShareRow>('SELECT * FROM shares WHERE id = ?', [id]);
  if (!row) throw new MappaError('unknown_share', 'That share is not in this register.');
  return row;
}

function requireDraft(row: ShareRow): void {
  if (row.status === 'draft') return;
  const what: Record<string, string> = {
    confirmed: 'it has been confirmed and its file made',
    withdrawn: 'it has been withdrawn',
    declined: 'it is a decision not to share',
    discarded: 'it was discarded',
  };
  throw new MappaError('not_draft', `This share can no longer be changed: ${what[row.status] ?? row.status}. Start a new share instead.`);
}

// ---- the fields a share can carry -------------------------------------------------------

interface SubjectRecord {
  kind: 'nominal' | 'pdp';
  givenName: string;
  familyName: string;
  aliases: string[];
  dateOfBirth: string | null;
  pnc: string | null;
  ndelius: string | null;
  visor: string | null;
  address: string | null;
  noFixedAbode: boolean;
  ethnicity: string | null;
  indexOffence: string | null;
  sentence: string | null;
}

export function subjectRecord(r: Reader, subjectId: string): SubjectRecord {
  requireLiveSubject(r, subjectId);
  const row = r.get<{
    kind: string;
    given_name: string;
    family_name: string;
    date_of_birth: string | null;
    pnc: string | null;
    ndelius: string | null;
    visor: string | null;
    address: string | null;
    no_fixed_abode: number;
    ethnicity: string | null;
    index_offence: string | null;
    sentence: string | null;
  }>('SELECT kind, given_name, family_name, date_of_birth, pnc, ndelius, visor, address, no_fixed_abode, ethnicity, index_offence, sentence FROM subjects WHERE id = ?', [subjectId]);
  if (!row) throw new MappaError('unknown_subject', 'That subject is not in this register (it may have been deleted).');
  const aliases = r.all<{ alias: string }>('SELECT alias FROM subject_aliases WHERE subject_id = ? ORDER BY alias', [subjectId]).map((a) => a.alias);
  return {
    kind: row.kind === 'pdp' ? 'pdp' : 'nominal',
    givenName: row.given_name,
    familyName: row.family_name,
    aliases,
    dateOfBirth: row.date_of_birth,
    pnc: row.pnc,
    ndelius: row.ndelius,
    visor: row.visor,
    address: row.address,
    noFixedAbode: row.no_fixed_abode === 1,
    ethnicity: row.ethnicity,
    indexOffence: row.index_offence,
    sentence: row.sentence,
  };
}

/** The text of one of the subject's own details, or null if the record has none. */
export function subjectFieldValue(s: SubjectRecord, field: SubjectField): string | null {
  switch (field) {
    case 'names':
      return `${s.givenName} ${s.familyName}${s.aliases.length > 0 ? ` (also known as ${s.aliases.join(', ')})` : ''}`;
    case 'date_of_birth':
      return s.dateOfBirth;
    case 'references': {
      const refs = [s.pnc && `PNC ${s.pnc}`, s.ndelius && `nDelius ${s.ndelius}`, s.visor && `ViSOR ${s.visor}`].filter((x): x is string => typeof x === 'string');
      return refs.length > 0 ? refs.join('; ') : null;
    }
    case 'address':
      return s.noFixedAbode ? 'No fixed abode' : s.address;
    case 'ethnicity':
      return s.ethnicity;
    case 'index_offence':
      return s.indexOffence === null && s.sentence === null ? null : [s.indexOffence, s.sentence && `Sentence: ${s.sentence}`].filter(Boolean).join('. ');
  }
}

interface Origin {
  origin: string;
  originVersion: number;
  receivedFrom: string | null;
  withdrawn: boolean;
}

function originsFor(r: Reader, subjectId: string): Map<string, Origin> {
  const rows = r.all<{ item_id: string; origin: string; origin_version: number; received_from_office_id: string; withdrawn_at: string | null }>(
    'SELECT o.item_id, o.origin, o.origin_version, o.received_from_office_id, o.withdrawn_at FROM item_origins o JOIN items i ON i.id = o.item_id WHERE i.subject_id = ?',
    [subjectId],
  );
  return new Map(rows.map((o) => [o.item_id, { origin: o.origin, originVersion: o.origin_version, receivedFrom: o.received_from_office_id, withdrawn: o.withdrawn_at !== null }]));
}

/** An item's identity across registers: where it was first recorded, and its id there. */
export function originOf(item: ItemView, home: OfficeView, origins: Map<string, Origin>): { origin: string; originVersion: number } {
  const received = origins.get(item.id);
  return received ? { origin: received.origin, originVersion: received.originVersion } : { origin: `${home.id}/${item.id}`, originVersion: item.version };
}

export const refKey = (ref: FieldRef) => (ref.kind === 'subject' ? `subject:${ref.field}` : `item:${ref.itemId}`);

interface Candidate {
  field: ShareField;
  item: ItemView | null;
  version: number | null;
}

interface Context {
  row: ShareRow;
  home: OfficeView;
  subject: SubjectRecord;
  candidates: Map<string, Candidate>;
  origins: Map<string, Origin>;
  recipients: string[];
  purpose: SharePurpose | null;
}

/** A field the register's own office holds about the person (one of their details, or a line whose item has gone). */
function homeField(ref: FieldRef, label: string, kind: FieldKind, value: string, home: OfficeView): ShareField {
  return {
    ref,
    label,
    fieldKind: kind,
    value,
    owner: home,
    specialCategory: specialCategoryOf(kind),
    classification: 'OFFICIAL-SENSITIVE',
    noOnwardDisclosure: false,
    notToSubject: false,
    permission: 'not_needed',
    permissionRequestId: null,
    withdrawn: false,
    received: false,
  };
}

function candidatesFor(r: Reader, row: ShareRow, home: OfficeView, subject: SubjectRecord, origins: Map<string, Origin>, recipients: string[], purpose: SharePurpose | null): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  for (const field of SUBJECT_FIELD_CODES) {
    const value = subjectFieldValue(subject, field);
    if (value === null) continue;
    const kind: FieldKind = SUBJECT_FIELDS[field].kind;
    const ref: FieldRef = { kind: 'subject', field };
    out.set(refKey(ref), { item: null, version: null, field: homeField(ref, SUBJECT_FIELDS[field].label, kind, value, home) });
  }
  for (const group of itemGroupsFor(r, row.subject_id)) {
    for (const item of group.items) {
      const ref: FieldRef = { kind: 'item', itemId: item.id };
      const origin = origins.get(item.id);
      const permission = permissionState(r, item.id, item.owner, row.sharing_agency, recipients, purpose);
      out.set(refKey(ref), {
        item,
        version: item.version,
        field: {
          ref,
          label: FIELD_KINDS[item.fieldKind].label,
          fieldKind: item.fieldKind,
          value: item.value,
          owner: item.owner,
          specialCategory: item.specialCategory,
          classification: item.classification,
          noOnwardDisclosure: item.noOnwardDisclosure,
          notToSubject: item.notToSubject,
          permission: permission.state,
          permissionRequestId: permission.requestId,
          withdrawn: origin?.withdrawn === true,
          received: origin !== undefined,
        },
      });
    }
  }
  return out;
}

function contextOf(r: Reader, row: ShareRow): Context {
  const home = homeOffice(r);
  if (!home) throw new MappaError('no_home_office', 'Set up the office this register belongs to first.');
  const subject = subjectRecord(r, row.subject_id);
  const origins = originsFor(r, row.subject_id);
  const recipients = parseIds(row.recipient_office_ids);
  const purpose = row.purpose as SharePurpose | null;
  return { row, home, subject, origins, recipients, purpose, candidates: candidatesFor(r, row, home, subject, origins, recipients, purpose) };
}

function linesOf(r: Reader, shareId: string): LineRow[] {
  return r.all<LineRow>('SELECT * FROM share_lines WHERE share_id = ? ORDER BY position', [shareId]);
}

const refOfLine = (line: LineRow): FieldRef =>
  line.item_id !== null ? { kind: 'item', itemId: line.item_id } : { kind: 'subject', field: line.subject_field as SubjectField };

// ---- the rules ---------------------------------------------------------------------------

const purposeWords = (p: SharePurpose) => SHARE_PURPOSES[p].charAt(0).toLowerCase() + SHARE_PURPOSES[p].slice(1);

/** What stops one line being shared: the three tests, the purpose table, special categories, ownership. */
function lineProblems(ctx: Context, line: LineRow, candidate: Candidate | undefined, label: string): string[] {
  const problems: string[] = [];
  if (candidate === undefined) {
    problems.push(`${label} has been deleted or changed since it was chosen: remove it from the share.`);
    return problems;
  }
  const f = candidate.field;
  if (f.withdrawn) problems.push(`${label} was withdrawn by the agency that sent it: it cannot be shared on. Remove it from the share.`);
  const missing = [line.necessary === null && 'necessary', line.proportionate === null && 'proportionate', line.relevant === null && 'relevant'].filter((x): x is string => typeof x === 'string');
  if (missing.length > 0) problems.push(`Answer the three tests for ${label}: still to answer, ${missing.join(', ')}.`);
  if (candidate.version !== null && line.item_version !== null && line.answered_at !== null && candidate.version !== line.item_version) {
    problems.push(`${label} has been changed since you answered the tests for it: check your answers again.`);
  }
  if (ctx.purpose !== null && !isSpecialCategory(f.fieldKind) && !purposeNeeds(ctx.purpose, f.fieldKind) && line.outside_purpose_reason === null) {
    problems.push(`${label} is not information that ${purposeWords(ctx.purpose)} normally needs: say why it is needed, or remove it from the share.`);
  }
  if (isSpecialCategory(f.fieldKind) && line.special_justification === null) {
    problems.push(`${label} is special category information (${f.specialCategory ?? ''}): give its own justification, or remove it from the share.`);
  }
  const permission: Record<string, string> = {
    none: `${label} belongs to ${f.owner.name}: record their permission to share it with these recipients for this purpose before it can go.`,
    requested: `${label} belongs to ${f.owner.name}: their permission has been asked for but not yet recorded.`,
    refused: `${label} belongs to ${f.owner.name}, who refused permission to share it with these recipients for this purpose: remove it from the share.`,
  };
  const sentence = permission[f.permission];
  if (sentence !== undefined) problems.push(sentence);
  return problems;
}

function shareProblems(r: Reader, ctx: Context, lineCount: number): string[] {
  const row = ctx.row;
  const problems: string[] = [];
  if (ctx.purpose === null) problems.push('Choose the purpose of the share.');
  if (ctx.purpose === 'other' && row.purpose_other === null) problems.push('Say which MAPPA purpose the share serves.');
  if (row.gateway === null) problems.push('Choose the lawful gateway the share relies on.');
  if (row.gateway === 'other' && row.gateway_other === null) problems.push('Say which lawful gateway the share relies on.');
  if (row.regime === null) problems.push('Choose the data protection regime the information is shared under.');
  if (ctx.recipients.length === 0) problems.push('Choose at least one partner office to share with.');
  const keyed = new Set(officesWithKeys(r).map((o) => o.id));
  for (const id of ctx.recipients) {
    if (!keyed.has(id)) problems.push('A recipient no longer has a confirmed key: choose the recipients again.');
  }
  if (lineCount === 0) problems.push('Choose at least one field to share.');
  if (!ownKeys(r)) problems.push('This office has no keys for sharing yet: a MAPPA coordinator or an administrator makes them on the Partner keys page.');
  return problems;
}

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

export function gatewayWords(gateway: LawfulGateway, other: string | null): string {
  return gateway === 'other' && other !== null ? other : LAWFUL_GATEWAYS[gateway];
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

export type { Classification, RmpHeading };
