import { MappaError } from '../../shared/errors';
import { CHAIR_ROLES, MEETING_KINDS, type ChairRole, type MeetingKind } from '../../shared/meetingsVocabulary';
import type { AgencyKindCode } from '../../shared/vocabulary';

// Who may chair which meeting, and who a meeting may discuss.
// Procedures §7: Level 2 panels for Category 1 and 2 are chaired by a Detective Inspector, a
// Senior Probation Officer or the MAPPA coordinator; for Category 3 by a Senior Probation
// Officer if the case is current to the Probation Service, otherwise a Detective Inspector
// or the coordinator. §9: Level 3 by the coordinator, a Detective Chief Inspector or the
// Assistant Chief Officer (Probation). §21: an Assessment of Risk Meeting is called and
// chaired by the agency that asked for it.

export interface SubjectForChair {
  name: string;
  kind: 'nominal' | 'pdp';
  category: number | null;
  /** The agency of the subject's lead office, if one is recorded. */
  leadAgency: AgencyKindCode | null;
}

/** The agency a chair in this role comes from, where the role says it. */
const ROLE_AGENCY: Partial<Record<ChairRole, AgencyKindCode>> = {
  detective_inspector: 'police',
  detective_chief_inspector: 'police',
  senior_probation_officer: 'probation',
  assistant_chief_officer: 'probation',
};

const CHAIRS: Record<MeetingKind, readonly ChairRole[]> = {
  level2: ['detective_inspector', 'senior_probation_officer', 'mappa_coordinator'],
  level3: ['mappa_coordinator', 'detective_chief_inspector', 'assistant_chief_officer'],
  arm: ['requesting_agency_manager'],
};

const list = (roles: readonly ChairRole[]) => {
  const labels = roles.map((r) => CHAIR_ROLES[r]);
  return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
};

/** Throws a sentence naming the rule if the meeting may not discuss this subject. */
export function checkSubjectForMeeting(kind: MeetingKind, subject: SubjectForChair): void {
  // §21: Assessment of Risk Meetings are for unconvicted Potentially Dangerous Persons; MAPPA panels for MAPPA nominals.
  if (kind === 'arm' && subject.kind !== 'pdp') {
    throw new MappaError('wrong_meeting', `${subject.name} is a MAPPA nominal: an Assessment of Risk Meeting is for a Potentially Dangerous Person. Arrange a Level 2 or Level 3 meeting instead.`, 'subjectIds');
  }
  if (kind !== 'arm' && subject.kind === 'pdp') {
    throw new MappaError('wrong_meeting', `${subject.name} is a Potentially Dangerous Person: they are discussed at an Assessment of Risk Meeting, not a ${MEETING_KINDS[kind]}.`, 'subjectIds');
  }
}

/** Throws a sentence naming the rule if this chair may not chair this meeting about these subjects. */
export function checkChair(input: { kind: MeetingKind; chairRole: ChairRole; chairAgency: AgencyKindCode; requestingAgency: AgencyKindCode | null; subjects: readonly SubjectForChair[] }): void {
  const { kind, chairRole } = input;
  if (!CHAIRS[kind].includes(chairRole)) {
    throw new MappaError('wrong_chair', `A ${MEETING_KINDS[kind]} is chaired by a ${list(CHAIRS[kind])}, not a ${CHAIR_ROLES[chairRole]}.`, 'chairRole');
  }
  const roleAgency = ROLE_AGENCY[chairRole];
  if (roleAgency !== undefined && roleAgency !== input.chairAgency) {
    throw new MappaError('wrong_chair', `A ${CHAIR_ROLES[chairRole]} chairs from the ${roleAgency === 'police' ? 'police' : 'Probation Service'}: choose an office of that agency for the chair.`, 'chair.officeId');
  }
  if (kind === 'arm' && input.requestingAgency !== input.chairAgency) {
    throw new MappaError('wrong_chair', 'An Assessment of Risk Meeting is chaired by the agency that asked for it: choose a chair from that agency.', 'chair.officeId');
  }
  if (kind === 'level2' && chairRole === 'senior_probation_officer') {
    const notProbations = input.subjects.find((s) => s.category === 3 && s.leadAgency !== 'probation');
    if (notProbations) {
      throw new MappaError(
        'wrong_chair',
        `${notProbations.name} is a Category 3 case not current to the Probation Service: the panel is chaired by a Detective Inspector or the MAPPA coordinator.`,
        'chairRole',
      );
    }
  }
}
