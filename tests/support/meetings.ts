// A register for meetings, made through the app's own channels as an office would make it:
// probation's register (Casey, the coordinator who made it and holds administrator rights)
// with police, health and children's services offices, a police chair, a minute-taker,
// representatives, and people to discuss. Most attendees of a real meeting are not users of
// the register; the builders add both kinds. Tests call the channels through `dispatch`
// or the service, never the screens.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Api } from '../../src/main/api';
import { readAuditRecords, type AuditEntry } from '../../src/main/audit';
import { toEntry } from '../../src/main/audit/log';
import type { MeetingView, MinutesParts } from '../../src/shared/channels/meetings';
import { manualClock, type ManualClock } from '../../src/shared/calendar';
import type { Role } from '../../src/shared/permissions';
import type { SubjectInput } from '../../src/shared/registerSchemas';
import { anApiWith, type FakeHost } from './fakeHost';
import { aSubject } from './registerBuilders';

export const STAFF = {
  casey: { userName: 'Casey Coordinator', passphrase: 'casey coordinates the meetings', role: 'coordinator', office: 'probation', fullName: 'Casey Coordinator', jobTitle: 'MAPPA coordinator' },
  dina: { userName: 'DI Dina Shah', passphrase: 'dina chairs the level two panel', role: 'chair', office: 'police', fullName: 'Dina Shah', jobTitle: 'Detective Inspector' },
  pat: { userName: 'Pat Probation', passphrase: 'pat supervises from wigan', role: 'representative', office: 'probation', fullName: 'Pat Probation', jobTitle: 'Probation officer' },
  hana: { userName: 'Hana Health', passphrase: 'hana is the trust liaison', role: 'representative', office: 'health', fullName: 'Hana Health', jobTitle: 'Forensic community psychiatric nurse' },
  jordan: { userName: 'PC Jordan Reid', passphrase: 'jordan works out of wigan', role: 'representative', office: 'police', fullName: 'Jordan Reid', jobTitle: 'Police constable, public protection' },
  ada: { userName: 'Ada Admin', passphrase: 'ada keeps the register itself', role: 'administrator', office: 'probation', fullName: 'Ada Admin', jobTitle: 'Register administrator' },
} as const satisfies Record<string, { userName: string; passphrase: string; role: Role; office: 'probation' | 'police' | 'health'; fullName: string; jobTitle: string }>;
export type Staff = keyof typeof STAFF;

export interface MeetingTeam {
  api: Api & { host: FakeHost };
  clock: ManualClock;
  folder: string;
  offices: { probation: string; police: string; health: string; childrens: string };
  /** Locks and unlocks as `who`, as a person changing over at the desk. */
  as(who: Staff): Promise<void>;
  entries(): AuditEntry[];
  since(mark: number): AuditEntry[];
  /** A file in the team's scratch folder. */
  file(name: string): string;
}

/** The reason a reader gives for opening a person's papers and minutes (the register asks one, as for their record). */
export const WHY = { code: 'meeting_preparation' } as const;

/** Monday 30 November 2026, 10:00 in London (GMT). */
export const MEETING_DAY = '2026-11-30T10:00:00.000Z';

export async function aMeetingTeam(start: string = '2026-11-25T09:00:00Z'): Promise<MeetingTeam> {
  const clock = manualClock(start);
  const api = anApiWith({ clock });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mappa-meetings-'));
  const folder = path.join(dir, 'register');
  api.host.picksFolder(folder);
  await api.service['register.chooseFolder']({ purpose: 'create' });
  const casey = STAFF.casey;
  await api.service['register.create']({ folder, userName: casey.userName, passphrase: casey.passphrase, confirmPassphrase: casey.passphrase });
  const status = await api.service['register.setup']({ office: { name: 'Wigan Probation Delivery Unit', agency: 'probation', area: 'Greater Manchester' }, role: 'coordinator' });
  const probation = status.state === 'unlocked' && status.homeOffice ? status.homeOffice.id : '';
  await api.service['offices.add']({ name: 'Wigan Public Protection Unit', agency: 'police', area: 'Greater Manchester' });
  await api.service['offices.add']({ name: 'North West Mental Health Trust', agency: 'health', area: 'Greater Manchester' });
  const list = await api.service['offices.add']({ name: 'Wigan Children’s Services', agency: 'childrens_services', area: 'Greater Manchester' });
  const byAgency = (agency: string) => list.find((o) => o.agency === agency)?.id ?? '';
  const offices = { probation, police: byAgency('police'), health: byAgency('health'), childrens: byAgency('childrens_services') };
  for (const who of ['dina', 'pat', 'hana', 'jordan', 'ada'] as const) {
    const s = STAFF[who];
    await api.service['users.add']({ userName: s.userName, passphrase: s.passphrase, confirmPassphrase: s.passphrase, administrator: s.role === 'administrator', role: s.role, officeId: offices[s.office] });
  }
  const entries = () => readAuditRecords(api.session.vault().reader).map(toEntry);
  return {
    api,
    clock,
    folder,
    offices,
    async as(who) {
      if (api.session.status().state === 'unlocked') await api.service['register.lock']({});
      await api.service['register.unlock']({ folder, userName: STAFF[who].userName, passphrase: STAFF[who].passphrase });
    },
    entries,
    since: (mark) => entries().slice(mark),
    file: (name) => path.join(dir, name),
  };
}

