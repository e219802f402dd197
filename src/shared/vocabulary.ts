// The words of MAPPA, as data every process shares. Sources in ../shared/DOMAIN.md:
// procedures §1, §2, §5, §12; the information sharing leaflet; PCSC Act 2022 (Associate
// agencies); UK GDPR Art. 9 / DPA 2018 s35(8) (special categories).

/** Leaflet; procedures §1, §12; PCSC Act 2022. */
export const AGENCY_GROUPS = {
  responsible_authority: 'Responsible Authority',
  duty_to_cooperate: 'Duty to Co-operate',
  associate: 'Associate agency',
} as const;
export type AgencyGroup = keyof typeof AGENCY_GROUPS;

/** Which law the agency processes under: it decides the SAR rules and exemptions. */
export type DataProtectionRegime = 'dpa2018_part3' | 'uk_gdpr';

export interface AgencyKind {
  label: string;
  group: AgencyGroup;
  regime: DataProtectionRegime;
}

export const AGENCY_KINDS = {
  police: { label: 'Police', group: 'responsible_authority', regime: 'dpa2018_part3' },
  probation: { label: 'Probation Service', group: 'responsible_authority', regime: 'dpa2018_part3' },
  prison: { label: 'Prison Service', group: 'responsible_authority', regime: 'dpa2018_part3' },
  childrens_services: { label: 'Children’s services', group: 'duty_to_cooperate', regime: 'uk_gdpr' },
  adult_social_care: { label: 'Adult social care', group: 'duty_to_cooperate', regime: 'uk_gdpr' },
  health: { label: 'Health or mental health trust', group: 'duty_to_cooperate', regime: 'uk_gdpr' },
  youth_offending: { label: 'Youth offending team', group: 'duty_to_cooperate', regime: 'uk_gdpr' },
  housing: { label: 'Housing authority or registered social landlord', group: 'duty_to_cooperate', regime: 'uk_gdpr' },
  jobcentre_plus: { label: 'Jobcentre Plus', group: 'duty_to_cooperate', regime: 'uk_gdpr' },
  education: { label: 'Education', group: 'duty_to_cooperate', regime: 'uk_gdpr' },
  electronic_monitoring: { label: 'Electronic monitoring provider', group: 'duty_to_cooperate', regime: 'uk_gdpr' },
  immigration_enforcement: { label: 'Immigration Enforcement', group: 'duty_to_cooperate', regime: 'uk_gdpr' },
  associate: { label: 'Associate agency', group: 'associate', regime: 'uk_gdpr' },
} as const satisfies Record<string, AgencyKind>;
export type AgencyKindCode = keyof typeof AGENCY_KINDS;
export const AGENCY_KIND_CODES = Object.keys(AGENCY_KINDS) as [AgencyKindCode, ...AgencyKindCode[]];

/** Procedures §2 and current national guidance: a person is in exactly one category. */
export const MAPPA_CATEGORIES = {
  1: 'Category 1: registered sexual offender',
  2: 'Category 2: violent offender (12 months’ custody or more, or a hospital or guardianship order)',
  3: 'Category 3: other dangerous offender',
  4: 'Category 4: terrorist or terrorism-risk offender',
} as const;
export type MappaCategory = 1 | 2 | 3 | 4;

/** Procedures §5, §6, §8. */
export const MAPPA_LEVELS = {
  1: 'Level 1: ordinary agency management',
  2: 'Level 2: active multi-agency management',
  3: 'Level 3: senior multi-agency management',
} as const;
export type MappaLevel = 1 | 2 | 3;

export const RISK_LEVELS = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  very_high: 'Very high',
} as const;
export type RiskOfSeriousHarm = keyof typeof RISK_LEVELS;
export const RISK_CODES = Object.keys(RISK_LEVELS) as [RiskOfSeriousHarm, ...RiskOfSeriousHarm[]];

export const SUBJECT_KINDS = {
  nominal: 'MAPPA nominal',
  pdp: 'Potentially Dangerous Person',
} as const;
export type SubjectKind = keyof typeof SUBJECT_KINDS;

/** National guidance ch.12: a risk management plan is set out under four headings. */
export const RMP_HEADINGS = {
  supervision: 'Supervision',
  monitoring_control: 'Monitoring and control',
  interventions_treatment: 'Interventions and treatment',
  victim_safety: 'Victim safety planning',
} as const;
export type RmpHeading = keyof typeof RMP_HEADINGS;
export const RMP_HEADING_CODES = Object.keys(RMP_HEADINGS) as [RmpHeading, ...RmpHeading[]];

/**
 * The kinds of information an item can hold. `special` marks UK GDPR Art. 9 / DPA 2018
 * s35(8) special category data, which needs its own justification before it is shared.
 */
export const FIELD_KINDS = {
  identity: { label: 'Identity', special: null },
  address: { label: 'Address', special: null },
  contact: { label: 'Contact details', special: null },
  offence_history: { label: 'Offence history', special: null },
  licence_conditions: { label: 'Licence or order conditions', special: null },
  risk_factor: { label: 'Risk factor', special: null },
  rmp_entry: { label: 'Risk management plan entry', special: null },
  victim_information: { label: 'Victim information', special: null },
  employment: { label: 'Employment', special: null },
  relationships: { label: 'Relationships and contact with children', special: null },
  health: { label: 'Health', special: 'Health' },
  ethnicity: { label: 'Ethnicity', special: 'Race or ethnic origin' },
  religion: { label: 'Religion or belief', special: 'Religion or belief' },
  sexuality: { label: 'Sex life or sexual orientation', special: 'Sex life or sexual orientation' },
  vehicle: { label: 'Vehicle', special: null },
  // A facial image used to identify someone is biometric data (Art. 9(1)).
  photograph: { label: 'Photograph', special: 'Biometric (photograph)' },
  other: { label: 'Other', special: null },
} as const satisfies Record<string, { label: string; special: string | null }>;
export type FieldKind = keyof typeof FIELD_KINDS;
export const FIELD_KIND_CODES = Object.keys(FIELD_KINDS) as [FieldKind, ...FieldKind[]];

export function specialCategoryOf(kind: FieldKind): string | null {
  return FIELD_KINDS[kind].special;
}

export const CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
