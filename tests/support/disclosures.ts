// Disclosures to a third party, made through the app's own channels as an officer would make
// them (issue 12), on the meetings team's register (tests/support/meetings.ts): Casey, the
// coordinator at Wigan Probation, prepares; DI Dina Shah, the chair, approves. Each of the
// nine criteria has its own answer here, so a test can leave exactly one unanswered.
import type { DisclosureView } from '../../src/shared/channels/disclosure';
import type { Criterion } from '../../src/shared/disclosureVocabulary';
import type { MeetingTeam } from './meetings';
import { aLevel2Meeting, attendeeOf, completeMinutes, signInRoom } from './meetings';

/** The employer told in the tests, as the PPU case study's: one named manager. */
export const EMPLOYER = { kind: 'employer', fullName: 'Siân Llŷr', organisation: 'Operations manager, Pemberton Logistics' } as const;

/** Why the person opens the record: the register asks for a reason by default. */
export const REASON = { code: 'disclosure' } as const;

/** A draft disclosure about `subjectId`, started by whoever is signed in. */
export async function aDraftDisclosure(team: MeetingTeam, subjectId: string): Promise<DisclosureView> {
  return team.api.service['disclosures.start']({ subjectId, reason: REASON });
}

/** A recipient with identification and preparation recorded (criteria 2 and 4). */
export async function aPreparedRecipient(team: MeetingTeam, id: string, over: Record<string, unknown> = {}): Promise<DisclosureView> {
  return team.api.service['disclosures.setRecipient']({
    id,
    recipientId: null,
    kind: EMPLOYER.kind,
    kindOther: null,
    fullName: EMPLOYER.fullName,
    organisation: EMPLOYER.organisation,
    identifiedHow: 'Met at the depot; identity checked against her staff pass and the company’s director.',
    alreadyKnows: 'Nothing of his convictions; she knows he is supervised by probation.',
    understandsConfidential: true,
    howToUse: 'Only to make sure he has no unsupervised access to the internet at work.',
    ifSomethingHappens: 'If he uses a computer without the monitoring software, tell PC Jordan Reid the same day.',
    contactAndSupport: 'PC Jordan Reid, Wigan Public Protection Unit, 01942 000 000; support from the company’s HR director.',
    ...over,
  } as Parameters<MeetingTeam['api']['service']['disclosures.setRecipient']>[0]);
}

/** The answer to one criterion (2 and 4 are the recipient's own; see aPreparedRecipient). */
export const ANSWERS: Record<Exclude<Criterion, 'identification' | 'preparation'>, (team: MeetingTeam, id: string) => DisclosureView | Promise<DisclosureView>> = {
  risk_to_offender: (t, id) => t.api.service['disclosures.setRiskToOffender']({ id, riskToOffender: 'He may lose his job, and his family would face hardship; vigilante risk is low in a closed workplace.', weighed: true }),
  alternatives: (t, id) =>
    t.api.service['disclosures.setAlternatives']({
      id,
      alternatives: [{ kind: 'general_advice', other: null, whyRejected: 'Checking the depot’s security as a local business visit would not tell the manager what to watch for.' }],
    }),
  decision: (t, id) =>
    t.api.service['disclosures.setDecision']({
      id,
      basis: 'emergency',
      emergencyReason: 'He starts at the depot on Monday, before the next panel.',
      consulted: [{ officeId: t.offices.health, personName: 'Hana Health', consultedOn: '2026-11-24' }],
    }),
  triggers: (t, id) =>
    t.api.service['disclosures.setTriggers']({ id, triggers: [{ ifYouSee: 'him using a computer or phone on the internet without the monitoring software', youNeedTo: 'call PC Jordan Reid the same day' }] }),
  breakdown_support: (t, id) =>
    t.api.service['disclosures.setBreakdownSupport']({ id, victimSupport: 'Victim liaison officer contacts the family within a day.', offenderSupport: 'Offender manager visits and reviews his housing and work.' }),
  youth_consultation: (t, id) =>
    t.api.service['disclosures.setYouthConsultation']({ id, consultedName: 'Łukasz Wiśniewski', consultedRole: 'Head of the Youth Offending Service', consultedOfficeId: t.offices.childrens, consultedOn: '2026-11-23', advice: 'Disclose to the college’s safeguarding lead only.' }),
  offender_knows: (t, id) => t.api.service['disclosures.setOffenderKnows']({ id, offenderKnows: 'knows', notToldReason: null }),
};

