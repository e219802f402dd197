import { z } from 'zod';
import type { PermissionState, PermissionView } from '../../shared/channels/sharing';
import { MappaError } from '../../shared/errors';
import type { OfficeView } from '../../shared/registerSchemas';
import { SHARE_PURPOSES, type SharePurpose } from '../../shared/sharingVocabulary';
import type { FieldKind } from '../../shared/vocabulary';
import { iso, newId, type Ctx } from '../access/context';
import { findOffice, homeOffice, listOffices } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { getItem } from '../register/items';

// The owner's permission to share another agency's item on (leaflet: information received
// from another agency is not used or disclosed further except as the provider understood,
// or with its later permission). The app records the request (who asked whom, for which
// recipients and purpose) and the answer (who gave it for the owner, when); a share of the
// item to those recipients for that purpose is blocked until a granted answer covers it.

interface PermissionRow extends Record<string, string | null> {
  id: string;
  item_id: string;
  subject_id: string;
  owner_office_id: string;
  recipient_office_ids: string;
  purpose: string;
  asked_of: string;
  request_note: string | null;
  requested_at: string;
  requested_by: string;
  answer: string | null;
  answered_by: string | null;
  answered_on: string | null;
  answer_note: string | null;
  recorded_by: string | null;
}

const ids = z.array(z.string());

function toView(row: PermissionRow, offices: Map<string, OfficeView>, fieldKind: FieldKind): PermissionView {
  const owner = offices.get(row.owner_office_id);
  if (!owner) throw new Error('permission refers to a missing office');
  return {
    id: row.id,
    itemId: row.item_id,
    subjectId: row.subject_id,
    fieldKind,
    owner,
    recipients: ids.parse(JSON.parse(row.recipient_office_ids)).flatMap((id) => offices.get(id) ?? []),
    purpose: row.purpose as SharePurpose,
    askedOf: row.asked_of,
    requestNote: row.request_note,
    requestedAt: row.requested_at,
    requestedBy: row.requested_by,
    answer: row.answer === 'granted' || row.answer === 'refused' ? row.answer : null,
    answeredBy: row.answered_by,
    answeredOn: row.answered_on,
    answerNote: row.answer_note,
    recordedBy: row.recorded_by,
  };
}

/** Does the item need its owner's permission before `sharingAgency` shares it on? */
export function needsOwnerPermission(owner: OfficeView, sharingAgency: string): boolean {
  return owner.agency !== sharingAgency;
}

/**
 * The permission state of an item for a share to `recipients` for `purpose`: granted when
 * an answer covers every recipient and the purpose; refused when the latest answer for
 * them is a refusal; requested when asked and not answered; none otherwise.
 */
export function permissionState(
  r: Reader,
  itemId: string,
  owner: OfficeView,
  sharingAgency: string,
  recipients: readonly string[],
  purpose: SharePurpose | null,
): { state: PermissionState; requestId: string | null } {
  if (!needsOwnerPermission(owner, sharingAgency)) return { state: 'not_needed', requestId: null };
  const rows = r.all<{ id: string; recipient_office_ids: string; purpose: string; answer: string | null }>(
    'SELECT id, recipient_office_ids, purpose, answer FROM owner_permissions WHERE item_id = ? ORDER BY requested_at DESC',
    [itemId],
  );
  const covers = (row: { recipient_office_ids: string; purpose: string }) => {
    const allowed = new Set(ids.parse(JSON.parse(row.recipient_office_ids)));
    return (purpose === null || row.purpose === purpose) && recipients.every((id) => allowed.has(id));
  };
  const relevant = rows.filter(covers);
  // The request that decides it, newest first: a grant, else a refusal, else one still waiting.
  for (const [answer, state] of [
    ['granted', 'granted'],
    ['refused', 'refused'],
    [null, 'requested'],
  ] as const) {
    const deciding = relevant.find((row) => row.answer === answer);
    if (deciding) return { state, requestId: deciding.id };
  }
  return { state: 'none', requestId: null };
}

