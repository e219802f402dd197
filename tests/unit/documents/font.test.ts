import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../../../src/main/documents/font';

const FONTS = join(__dirname, '../../../resources/fonts');

/** The glyph a TrueType font shows for a character, from its Unicode BMP cmap (format 4); 0 is the empty box. */
function glyphFor(font: Buffer, char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let t = 0; t < tables; t++) {
    const entry = 12 + t * 16;
    if (font.toString('latin1', entry, entry + 4) === 'cmap') cmap = font.readUInt32BE(entry + 8);
  }
  if (cmap < 0) throw new Error('no cmap table');
  for (let s = 0; s < font.readUInt16BE(cmap + 2); s++) {
    const record = cmap + 4 + s * 8;
    const sub = cmap + font.readUInt32BE(record + 4);
    if (font.readUInt16BE(record) !== 3 || font.readUInt16BE(record + 2) !== 1 || font.readUInt16BE(sub) !== 4) continue;
    const segments = font.readUInt16BE(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const offsets = deltas + segments * 2;
    for (let i = 0; i < segments; i++) {
      if (code > font.readUInt16BE(ends + i * 2) || code < font.readUInt16BE(starts + i * 2)) continue;
      const rangeOffset = font.readUInt16BE(offsets + i * 2);
      const delta = font.readInt16BE(deltas + i * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(offsets + i * 2 + rangeOffset + (code - font.readUInt16BE(starts + i * 2)) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  }
  throw new Error('no Unicode BMP cmap');
}

describe('the embedded font', () => {
  it('is the Liberation Sans shipped in resources/fonts, unchanged', () => {
    const files = fontFiles();
    expect(files.regular.equals(readFileSync(join(FONTS, 'LiberationSans-Regular.ttf')))).toBe(true);
    expect(files.bold.equals(readFileSync(join(FONTS, 'LiberationSans-Bold.ttf')))).toBe(true);
    expect(readFileSync(join(FONTS, 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it('draws every letter of Welsh, Polish, Romanian and Turkish names in both weights (no empty boxes)', () => {
    const letters = [...new Set('Gwenllïan Ŵyn ŵŷŶÏ Łukasz Wójcik ł Ștefan Țurcanu șțŞ Ayşe Yıldız İğĞ OFFICIAL-SENSITIVE £€'.replace(/ /g, ''))];
    const { regular, bold } = fontFiles();
    for (const letter of letters) {
      expect(glyphFor(regular, letter), letter).toBeGreaterThan(0);
      expect(glyphFor(bold, letter), letter).toBeGreaterThan(0);
    }
    expect(glyphFor(regular, '王')).toBe(0); // the check can fail: CJK is not in this font
  });
});
