import { LIBERATION_SANS_BOLD, LIBERATION_SANS_REGULAR } from './embeddedFont';

// The one font in every document, embedded in the main bundle so nothing is read from
// disk or fetched at run time. Liberation Sans 2.1.5, SIL OFL 1.1 (resources/fonts/).

export const FONT_FAMILY = 'LiberationSans';

export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

let files: FontFiles | null = null;

export function fontFiles(): FontFiles {
  files ??= { regular: Buffer.from(LIBERATION_SANS_REGULAR, 'base64'), bold: Buffer.from(LIBERATION_SANS_BOLD, 'base64') };
  return files;
}