/** A MAPPA nominal at Level 2, Category 2, as the coordinator adds them. */
export async function aNominal(team: MeetingTeam, overrides: Partial<SubjectInput> = {}): Promise<string> {
  const made = await team.api.service['subjects.create'](aSubject({ level: 2, risk: 'high', category: 2, ...overrides }));
  return made.id;
}

/** The person as a meeting has them: a register user (by their user name) or someone from another agency. */
export function person(team: MeetingTeam, who: Staff) {
  const s = STAFF[who];
  return { fullName: s.fullName, officeId: team.offices[s.office], jobTitle: s.jobTitle, userName: s.userName };
}

/** A Level 2 meeting on MEETING_DAY chaired by DI Dina Shah, coordinated by Casey, minuted by Pat, about `subjectIds`. */
export async function aLevel2Meeting(team: MeetingTeam, subjectIds: string[], overrides: Record<string, unknown> = {}): Promise<MeetingView> {
  return team.api.service['meetings.create']({
    kind: 'level2',
    reviewNumber: 0,
    startsAt: MEETING_DAY,
    place: 'Wigan Police Station, conference room 2',
    remote: false,
    remoteDetails: null,
    chairRole: 'detective_inspector',
    requestingOfficeId: null,
    chair: person(team, 'dina'),
    coordinator: person(team, 'casey'),
    minuteTaker: person(team, 'pat'),
    subjectIds,
    ...overrides,
  } as Parameters<Api['service']['meetings.create']>[0]);
}

/** Signs in the room for `attendeeId` as the meeting has their name (subjectId for one subject only). */
export async function signInRoom(team: MeetingTeam, meeting: MeetingView, attendeeId: string, subjectId: string | null = null): Promise<MeetingView> {
  const attendee = meeting.attendees.find((a) => a.id === attendeeId);
  if (!attendee) throw new Error('no such attendee');
  return team.api.service['undertaking.sign']({ meetingId: meeting.id, attendeeId, subjectId, version: meeting.undertakingVersion, typedName: attendee.fullName, agreed: true });
}

export const attendeeOf = (meeting: MeetingView, fullName: string) => {
  const found = meeting.attendees.find((a) => a.fullName === fullName);
  if (!found) throw new Error(`${fullName} does not attend`);
  return found;
};

/** Minutes with every part MAPPA C asks for at a Level 2 meeting written. */
export function completeMinutes(team: MeetingTeam, over: Partial<MinutesParts> = {}): MinutesParts {
  return {
    statementRead: true,
    informationShared: 'Probation reported two missed appointments in November; police reported a call-out to his former partner’s street on 21 November.',
    informationItemIds: [],
    riskAssessment: 'High risk of serious harm to his former partner; imminent when drinking. Protective factors: stable housing, engagement with the trust.',
    decisions: [{ decision: 'Manage at Level 2 with a curfew review.', rationale: 'Risk is high but manageable with active multi-agency management; no senior resources needed.' }],
    dissentingViews: 'Health considered a Level 3 referral premature; the chair recorded the view.',
    disclosureKind: 'none_needed',
    disclosureReason: 'the former partner already knows his history and is supported by the IDVA; no other person is at identified risk.',
    disclosureRecordId: null,
    rmpSupervision: 'Weekly appointments with the offender manager.',
    rmpMonitoringControl: 'Curfew 19:00 to 07:00; exclusion zone around Orchard Close.',
    rmpInterventionsTreatment: 'Alcohol treatment requirement; Building Better Relationships.',
    rmpVictimSafety: 'Marker on the former partner’s address; IDVA support.',
    contingencies: 'Breach of the exclusion zone: police attend and recall is considered the same day.',
    licenceConditions: 'Not to contact his former partner directly or indirectly.',
    inCustody: false,
    levelDecision: 'continue',
    levelDecisionReason: 'Risk unchanged; the plan is working.',
    nextReview: '2027-02-22',
    actions: [
      { id: null, description: 'Ask the court for a curfew variation.', rationale: 'Curfew breaches have followed late shifts.', ownerOfficeId: team.offices.probation, ownerPerson: 'Pat Probation', dueOn: '2026-12-11' },
      { id: null, description: 'Flag the former partner’s address on the police system.', rationale: 'A quick response is needed if he goes there.', ownerOfficeId: team.offices.police, ownerPerson: 'PC Jordan Reid', dueOn: '2026-12-04' },
    ],
    ...over,
  };
}
