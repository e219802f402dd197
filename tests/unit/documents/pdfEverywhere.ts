import { inflateSync } from 'node:zlib';
import { expect } from 'vitest';

// A PDF read the way an adversary would read it, for tests that prove words are nowhere in
// a file (true redaction, issue 13; what a briefing or a copy must not carry): the raw bytes
// in every encoding a string can take in a PDF, every stream inflated, and the text of every
// content stream decoded through its font's ToUnicode map. The words that must be there are
// found by the same decoder, so finding nothing of the others means something.

interface PdfObject {
  num: number;
  dict: string;
  /** The stream's bytes, inflated where the filter says so. */
  stream: Buffer | null;
}

function objectsOf(pdf: Uint8Array): PdfObject[] {
  const bytes = Buffer.from(pdf);
  const latin = bytes.toString('latin1');
  const objects: PdfObject[] = [];
  const head = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(latin)) !== null) {
    const from = m.index + m[0].length;
    const streamAt = latin.indexOf('stream', from);
    const endAt = latin.indexOf('endobj', from);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = latin.slice(from, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const start = streamAt + 'stream'.length + (latin[streamAt + 6] === '\r' ? 2 : 1);
      const raw = bytes.subarray(start, start + length);
      objects.push({ num: Number(m[1]), dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
      head.lastIndex = start + length;
    } else {
      objects.push({ num: Number(m[1]), dict: latin.slice(from, endAt), stream: null });
      head.lastIndex = endAt;
    }
  }
  return objects;
}

const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

/** A ToUnicode CMap: glyph code (hex) to text. */
function cmapOf(text: string): Map<string, string> {
  const map = new Map<string, string>();
  const unit = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const lo = parseInt(r[1] as string, 16);
      const hi = parseInt(r[2] as string, 16);
      const target = r[3] as string;
      const list = [...target.matchAll(/<([0-9a-f]+)>/gi)].map((x) => x[1] as string);
      for (let code = lo; code <= hi; code++) {
        const value = target.startsWith('[') ? unit(list[code - lo] ?? '') : String.fromCharCode(parseInt(list[0] as string, 16) + code - lo);
        map.set(code.toString(16).padStart(4, '0'), value);
      }
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const c of (block[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set((c[1] as string).toLowerCase().padStart(4, '0'), unit(c[2] as string));
  }
  return map;
}

/**
 * The text of every content stream, decoded through the ToUnicode map of the font in use.
 * pdfmake writes a word (with its space) per TJ, so the pieces are joined with nothing.
 */
function decodedText(objects: readonly PdfObject[]): string {
  const byNum = new Map(objects.map((o) => [o.num, o]));
  const fontNames = new Map<string, Map<string, string>>();
  for (const o of objects) {
    for (const f of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(byNum.get(Number(f[2]))?.dict ?? '');
      const cmap = byNum.get(Number(toUnicode?.[1]))?.stream;
      if (cmap) fontNames.set(f[1] as string, cmapOf(cmap.toString('latin1')));
    }
  }
  expect(fontNames.size).toBeGreaterThan(0);
  const out: string[] = [];
  for (const o of objects) {
    const content = o.stream?.toString('latin1') ?? '';
    if (!content.includes('BT')) continue;
    let cmap = new Map<string, string>();
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-f]+)> Tj/gi)) {
      if (op[1] !== undefined) cmap = fontNames.get(op[1]) ?? new Map();
      const hex = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-f]+)>/gi)].map((x) => x[1] as string).join('') : (op[3] ?? '');
      let line = '';
      for (let i = 0; i + 4 <= hex.length; i += 4) line += cmap.get(hex.slice(i, i + 4).toLowerCase()) ?? '\uFFFD';
      if (line !== '') out.push(line);
    }
  }
  return out.join('');
}

/** Everywhere a string could be in a PDF file. */
export function everywhere(pdf: Uint8Array): { haystacks: Buffer[]; decoded: string } {
  const objects = objectsOf(pdf);
  return { haystacks: [Buffer.from(pdf), ...objects.flatMap((o) => (o.stream ? [o.stream] : []))], decoded: decodedText(objects) };
}

export function foundIn(where: { haystacks: Buffer[]; decoded: string }, text: string): string[] {
  const forms: Buffer[] = [Buffer.from(text, 'utf8'), Buffer.from(text, 'latin1'), utf16be(text), Buffer.from(utf16be(text).toString('hex')), Buffer.from(utf16be(text).toString('hex').toUpperCase())];
  const hits = where.haystacks.flatMap((h, i) => forms.filter((f) => h.includes(f)).map(() => `bytes ${i}`));
  return where.decoded.includes(text) ? [...hits, 'decoded text'] : hits;
}
