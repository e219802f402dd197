import type { ImportPreview } from '../../shared/channels/sharing';
import { MappaError } from '../../shared/errors';
import { LAWFUL_GATEWAYS, REGIMES, SHARE_PURPOSES, SUBJECT_FIELDS, type SubjectField } from '../../shared/sharingVocabulary';
import { AGENCY_KINDS, FIELD_KINDS } from '../../shared/vocabulary';
import { today } from '../../shared/calendar';
import { iso, type Ctx } from '../access/context';
import { homeOffice } from '../access/offices';
import { listAssociations, matchAssociation, type AssociationDeclaration } from '../audit';
import type { Reader, Writer } from '../db/types';
import { addItem, getItem, updateItem } from '../register/items';
import { createSubject } from '../register/subjects';
import { normaliseReference } from '../register/subjectRules';
import type { ExchangeManifest, ManifestItem, Opened } from '../exchange/exchangeFile';
import { ensureOffice, partnerKeyByRemote } from '../exchange/keys';
import { wrongPlace } from '../exchange/files';

// What an opened, verified exchange file does to this register: the preview (matched
// against what is here, nothing written) and the import (owner, provider and conditions
// intact; an item already held is matched, a newer version from its sender replaces it as
// a new version; a withdrawal marks the items it names).

/** Subject details that identify the person: they file the share, they are not stored as items. */
const IDENTIFYING: ReadonlySet<SubjectField> = new Set<SubjectField>(['names', 'date_of_birth', 'references']);

type ItemStatus = 'new' | 'same' | 'newer' | 'older';

interface Held {
  itemId: string;
  subjectId: string;
  version: number;
  fromSender: boolean;
}

/** The item this register already holds for an origin: one it received, or its own sent back to it. */
function heldItem(r: Reader, origin: string, senderOfficeId: string): Held | undefined {
  const received = r.get<{ item_id: string; subject_id: string; origin_version: number; received_from_office_id: string }>(
    'SELECT o.item_id, i.subject_id, o.origin_version, o.received_from_office_id FROM item_origins o JOIN items i ON i.id = o.item_id WHERE o.origin = ? AND i.deleted_at IS NULL',
    [origin],
  );
  if (received) return { itemId: received.item_id, subjectId: received.subject_id, version: received.origin_version, fromSender: received.received_from_office_id === senderOfficeId };
  const home = homeOffice(r);
  if (home && origin.startsWith(`${home.id}/`)) {
    const own = r.get<{ id: string; subject_id: string; version: number }>('SELECT id, subject_id, version FROM items WHERE id = ? AND deleted_at IS NULL', [origin.slice(home.id.length + 1)]);
    if (own) return { itemId: own.id, subjectId: own.subject_id, version: own.version, fromSender: false };
  }
  return undefined;
}

/**
 * What an item in a file is to this register. Only a copy this sender gave us can be
 * replaced by a newer version from them: an item the register holds from anyone else (its
 * own, or another partner's) is kept as it is, whatever version the file claims.
 */
function statusOf(held: Held | undefined, version: number): ItemStatus {
  if (!held) return 'new';
  if (!held.fromSender || held.version === version) return 'same';
  return version > held.version ? 'newer' : 'older';
}

/** The subject a share is about, if this register holds them: by a reference, or by name and date of birth. */
export function matchSubject(r: Reader, s: NonNullable<ExchangeManifest['share']>['subject']): { id: string; by: string } | undefined {
  for (const [column, value, label] of [
    ['pnc', s.pnc, 'PNC number'],
    ['ndelius', s.ndelius, 'nDelius CRN'],
    ['visor', s.visor, 'ViSOR reference'],
  ] as const) {
    const ref = normaliseReference(value);
    if (ref === null) continue;
    const row = r.get<{ id: string }>(`SELECT id FROM subjects WHERE ${column} = ? COLLATE NOCASE AND deleted_at IS NULL`, [ref]);
    if (row) return { id: row.id, by: label };
  }
  if (s.dateOfBirth !== null) {
    const row = r.get<{ id: string }>(
      'SELECT id FROM subjects WHERE given_name = ? COLLATE NOCASE AND family_name = ? COLLATE NOCASE AND date_of_birth = ? AND deleted_at IS NULL',
      [s.givenName, s.familyName, s.dateOfBirth],
    );
    if (row) return { id: row.id, by: 'name and date of birth' };
  }
  return undefined;
}

export interface Candidate {
  id: string;
  names: string;
  dateOfBirth: string | null;
}

