import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY, fontFiles } from './font';

// The only file that configures pdfmake. It runs in Node (and so in Electron's main
// process): pdfkit hashes with pure-JS code, and with the font in memory and every URL
// and local path refused, making a document reads no file and opens no connection.

/** The part of pdfmake's Node build its type definitions leave out: the in-memory file store. */
interface VirtualFileSystem {
  writeFileSync(name: string, content: Buffer): void;
}

const REGULAR = `${FONT_FAMILY}-Regular.ttf`;
const BOLD = `${FONT_FAMILY}-Bold.ttf`;

let ready = false;

function configure(): void {
  if (ready) return;
  const files = fontFiles();
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFileSystem }).virtualfs;
  vfs.writeFileSync(REGULAR, files.regular);
  vfs.writeFileSync(BOLD, files.bold);
  // No italic face is shipped; nothing asks for one, and a stray request gets upright text.
  pdfmake.setFonts({ [FONT_FAMILY]: { normal: REGULAR, bold: BOLD, italics: REGULAR, bolditalics: BOLD } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  configure();
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
