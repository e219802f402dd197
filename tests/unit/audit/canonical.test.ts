// The signatures on audit entries and on exchange files are over canonical JSON, and the
// exchange file says it is RFC 8785 (JSON Canonicalization Scheme): a receiver written in
// another language must make the same bytes. canonicalJson is checked here against the
// reference implementation by the RFC's author (the `canonicalize` package, a test-only
// dependency), on arbitrary JSON values and on the RFC's own examples.
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type CanonicalValue } from '../../../src/main/audit';

describe('canonical JSON is RFC 8785', () => {
  it('makes the same bytes as the reference implementation for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value as CanonicalValue)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts keys by UTF-16 code units and writes numbers and strings as ECMAScript does (RFC 8785 §3.2)', () => {
    const value = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    expect(canonicalJson(value)).toBe(canonicalize(value));
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    const numbers = [333333333.3333333, 1e30, 4.5, 2e-3, 0.000001, 1e-7, -0, 9007199254740992];
    expect(canonicalJson(numbers)).toBe('[333333333.3333333,1e+30,4.5,0.002,0.000001,1e-7,0,9007199254740992]');
    expect(canonicalJson({ name: 'Łukasz Wójcik', place: 'Ynys Môn', note: 'Şükrü, Ștefan\n' })).toBe(canonicalize({ name: 'Łukasz Wójcik', place: 'Ynys Môn', note: 'Şükrü, Ștefan\n' }));
  });
});
