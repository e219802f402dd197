import type { FieldRef, ShareField } from '../../shared/channels/sharing';
import { MappaError } from '../../shared/errors';
import type { ItemView, OfficeView } from '../../shared/registerSchemas';
import { SUBJECT_FIELD_CODES, SUBJECT_FIELDS, type SharePurpose } from '../../shared/sharingVocabulary';
import { FIELD_KINDS, specialCategoryOf, type FieldKind } from '../../shared/vocabulary';
import { homeOffice } from '../access/offices';
import type { Reader } from '../db/types';
import { itemGroupsFor } from '../register/items';
import { subjectFieldValue, subjectRecord, type SubjectRecord } from '../register/subjectRecord';
import { permissionState } from './ownerPermissions';
import { parseIds, refKey, type ShareRow } from './shareRows';

export { subjectFieldValue, subjectRecord, type SubjectRecord } from '../register/subjectRecord';

// The fields a share can carry: the person's own details and their items, each with its
// owner, conditions, the owner's permission and where it came from.

export interface Origin {
  origin: string;
  originVersion: number;
  receivedFrom: string | null;
  withdrawn: boolean;
}

export function originsFor(r: Reader, subjectId: string): Map<string, Origin> {
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

export interface Candidate {
  field: ShareField;
  item: ItemView | null;
  version: number | null;
}

export interface Context {
  row: ShareRow;
  home: OfficeView;
  subject: SubjectRecord;
  candidates: Map<string, Candidate>;
  origins: Map<string, Origin>;
  recipients: string[];
  purpose: SharePurpose | null;
}

/** A field the register's own office holds about the person (one of their details, or a line whose item has gone). */
export function homeField(ref: FieldRef, label: string, kind: FieldKind, value: string, home: OfficeView): ShareField {
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

export function candidatesFor(r: Reader, row: ShareRow, home: OfficeView, subject: SubjectRecord, origins: Map<string, Origin>, recipients: string[], purpose: SharePurpose | null): Map<string, Candidate> {
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

export function contextOf(r: Reader, row: ShareRow): Context {
  const home = homeOffice(r);
  if (!home) throw new MappaError('no_home_office', 'Set up the office this register belongs to first.');
  const subject = subjectRecord(r, row.subject_id);
  const origins = originsFor(r, row.subject_id);
  const recipients = parseIds(row.recipient_office_ids);
  const purpose = row.purpose as SharePurpose | null;
  return { row, home, subject, origins, recipients, purpose, candidates: candidatesFor(r, row, home, subject, origins, recipients, purpose) };
}

