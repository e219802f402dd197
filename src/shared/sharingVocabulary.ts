import { AGENCY_KINDS, FIELD_KINDS, type AgencyKindCode, type DataProtectionRegime, type FieldKind } from './vocabulary';

// The words and the one proportionality table of sharing between MAPPA agencies. Sources
// in ../shared/DOMAIN.md "Sharing between MAPPA agencies": the leaflet's three tests and
// its names-and-addresses example; national MAPPA Guidance ch.9 (the ICO's data sharing
// code; each shared item carries its sender's regime and lawful gateway).

/** Why information is shared: the MAPPA purpose it serves (the "necessary" test names one). */
export const SHARE_PURPOSES = {
  assess_risk: 'Assessing the risk the person poses',
  risk_management_plan: 'The risk management plan',
  meeting_preparation: 'Preparing for a MAPPA meeting',
  locate_contact: 'Locating or contacting the person',
  victim_safety: 'Victim safety',
  other: 'Another MAPPA purpose (say which)',
} as const;
export type SharePurpose = keyof typeof SHARE_PURPOSES;
export const SHARE_PURPOSE_CODES = Object.keys(SHARE_PURPOSES) as [SharePurpose, ...SharePurpose[]];

/**
 * Proportionality in one table: the kinds of field each purpose normally needs. A field
 * outside its purpose's list needs an explicit reason; a special-category field is in no
 * list, so it always needs its own justification (leaflet; UK GDPR Art. 9, DPA 2018 s35(8)).
 */
export const PURPOSE_NEEDS: Readonly<Record<SharePurpose, readonly FieldKind[]>> = {
  assess_risk: ['identity', 'offence_history', 'risk_factor', 'relationships', 'licence_conditions', 'victim_information'],
  risk_management_plan: ['identity', 'rmp_entry', 'licence_conditions', 'risk_factor', 'address', 'victim_information', 'relationships', 'employment'],
  meeting_preparation: ['identity', 'offence_history', 'risk_factor', 'rmp_entry', 'licence_conditions', 'address', 'relationships'],
  locate_contact: ['identity', 'address', 'contact', 'vehicle'],
  victim_safety: ['identity', 'address', 'victim_information', 'licence_conditions', 'vehicle', 'relationships'],
  other: [],
};

export function isSpecialCategory(kind: FieldKind): boolean {
  return FIELD_KINDS[kind].special !== null;
}

export function purposeNeeds(purpose: SharePurpose, kind: FieldKind): boolean {
  return PURPOSE_NEEDS[purpose].includes(kind);
}

/** The leaflet's warning, in its words, shown beside every special-category field in a share. */
export const LEAFLET_PROPORTIONALITY_WARNING =
  'For example, if what is actually needed is the names and addresses of individuals, sharing their race and religion as well would be likely to be disproportionate.';

/** The lawful gateway a share relies on (DOMAIN.md "People and parts"; national guidance ch.9). */
export const LAWFUL_GATEWAYS = {
  cja2003_s325: 'Criminal Justice Act 2003, section 325 (MAPPA arrangements and the duty to co-operate)',
  cda1998_s115: 'Crime and Disorder Act 1998, section 115',
  oma2007_s14: 'Offender Management Act 2007, section 14',
  ca2004_s11: 'Children Act 2004, section 11 (safeguarding children)',
  other: 'Another lawful gateway (say which)',
} as const;
export type LawfulGateway = keyof typeof LAWFUL_GATEWAYS;
export const LAWFUL_GATEWAY_CODES = Object.keys(LAWFUL_GATEWAYS) as [LawfulGateway, ...LawfulGateway[]];

/** The gateway a share from this kind of agency starts with: the Responsible Authority and the Duty to Co-operate agencies share under s325; an Associate agency under s115. */
export function defaultGateway(agency: AgencyKindCode): LawfulGateway {
  return AGENCY_KINDS[agency].group === 'associate' ? 'cda1998_s115' : 'cja2003_s325';
}

export const REGIMES: Readonly<Record<DataProtectionRegime, string>> = {
  dpa2018_part3: 'Data Protection Act 2018, Part 3 (law enforcement processing)',
  uk_gdpr: 'UK GDPR (with the Data Protection Act 2018, Part 2)',
};
export const REGIME_CODES = Object.keys(REGIMES) as [DataProtectionRegime, ...DataProtectionRegime[]];

export function defaultRegime(agency: AgencyKindCode): DataProtectionRegime {
  return AGENCY_KINDS[agency].regime;
}

/**
 * The subject's own details a share can carry, each a field with its kind. The names go
 * with every share: the receiving register files the items by them.
 */
export const SUBJECT_FIELDS = {
  names: { label: 'Names and aliases', kind: 'identity' },
  date_of_birth: { label: 'Date of birth', kind: 'identity' },
  references: { label: 'PNC, nDelius and ViSOR references', kind: 'identity' },
  address: { label: 'Address', kind: 'address' },
  ethnicity: { label: 'Ethnicity', kind: 'ethnicity' },
  index_offence: { label: 'Index offence and sentence', kind: 'offence_history' },
} as const satisfies Record<string, { label: string; kind: FieldKind }>;
export type SubjectField = keyof typeof SUBJECT_FIELDS;
export const SUBJECT_FIELD_CODES = Object.keys(SUBJECT_FIELDS) as [SubjectField, ...SubjectField[]];

/** The most partner offices one exchange file is made for. */
export const MAX_RECIPIENTS = 20;
/** How long a file can wait to be imported, in days (the sender chooses within this). */
export const MAX_EXPIRY_DAYS = 90;
export const DEFAULT_EXPIRY_DAYS = 28;

/** Said plainly wherever a withdrawal is made or received. */
export const WITHDRAWAL_LIMIT = 'A withdrawal cannot unread what was read: it stops the information being used or shared on from now, and it is recorded in both registers.';
