import { MappaError, Problems } from '../../shared/errors';
import type { ItemInput, ItemUpdate, ItemVersion, ItemView, OfficeView } from '../../shared/registerSchemas';
import { specialCategoryOf, type Classification, type FieldKind, type RmpHeading } from '../../shared/vocabulary';
import type { Reader, SqlValue, Writer } from '../db/types';
import { iso, newId, type Ctx } from '../access/context';
import { isValidDate, today } from '../../shared/calendar';
import { indexItem, unindexItem } from './searchIndex';

// Information items: each belongs to the agency office that provided it (leaflet: MAPPA
// is not an organisation and owns nothing), keeps its handling conditions, and keeps
// every earlier version when edited. Deleting is recorded with a reason, never silent.

interface ItemRow extends Record<string, SqlValue> {
  id: string;
  subject_id: string;
  field_kind: string;
  rmp_heading: string | null;
  value: string;
  owner_office_id: string;
  provider_name: string;
  provider_office_id: string;
  received_on: string;
  classification: string;
  no_onward_disclosure: number;
  not_to_subject: number;
  not_to_subject_reason: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const ITEM_COLUMNS = `id, subject_id, field_kind, rmp_heading, value, owner_office_id, provider_name, provider_office_id, received_on,
  classification, no_onward_disclosure, not_to_subject, not_to_subject_reason, version, created_at, created_by, updated_at, updated_by`;

function officeMap(r: Reader): Map<string, OfficeView> {
  const offices = r.all<{ id: string; name: string; agency: string; area: string; is_home: number }>('SELECT id, name, agency, area, is_home FROM offices');
  return new Map(offices.map((o) => [o.id, { id: o.id, name: o.name, agency: o.agency as OfficeView['agency'], area: o.area, isHome: o.is_home === 1 }]));
}

/** Where received items came from (item_origins, written by an import), by item id. */
type Received = Map<string, ItemView['received']>;

function receivedFor(r: Reader, offices: Map<string, OfficeView>, where: string, params: SqlValue[]): Received {
  const rows = r.all<{ item_id: string; received_from_office_id: string; withdrawn_at: string | null; withdrawn_reason: string | null }>(
    `SELECT o.item_id, o.received_from_office_id, o.withdrawn_at, o.withdrawn_reason FROM item_origins o ${where}`,
    params,
  );
  return new Map(rows.map((o) => [o.item_id, { fromOfficeName: offices.get(o.received_from_office_id)?.name ?? 'a partner office', withdrawnAt: o.withdrawn_at, withdrawnReason: o.withdrawn_reason }]));
}

function toView(row: ItemRow, offices: Map<string, OfficeView>, received: Received = new Map()): ItemView {
  const fieldKind = row.field_kind as FieldKind;
  const owner = offices.get(row.owner_office_id);
  const providerOffice = offices.get(row.provider_office_id);
  if (!owner || !providerOffice) throw new Error('item refers to a missing office');
  return {
    id: row.id,
    subjectId: row.subject_id,
    fieldKind,
    rmpHeading: row.rmp_heading as RmpHeading | null,
    value: row.value,
    owner,
    providerName: row.provider_name,
    providerOffice,
    receivedOn: row.received_on,
    classification: row.classification as Classification,
    noOnwardDisclosure: row.no_onward_disclosure === 1,
    notToSubject: row.not_to_subject === 1,
    notToSubjectReason: row.not_to_subject_reason,
    specialCategory: specialCategoryOf(fieldKind),
    received: received.get(row.id) ?? null,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** A subject's live items, grouped by owning office: the register's own office first. */
export function itemGroupsFor(r: Reader, subjectId: string): { owner: OfficeView; items: ItemView[] }[] {
  const offices = officeMap(r);
  const rows = r.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE subject_id = ? AND deleted_at IS NULL ORDER BY received_on DESC, created_at DESC`, [subjectId]);
  const groups = new Map<string, { owner: OfficeView; items: ItemView[] }>();
  const received = receivedFor(r, offices, 'JOIN items i ON i.id = o.item_id WHERE i.subject_id = ?', [subjectId]);
  for (const row of rows) {
    const view = toView(row, offices, received);
    const group = groups.get(view.owner.id) ?? { owner: view.owner, items: [] };
    group.items.push(view);
    groups.set(view.owner.id, group);
  }
  return [...groups.values()].sort((a, b) => Number(b.owner.isHome) - Number(a.owner.isHome) || a.owner.name.localeCompare(b.owner.name));
}

export function getItem(r: Reader, itemId: string): ItemView {
  const row = r.get<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = ? AND deleted_at IS NULL`, [itemId]);
  if (!row) throw new MappaError('unknown_item', 'That item is not in this register (it may have been deleted or disposed of).');
  const offices = officeMap(r);
  return toView(row, offices, receivedFor(r, offices, 'WHERE o.item_id = ?', [itemId]));
}

function checkConditions(problems: Problems, input: { fieldKind: FieldKind; rmpHeading: RmpHeading | null; notToSubject: boolean; notToSubjectReason: string | null }): void {
  if (input.fieldKind === 'rmp_entry' && input.rmpHeading === null) {
    problems.add('rmpHeading', 'Choose which of the four risk management plan headings this entry is under.');
  }
  if (input.fieldKind !== 'rmp_entry' && input.rmpHeading !== null) {
    problems.add('rmpHeading', 'Only a risk management plan entry has a plan heading.');
  }
  // Recall misconduct case: telling a subject about a pending action can cause harm.
  if (input.notToSubject && input.notToSubjectReason === null) {
    problems.add('notToSubjectReason', 'Give the reason this must not be disclosed to the subject.');
  }
}

/** Keeps the item as it is now as an earlier version, before an edit replaces it. */
function keepAsEarlierVersion(w: Writer, itemId: string): void {
  w.run(
    `INSERT INTO item_versions (item_id, version, field_kind, rmp_heading, value, classification, no_onward_disclosure, not_to_subject,
       not_to_subject_reason, changed_at, changed_by, change_reason)
     SELECT id, version, field_kind, rmp_heading, value, classification, no_onward_disclosure, not_to_subject,
       not_to_subject_reason, updated_at, updated_by, change_reason FROM items WHERE id = ?`,
    [itemId],
  );
}

export function addItem(w: Writer, ctx: Ctx, input: ItemInput): ItemView {
  const problems = new Problems();
  const subject = w.get<{ deleted_at: string | null }>('SELECT deleted_at FROM subjects WHERE id = ?', [input.subjectId]);
  if (!subject || subject.deleted_at !== null) throw new MappaError('unknown_subject', 'That subject is not in this register (it may have been deleted).');
  // One read of the (few) offices serves the checks, the default condition and the reply.
  const offices = officeMap(w);
  const owner = offices.get(input.ownerOfficeId);
  if (!owner) problems.add('ownerOfficeId', 'Choose the agency office that owns this information from the list.');
  if (!offices.has(input.providerOfficeId)) problems.add('providerOfficeId', 'Choose the office of the person who provided it from the list.');
  if (!isValidDate(input.receivedOn)) problems.add('receivedOn', 'The date received must be a real date.');
  else if (input.receivedOn > today(ctx.now)) problems.add('receivedOn', 'The date received cannot be in the future.');
  checkConditions(problems, input);
  problems.throwIfAny();

  // Leaflet: information from another agency is not passed on without its permission.
  const fromAnotherAgency = owner !== undefined && !owner.isHome;
  const noOnwardDisclosure = input.noOnwardDisclosure ?? fromAnotherAgency;
  const at = iso(ctx.now);
  const by = ctx.actor.userName;
  const row: ItemRow = {
    id: newId(),
    subject_id: input.subjectId,
    field_kind: input.fieldKind,
    rmp_heading: input.rmpHeading,
    value: input.value,
    owner_office_id: input.ownerOfficeId,
    provider_name: input.providerName,
    provider_office_id: input.providerOfficeId,
    received_on: input.receivedOn,
    classification: input.classification,
    no_onward_disclosure: noOnwardDisclosure ? 1 : 0,
    not_to_subject: input.notToSubject ? 1 : 0,
    not_to_subject_reason: input.notToSubject ? input.notToSubjectReason : null,
    version: 1,
    created_at: at,
    created_by: by,
    updated_at: at,
    updated_by: by,
  };
  w.run(`INSERT INTO items (${ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    row.id,
    row.subject_id,
    row.field_kind,
    row.rmp_heading,
    row.value,
    row.owner_office_id,
    row.provider_name,
    row.provider_office_id,
    row.received_on,
    row.classification,
    row.no_onward_disclosure,
    row.not_to_subject,
    row.not_to_subject_reason,
    row.version,
    row.created_at,
    row.created_by,
    row.updated_at,
    row.updated_by,
  ]);
  indexItem(w, row.id);
  return toView(row, offices);
}

export function updateItem(w: Writer, ctx: Ctx, input: ItemUpdate): ItemView {
  const current = getItem(w, input.itemId);
  const problems = new Problems();
  checkConditions(problems, input);
  problems.throwIfAny();
  const unchanged =
    current.fieldKind === input.fieldKind &&
    current.rmpHeading === input.rmpHeading &&
    current.value === input.value &&
    current.classification === input.classification &&
    current.noOnwardDisclosure === input.noOnwardDisclosure &&
    current.notToSubject === input.notToSubject &&
    current.notToSubjectReason === (input.notToSubject ? input.notToSubjectReason : null);
  if (unchanged) throw new MappaError('no_change', 'Nothing has changed: edit the item before saving it.', 'value');
  const version = current.version + 1;
  const at = iso(ctx.now);
  const reason = input.notToSubject ? input.notToSubjectReason : null;
  keepAsEarlierVersion(w, input.itemId);
  w.run(
    `UPDATE items SET field_kind = ?, rmp_heading = ?, value = ?, classification = ?, no_onward_disclosure = ?, not_to_subject = ?,
       not_to_subject_reason = ?, version = ?, change_reason = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    [input.fieldKind, input.rmpHeading, input.value, input.classification, input.noOnwardDisclosure ? 1 : 0, input.notToSubject ? 1 : 0, reason, version, input.changeReason, at, ctx.actor.userName, input.itemId],
  );
  indexItem(w, input.itemId);
  return getItem(w, input.itemId);
}

export function deleteItem(w: Writer, ctx: Ctx, itemId: string, reason: string): ItemView {
  const item = getItem(w, itemId);
  unindexItem(w, itemId);
  w.run('UPDATE items SET deleted_at = ?, deleted_by = ?, deleted_reason = ? WHERE id = ?', [iso(ctx.now), ctx.actor.userName, reason, itemId]);
  return item;
}

/** Every version of an item, newest (the current one) first. */
export function itemHistory(r: Reader, itemId: string): ItemVersion[] {
  getItem(r, itemId);
  return r
    .all<{ version: number; field_kind: string; rmp_heading: string | null; value: string; classification: string; no_onward_disclosure: number; not_to_subject: number; not_to_subject_reason: string | null; changed_at: string; changed_by: string; change_reason: string | null }>(
      `SELECT version, field_kind, rmp_heading, value, classification, no_onward_disclosure, not_to_subject, not_to_subject_reason,
         updated_at AS changed_at, updated_by AS changed_by, change_reason FROM items WHERE id = ?
       UNION ALL
       SELECT version, field_kind, rmp_heading, value, classification, no_onward_disclosure, not_to_subject, not_to_subject_reason,
         changed_at, changed_by, change_reason FROM item_versions WHERE item_id = ?
       ORDER BY version DESC`,
      [itemId, itemId],
    )
    .map((v) => ({
      version: v.version,
      fieldKind: v.field_kind as FieldKind,
      rmpHeading: v.rmp_heading as RmpHeading | null,
      value: v.value,
      classification: v.classification as Classification,
      noOnwardDisclosure: v.no_onward_disclosure === 1,
      notToSubject: v.not_to_subject === 1,
      notToSubjectReason: v.not_to_subject_reason,
      changedAt: v.changed_at,
      changedBy: v.changed_by,
      changeReason: v.change_reason,
    }));
}
