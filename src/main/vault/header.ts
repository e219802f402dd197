// register.json: parse (zod), checksum, MAC, serialise. See format.ts for the layout.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { damaged, VaultError } from './errors';
import { FORMAT_VERSION, HEADER_FILE, HEADER_MAGIC, REGISTER_ID_BYTES } from './format';
import { kdfParamsAcceptable } from './kdf';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const int = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const kdfSchema = z.strictObject({ N: int, r: int, p: int });

const slotSchema = z.strictObject({
  id: hex(32),
  administrator: z.boolean(),
  kdf: kdfSchema,
  salt: b64,
  nonce: b64,
  wrapped: b64,
});

const bodySchema = z.strictObject({
  registerId: hex(REGISTER_ID_BYTES),
  generation: int,
  kdf: kdfSchema,
  slots: z.array(slotSchema).min(1).max(1000),
  users: b64,
});

const fileSchema = z.strictObject({
  magic: z.literal(HEADER_MAGIC),
  formatVersion: int,
  body: z.string(),
  checksum: hex(32),
  mac: hex(32),
});

export type Slot = z.infer<typeof slotSchema>;
export type HeaderBody = z.infer<typeof bodySchema>;

export interface ParsedHeader {
  body: HeaderBody;
  bodyText: string;
  mac: Buffer;
  registerId: Buffer;
}

const HEADER_WHAT = `the register header (${HEADER_FILE})`;

function sha256hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function macOf(key: Buffer, bodyText: string): Buffer {
  return createHmac('sha256', key)
    .update(`${HEADER_MAGIC} v${FORMAT_VERSION}\u0000`, 'utf8')
    .update(bodyText, 'utf8')
    .digest();
}

export function tooNew(kind: string, found: number, understood: number): VaultError {
  return new VaultError(
    'too_new',
    `This register was made by a newer version of MAPPA Register (${kind} ${found}); ` +
      `this version understands up to ${understood}. Install the newer version to open it.`,
  );
}

/** Parses and checks everything that can be checked without a key. Throws 'damaged' or 'too_new'. */
export function parseHeader(bytes: Uint8Array, what: string = HEADER_WHAT): ParsedHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw damaged(what);
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    throw tooNew('file format', version, FORMAT_VERSION);
  }
  const file = fileSchema.safeParse(raw);
  if (!file.success || file.data.formatVersion !== FORMAT_VERSION) throw damaged(what);
  if (sha256hex(file.data.body) !== file.data.checksum) throw damaged(what);
  let bodyRaw: unknown;
  try {
    bodyRaw = JSON.parse(file.data.body);
  } catch {
    throw damaged(what);
  }
  const body = bodySchema.safeParse(bodyRaw);
  if (!body.success) throw damaged(what);
  if (!kdfParamsAcceptable(body.data.kdf) || !body.data.slots.every((s) => kdfParamsAcceptable(s.kdf))) {
    throw damaged(what);
  }
  const ids = new Set(body.data.slots.map((s) => s.id));
  if (ids.size !== body.data.slots.length) throw damaged(what);
  return {
    body: body.data,
    bodyText: file.data.body,
    mac: Buffer.from(file.data.mac, 'hex'),
    registerId: Buffer.from(body.data.registerId, 'hex'),
  };
}

/** Throws 'damaged' unless the header MAC verifies under the register's header-mac key. */
export function verifyHeaderMac(h: ParsedHeader, macKey: Buffer, what: string = HEADER_WHAT): void {
  const expected = macOf(macKey, h.bodyText);
  if (expected.length !== h.mac.length || !timingSafeEqual(expected, h.mac)) throw damaged(what);
}

export function serializeHeader(body: HeaderBody, macKey: Buffer): Buffer {
  const bodyText = JSON.stringify(body);
  const file = {
    magic: HEADER_MAGIC,
    formatVersion: FORMAT_VERSION,
    body: bodyText,
    checksum: sha256hex(bodyText),
    mac: macOf(macKey, bodyText).toString('hex'),
  };
  return Buffer.from(`${JSON.stringify(file, null, 1)}\n`, 'utf8');
}
