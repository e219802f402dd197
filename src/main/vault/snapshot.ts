// Chunked AES-256-GCM stream: the body of snapshot files and backups. Encryption and
// decryption work one chunk at a time, so memory stays near one copy of the database.
import * as fs from 'node:fs';
import { damaged } from './errors';
import {
  CHUNK_BYTES,
  NONCE_BYTES,
  readU64,
  REGISTER_ID_BYTES,
  STREAM_HEADER_BYTES,
  STREAM_MAGIC,
  TAG_BYTES,
  u32,
  u64,
} from './format';
import { openInto, seal } from './keys';
import { writeAllAt, writeAtomicWith } from './atomicWrite';

export interface StreamMeta {
  kind: number;
  registerId: Buffer;
  seq: number;
  chainTag: Buffer;
}

function chunkCount(plainLength: number): number {
  return Math.max(1, Math.ceil(plainLength / CHUNK_BYTES));
}

export function streamLength(plainLength: number): number {
  return STREAM_HEADER_BYTES + plainLength + chunkCount(plainLength) * (NONCE_BYTES + TAG_BYTES);
}

function streamHeader(meta: StreamMeta, plainLength: number): Buffer {
  return Buffer.concat([STREAM_MAGIC, Buffer.from([meta.kind]), meta.registerId, u64(meta.seq), meta.chainTag, u64(plainLength)]);
}

function chunkAad(header: Buffer, index: number, final: boolean): Buffer {
  return Buffer.concat([header, u32(index), Buffer.from([final ? 1 : 0])]);
}

/** Yields the stream's bytes piece by piece: the header, then one buffer per chunk. */
export function* encryptStream(key: Buffer, meta: StreamMeta, plain: Uint8Array): Generator<Buffer> {
  const header = streamHeader(meta, plain.length);
  yield header;
  const n = chunkCount(plain.length);
  for (let i = 0; i < n; i++) {
    const part = plain.subarray(i * CHUNK_BYTES, Math.min(plain.length, (i + 1) * CHUNK_BYTES));
    const s = seal(key, part, chunkAad(header, i, i === n - 1));
    yield s.nonce; // written piece by piece: no extra copy of each chunk
    yield s.ciphertext;
    yield s.tag;
  }
}

/** Writes the whole stream to `fd` from `position` (synchronous). Returns bytes written. */
export function writeStreamSync(fd: number, position: number, key: Buffer, meta: StreamMeta, plain: Uint8Array): number {
  let pos = position;
  for (const piece of encryptStream(key, meta, plain)) {
    writeAllAt(fd, piece, pos);
    pos += piece.length;
  }
  return pos - position;
}

export type ReadAt = (position: number, length: number) => Buffer | Promise<Buffer>;

export interface DecryptedStream extends StreamMeta {
  plain: Uint8Array;
}

interface Expect {
  kind: number;
  registerId: Buffer;
  what: string;
}

function parseStreamHeader(header: Buffer, available: number, expect: Expect): { meta: StreamMeta; plainLength: number } {
  if (header.length !== STREAM_HEADER_BYTES || !header.subarray(0, 4).equals(STREAM_MAGIC)) throw damaged(expect.what);
  let o = 4;
  const kind = header[o++];
  const registerId = header.subarray(o, o + REGISTER_ID_BYTES);
  o += REGISTER_ID_BYTES;
  const seq = readU64(header, o);
  o += 8;
  const chainTag = Buffer.from(header.subarray(o, o + TAG_BYTES));
  o += TAG_BYTES;
  const plainLength = readU64(header, o);
  if (kind !== expect.kind || !registerId.equals(expect.registerId)) throw damaged(expect.what);
  if (!Number.isFinite(seq) || !Number.isFinite(plainLength) || streamLength(plainLength) !== available) {
    throw damaged(expect.what);
  }
  return { meta: { kind, registerId: Buffer.from(registerId), seq, chainTag }, plainLength };
}

/**
 * Reads, verifies and decrypts a stream of exactly `available` bytes starting at `start`.
 * Throws 'damaged' (and wipes the partial plaintext) on any failure.
 */
export async function decryptStream(
  readAt: ReadAt,
  start: number,
  available: number,
  key: Buffer,
  expect: Expect,
  onProgress?: (fraction: number) => void,
): Promise<DecryptedStream> {
  if (available < STREAM_HEADER_BYTES) throw damaged(expect.what);
  const header = Buffer.from(await readAt(start, STREAM_HEADER_BYTES)); // readAt may reuse its buffer
  const { meta, plainLength } = parseStreamHeader(header, available, expect);
  const plain = new Uint8Array(plainLength);
  const n = chunkCount(plainLength);
  let pos = start + STREAM_HEADER_BYTES;
  for (let i = 0; i < n; i++) {
    const len = Math.min(CHUNK_BYTES, plainLength - i * CHUNK_BYTES);
    const chunk = await readAt(pos, NONCE_BYTES + len + TAG_BYTES);
    pos += chunk.length;
    const ok = openInto(
      key,
      chunk.subarray(0, NONCE_BYTES),
      chunk.subarray(NONCE_BYTES, NONCE_BYTES + len),
      chunk.subarray(NONCE_BYTES + len),
      chunkAad(header, i, i === n - 1),
      plain,
      i * CHUNK_BYTES,
    );
    if (!ok) {
      plain.fill(0);
      throw damaged(expect.what);
    }
    onProgress?.((i + 1) / n);
  }
  return { ...meta, plain };
}

/** A ReadAt over an open file descriptor. Reuses one scratch buffer: each result is valid until the next call. */
export function fdReader(fd: number): ReadAt {
  let scratch = Buffer.alloc(0);
  return (position: number, length: number): Buffer => {
    if (scratch.length < length) scratch = Buffer.alloc(length);
    const b = scratch.subarray(0, length);
    let got = 0;
    while (got < length) {
      const r = fs.readSync(fd, b, got, length - got, position + got);
      if (r === 0) break;
      got += r;
    }
    return b.subarray(0, got);
  };
}

/**
 * Writes a snapshot file atomically, encrypted straight from the database's own image (the
 * image is lent for the write and not kept): no second copy of the register in memory.
 */
export function writeSnapshotFile(target: string, key: Buffer, meta: StreamMeta, withImage: (use: (plain: Uint8Array) => void) => void): void {
  withImage((plain) =>
    writeAtomicWith(target, (fd) => {
      writeStreamSync(fd, 0, key, meta, plain);
    }),
  );
}
