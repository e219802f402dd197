import type { DataProtectionRegime } from './vocabulary';

// The statute table of subject access requests (issue 13): the exemption and restriction
// codes an IG lead chooses for a withholding or a redaction, per regime, and the words the
// response must carry. Sources in ../shared/DOMAIN.md "Subject access requests".
//
// Where each provision was checked (search of stored legislation.gov.uk pages, 2026):
//  - DPA 2018 Sch 2 Pt 1 para 2 "Crime and taxation: general": read in the enacted text of
//    Schedule 2 (legislation.gov.uk/ukpga/2018/12/schedule/2/enacted).
//  - Sch 2 Pt 1 para 3 "Crime and taxation: risk assessment systems": NOT seen on
//    legislation.gov.uk; the number is from Pembrokeshire County Council's summary of the
//    Act's exemptions. Check before relying on it.
//  - Sch 2 Pt 3 para 16 "Protection of the rights of others: general": read in full
//    (legislation.gov.uk/.../schedule/2/paragraph/16/enacted), including 16(2)–(3): consent,
//    or reasonable to disclose without it.
//  - Sch 2 Pt 4 para 19 "Legal professional privilege": read (.../schedule/2/part/4/made).
//  - Sch 3 Pt 2 (health data): paragraphs 2 (definitions: the appropriate health
//    professional; the serious harm test), 3 (court) and 4 (expectations and wishes) read in
//    the enacted Schedule 3. Paragraph 5 (serious harm) follows them but its text was NOT
//    seen; the number comes from the brief and that sequence. Check before relying on it.
//  - Sch 3 Pt 3 (social work data): paragraph 7 (the serious harm test for social work data)
//    and 8 read on legislation.gov.uk; paragraph 11 as the serious harm exemption is from
//    Gloucestershire County Council's exemption codes, NOT seen in the Act. Check it.
//  - Sch 3 Pt 5 (child abuse data): the exemption's words read on a secondary copy
//    (seersco.com); its paragraph number was NOT confirmed, so the source names the Part only.
//  - Sch 4 (disclosure prohibited or restricted by another enactment): not checked, so not
//    in the table.
//  - s45(1)–(4)(a) read on legislation.gov.uk (section/45?view=plain); s45(4)(b)–(e) read
//    in s48(3), which lists the same five purposes in the same words (the s45 page was cut
//    off inside (b)). s45(5)–(7) were NOT seen: the notice below follows s48(4) (read),
//    s51(1)(b) (read: a restriction under s45(4) may be checked by the Commissioner) and
//    DOMAIN.md. legislation.gov.uk lists s45(2)(ea) and s45(5)(ca), inserted by the Data
//    (Use and Access) Act 2025 Sch 10 para 11, as not yet applied to the text: their words
//    are not known here and are not in this table.
//  - UK GDPR Art. 15(1)(a)–(e) read on gdpr-dpa.co.uk (the EU text, before the UK changes);
//    (f)–(h) from a summary (lrdpublications.org.uk), not the text itself.

export interface ExemptionCode {
  regime: DataProtectionRegime;
  /** What the IG lead picks from: a short label in plain words. */
  label: string;
  /** The code as it appears in a redaction marker and the log, e.g. "s45(4)(b)". */
  short: string;
  /** The exact statutory source. */
  source: string;
  /** What the provision allows, in one sentence, for the screen and the letter. */
  meaning: string;
  /** Health data: the appropriate health professional's opinion must be recorded (Sch 3 Pt 2). */
  needsHealthOpinion: boolean;
  /** Where the paragraph number was checked, or why it could not be. */
  checked: string;
}

const DPA = 'Data Protection Act 2018';
const UNCHECKED = 'Paragraph number not seen in the Act; see the note at the top of sarVocabulary.ts.';

