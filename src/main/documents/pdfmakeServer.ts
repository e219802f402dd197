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

type Pdfmake = typeof import('pdfmake');

let ready: Pdfmake | undefined;

/**
 * pdfmake and pdfkit are loaded when the first document is made, not with the app: they
 * would otherwise hold some 30 MB of the main process for its whole life.
 */
async function configure(): Promise<Pdfmake> {
  if (ready) return ready;
  const loaded = (await import('pdfmake')) as Pdfmake & { default?: Pdfmake };
  const pdfmake = loaded.default ?? loaded;
  const files = fontFiles();
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFileSystem }).virtualfs;
  vfs.writeFileSync(REGULAR, files.regular);
  vfs.writeFileSync(BOLD, files.bold);
  // No italic face is shipped; nothing asks for one, and a stray request gets upright text.
  pdfmake.setFonts({ [FONT_FAMILY]: { normal: REGULAR, bold: BOLD, italics: REGULAR, bolditalics: BOLD } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = pdfmake;
  return pdfmake;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Uint8Array> {
  const pdfmake = await configure();
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
