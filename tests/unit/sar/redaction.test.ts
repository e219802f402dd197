import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRedactions, proposeNameRedactions, type Redaction } from '../../../src/main/sar/redaction';
import { MappaError } from '../../../src/shared/errors';
import { codesFor, EXEMPTION_CODE_KEYS, redactionMarker, type ExemptionCodeKey } from '../../../src/shared/sarVocabulary';
import type { DataProtectionRegime } from '../../../src/shared/vocabulary';

const aRedaction = (over: Partial<Redaction> = {}): Redaction => ({ start: 0, end: 1, code: 'p3_crime', reason: 'An investigation is open.', ...over });

function refusal(fn: () => unknown): MappaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MappaError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('true redaction', () => {
  const text = 'Met Darren at the hostel; Kelly Shaw reported the threat.';

  it('replaces each span with its marker and keeps the rest exactly', () => {
    const start = text.indexOf('Kelly Shaw');
    const out = applyRedactions(text, [aRedaction({ start, end: start + 'Kelly Shaw'.length, code: 'p3_rights_of_others' })], 'dpa2018_part3');
    expect(out).toBe('Met Darren at the hostel; [REDACTED: s45(4)(e)] reported the threat.');
  });

  it('takes the spans in any order, and spans that touch', () => {
    const out = applyRedactions('abcdef', [aRedaction({ start: 3, end: 6 }), aRedaction({ start: 0, end: 3, code: 'p3_inquiry' })], 'dpa2018_part3');
    expect(out).toBe('[REDACTED: s45(4)(a)][REDACTED: s45(4)(b)]');
  });

  it('leaves text without redactions as it was', () => {
    expect(applyRedactions(text, [], 'uk_gdpr')).toBe(text);
  });

  it.each([
    ['overlapping spans', [aRedaction({ start: 0, end: 5 }), aRedaction({ start: 4, end: 8 })], 'redaction_overlap', /overlap/],
    ['a span past the end', [aRedaction({ start: 50, end: 500 })], 'redaction_out_of_range', /outside the item's text, which is 57 characters long/],
    ['a negative start', [aRedaction({ start: -1, end: 3 })], 'redaction_out_of_range', /outside/],
    ['an empty span', [aRedaction({ start: 4, end: 4 })], 'redaction_empty', /covers no text/],
    ['a backwards span', [aRedaction({ start: 6, end: 4 })], 'redaction_empty', /covers no text/],
    ['a code of the other regime', [aRedaction({ code: 'uk_third_party' })], 'redaction_wrong_regime', /Sch2 Pt3 para16 \(third party\), which does not apply to this agency/],
    ['a code not in the table', [aRedaction({ code: 's45(4)(b)' })], 'redaction_unknown_code', /no exemption code/],
    ['a blank reason', [aRedaction({ reason: '  \n' })], 'redaction_no_reason', /needs a reason/],
  ] as const)('refuses %s with one clear sentence', (_, redactions, code, message) => {
    const error = refusal(() => applyRedactions(text, redactions, 'dpa2018_part3'));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message.split(/[.!?](\s|$)/).filter((s) => s.trim() !== '').length).toBe(1);
  });

  it('refuses a span that cuts a character in half', () => {
    const emoji = 'ok 😀 ok';
    expect(refusal(() => applyRedactions(emoji, [aRedaction({ start: 3, end: 4 })], 'dpa2018_part3')).code).toBe('redaction_splits_character');
    expect(applyRedactions(emoji, [aRedaction({ start: 3, end: 5 })], 'dpa2018_part3')).toBe('ok [REDACTED: s45(4)(b)] ok');
  });

  // Letters that appear in no marker, so a redacted word can never be "found" inside one.
  const markerLetters = new Set(EXEMPTION_CODE_KEYS.flatMap((c) => [...redactionMarker(c).toLowerCase()]));
  const alphabet = [...'abcdefghijklmnopqrstuvwxyzłŷșş'].filter((c) => !markerLetters.has(c));
  const word = fc.string({ unit: fc.constantFrom(...alphabet), minLength: 3, maxLength: 9 });
  const regime = fc.constantFrom<DataProtectionRegime>('uk_gdpr', 'dpa2018_part3');
  /** Words, each redacted or not, joined by separators; the redactions cover exactly the redacted words. */
  const redactedText = regime.chain((r) =>
    fc
      .array(fc.record({ word, redacted: fc.boolean(), code: fc.constantFrom(...codesFor(r)), separator: fc.constantFrom(' ', ', ', '.\n', ' – ') }), { minLength: 1, maxLength: 40 })
      .map((words) => {
        let text = '';
        const redactions: Redaction[] = [];
        for (const w of words) {
          if (w.redacted) redactions.push({ start: text.length, end: text.length + w.word.length, code: w.code, reason: 'Identifies a witness.' });
          text += w.word + w.separator;
        }
        return { regime: r, text, redactions, words };
      }),
  );

  it('leaves no redacted word in the output unless the same word also stands outside every span', () => {
    expect(alphabet.length).toBeGreaterThan(5);
    fc.assert(
      fc.property(redactedText, ({ regime: r, text, redactions, words }) => {
        const out = applyRedactions(text, redactions, r);
        const kept = words.filter((w) => !w.redacted).map((w) => w.word);
        for (const w of words.filter((x) => x.redacted)) {
          if (kept.some((k) => k.includes(w.word))) continue;
          expect(out).not.toContain(w.word);
        }
        for (const k of kept) expect(out).toContain(k);
        expect(out.split('[REDACTED: ').length - 1).toBe(redactions.length);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps exactly the text outside the spans, in order, with one marker for each span', () => {
    // Any text, any set of disjoint spans: sorted unique cut points, paired.
    const cut = fc.string({ minLength: 1, maxLength: 200 }).chain((text) =>
      fc.record({
        text: fc.constant(text),
        cuts: fc.uniqueArray(fc.nat({ max: text.length }), { maxLength: 12 }).map((c) => [...c].sort((a, b) => a - b)),
        code: fc.constantFrom<ExemptionCodeKey>(...codesFor('uk_gdpr')),
      }),
    );
    fc.assert(
      fc.property(cut, ({ text, cuts, code }) => {
        const redactions: Redaction[] = [];
        for (let i = 0; i + 1 < cuts.length; i += 2) redactions.push({ start: cuts[i] as number, end: cuts[i + 1] as number, code, reason: 'Third party.' });
        let expected = '';
        let at = 0;
        for (const r of redactions) {
          expected += text.slice(at, r.start) + redactionMarker(code);
          at = r.end;
        }
        expected += text.slice(at);
        expect(applyRedactions(text, [...redactions].reverse(), 'uk_gdpr')).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('names proposed for redaction', () => {
  const people = ['Siân Llŷr', 'Łukasz Wiśniewski', 'Ștefan Ionescu', 'Şükrü Yılmaz'];

  it('finds every occurrence of a whole name, whatever its case and accents, with offsets into the original text', () => {
    const text = 'Visit with SIAN LLYR. Later, siân llŷr phoned; Lukasz Wisniewski was present.';
    const found = proposeNameRedactions(text, people);
    expect(found.map((p) => [p.text, p.person, p.wholeName])).toEqual([
      ['SIAN LLYR', 'Siân Llŷr', true],
      ['siân llŷr', 'Siân Llŷr', true],
      ['Lukasz Wisniewski', 'Łukasz Wiśniewski', true],
    ]);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('finds a family name standing on its own, and names across a line break', () => {
    const text = 'Mr Yilmaz said that Ștefan\nIonescu had called. Yılmaz again.';
    const found = proposeNameRedactions(text, people);
    expect(found.map((p) => p.text)).toEqual(['Yilmaz', 'Ștefan\nIonescu', 'Yılmaz']);
    expect(found.map((p) => p.wholeName)).toEqual([false, true, false]);
  });

  it('matches whole words only', () => {
    expect(proposeNameRedactions('Ionescus and Llyrwood and Yilmazer', people)).toEqual([]);
  });

  it('keeps offsets right after letters that fold to two (ß) and characters of two units (😀)', () => {
    const text = '😀 Straße: Şükrü Yılmaz 😀 şükrü';
    const found = proposeNameRedactions(text, people);
    expect(found.map((p) => text.slice(p.start, p.end))).toEqual(['Şükrü Yılmaz', 'şükrü']);
  });

  it('proposes what applyRedactions can take', () => {
    const text = 'Kelly Shaw and KELLY SHAW.';
    const redactions = proposeNameRedactions(text, ['Kelly Shaw']).map((p) => ({ start: p.start, end: p.end, code: 'uk_third_party', reason: 'Third party.' }));
    expect(applyRedactions(text, redactions, 'uk_gdpr')).toBe('[REDACTED: Sch2 Pt3 para16 (third party)] and [REDACTED: Sch2 Pt3 para16 (third party)].');
  });
});