/** Who makes it, where, when and how. */
export async function arranged(team: MeetingTeam, id: string, over: Record<string, unknown> = {}): Promise<DisclosureView> {
  return team.api.service['disclosures.setArrangements']({
    id,
    discloserOfficeIds: [team.offices.police, team.offices.probation],
    disclosers: 'PC Jordan Reid and Pat Probation',
    place: 'The depot manager’s office, Pemberton',
    plannedOn: '2026-11-30',
    method: 'in_person',
    methodDetails: null,
    authority: 'cda1998_s115',
    authorityOther: null,
    ...over,
  } as Parameters<MeetingTeam['api']['service']['disclosures.setArrangements']>[0]);
}

/** Chooses fields and answers the three tests for each (with a special category's justification). */
export async function disclosing(team: MeetingTeam, id: string, fields: Parameters<MeetingTeam['api']['service']['disclosures.setFields']>[0]['fields']): Promise<DisclosureView> {
  let view = await team.api.service['disclosures.setFields']({ id, fields });
  for (const line of view.lines) {
    view = await team.api.service['disclosures.answerField']({
      id,
      lineId: line.lineId,
      necessary: 'To protect the people he works with.',
      proportionate: 'Only what the manager needs to check his use of computers.',
      relevant: 'It is what his order restricts.',
      specialJustification: line.specialCategory === null ? null : 'Needed to recognise him.',
      wording: null,
      ownerAgreement: line.needsOwnerAgreement ? 'DS Ana Lopes, Wigan PPU, agreed by telephone on 24 November 2026' : null,
    });
  }
  return view;
}

/**
 * A disclosure ready to approve about `subjectId`: the employer prepared, the fields given
 * answered, arranged, and every criterion answered but those in `skip`.
 */
export async function aReadyDisclosure(team: MeetingTeam, subjectId: string, options: { fields?: Parameters<typeof disclosing>[2]; skip?: readonly Criterion[] } = {}): Promise<DisclosureView> {
  const skip = new Set(options.skip ?? []);
  let view = await aDraftDisclosure(team, subjectId);
  const id = view.id;
  if (!skip.has('identification') && !skip.has('preparation')) view = await aPreparedRecipient(team, id);
  else view = await aPreparedRecipient(team, id, skip.has('identification') ? { identifiedHow: null } : { understandsConfidential: false });
  view = await disclosing(team, id, options.fields ?? [{ kind: 'subject', field: 'names' }, { kind: 'subject', field: 'index_offence' }]);
  view = await arranged(team, id);
  for (const [criterion, answer] of Object.entries(ANSWERS) as [keyof typeof ANSWERS, (t: MeetingTeam, id: string) => DisclosureView | Promise<DisclosureView>][]) {
    if (!skip.has(criterion)) view = await answer(team, id);
  }
  return view;
}

/** The minutes of a Level 2 meeting about `subjectId`, saved by Casey (who signs in the room first): the informed decision criterion 5 links. */
export async function level2Minutes(team: MeetingTeam, subjectId: string): Promise<string> {
  // Held the day before the tests' clock starts: a meeting records its decision once it has met.
  let meeting = await aLevel2Meeting(team, [subjectId], { startsAt: '2026-11-24T10:00:00.000Z' });
  meeting = await signInRoom(team, meeting, attendeeOf(meeting, 'Casey Coordinator').id);
  const minutes = await team.api.service['minutes.save']({ meetingId: meeting.id, subjectId, ...completeMinutes(team, { disclosureKind: 'disclosure_record', disclosureReason: null }) });
  return minutes.id;
}
