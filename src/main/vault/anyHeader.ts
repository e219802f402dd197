// register.json in either format: 1 (opened only to be upgraded by an administrator, or
// restored from an old backup) or 2.
import { damaged } from './errors';
import { HEADER_FILE } from './format';
import { type ParsedHeader, parseHeader, tooNew } from './header';
import { FORMAT_VERSION_2, type ParsedHeaderV2, parseHeaderV2 } from './headerV2';

export type AnyHeader = ({ version: 1 } & ParsedHeader) | ParsedHeaderV2;

export const NEWEST_FORMAT = FORMAT_VERSION_2;

export function readAnyHeader(bytes: Uint8Array, what = `the register header (${HEADER_FILE})`): AnyHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw damaged(what);
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > NEWEST_FORMAT) throw tooNew('file format', version, NEWEST_FORMAT);
  if (version === FORMAT_VERSION_2) return parseHeaderV2(raw, what);
  return { version: 1, ...parseHeader(bytes, what) };
}