/**
 * People this register holds who may be the file's person when nothing matched firmly (a
 * share of names and an address carries no date of birth or reference): the same given and
 * family name, or an alias equal to the full name. The person importing chooses one, or a
 * new record; those the user is blocked from are never offered.
 */
export function possibleMatches(r: Reader, s: NonNullable<ExchangeManifest['share']>['subject'], hidden: ReadonlySet<string>): Candidate[] {
  if (matchSubject(r, s)) return [];
  const full = `${s.givenName} ${s.familyName}`;
  const rows = r.all<{ id: string; given_name: string; family_name: string; date_of_birth: string | null }>(
    `SELECT id, given_name, family_name, date_of_birth FROM subjects
     WHERE deleted_at IS NULL AND ((given_name = ? COLLATE NOCASE AND family_name = ? COLLATE NOCASE)
       OR id IN (SELECT subject_id FROM subject_aliases WHERE alias = ? COLLATE NOCASE))
     ORDER BY family_name, given_name, date_of_birth LIMIT 20`,
    [s.givenName, s.familyName, full],
  );
  return rows.filter((row) => !hidden.has(row.id)).map((row) => ({ id: row.id, names: `${row.given_name} ${row.family_name}`, dateOfBirth: row.date_of_birth }));
}

/** The record a share goes to: its firm match; else the person's choice among the possible matches; else null (a new record). */
export function targetSubject(r: Reader, opened: Opened, chosen: string | null, hidden: ReadonlySet<string>): string | null {
  const s = opened.manifest.share?.subject;
  if (!s) return null;
  const firm = matchSubject(r, s);
  if (firm) {
    if (chosen !== null && chosen !== firm.id) {
      throw new MappaError('firm_match', `This file matches a person already here by their ${firm.by}: it is added to their record, not to the one chosen.`, 'subjectId');
    }
    return firm.id;
  }
  if (chosen === null) return null;
  if (!possibleMatches(r, s, hidden).some((c) => c.id === chosen)) {
    throw new MappaError('not_a_candidate', 'Choose one of the people listed as possibly the same person, or a new record.', 'subjectId');
  }
  return chosen;
}

/** Items of a share that become items here (the identifying details file the person instead). */
const storedItems = (m: ExchangeManifest) => (m.share?.items ?? []).filter((i) => i.subjectField === null || !IDENTIFYING.has(i.subjectField));

function labelOf(item: ManifestItem): string {
  return item.subjectField !== null ? SUBJECT_FIELDS[item.subjectField].label : FIELD_KINDS[item.fieldKind].label;
}

export function senderOffice(r: Reader, m: ExchangeManifest) {
  const key = partnerKeyByRemote(r, m.sender.officeId);
  if (!key) throw new MappaError('exchange_unknown_sender', `This register has no confirmed key for ${m.sender.name}.`);
  return key.office;
}

export function previewOf(r: Reader, opened: Opened, token: string, hidden: ReadonlySet<string>): ImportPreview {
  const m = opened.manifest;
  const sender = senderOffice(r, m);
  if (m.kind !== 'share' && m.kind !== 'withdrawal') return wrongPlace(m.kind);
  const base = {
    token,
    kind: m.kind,
    sender: { name: m.sender.name, agency: m.sender.agency, agencyLabel: AGENCY_KINDS[m.sender.agency].label, area: m.sender.area, fingerprint: m.sender.fingerprint },
    createdAt: m.createdAt,
    expiresAt: m.expiresAt,
  };
  if (m.share) {
    const s = m.share.subject;
    const match = matchSubject(r, s);
    return {
      ...base,
      purpose: m.share.purpose === 'other' && m.share.purposeOther !== null ? m.share.purposeOther : SHARE_PURPOSES[m.share.purpose],
      gateway: m.share.gateway === 'other' && m.share.gatewayOther !== null ? m.share.gatewayOther : LAWFUL_GATEWAYS[m.share.gateway],
      regime: REGIMES[m.share.regime],
      subject: {
        names: `${s.givenName} ${s.familyName}${s.aliases.length > 0 ? ` (also known as ${s.aliases.join(', ')})` : ''}`,
        dateOfBirth: s.dateOfBirth,
        matchedSubjectId: match?.id ?? null,
        matchedBy: match?.by ?? null,
        candidates: possibleMatches(r, s, hidden),
      },
      items: storedItems(m).map((item) => ({
        fieldKind: item.fieldKind,
        label: labelOf(item),
        value: opened.payload.values[item.line] ?? '',
        owner: item.owner,
        noOnwardDisclosure: item.conditions.noOnwardDisclosure,
        notToSubject: item.conditions.notToSubject,
        status: statusOf(heldItem(r, item.origin, sender.id), item.originVersion),
      })),
      withdrawalReason: null,
    };
  }
  const w = m.withdrawal;
  if (!w) throw new MappaError('exchange_malformed', 'This file is neither a share nor a withdrawal.');
  const held = withdrawable(r, w.origins, sender.id);
  const subjectId = held[0]?.subjectId ?? null;
  const names = subjectId === null ? null : r.get<{ given_name: string; family_name: string; date_of_birth: string | null }>('SELECT given_name, family_name, date_of_birth FROM subjects WHERE id = ?', [subjectId]);
  return {
    ...base,
    purpose: null,
    gateway: null,
    regime: null,
    subject: {
      names: names ? `${names.given_name} ${names.family_name}` : 'No items held from this share',
      dateOfBirth: names?.date_of_birth ?? null,
      matchedSubjectId: subjectId,
      matchedBy: subjectId === null ? null : 'the items it withdraws',
      candidates: [],
    },
    items: held.map((h) => {
      const item = getItem(r, h.itemId);
      return {
        fieldKind: item.fieldKind,
        label: FIELD_KINDS[item.fieldKind].label,
        value: item.value,
        owner: { name: item.owner.name, agency: item.owner.agency, area: item.owner.area },
        noOnwardDisclosure: item.noOnwardDisclosure,
        notToSubject: item.notToSubject,
        status: 'same' as const,
      };
    }),
    withdrawalReason: w.reason,
  };
}

