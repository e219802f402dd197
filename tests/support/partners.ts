// Two registers of partner agencies on one machine, as two offices would have them on
// theirs: each made through the app's own channels, each with its office keys, and each
// holding the other's key confirmed by fingerprint (the key files passed through the
// host's save and open dialogs, as a person would pass them by secure email). The
// builders run a share through the same channels the wizard calls.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Api } from '../../src/main/api';
import { readAuditRecords, type AuditEntry } from '../../src/main/audit';
import { toEntry } from '../../src/main/audit/log';
import type { FieldRef, ShareView } from '../../src/shared/channels/sharing';
import type { AgencyKindCode } from '../../src/shared/vocabulary';
import { anApiWith, type FakeHost } from './fakeHost';
import type { SubjectInput } from '../../src/shared/registerSchemas';

/** The reason given for opening a record (registers ask for one by default). */
export const CASE = { code: 'case_management' as const };

export interface PartnerRegister {
  api: Api & { host: FakeHost };
  folder: string;
  home: string;
  /** Office ids in this register, by agency. */
  offices: Partial<Record<AgencyKindCode, string>>;
  user: { userName: string; passphrase: string };
  /** Every audit entry, parsed, oldest first. */
  entries(): AuditEntry[];
  /** A file path in this register's own scratch folder (where its dialogs "save"). */
  file(name: string): string;
}

const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'mappa-share-'));

export async function aPartnerRegister(options: {
  office: { name: string; agency: AgencyKindCode; area: string };
  userName: string;
  others?: { name: string; agency: AgencyKindCode; area: string }[];
  clock?: () => Date;
}): Promise<PartnerRegister> {
  const api = anApiWith(options.clock ? { clock: options.clock } : {});
  const dir = scratch();
  const folder = path.join(dir, 'register');
  const user = { userName: options.userName, passphrase: `${options.userName.toLowerCase()} keeps the partnership register` };
  api.host.picksFolder(folder);
  await api.service['register.chooseFolder']({ purpose: 'create' });
  await api.service['register.create']({ folder, userName: user.userName, passphrase: user.passphrase, confirmPassphrase: user.passphrase });
  const status = await api.service['register.setup']({ office: options.office, role: 'coordinator' });
  const home = status.state === 'unlocked' && status.homeOffice ? status.homeOffice.id : '';
  const offices: Partial<Record<AgencyKindCode, string>> = { [options.office.agency]: home };
  for (const other of options.others ?? []) {
    const list = await api.service['offices.add'](other);
    offices[other.agency] = list.find((o) => o.agency === other.agency && o.name === other.name)?.id;
  }
  await api.service['keys.create']({});
  return {
    api,
    folder,
    home,
    offices,
    user,
    entries: () => readAuditRecords(api.session.vault().reader).map(toEntry),
    file: (name) => path.join(dir, name),
  };
}

/** `from` saves its key file; `to` opens it and confirms the fingerprint read to it. Returns `from`'s office id in `to`. */
export async function confirmKey(from: PartnerRegister, to: PartnerRegister): Promise<string> {
  const keyFile = from.file(`key-${Math.random().toString(36).slice(2)}.mappa-key`);
  from.api.host.picksFile(keyFile);
  await from.api.service['keys.exportOwn']({});
  to.api.host.picksFile(keyFile);
  const preview = await to.api.service['keys.openPartnerKey']({});
  if ('cancelled' in preview) throw new Error('the key file dialog was cancelled');
  const partners = await to.api.service['keys.confirmPartnerKey']({ token: preview.token, fingerprintMatches: true, confirmedWith: from.user.userName, confirmedHow: 'by telephone' });
  const own = await from.api.service['keys.own']({});
  const found = partners.find((p) => p.fingerprint === own.fingerprint);
  if (!found) throw new Error('the confirmed key is not in the list');
  return found.office.id;
}