export const EXEMPTION_CODES = {
  uk_crime: {
    regime: 'uk_gdpr',
    label: 'Crime and taxation',
    short: 'Sch2 Pt1 para2 (crime)',
    source: `${DPA}, Schedule 2, Part 1, paragraph 2`,
    meaning: 'Releasing it would be likely to prejudice the prevention or detection of crime, or the apprehension or prosecution of offenders.',
    needsHealthOpinion: false,
    checked: 'legislation.gov.uk, Schedule 2 as enacted.',
  },
  uk_risk_assessment: {
    regime: 'uk_gdpr',
    label: 'Crime and taxation: risk assessment systems',
    short: 'Sch2 Pt1 para3 (risk assessment)',
    source: `${DPA}, Schedule 2, Part 1, paragraph 3`,
    meaning: 'It is a classification given to you by a risk assessment system used for crime or taxation purposes, and releasing it would be likely to prejudice those purposes.',
    needsHealthOpinion: false,
    checked: UNCHECKED,
  },
  uk_third_party: {
    regime: 'uk_gdpr',
    label: 'Protection of the rights of others (information about another person)',
    short: 'Sch2 Pt3 para16 (third party)',
    source: `${DPA}, Schedule 2, Part 3, paragraph 16`,
    meaning: 'It would identify another person, who has not agreed to its release, and it is not reasonable to release it without their agreement.',
    needsHealthOpinion: false,
    checked: 'legislation.gov.uk, Schedule 2 paragraph 16 as enacted.',
  },
  uk_legal_privilege: {
    regime: 'uk_gdpr',
    label: 'Legal professional privilege',
    short: 'Sch2 Pt4 para19 (legal privilege)',
    source: `${DPA}, Schedule 2, Part 4, paragraph 19`,
    meaning: 'It is legal advice, or information for which legal professional privilege could be claimed.',
    needsHealthOpinion: false,
    checked: 'legislation.gov.uk, Schedule 2 Part 4 as made.',
  },
  uk_health_serious_harm: {
    regime: 'uk_gdpr',
    label: 'Health data: serious harm',
    short: 'Sch3 Pt2 para5 (health, serious harm)',
    source: `${DPA}, Schedule 3, Part 2, paragraph 5`,
    meaning: 'It is health information, and the appropriate health professional’s opinion is that releasing it would be likely to cause serious harm to your or another person’s physical or mental health.',
    needsHealthOpinion: true,
    checked: 'Part 2 paragraphs 2–4 read on legislation.gov.uk; paragraph 5 itself not seen.',
  },
  uk_social_work_serious_harm: {
    regime: 'uk_gdpr',
    label: 'Social work data: serious harm',
    short: 'Sch3 Pt3 para11 (social work, serious harm)',
    source: `${DPA}, Schedule 3, Part 3, paragraph 11`,
    meaning: 'It is social work information, and releasing it would be likely to prejudice social work by causing serious harm to your or another person’s physical or mental health.',
    needsHealthOpinion: false,
    checked: 'Part 3 paragraphs 7–8 read on legislation.gov.uk; paragraph 11 from a council’s exemption list.',
  },
  uk_child_abuse: {
    regime: 'uk_gdpr',
    label: 'Child abuse data (request made on the person’s behalf)',
    short: 'Sch3 Pt5 (child abuse data)',
    source: `${DPA}, Schedule 3, Part 5`,
    meaning: 'It is information about child abuse, asked for on the person’s behalf by someone with parental responsibility or appointed by a court, and releasing it would not be in the person’s best interests.',
    needsHealthOpinion: false,
    checked: 'Words read on a secondary copy; paragraph number not confirmed, so not given.',
  },
  p3_inquiry: {
    regime: 'dpa2018_part3',
    label: 'Avoid obstructing an inquiry, investigation or procedure',
    short: 's45(4)(a)',
    source: `${DPA}, section 45(4)(a)`,
    meaning: 'To avoid obstructing an official or legal inquiry, investigation or procedure.',
    needsHealthOpinion: false,
    checked: 'legislation.gov.uk, section 45.',
  },
  p3_crime: {
    regime: 'dpa2018_part3',
    label: 'Avoid prejudicing the prevention or detection of crime',
    short: 's45(4)(b)',
    source: `${DPA}, section 45(4)(b)`,
    meaning: 'To avoid prejudicing the prevention, detection, investigation or prosecution of criminal offences or the execution of criminal penalties.',
    needsHealthOpinion: false,
    checked: 'legislation.gov.uk, sections 45 and 48(3).',
  },
  p3_public_security: {
    regime: 'dpa2018_part3',
    label: 'Protect public security',
    short: 's45(4)(c)',
    source: `${DPA}, section 45(4)(c)`,
    meaning: 'To protect public security.',
    needsHealthOpinion: false,
    checked: 'legislation.gov.uk, section 48(3) (the same list as section 45(4)).',
  },
  p3_national_security: {
    regime: 'dpa2018_part3',
    label: 'Protect national security',
    short: 's45(4)(d)',
    source: `${DPA}, section 45(4)(d)`,
    meaning: 'To protect national security.',
    needsHealthOpinion: false,
    checked: 'legislation.gov.uk, section 48(3) (the same list as section 45(4)).',
  },
  p3_rights_of_others: {
    regime: 'dpa2018_part3',
    label: 'Protect the rights and freedoms of others',
    short: 's45(4)(e)',
    source: `${DPA}, section 45(4)(e)`,
    meaning: 'To protect the rights and freedoms of others.',
    needsHealthOpinion: false,
    checked: 'legislation.gov.uk, section 48(3) (the same list as section 45(4)).',
  },
} as const satisfies Record<string, ExemptionCode>;

