import { LAWFUL_GATEWAYS, type LawfulGateway } from './sharingVocabulary';

// The words of a disclosure to a third party (issue 12). Sources in ../shared/DOMAIN.md
// "Disclosure to a third party": the leaflet's proportionality criteria and "Involvement of
// the Offender"; procedures §18 (who receives it, what, who makes it, where and when; advice
// on use and support; the authority of s115); national MAPPA Guidance ch.10 (the recipient
// understands their obligations, signs an undertaking and does not pass it on).

/** Who receives a disclosure (leaflet "Disclosure": its examples of third parties). */
export const RECIPIENT_KINDS = {
  victim: 'A victim or potential victim',
  employer: 'An employer',
  new_partner: 'A new partner',
  school_college: 'A school or college',
  accommodation_staff: 'Accommodation staff',
  professional: 'A professional outside MAPPA',
  other: 'Someone else (say who)',
} as const;
export type RecipientKind = keyof typeof RECIPIENT_KINDS;
export const RECIPIENT_KIND_CODES = Object.keys(RECIPIENT_KINDS) as [RecipientKind, ...RecipientKind[]];

/** Alternatives to disclosure. Leaflet: alternatives were considered and reasonably rejected; this must be recorded. */
export const ALTERNATIVES = {
  offender_tells: 'The offender tells the person themself, with the police or offender manager present',
  conditions: 'Additional licence or order conditions',
  supervision: 'More supervision, monitoring or police visits',
  general_advice: 'General safeguarding advice that identifies no one',
  no_disclosure: 'Managing the risk without any disclosure',
  other: 'Another alternative (say which)',
} as const;
export type Alternative = keyof typeof ALTERNATIVES;
export const ALTERNATIVE_CODES = Object.keys(ALTERNATIVES) as [Alternative, ...Alternative[]];

/** How the disclosure is made (procedures §18: where and when; the case study: discreetly). */
export const DISCLOSURE_METHODS = {
  in_person: 'In person',
  telephone: 'By telephone',
  video: 'By video call',
  letter: 'By letter, handed over or sent securely',
} as const;
export type DisclosureMethod = keyof typeof DISCLOSURE_METHODS;
export const DISCLOSURE_METHOD_CODES = Object.keys(DISCLOSURE_METHODS) as [DisclosureMethod, ...DisclosureMethod[]];

/** Whose decision it is (leaflet: multi-agency even in emergencies; single-agency decisions strongly discouraged). */
export const DECISION_BASES = {
  meeting: 'The informed decision of a Level 2 or Level 3 MAPPA meeting',
  emergency: 'An emergency decision, with the agencies consulted',
  single_agency: 'A single-agency decision',
} as const;
export type DecisionBasis = keyof typeof DECISION_BASES;
export const DECISION_BASIS_CODES = Object.keys(DECISION_BASES) as [DecisionBasis, ...DecisionBasis[]];

/** Leaflet, "Involvement of the Offender". */
export const OFFENDER_KNOWS = {
  knows: 'The offender knows the disclosure is being made',
  will_be_told: 'The offender will be told before it is made',
  discloses_themself: 'The offender makes the disclosure themself, with the discloser present',
  not_told: 'The offender is not told',
} as const;
export type OffenderKnows = keyof typeof OFFENDER_KNOWS;
export const OFFENDER_KNOWS_CODES = Object.keys(OFFENDER_KNOWS) as [OffenderKnows, ...OffenderKnows[]];

export const DISCLOSURE_STATUSES = { draft: 'Draft', approved: 'Approved', made: 'Made', withdrawn: 'Withdrawn' } as const;
export type DisclosureStatus = keyof typeof DISCLOSURE_STATUSES;
export const DISCLOSURE_STATUS_CODES = Object.keys(DISCLOSURE_STATUSES) as [DisclosureStatus, ...DisclosureStatus[]];

export const UNDERTAKING_ANSWERS = { signed: 'Signed the undertaking', declined: 'Declined to sign the undertaking' } as const;
export type UndertakingAnswer = keyof typeof UNDERTAKING_ANSWERS;
export const UNDERTAKING_ANSWER_CODES = Object.keys(UNDERTAKING_ANSWERS) as [UndertakingAnswer, ...UndertakingAnswer[]];

/** The authority a disclosure relies on: sharing's gateways; procedures §18 names s115. */
export const DEFAULT_AUTHORITY: LawfulGateway = 'cda1998_s115';
export const authorityLabel = (code: LawfulGateway, other: string | null): string => (code === 'other' ? (other ?? LAWFUL_GATEWAYS.other) : LAWFUL_GATEWAYS[code]);

/** The nine criteria of the decision record, in the order of the leaflet (issue 12). */
export const CRITERIA = {
  risk_to_offender: 'The potential risk to the offender',
  identification: 'Each recipient correctly identified',
  alternatives: 'Alternatives considered and why each was rejected',
  preparation: 'Preparation with each recipient',
  decision: 'Whose decision it is',
  triggers: 'The key triggers',
  breakdown_support: 'Support if the process breaks down',
  youth_consultation: 'For a person under 18: the senior Youth Offending Service or Children’s Services person consulted',
  offender_knows: 'Whether the offender knows',
} as const;
export type Criterion = keyof typeof CRITERIA;
export const CRITERION_CODES = Object.keys(CRITERIA) as [Criterion, ...Criterion[]];

/** Leaflet: the risk to the offender should not outweigh the real risk to others were disclosure not made. */
export const RISK_REMINDER = 'The risk to the offender should not outweigh the real risk to the safety of others were the disclosure not made.';

/** Said wherever a withdrawal or a correction is offered (DOMAIN.md). */
export const CANNOT_BE_UNREAD = 'A disclosure cannot be unread: withdrawing it or adding a correction does not take back what the recipient has been told.';

/** What the briefing tells every recipient (national guidance ch.10; leaflet). */
export const BRIEFING_CONFIDENTIAL =
  'This information is given to you in confidence, to protect people from harm. It is sensitive: keep this paper somewhere secure, and use the information only for the purpose it was given to you.';
export const BRIEFING_DO_NOT_PASS_ON = 'Do not pass this information on to anyone, or tell anyone you have it, without the permission of the person who gave it to you.';
/** Leaflet: where the offender is not told, the recipient is told that the offender does not know. */
export const BRIEFING_OFFENDER_NOT_TOLD = 'The person this is about does not know that this information has been given to you. Do not tell them, or let them know that you know.';
export const BRIEFING_OFFENDER_TOLD: Readonly<Record<Exclude<OffenderKnows, 'not_told'>, string>> = {
  knows: 'The person this is about knows that this information has been given to you.',
  will_be_told: 'The person this is about will be told that this information has been given to you.',
  discloses_themself: 'The person this is about told you this themself, with us present.',
};
export const RECIPIENT_UNDERTAKING =
  'I understand that the information I have been given is confidential. I will keep it secure, use it only to protect the people it is meant to protect, and not pass it on to anyone without the permission of the person who gave it to me. I will report anything that worries me to the contact named above.';

/** The most of each list one disclosure holds. */
export const MAX_RECIPIENTS_PER_DISCLOSURE = 20;
export const MAX_DISCLOSURE_FIELDS = 500;
export const MAX_LIST = 30;
