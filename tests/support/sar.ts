// Subject access requests (issue 13) on the meetings team's register (tests/support/meetings.ts):
// Wigan Probation's register, answering under DPA 2018 Part 3, with Iris Ilić, its information
// governance lead, added as a user. Requests go through the app's own channels.
import type { ResponseDetails, SarIntake, SarView } from '../../src/shared/channels/sar';
import type { MeetingTeam } from './meetings';

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