export type ExemptionCodeKey = keyof typeof EXEMPTION_CODES;
export const EXEMPTION_CODE_KEYS = Object.keys(EXEMPTION_CODES) as [ExemptionCodeKey, ...ExemptionCodeKey[]];

/** The codes an IG lead of an agency under this regime may choose, in the table's order. */
export function codesFor(regime: DataProtectionRegime): ExemptionCodeKey[] {
  return EXEMPTION_CODE_KEYS.filter((key) => EXEMPTION_CODES[key].regime === regime);
}

export function isExemptionCode(code: string): code is ExemptionCodeKey {
  return Object.hasOwn(EXEMPTION_CODES, code);
}

/** What replaces a redacted span in released text: the code, never any of the words. */
export function redactionMarker(code: ExemptionCodeKey): string {
  return `[REDACTED: ${EXEMPTION_CODES[code].short}]`;
}

/** The right of access each regime gives, as the letter names it. */
export const ACCESS_RIGHT: Readonly<Record<DataProtectionRegime, { provision: string; name: string }>> = {
  uk_gdpr: { provision: 'Article 15 of the UK General Data Protection Regulation (UK GDPR)', name: 'your right of access under Article 15 of the UK GDPR' },
  dpa2018_part3: { provision: `section 45 of the ${DPA}`, name: `your right of access under section 45 of the ${DPA}` },
};

/** What the response must tell the requester besides the copy of their information. */
export type ResponseContentKey = 'purposes' | 'legal_basis' | 'categories' | 'recipients' | 'retention' | 'source' | 'rights' | 'complaint' | 'automated_decisions';

export interface ResponseContent {
  key: ResponseContentKey;
  /** The provision that requires it. */
  provision: string;
  /** The letter's heading for it. */
  heading: string;
}

/**
 * UK GDPR Art. 15(1)(a)–(h) and DPA 2018 s45(2)(a)–(g), in the order the letter gives them.
 * Art. 15 does not itself ask for the legal basis; the letter gives it under both regimes
 * (issue 13 asks for it, and Art. 13–14 privacy information carries it).
 */
export const RESPONSE_CONTENTS: Readonly<Record<DataProtectionRegime, readonly ResponseContent[]>> = {
  uk_gdpr: [
    { key: 'purposes', provision: 'Article 15(1)(a)', heading: 'Why we hold your information' },
    { key: 'legal_basis', provision: 'Article 6 (given for completeness)', heading: 'The law that allows us to hold it' },
    { key: 'categories', provision: 'Article 15(1)(b)', heading: 'The kinds of information we hold' },
    { key: 'recipients', provision: 'Article 15(1)(c)', heading: 'Who we have shared it with' },
    { key: 'retention', provision: 'Article 15(1)(d)', heading: 'How long we keep it' },
    { key: 'source', provision: 'Article 15(1)(g)', heading: 'Where it came from' },
    { key: 'automated_decisions', provision: 'Article 15(1)(h)', heading: 'Automated decisions' },
    { key: 'rights', provision: 'Article 15(1)(e)', heading: 'Your other rights' },
    { key: 'complaint', provision: 'Article 15(1)(f)', heading: 'If you are unhappy with this response' },
  ],
  dpa2018_part3: [
    { key: 'purposes', provision: 'section 45(2)(a)', heading: 'Why we hold your information' },
    { key: 'legal_basis', provision: 'section 45(2)(a)', heading: 'The law that allows us to hold it' },
    { key: 'categories', provision: 'section 45(2)(b)', heading: 'The kinds of information we hold' },
    { key: 'recipients', provision: 'section 45(2)(c)', heading: 'Who we have shared it with' },
    { key: 'retention', provision: 'section 45(2)(d)', heading: 'How long we keep it' },
    { key: 'source', provision: 'section 45(2)(g)', heading: 'Where it came from' },
    { key: 'rights', provision: 'section 45(2)(e)', heading: 'Your other rights' },
    { key: 'complaint', provision: 'section 45(2)(f)', heading: 'If you are unhappy with this response' },
  ],
};

