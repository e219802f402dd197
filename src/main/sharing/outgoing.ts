import { randomUUID } from 'node:crypto';
import { MappaError } from '../../shared/errors';
import type { LawfulGateway, SharePurpose, SubjectField } from '../../shared/sharingVocabulary';
import type { DataProtectionRegime } from '../../shared/vocabulary';
import { today } from '../../shared/calendar';
import { iso } from '../access/context';
import { homeOffice } from '../access/offices';
import type { Reader } from '../db/types';
import type { ExchangePayload, ManifestDraft, ManifestItem } from '../exchange/exchangeFile';
import { describeOffice, partnerKeyOf, type OwnKeys } from '../exchange/keys';
import { sentLines } from './shares';
import type { ShareRow } from './shareRows';

// What goes into an exchange file: a confirmed share's manifest and payload (every field
// with its owner, provider, conditions and three tests' answers), or a withdrawal notice
// for the items a share sent.

export interface BuiltShare {
  draft: ManifestDraft;
  payload: ExchangePayload;
  recipientAgeKeys: string[];
  revision: number;
  expiresAt: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The manifest and payload of a share as it stands: every line's field, owner, conditions and answers. */
export function buildShare(r: Reader, id: string, own: OwnKeys, sentBy: string, now: Date): BuiltShare {
  const { ctx, lines } = sentLines(r, id);
  const row: ShareRow = ctx.row;
  if (row.purpose === null || row.gateway === null || row.regime === null) throw new MappaError('not_ready', 'Choose the purpose, gateway and regime first.');
  const recipients = ctx.recipients.map((officeId) => {
    const key = partnerKeyOf(r, officeId);
    if (!key) throw new MappaError('no_partner_key', 'A recipient no longer has a confirmed key: choose the recipients again.');
    return key;
  });
  const s = ctx.subject;
  const chosen = new Set(lines.map((l) => l.line.subject_field).filter((f): f is string => f !== null));
  const values: Record<string, string> = {};
  const items: ManifestItem[] = lines.map((l) => {
    values[l.line.line_id] = l.field.value;
    const owner = l.field.owner;
    const providerOffice = l.item?.providerOffice ?? ctx.home;
    return {
      line: l.line.line_id,
      origin: l.origin,
      originVersion: l.originVersion,
      subjectField: (l.line.subject_field as SubjectField | null) ?? null,
      fieldKind: l.field.fieldKind,
      rmpHeading: l.item?.rmpHeading ?? null,
      classification: l.field.classification,
      owner: { name: owner.name, agency: owner.agency, area: owner.area },
      provider: { name: l.item?.providerName ?? sentBy, office: { name: providerOffice.name, agency: providerOffice.agency, area: providerOffice.area } },
      receivedOn: l.item?.receivedOn ?? today(now),
      conditions: {
        // The share's condition, or the item's own: either way it travels.
        noOnwardDisclosure: row.no_onward_disclosure === 1 || l.field.noOnwardDisclosure,
        notToSubject: row.not_to_subject === 1 || l.field.notToSubject,
        notToSubjectReason: l.item?.notToSubject ? l.item.notToSubjectReason : row.not_to_subject === 1 ? 'Not to be disclosed to the subject (a condition of the share).' : null,
        retention: 'owner_rules',
      },
      tests: {
        necessary: l.line.necessary ?? '',
        proportionate: l.line.proportionate ?? '',
        relevant: l.line.relevant ?? '',
        outsidePurposeReason: l.line.outside_purpose_reason,
        specialJustification: l.line.special_justification,
        answeredBy: l.line.answered_by ?? '',
        answeredAt: l.line.answered_at ?? iso(now),
      },
    };
  });
  const expiresAt = new Date(now.getTime() + row.expiry_days * DAY_MS).toISOString();
  return {
    draft: {
      exchangeId: randomUUID(),
      kind: 'share',
      sender: { ...describeOffice(own.office), fingerprint: own.fingerprint },
      recipients: recipients.map((k) => k.fingerprint),
      createdAt: iso(now),
      expiresAt,
      sentBy,
      share: {
        purpose: row.purpose as SharePurpose,
        purposeOther: row.purpose_other,
        gateway: row.gateway as LawfulGateway,
        gatewayOther: row.gateway_other,
        regime: row.regime as DataProtectionRegime,
        subject: {
          kind: s.kind,
          givenName: s.givenName,
          familyName: s.familyName,
          aliases: s.aliases,
          dateOfBirth: chosen.has('date_of_birth') ? s.dateOfBirth : null,
          pnc: chosen.has('references') ? s.pnc : null,
          ndelius: chosen.has('references') ? s.ndelius : null,
          visor: chosen.has('references') ? s.visor : null,
        },
        items,
      },
      withdrawal: null,
    },
    payload: { values },
    recipientAgeKeys: recipients.map((k) => k.ageRecipient),
    revision: row.revision,
    expiresAt,
  };
}

/** A withdrawal notice for a confirmed share: to the same recipients, naming the same items. */
export function buildWithdrawal(r: Reader, row: ShareRow, own: OwnKeys, sentBy: string, reason: string, now: Date): { draft: ManifestDraft; recipientAgeKeys: string[] } {
  if (row.exchange_id === null) throw new MappaError('not_confirmed', 'Only a confirmed share can be withdrawn.');
  const { ctx, lines } = sentLinesForWithdrawal(r, row);
  const recipients = ctx.map((officeId) => {
    const key = partnerKeyOf(r, officeId);
    if (!key) throw new MappaError('no_partner_key', 'A recipient of this share no longer has a confirmed key: confirm their key again before withdrawing.');
    return key;
  });
  return {
    draft: {
      exchangeId: randomUUID(),
      kind: 'withdrawal',
      sender: { ...describeOffice(own.office), fingerprint: own.fingerprint },
      recipients: recipients.map((k) => k.fingerprint),
      createdAt: iso(now),
      expiresAt: new Date(now.getTime() + 90 * DAY_MS).toISOString(),
      sentBy,
      share: null,
      withdrawal: { withdraws: row.exchange_id, origins: lines, reason },
    },
    recipientAgeKeys: recipients.map((k) => k.ageRecipient),
  };
}

/** The origins a confirmed share sent, recomputed from its lines (its items may since have changed). */
function sentLinesForWithdrawal(r: Reader, row: ShareRow): { ctx: string[]; lines: string[] } {
  const home = homeOffice(r);
  if (!home) throw new MappaError('no_home_office', 'Set up the office this register belongs to first.');
  const recipients = JSON.parse(row.recipient_office_ids) as string[];
  const lines = r.all<{ item_id: string | null; origin: string | null }>(
    'SELECT l.item_id, o.origin FROM share_lines l LEFT JOIN item_origins o ON o.item_id = l.item_id WHERE l.share_id = ? AND l.item_id IS NOT NULL',
    [row.id],
  );
  return { ctx: recipients, lines: lines.map((l) => l.origin ?? `${home.id}/${l.item_id ?? ''}`) };
}

