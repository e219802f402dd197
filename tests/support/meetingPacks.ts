// A meeting's hosting register (the meetings team's) and an attendee's own register at a
// partner office, each holding the other's key confirmed by fingerprint, so packs and
// acknowledgements pass between them through the host's dialogs as a person would pass
// them by secure email.
import type { MeetingView } from '../../src/shared/channels/meetings';
import type { AgencyKindCode } from '../../src/shared/vocabulary';
import { aLevel2Meeting, aNominal, attendeeOf, completeMinutes, signInRoom, STAFF, type MeetingTeam } from './meetings';
import { aPartnerRegister, confirmKey, type PartnerRegister } from './partners';

/** The meetings team's register seen as a partner register (for exchanging key files). */
export function hostAsPartner(team: MeetingTeam): PartnerRegister {
  return {
    api: team.api,
    folder: team.folder,
    home: team.offices.probation,
    offices: { probation: team.offices.probation, police: team.offices.police, health: team.offices.health, childrens_services: team.offices.childrens },
    user: { userName: STAFF.casey.userName, passphrase: STAFF.casey.passphrase },
    entries: team.entries,
    file: team.file,
  };
}

/**
 * The attendee's own register at the office the team knows as `office` (the same name, agency
 * and area, so the confirmed key lands on that office), on the team's clock; both offices'
 * keys confirmed both ways, with the host's office id in the attendee's register. The team
 * must be signed in as Casey.
 */
export async function anAttendeeRegister(team: MeetingTeam, office: { name: string; agency: AgencyKindCode }, userName: string): Promise<PartnerRegister & { hostOfficeId: string }> {
  const attendee = await aPartnerRegister({ office: { ...office, area: 'Greater Manchester' }, userName, clock: team.clock });
  const host = hostAsPartner(team);
  if ((await team.api.service['keys.own']({})).fingerprint === null) await team.api.service['keys.create']({});
  await confirmKey(attendee, host);
  const hostOfficeId = await confirmKey(host, attendee);
  return { ...attendee, hostOfficeId };
}

/** The health trust, where an attendee from outside the meetings team has her own register. */
export const HEALTH_TRUST = { name: 'North West Mental Health Trust', agency: 'health' } as const;

/** What the paper in the pack says: readable on her register only after she signs. */
export const PACK_PAPER = {
  title: 'Report to panel: probation',
  involvement: 'Seen fortnightly at the Leigh clinic; missed two appointments in November.',
  riskFactors: 'Alcohol; contact with his former partner.',
} as const;

/**
 * A Level 2 meeting about Darren Hollis on MEETING_DAY that Dr Siân Llŷr of the health trust
 * attends without being a user of the register; Casey has signed in the room and filed a
 * report to the panel. With Dr Llŷr's own register at the trust (her user "Sian Llyr"), each
 * office's key confirmed at the other. The team is signed in as Casey.
 */
export async function anOutsideAttendeeWithHerRegister(team: MeetingTeam) {
  const s = team.api.service;
  const hollis = await aNominal(team);
  let meeting = await aLevel2Meeting(team, [hollis]);
  meeting = await s['meetings.addAttendee']({ meetingId: meeting.id, fullName: 'Dr Siân Llŷr', officeId: team.offices.health, jobTitle: 'Consultant forensic psychiatrist', userName: null, subjectIds: null });
  meeting = await signInRoom(team, meeting, attendeeOf(meeting, 'Casey Coordinator').id);
  await s['papers.add']({
    meetingId: meeting.id,
    subjectId: hollis,
    attendeeId: attendeeOf(meeting, 'Casey Coordinator').id,
    title: PACK_PAPER.title,
    report: { involvement: PACK_PAPER.involvement, currentSituation: null, riskFactors: PACK_PAPER.riskFactors, protectiveFactors: null, victims: null, recommendations: null },
    itemIds: [],
    classification: 'OFFICIAL-SENSITIVE',
  });
  const trust = await anAttendeeRegister(team, HEALTH_TRUST, 'Sian Llyr');
  return { hollis, meeting, sian: attendeeOf(meeting, 'Dr Siân Llŷr'), trust };
}

/**
 * The meeting's minutes about `subjectId`, written by Pat, confirmed by the chair, and the
 * chair's permission recorded for one copy for Dr Siân Llŷr at the health trust. The team is
 * signed in as Casey again. Returns the permission.
 */
export async function aCopyPermittedForHer(team: MeetingTeam, meeting: MeetingView, subjectId: string) {
  const s = team.api.service;
  let m = meeting;
  for (const name of ['Dina Shah', 'Pat Probation']) m = await signInRoom(team, m, attendeeOf(m, name).id);
  const where = { meetingId: m.id, subjectId };
  await team.as('pat');
  await s['minutes.save']({ ...where, ...completeMinutes(team) });
  await s['minutes.send'](where);
  await team.as('dina');
  await s['minutes.confirm'](where);
  await team.as('casey');
  const log = await s['copies.permit']({ ...where, recipientName: 'Dr Siân Llŷr', recipientOfficeId: team.offices.health, recipientRole: 'Consultant forensic psychiatrist', reason: 'Care programme approach review.', grantedOn: '2026-12-01', grantedHow: 'By secure email' });
  return log.permissions[0]!;
}
