// A meeting's hosting register (the meetings team's) and an attendee's own register at a
// partner office, each holding the other's key confirmed by fingerprint, so packs and
// acknowledgements pass between them through the host's dialogs as a person would pass
// them by secure email.
import type { AgencyKindCode } from '../../src/shared/vocabulary';
import { STAFF, type MeetingTeam } from './meetings';
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