/** Items received from `senderOfficeId` with these origins: only the sender can withdraw what it sent. */
function withdrawable(r: Reader, origins: readonly string[], senderOfficeId: string): { itemId: string; subjectId: string }[] {
  if (origins.length === 0) return [];
  const out: { itemId: string; subjectId: string }[] = [];
  for (const origin of origins) {
    const row = r.get<{ item_id: string; subject_id: string }>(
      'SELECT o.item_id, i.subject_id FROM item_origins o JOIN items i ON i.id = o.item_id WHERE o.origin = ? AND o.received_from_office_id = ? AND i.deleted_at IS NULL',
      [origin, senderOfficeId],
    );
    if (row) out.push({ itemId: row.item_id, subjectId: row.subject_id });
  }
  return out;
}

/** The subject an opened file would touch: matched now (or the person's choice), or null for a share that will add a new person. */
export function subjectTouched(r: Reader, opened: Opened, chosen: string | null = null, hidden: ReadonlySet<string> = new Set()): string | null {
  const m = opened.manifest;
  if (m.share) return targetSubject(r, opened, chosen, hidden);
  if (m.withdrawal) return withdrawable(r, m.withdrawal.origins, senderOffice(r, m).id)[0]?.subjectId ?? null;
  return null;
}

/** The user's declaration the file's person matches (by the file's own names and date of birth), if any. */
export function declarationMatching(r: Reader, userId: string, opened: Opened): AssociationDeclaration | null {
  const s = opened.manifest.share?.subject;
  if (!s) return null;
  const declarations = listAssociations(r, userId);
  if (declarations.length === 0) return null;
  return matchAssociation({ names: [`${s.givenName} ${s.familyName}`, ...s.aliases], dateOfBirth: s.dateOfBirth }, declarations);
}

export interface ImportOutcome {
  /** The person the file was about here; null for a withdrawal of items this register never imported. */
  subjectId: string | null;
  subjectAdded: boolean;
  itemIds: string[];
  added: number;
  matched: number;
  updated: number;
  withdrawn: number;
  officesAdded: string[];
}

