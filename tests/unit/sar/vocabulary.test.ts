import { describe, expect, it } from 'vitest';
import { AGENCY_KIND_CODES } from '../../../src/shared/vocabulary';
import { defaultRegime, REGIME_CODES } from '../../../src/shared/sharingVocabulary';
import {
  codesFor,
  complaintWords,
  EXEMPTION_CODE_KEYS,
  EXEMPTION_CODES,
  ICO_CONTACT,
  isExemptionCode,
  redactionMarker,
  RESPONSE_CONTENTS,
  restrictionNotice,
} from '../../../src/shared/sarVocabulary';

describe('the statute table', () => {
  it('gives every regime its own codes, and no code belongs to two', () => {
    const uk = codesFor('uk_gdpr');
    const p3 = codesFor('dpa2018_part3');
    expect(uk.length).toBeGreaterThan(0);
    expect(p3.length).toBeGreaterThan(0);
    expect([...uk, ...p3].sort()).toEqual([...EXEMPTION_CODE_KEYS].sort());
    expect(uk.some((c) => p3.includes(c))).toBe(false);
  });

  it('offers police, probation and prisons the five s45(4) restrictions and nothing else', () => {
    for (const agency of ['police', 'probation', 'prison'] as const) expect(defaultRegime(agency)).toBe('dpa2018_part3');
    expect(codesFor('dpa2018_part3').map((c) => EXEMPTION_CODES[c].short)).toEqual(['s45(4)(a)', 's45(4)(b)', 's45(4)(c)', 's45(4)(d)', 's45(4)(e)']);
    expect(codesFor('dpa2018_part3').every((c) => EXEMPTION_CODES[c].source.startsWith('Data Protection Act 2018, section 45(4)('))).toBe(true);
  });

  it('offers UK GDPR agencies the Schedule 2 and 3 exemptions with their paragraphs', () => {
    const sources = codesFor('uk_gdpr').map((c) => EXEMPTION_CODES[c].source);
    expect(sources).toContain('Data Protection Act 2018, Schedule 2, Part 1, paragraph 2');
    expect(sources).toContain('Data Protection Act 2018, Schedule 2, Part 3, paragraph 16');
    expect(sources).toContain('Data Protection Act 2018, Schedule 2, Part 4, paragraph 19');
    expect(sources).toContain('Data Protection Act 2018, Schedule 3, Part 2, paragraph 5');
  });

  it('gives every agency kind a regime with codes to choose from', () => {
    for (const agency of AGENCY_KIND_CODES) expect(codesFor(defaultRegime(agency)).length, agency).toBeGreaterThan(0);
  });

  it('asks for the appropriate health professional’s opinion for health data, and only there', () => {
    const needing = EXEMPTION_CODE_KEYS.filter((c) => EXEMPTION_CODES[c].needsHealthOpinion);
    expect(needing).toEqual(['uk_health_serious_harm']);
  });

  it('says for every code where its paragraph was checked, and every code has a label, a short form and a meaning', () => {
    for (const key of EXEMPTION_CODE_KEYS) {
      const c = EXEMPTION_CODES[key];
      for (const field of [c.label, c.short, c.source, c.meaning, c.checked]) expect(field.trim(), key).not.toBe('');
    }
    expect(new Set(EXEMPTION_CODE_KEYS.map((k) => EXEMPTION_CODES[k].short)).size).toBe(EXEMPTION_CODE_KEYS.length);
  });

  it('knows its own codes and no others', () => {
    expect(isExemptionCode('p3_crime')).toBe(true);
    expect(isExemptionCode('toString')).toBe(false);
    expect(isExemptionCode('s45(4)(b)')).toBe(false);
  });

  it('marks a redaction with the code only', () => {
    expect(redactionMarker('p3_crime')).toBe('[REDACTED: s45(4)(b)]');
    expect(redactionMarker('uk_third_party')).toBe('[REDACTED: Sch2 Pt3 para16 (third party)]');
  });
});

describe('the words of the response', () => {
  it('covers what Article 15(1) and section 45(2) require, under each regime', () => {
    const keys = (r: (typeof REGIME_CODES)[number]) => RESPONSE_CONTENTS[r].map((c) => c.key);
    for (const regime of REGIME_CODES) {
      expect(keys(regime), regime).toEqual(expect.arrayContaining(['purposes', 'legal_basis', 'categories', 'recipients', 'retention', 'source', 'rights', 'complaint']));
    }
    expect(keys('uk_gdpr')).toContain('automated_decisions');
    expect(RESPONSE_CONTENTS.dpa2018_part3.map((c) => c.provision)).toEqual(expect.arrayContaining(['section 45(2)(a)', 'section 45(2)(b)', 'section 45(2)(c)', 'section 45(2)(d)', 'section 45(2)(e)', 'section 45(2)(f)', 'section 45(2)(g)']));
  });

  it('gives the Information Commissioner’s contact details in the complaint', () => {
    for (const regime of REGIME_CODES) {
      const words = complaintWords(regime).join(' ');
      expect(words).toContain(ICO_CONTACT.name);
      expect(words).toContain('Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF');
      expect(words).toContain('0303 123 1113');
      expect(words).toContain('ico.org.uk/make-a-complaint');
    }
    expect(complaintWords('dpa2018_part3').join(' ')).toContain('section 51');
  });

  it('explains a Part 3 restriction with its purposes and reasons', () => {
    const notice = restrictionNotice(['p3_crime', 'p3_rights_of_others'], 'An investigation into the offence is open.').join('\n');
    expect(notice).toContain('section 45(4)');
    expect(notice).toContain('prevention, detection, investigation or prosecution of criminal offences');
    expect(notice).toContain('(s45(4)(b))');
    expect(notice).toContain('(s45(4)(e))');
    expect(notice).toContain('Our reasons: An investigation into the offence is open.');
  });
});