export function requestPermission(
  w: Writer,
  ctx: Ctx,
  sharingAgency: string,
  input: { itemId: string; recipientOfficeIds: readonly string[]; purpose: SharePurpose; askedOf: string; note: string | null },
): PermissionView {
  const item = getItem(w, input.itemId);
  if (!needsOwnerPermission(item.owner, sharingAgency)) {
    throw new MappaError('own_information', `This information belongs to ${item.owner.name}, your own agency: it needs no one else’s permission to share.`);
  }
  for (const id of input.recipientOfficeIds) {
    if (!findOffice(w, id)) throw new MappaError('unknown_office', 'Choose the recipients from the list of offices: one given is not in this register.', 'recipientOfficeIds');
  }
  const id = newId();
  w.run(
    `INSERT INTO owner_permissions (id, item_id, subject_id, owner_office_id, recipient_office_ids, purpose, asked_of, request_note, requested_at, requested_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, item.id, item.subjectId, item.owner.id, JSON.stringify([...new Set(input.recipientOfficeIds)]), input.purpose, input.askedOf, input.note, iso(ctx.now), ctx.actor.userName],
  );
  return getPermission(w, id);
}

export function answerPermission(
  w: Writer,
  ctx: Ctx,
  input: { id: string; answer: 'granted' | 'refused'; answeredBy: string; answeredOn: string; note: string | null },
): PermissionView {
  const current = getPermission(w, input.id);
  if (current.answer !== null) {
    throw new MappaError('already_answered', `This request was already answered (${current.answer === 'granted' ? 'permission given' : 'refused'} by ${current.answeredBy ?? 'the owner'}): ask again with a new request if things have changed.`);
  }
  if (input.answeredOn > iso(ctx.now).slice(0, 10)) throw new MappaError('future_date', 'The date they answered cannot be in the future.', 'answeredOn');
  if (input.answeredOn < current.requestedAt.slice(0, 10)) throw new MappaError('before_request', 'The date they answered cannot be before the request was made.', 'answeredOn');
  w.run('UPDATE owner_permissions SET answer = ?, answered_by = ?, answered_on = ?, answer_note = ?, recorded_at = ?, recorded_by = ? WHERE id = ?', [
    input.answer,
    input.answeredBy,
    input.answeredOn,
    input.note,
    iso(ctx.now),
    ctx.actor.userName,
    input.id,
  ]);
  return getPermission(w, input.id);
}

export function getPermission(r: Reader, id: string): PermissionView {
  const row = r.get<PermissionRow>('SELECT * FROM owner_permissions WHERE id = ?', [id]);
  if (!row) throw new MappaError('unknown_permission', 'That permission request is not in this register.');
  const offices = new Map(listOffices(r).map((o) => [o.id, o]));
  const kind = r.get<{ field_kind: string }>('SELECT field_kind FROM items WHERE id = ?', [row.item_id]);
  return toView(row, offices, (kind?.field_kind ?? 'other') as FieldKind);
}

export function listPermissions(r: Reader, subjectId: string): PermissionView[] {
  const offices = new Map(listOffices(r).map((o) => [o.id, o]));
  return r
    .all<PermissionRow & { field_kind: string }>(
      'SELECT p.*, i.field_kind FROM owner_permissions p JOIN items i ON i.id = p.item_id WHERE p.subject_id = ? ORDER BY p.requested_at DESC',
      [subjectId],
    )
    .map((row) => toView(row, offices, row.field_kind as FieldKind));
}

export function describePurpose(purpose: SharePurpose): string {
  return SHARE_PURPOSES[purpose];
}

/** The agency sharing: the register's own office's (its keys sign every file). */
export function sharingAgency(r: Reader): string {
  const home = homeOffice(r);
  if (!home) throw new MappaError('no_home_office', 'Set up the office this register belongs to first.');
  return home.agency;
}

export function subjectOfPermission(r: Reader, id: string): string {
  const row = r.get<{ subject_id: string }>('SELECT subject_id FROM owner_permissions WHERE id = ?', [id]);
  if (!row) throw new MappaError('unknown_permission', 'That permission request is not in this register.');
  return row.subject_id;
}
