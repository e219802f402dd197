// Subject access requests (issue 13) on the meetings team's register (tests/support/meetings.ts):
// Wigan Probation's register, answering under DPA 2018 Part 3, with Iris Ilić, its information
// governance lead, added as a user. Requests go through the app's own channels.
import { addDays, londonDayOf } from '../../src/shared/calendar';
import type { ResponseDetails, SarIntake, SarView } from '../../src/shared/channels/sar';
import type { Service } from '../../src/shared/contract';
import { aMeetingTeam, type MeetingTeam } from './meetings';
import { anAttendeeRegister } from './meetingPacks';
import { aDraftShare, confirmShare, HOLLIS, openFile, type PartnerRegister } from './partners';
import { anItem, aSubject } from './registerBuilders';

export const IRIS = { userName: 'Iris Ilić', passphrase: 'iris answers the access requests', role: 'ig_lead' } as const;

/** The reason an IG lead gives for opening what the register holds about a requester. */
export const SAR_REASON = { code: 'sar' } as const;

/** Adds Iris, the IG lead, to the team's register (Casey, its creator, signed in) and signs her in. */
export async function withIris(team: MeetingTeam): Promise<void> {
  await team.api.service['users.add']({ userName: IRIS.userName, passphrase: IRIS.passphrase, confirmPassphrase: IRIS.passphrase, administrator: false, role: IRIS.role, officeId: team.offices.probation });
  await signInAsIris(team);
}

export async function signInAsIris(team: MeetingTeam): Promise<void> {
  if (team.api.session.status().state === 'unlocked') await team.api.service['register.lock']({});
  await team.api.service['register.unlock']({ folder: team.folder, userName: IRIS.userName, passphrase: IRIS.passphrase });
}

/** A request from Darren Hollis himself, received on `receivedOn`. */
export function anIntake(over: Partial<SarIntake> = {}): SarIntake {
  return {
    requesterName: 'Darren Hollis',
    representativeName: null,
    authority: null,
    contact: '14 Orchard Close, Wigan WN1 2AB',
    names: ['Daz Hollis'],
    dateOfBirth: '1984-03-12',
    identifiers: null,
    askedFor: 'Everything probation holds about me since my release in 2024, including what was said at MAPPA meetings.',
    receivedOn: '2026-11-02',
    ...over,
  };
}

export async function aRequest(team: MeetingTeam, over: Partial<SarIntake> = {}): Promise<SarView> {
  return team.api.service['sar.create'](anIntake(over));
}

/** What Wigan Probation's response letter says besides the released items. */
export const DETAILS: ResponseDetails = {
  officeAddress: ['Wigan Life Centre', 'The Wiend', 'Wigan WN1 1NH'],
  signatory: { name: 'Iris Ilić', role: 'Information governance lead', contact: 'information.governance@wigan-pdu.example, 01942 000 111' },
  addresseeAddress: ['14 Orchard Close', 'Wigan WN1 2AB'],
  purposes: 'To assess and manage the risk you pose under the Multi-Agency Public Protection Arrangements.',
  legalBasis: 'Section 325 of the Criminal Justice Act 2003, and the law enforcement purposes of Part 3 of the Data Protection Act 2018.',
  categories: ['Your identity and addresses', 'Your offending and licence conditions', 'Risk assessments and plans'],
  recipients: ['The other MAPPA agencies in Greater Manchester'],
  retention: 'Until your MAPPA management ends and then for the period our retention policy sets.',
  source: 'You, our own staff, and the other MAPPA agencies.',
  automatedDecisions: 'No decisions about you are made by automated means.',
  tellWithholding: true,
  withholdingReasons: 'Some of the information would identify other people, or would prejudice the prevention or detection of crime.',
};

// A register set up through the screens as Wigan Probation (tests/ui/steps.ts
// createSetUpRegister, Casey signed in), made ready for a subject access request by the
// channels: the police office, Iris the IG lead, the requester Ștefan Wójcik with this
// office's items and a police item, and Siân Yılmaz, another person in the register whose
// name appears in one of his items. Dates are counted back from the real today (the UI runs
// on the real clock).

/** The day `days` before today in England and Wales. */
export function londonDaysAgo(days: number, now: Date = new Date()): string {
  return addDays(londonDayOf(now.toISOString()), -days);
}

export const SAR_CASE = {
  requester: { givenName: 'Ștefan', familyName: 'Wójcik', alias: 'Stefan Wojcik', dateOfBirth: '1986-02-19' },
  otherPerson: 'Siân Yılmaz',
  /** Selected with the mouse in the UI test. */
  neighbour: 'Bartłomiej Nowak',
  released: 'Attended his appointment at Hindley on time',
  get visit() {
    return `${this.released}; ${this.otherPerson} drove him there. His neighbour ${this.neighbour} says he has been calm at home.`;
  },
  informant: 'Informant Quokkafield reported that he visited Orchard Close on 3 October.',
  police: 'Pellucidor intelligence: seen outside Orchard Close twice in October.',
} as const;