/** The rights to rectification, erasure and restriction, in each regime's words (Art. 16–18, 21; DPA 2018 s46–47). */
export const OTHER_RIGHTS: Readonly<Record<DataProtectionRegime, readonly string[]>> = {
  uk_gdpr: [
    'You can ask us to correct information about you that is wrong, or to complete it if it is incomplete (Article 16).',
    'You can ask us to delete information about you (Article 17), or to restrict how we use it (Article 18). These rights do not apply in every case; if we refuse, we will tell you why.',
    'You can object to our using your information where we rely on a public task or legitimate interests (Article 21).',
  ],
  dpa2018_part3: [
    `You can ask us to correct information about you that is wrong, or to complete it if it is incomplete (section 46 of the ${DPA}).`,
    `You can ask us to delete information about you, or to restrict how we use it (section 47). If we refuse, we will tell you in writing and why, unless telling you would itself prejudice the purposes the law protects.`,
  ],
};

export const ICO_CONTACT = {
  name: 'Information Commissioner’s Office',
  address: ['Wycliffe House', 'Water Lane', 'Wilmslow', 'Cheshire', 'SK9 5AF'],
  telephone: '0303 123 1113',
  website: 'ico.org.uk/make-a-complaint',
} as const;

/** The right to complain, with the Commissioner's contact details (Art. 15(1)(f), Art. 77; s45(2)(f)). */
export function complaintWords(regime: DataProtectionRegime): string[] {
  const first = 'If you are unhappy with how we have dealt with your request, please tell us first and we will look at it again.';
  const ico = `You also have the right to complain to the Information Commissioner, who regulates data protection in the UK: ${ICO_CONTACT.name}, ${ICO_CONTACT.address.join(', ')}; telephone ${ICO_CONTACT.telephone}; ${ICO_CONTACT.website}.`;
  if (regime === 'uk_gdpr') return [first, ico, 'You can also apply to a court.'];
  // s45(5)(c)–(e) as the notice of a restriction gives them; said in every Part 3 letter, so
  // a letter whose restriction cannot be told (s45(6)) reads the same as one with none.
  return [
    first,
    ico,
    `You can ask the Information Commissioner to check that we have dealt with your request lawfully (section 51 of the ${DPA}), and you can apply to a court (section 167).`,
  ];
}

/**
 * The notice of a Part 3 restriction (s45(5)–(7)). When telling would undermine the
 * restriction, s45(6) lifts the duty to say that access was restricted and why: the letter
 * then carries only the neutral words of complaintWords, the same in every Part 3 letter.
 * The reasons are recorded for the Commissioner in either case (s45(7)), in the internal
 * schedule, never in the response.
 */
export function restrictionNotice(provisions: readonly ExemptionCodeKey[], reasons: string): string[] {
  const purposes = provisions.map((code) => `${EXEMPTION_CODES[code].meaning.replace(/\.$/, '').replace(/^To /, 'to ')} (${EXEMPTION_CODES[code].short})`);
  return [
    `We have restricted your right of access under section 45(4) of the ${DPA}. We have not given you all of the information we hold about you, because this is a necessary and proportionate measure ${purposes.length > 1 ? `${purposes.slice(0, -1).join('; ')}; and ${purposes.at(-1) ?? ''}` : (purposes[0] ?? '')}.`,
    `Our reasons: ${reasons.trim()}`,
  ];
}
