import { MappaError } from '../../shared/errors';
import { EXEMPTION_CODES, isExemptionCode, redactionMarker } from '../../shared/sarVocabulary';
import type { DataProtectionRegime } from '../../shared/vocabulary';

// True redaction (issue 13): the released text is made again without the redacted words,
// each span replaced by a fixed marker naming only its code, so nothing of a span reaches
// the document maker, let alone the file (ICO, disclosing documents securely: no box over
// live text, no hidden layer). And the proposals: other people's names found in text about
// to be released, for the IG lead to redact or to keep.

/** One redaction over an item's text: UTF-16 offsets, as the screen's selection gives them. */
export interface Redaction {
  start: number;
  /** Exclusive. */
  end: number;
  /** A key of EXEMPTION_CODES, of the office's regime. */
  code: string;
  reason: string;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Whether an offset falls between the two halves of one character (an emoji, a rare CJK letter). */
function splitsCharacter(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

function refuse(code: string, message: string): never {
  throw new MappaError(code, message, 'redactions');
}

/** Every redaction checked against the text and the regime; sorted by start. Throws on the first problem. */
export function checkRedactions(text: string, redactions: readonly Redaction[], regime: DataProtectionRegime): Redaction[] {
  redactions.forEach((r, i) => {
    const which = `Redaction ${i + 1}`;
    if (!Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start < 0 || r.end > text.length) {
      refuse('redaction_out_of_range', `${which} runs outside the item's text, which is ${text.length} characters long.`);
    }
    if (r.end <= r.start) refuse('redaction_empty', `${which} covers no text: select the words to redact.`);
    if (splitsCharacter(text, r.start) || splitsCharacter(text, r.end)) refuse('redaction_splits_character', `${which} starts or ends inside a character: select whole characters.`);
    if (!isExemptionCode(r.code)) refuse('redaction_unknown_code', `${which} has no exemption code from the statute table.`);
    const code = EXEMPTION_CODES[r.code];
    if (code.regime !== regime) {
      refuse('redaction_wrong_regime', `${which} uses ${code.short}, which does not apply to this agency: choose one of its own regime's codes.`);
    }
    if (r.reason.trim() === '') refuse('redaction_no_reason', `${which} needs a reason: say why ${code.short} applies to these words.`);
  });
  const sorted = [...redactions].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1] as Redaction;
    const here = sorted[i] as Redaction;
    if (here.start < before.end) refuse('redaction_overlap', `Two redactions overlap (characters ${here.start}–${before.end}): make them one, or separate them.`);
  }
  return sorted;
}

/**
 * The text as released: each span replaced by its marker, the rest untouched. Spans may
 * touch but not overlap. Refuses, with one sentence, a span out of range, empty, splitting
 * a character, overlapping another, of an unknown code or another regime's, or without a reason.
 */
export function applyRedactions(text: string, redactions: readonly Redaction[], regime: DataProtectionRegime): string {
  const sorted = checkRedactions(text, redactions, regime);
  const parts: string[] = [];
  let at = 0;
  for (const r of sorted) {
    parts.push(text.slice(at, r.start), redactionMarker(r.code as keyof typeof EXEMPTION_CODES));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A name proposed for redaction: where it is in the original text, and whose it is. */
export interface NameProposal {
  start: number;
  end: number;
  /** The words as they stand in the text. */
  text: string;
  /** The person, as given in otherPeople. */
  person: string;
  /** True for the whole name; false for one part of it (a family name on its own). */
  wholeName: boolean;
}

// Letters that carry no combining mark to strip, folded to the plain letter people type.
const PLAIN: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ð: 'd', ø: 'o', ı: 'i', ħ: 'h', ŧ: 't', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', '’': "'", ʼ: "'", '‘': "'" };

/** The text folded for matching (no accents, lower case), with where each folded unit came from. */
function folded(text: string): { text: string; from: number[]; to: number[] } {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const plain = [...base].map((c) => PLAIN[c] ?? c).join('');
    for (let k = 0; k < plain.length; k++) {
      from.push(at);
      to.push(at + ch.length);
    }
    out += plain;
    at += ch.length;
  }
  return { text: out, from, to };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = '[\\p{L}\\p{N}]';

function pattern(words: readonly string[]): RegExp {
  return new RegExp(`(?<!${WORD})${words.map(escape).join('\\s+')}(?!${WORD})`, 'gu');
}

/**
 * Other people's names in text about to be released, each occurrence with its offsets in
 * the original text: whole names first, then each part of a name on its own (a family name
 * alone still identifies). Case- and accent-insensitive ("Łukasz" finds "LUKASZ"), whole
 * words only, longest first; where two proposals would overlap the earlier, longer one stands.
 */
export function proposeNameRedactions(text: string, otherPeople: readonly string[]): NameProposal[] {
  const hay = folded(text);
  const found: NameProposal[] = [];
  const search = (person: string, words: readonly string[], wholeName: boolean) => {
    for (const m of hay.text.matchAll(pattern(words))) {
      const start = hay.from[m.index] as number;
      const end = hay.to[m.index + m[0].length - 1] as number;
      found.push({ start, end, text: text.slice(start, end), person, wholeName });
    }
  };
  for (const person of otherPeople) {
    const words = folded(person).text.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) continue;
    search(person, words, true);
    if (words.length > 1) for (const word of new Set(words)) if ([...word].length > 1) search(person, [word], false);
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NameProposal[] = [];
  for (const p of found) {
    const last = kept.at(-1);
    if (last === undefined || p.start >= last.end) kept.push(p);
  }
  return kept;
}