/** Probation (Wigan) and the police (Wigan PPU), each with the other's key confirmed. */
export async function twoPartners(clock?: () => Date) {
  const area = 'Greater Manchester';
  const probation = await aPartnerRegister({
    office: { name: 'Wigan Probation Delivery Unit', agency: 'probation', area },
    userName: 'Casey Coordinator',
    others: [{ name: 'North West Mental Health Trust', agency: 'health', area }],
    clock,
  });
  const police = await aPartnerRegister({ office: { name: 'Wigan Public Protection Unit', agency: 'police', area }, userName: 'Sam Sergeant', clock });
  const policeInProbation = await confirmKey(police, probation);
  const probationInPolice = await confirmKey(probation, police);
  return { probation, police, policeInProbation, probationInPolice };
}

export interface Answer {
  necessary?: string;
  proportionate?: string;
  relevant?: string;
  outsidePurposeReason?: string | null;
  specialJustification?: string | null;
}

export const FULL_ANSWER: Required<Answer> = {
  necessary: 'To manage the risk he poses: the Level 2 meeting needs it.',
  proportionate: 'Only this field, not his full record.',
  relevant: 'It bears directly on the risk to his former partner.',
  outsidePurposeReason: null,
  specialJustification: null,
};

type Purpose = 'assess_risk' | 'risk_management_plan' | 'meeting_preparation' | 'locate_contact' | 'victim_safety';

/** A draft share of `fields` to `recipients` for `purpose`, through the wizard's first two steps: nothing answered yet. */
export async function anUnansweredShare(from: PartnerRegister, subjectId: string, recipients: string[], fields: FieldRef[], purpose: Purpose = 'risk_management_plan'): Promise<ShareView> {
  const s = from.api.service;
  const share = await s['shares.start']({ subjectId, reason: CASE });
  await s['shares.setFields']({ id: share.id, fields });
  return s['shares.setDetails']({
    id: share.id,
    purpose,
    purposeOther: null,
    recipientOfficeIds: recipients,
    gateway: 'cja2003_s325',
    gatewayOther: null,
    regime: 'dpa2018_part3',
    expiryDays: 28,
    noOnwardDisclosure: true,
    notToSubject: false,
  });
}

/** A draft share of `fields` to `recipients` for `purpose`, with every field answered (answers can be overridden per field kind). */
export async function aDraftShare(
  from: PartnerRegister,
  subjectId: string,
  recipients: string[],
  fields: FieldRef[],
  options: { purpose?: Purpose; answers?: (line: ShareView['lines'][number]) => Answer | null } = {},
): Promise<ShareView> {
  const s = from.api.service;
  let share = await anUnansweredShare(from, subjectId, recipients, fields, options.purpose);
  for (const line of share.lines) {
    const answer = options.answers ? options.answers(line) : {};
    if (answer === null) continue;
    share = await s['shares.answer']({
      id: share.id,
      lineId: line.lineId,
      ...FULL_ANSWER,
      outsidePurposeReason: line.outsidePurpose ? 'Needed for this plan in particular.' : null,
      specialJustification: line.specialCategory !== null ? 'His mental health bears directly on the risk in this plan.' : null,
      ...answer,
    });
  }
  return share;
}

/** Confirms a share and saves its file; returns the file's path. */
export async function confirmShare(from: PartnerRegister, shareId: string): Promise<string> {
  const file = from.file(`share-${Math.random().toString(36).slice(2)}.mappa`);
  from.api.host.picksFile(file);
  const done = await from.api.service['shares.confirm']({ id: shareId });
  if (done.file !== file) throw new Error('the share was not saved where it was asked to be');
  return file;
}

/** Opens an exchange file in `to` (the preview), without importing it. */
export async function openFile(to: PartnerRegister, file: string) {
  to.api.host.picksFile(file);
  const preview = await to.api.service['exchange.open']({});
  if ('cancelled' in preview) throw new Error('the exchange file dialog was cancelled');
  return preview;
}

export const HOLLIS: Partial<SubjectInput> = {
  givenName: 'Darren',
  familyName: 'Hollis',
  dateOfBirth: '1984-03-12',
  pnc: '84/123456A',
  ethnicity: 'White British',
  address: '14 Larch Road, Wigan',
};
