import boldUrl from '../../../resources/fonts/LiberationSans-Bold.ttf?inline';
import regularUrl from '../../../resources/fonts/LiberationSans-Regular.ttf?inline';

// The one font in every document, embedded in the main bundle so nothing is read from
// disk or fetched at run time. Liberation Sans 2.1.5, SIL OFL 1.1 (resources/fonts/).

export const FONT_FAMILY = 'LiberationSans';

export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

function bytesOf(dataUrl: string): Buffer {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0 || !dataUrl.slice(0, comma).endsWith(';base64')) {
    throw new Error('The document font was not embedded as a base64 data URL.');
  }
  return Buffer.from(dataUrl.slice(comma + 1), 'base64');
}

let files: FontFiles | null = null;

export function fontFiles(): FontFiles {
  files ??= { regular: bytesOf(regularUrl), bold: bytesOf(boldUrl) };
  return files;
}
