import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Reads a PDF back the way a person's tools would: Debian's poppler-utils (installed by
// .ci/run), so a test sees the text a reader can find and copy, not what we meant to draw.

function withFile<T>(pdf: Uint8Array, read: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'mappa-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfinfo's fields (Title, Pages, Page size...), by name. */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' }));
  return Object.fromEntries(out.split('\n').flatMap((line) => {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    return m ? [[m[1] as string, m[2] as string]] : [];
  }));
}

export function pageCount(pdf: Uint8Array): number {
  return Number(pdfInfo(pdf).Pages);
}

export interface TextOptions {
  /** Keep the page's physical layout (pdftotext -layout). */
  layout?: boolean;
  /** Leave out diagonal text, i.e. the watermark (pdftotext -nodiag). */
  withoutDiagonal?: boolean;
  /** In the order it was drawn (pdftotext -raw), so diagonal text is not interleaved with the rest. */
  raw?: boolean;
}

/** The text of each page, page 1 first. */
export function pageTexts(pdf: Uint8Array, options: TextOptions = {}): string[] {
  const args = [...(options.layout ? ['-layout'] : []), ...(options.raw ? ['-raw'] : []), ...(options.withoutDiagonal ? ['-nodiag'] : [])];
  const text = withFile(pdf, (file) => execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1);
}

/** The lines of a page that have any text on them, trimmed. */
export function textLines(page: string): string[] {
  return page
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Text with all white space removed: diagonal text is extracted a character at a time. */
export function squashed(text: string): string {
  return text.replace(/\s+/g, '');
}