export interface SarCase {
  police: string;
  probation: string;
  requesterId: string;
}

export async function aSarCase(service: Service): Promise<SarCase> {
  const offices = await service['offices.add']({ name: 'Wigan Public Protection Unit', agency: 'police', area: 'Greater Manchester' });
  const probation = offices.find((o) => o.isHome)!.id;
  const police = offices.find((o) => o.agency === 'police')!.id;
  await service['users.add']({ userName: IRIS.userName, passphrase: IRIS.passphrase, confirmPassphrase: IRIS.passphrase, administrator: false, role: IRIS.role, officeId: probation });
  const r = SAR_CASE.requester;
  const requesterId = (await service['subjects.create'](aSubject({ givenName: r.givenName, familyName: r.familyName, aliases: [r.alias], dateOfBirth: r.dateOfBirth, level: 2, risk: 'high' }))).id;
  const [first, second] = SAR_CASE.otherPerson.split(' ') as [string, string];
  await service['subjects.create'](aSubject({ givenName: first, familyName: second, dateOfBirth: '1990-05-05' }));
  await service['items.add'](anItem(requesterId, probation, { fieldKind: 'risk_factor', value: SAR_CASE.visit, receivedOn: londonDaysAgo(20), providerName: 'Gwenllian Pryce' }));
  await service['items.add'](anItem(requesterId, probation, { fieldKind: 'other', value: SAR_CASE.informant, receivedOn: londonDaysAgo(15), providerName: 'Gwenllian Pryce' }));
  await service['items.add'](anItem(requesterId, police, { fieldKind: 'risk_factor', value: SAR_CASE.police, receivedOn: londonDaysAgo(10), providerName: 'DS Ana Lopes' }));
  return { police, probation, requesterId };
}

// A referral between two registers: probation's (the meetings team's, tests/support/meetings.ts)
// and the police's own register at Wigan Public Protection Unit, each office's key confirmed
// at the other. The police shared an item about Darren Hollis from their register; Iris has
// his request on probation's, with him confirmed as the requester. Dates as the unit test
// has them: the team's clock stands on 10 November 2026.

/** The police's information governance lead, a user of their own register. */
export const ANA = { userName: 'Ana Lopes', passphrase: 'ana answers for the police items', role: 'ig_lead' } as const;

export const REFERRAL_CASE = {
  now: '2026-11-10T09:00:00Z',
  police: 'Pellucidor intelligence: seen outside Orchard Close twice in October.',
} as const;

/**
 * Probation's register signed in as Iris, with Darren Hollis's request (SAR-2026-0001, identity
 * verified, him confirmed) and the police item shared to it; the police register signed in as
 * Ana, its IG lead (Sam Sergeant, its coordinator, made it and shared the item).
 */
export async function aPoliceItemToReferToTheirRegister(): Promise<{ team: MeetingTeam; police: PartnerRegister; requestId: string; policeItemId: string }> {
  const team = await aMeetingTeam(REFERRAL_CASE.now);
  const police = await anAttendeeRegister(team, { name: 'Wigan Public Protection Unit', agency: 'police' }, 'Sam Sergeant');
  const p = police.api.service;
  const subjectId = (await p['subjects.create'](aSubject(HOLLIS))).id;
  const item = await p['items.add'](anItem(subjectId, police.home, { value: REFERRAL_CASE.police, providerName: 'DS Ana Lopes', receivedOn: '2026-10-20' }));
  const share = await aDraftShare(police, subjectId, [police.hostOfficeId], [{ kind: 'subject', field: 'names' }, { kind: 'item', itemId: item.id }]);
  const preview = await openFile({ ...police, api: team.api }, await confirmShare(police, share.id));
  const imported = await team.api.service['exchange.import']({ token: preview.token, subjectId: null });
  await withIris(team);
  const requestId = (await aRequest(team)).id;
  await team.api.service['sar.setIdentity']({ id: requestId, verifiedOn: '2026-11-02', how: 'Passport seen' });
  await team.api.service['sar.confirmSubject']({ id: requestId, subjectId: imported.subjectId ?? '', how: 'Name and date of birth match.' });
  await p['users.add']({ userName: ANA.userName, passphrase: ANA.passphrase, confirmPassphrase: ANA.passphrase, administrator: false, role: ANA.role, officeId: police.home });
  await p['register.lock']({});
  await p['register.unlock']({ folder: police.folder, userName: ANA.userName, passphrase: ANA.passphrase });
  return { team, police, requestId, policeItemId: item.id };
}