/** Imports an opened, verified file. Runs inside one commit: all of it, or (on any refusal) none of it. */
export function applyImport(w: Writer, ctx: Ctx, opened: Opened, chosen: string | null = null, hidden: ReadonlySet<string> = new Set()): ImportOutcome {
  const m = opened.manifest;
  const sender = senderOffice(w, m);
  const receivedAt = iso(ctx.now);
  if (w.get('SELECT 1 AS x FROM exchanges_received WHERE exchange_id = ?', [m.exchangeId])) {
    throw new MappaError('exchange_replayed', 'This file was already imported: nothing was imported again.');
  }
  const outcome: ImportOutcome = { subjectId: null, subjectAdded: false, itemIds: [], added: 0, matched: 0, updated: 0, withdrawn: 0, officesAdded: [] };
  if (m.withdrawal) {
    const held = withdrawable(w, m.withdrawal.origins, sender.id);
    for (const h of held) {
      w.run('UPDATE item_origins SET withdrawn_at = ?, withdrawn_reason = ?, withdrawal_exchange_id = ? WHERE item_id = ? AND withdrawn_at IS NULL', [receivedAt, m.withdrawal.reason, m.exchangeId, h.itemId]);
      outcome.itemIds.push(h.itemId);
    }
    outcome.withdrawn = held.length;
    outcome.subjectId = held[0]?.subjectId ?? null;
  } else if (m.share) {
    const share = m.share;
    const s = share.subject;
    const target = targetSubject(w, opened, chosen, hidden);
    const subjectId =
      target ??
      createSubject(w, ctx, {
        kind: s.kind,
        givenName: s.givenName,
        familyName: s.familyName,
        aliases: s.aliases,
        dateOfBirth: s.dateOfBirth,
        ethnicity: null,
        pnc: s.pnc,
        ndelius: s.ndelius,
        visor: s.visor,
        address: null,
        noFixedAbode: false,
        areaOfClosestLinks: null,
        indexOffence: null,
        sentence: null,
        category: null,
        level: null,
        risk: null,
        exceptionalReason: null,
        leadOfficeId: null,
        nextReview: null,
      }, { received: true });
    outcome.subjectId = subjectId;
    outcome.subjectAdded = target === null;
    const place = (d: { name: string; agency: (typeof m.sender)['agency']; area: string }) => {
      const found = ensureOffice(w, ctx, d);
      if (found.added) outcome.officesAdded.push(found.office.id);
      return found.office;
    };
    for (const item of storedItems(m)) {
      const value = opened.payload.values[item.line] ?? '';
      const held = heldItem(w, item.origin, sender.id);
      const status = statusOf(held, item.originVersion);
      if (held && (status !== 'newer' || held.subjectId !== subjectId)) {
        outcome.matched += 1;
        outcome.itemIds.push(held.itemId);
        continue;
      }
      const conditions = item.conditions;
      if (held && status === 'newer') {
        const current = getItem(w, held.itemId);
        const changed =
          current.value !== value || current.fieldKind !== item.fieldKind || current.classification !== item.classification || current.noOnwardDisclosure !== conditions.noOnwardDisclosure || current.notToSubject !== conditions.notToSubject;
        if (changed) {
          updateItem(w, ctx, {
            itemId: held.itemId,
            fieldKind: item.fieldKind,
            rmpHeading: item.rmpHeading,
            value,
            classification: item.classification,
            noOnwardDisclosure: conditions.noOnwardDisclosure,
            notToSubject: conditions.notToSubject,
            notToSubjectReason: conditions.notToSubjectReason,
            changeReason: `A newer version received from ${m.sender.name} (exchange ${m.exchangeId}).`,
          });
        }
        w.run('UPDATE item_origins SET origin_version = ?, exchange_id = ? WHERE item_id = ?', [item.originVersion, m.exchangeId, held.itemId]);
        outcome.updated += 1;
        outcome.itemIds.push(held.itemId);
        continue;
      }
      const owner = place(item.owner);
      const providerOffice = place(item.provider.office);
      const added = addItem(w, ctx, {
        subjectId,
        fieldKind: item.fieldKind,
        rmpHeading: item.rmpHeading,
        value,
        ownerOfficeId: owner.id,
        providerName: item.provider.name,
        providerOfficeId: providerOffice.id,
        receivedOn: today(ctx.now),
        classification: item.classification,
        noOnwardDisclosure: conditions.noOnwardDisclosure,
        notToSubject: conditions.notToSubject,
        notToSubjectReason: conditions.notToSubject ? (conditions.notToSubjectReason ?? 'Not to be disclosed to the subject (a condition of the sender).') : null,
      });
      w.run('INSERT INTO item_origins (item_id, origin, origin_version, received_from_office_id, exchange_id) VALUES (?, ?, ?, ?, ?)', [added.id, item.origin, item.originVersion, sender.id, m.exchangeId]);
      outcome.added += 1;
      outcome.itemIds.push(added.id);
    }
  }
  w.run(
    `INSERT INTO exchanges_received (exchange_id, kind, sender_office_id, subject_id, file_sha256, received_at, received_by, added, matched, updated, withdrawn)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [m.exchangeId, m.kind, sender.id, outcome.subjectId, opened.fileSha256, receivedAt, ctx.actor.userName, outcome.added, outcome.matched, outcome.updated, outcome.withdrawn],
  );
  return outcome;
}

export function receivedOn(r: Reader, exchangeId: string): string | undefined {
  return r.get<{ received_at: string }>('SELECT received_at FROM exchanges_received WHERE exchange_id = ?', [exchangeId])?.received_at;
}

