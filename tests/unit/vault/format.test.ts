import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, STREAM_KIND_SNAPSHOT, ZERO_TAG } from '../../../src/main/vault/format';
import { encodeRecord, scanJournal, type Statement } from '../../../src/main/vault/journal';
import { decryptStream, encryptStream, streamLength } from '../../../src/main/vault/snapshot';
import { parseHeader, serializeHeader } from '../../../src/main/vault/header';
import { TEST_KDF } from '../../support/kdf';

const key = randomBytes(32);
const registerId = randomBytes(16);

const sqlValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
  fc.constant(null),
  fc.uint8Array({ maxLength: 64 }),
);
const statement: fc.Arbitrary<Statement> = fc.tuple(
  fc.string(),
  // Named parameters are SQLite parameter names (':name', '@name', '$name'); the Writer refuses any other key.
  fc.oneof(fc.constant(null), fc.array(sqlValue, { maxLength: 5 }), fc.dictionary(fc.stringMatching(/^[:@$][A-Za-z_][A-Za-z0-9_]{0,12}$/), sqlValue)),
);

describe('journal records', () => {
  it('round-trip statements and params exactly, in order, chained', () => {
    fc.assert(
      fc.property(fc.array(fc.array(statement, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (commits) => {
        let prev: Buffer = ZERO_TAG;
        const parts: Buffer[] = [];
        commits.forEach((stmts, i) => {
          const r = encodeRecord(key, registerId, 10 + i + 1, prev, stmts);
          parts.push(r.bytes);
          prev = r.tag;
        });
        const scan = scanJournal(Buffer.concat(parts), key, registerId, 10, ZERO_TAG, 'j');
        expect(scan.torn).toBe(false);
        expect(scan.lastTag.equals(prev)).toBe(true);
        expect(scan.entries.map((e) => e.statements)).toEqual(commits);
      }),
      { numRuns: 100 },
    );
  });
});

describe('encrypted stream', () => {
  const sizes = [0, 1, 1000, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 2 * CHUNK_BYTES + 17];
  for (const size of sizes) {
    it(`round-trips ${size} bytes across chunk boundaries`, async () => {
      const plain = randomBytes(size);
      const meta = { kind: STREAM_KIND_SNAPSHOT, registerId, seq: 42, chainTag: randomBytes(16) };
      const bytes = Buffer.concat([...encryptStream(key, meta, plain)]);
      expect(bytes.length).toBe(streamLength(size));
      const dec = await decryptStream((p, l) => bytes.subarray(p, p + l), 0, bytes.length, key, {
        kind: STREAM_KIND_SNAPSHOT,
        registerId,
        what: 's',
      });
      expect(Buffer.from(dec.plain).equals(plain)).toBe(true);
      expect(dec.seq).toBe(42);
      expect(dec.chainTag.equals(meta.chainTag)).toBe(true);
    });
  }

  it('refuses swapped chunks', async () => {
    const plain = randomBytes(3 * CHUNK_BYTES);
    const pieces = [...encryptStream(key, { kind: 1, registerId, seq: 1, chainTag: ZERO_TAG }, plain)];
    const swapped = Buffer.concat([pieces[0]!, pieces[2]!, pieces[1]!, pieces[3]!]);
    await expect(
      decryptStream((p, l) => swapped.subarray(p, p + l), 0, swapped.length, key, { kind: 1, registerId, what: 's' }),
    ).rejects.toMatchObject({ code: 'damaged' });
  });
});

describe('header', () => {
  it('refuses a header from a newer file format with a clear message', () => {
    const bytes = serializeHeader(
      { registerId: registerId.toString('hex'), generation: 1, kdf: TEST_KDF, slots: [], users: '' },
      key,
    );
    const raw = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    raw.formatVersion = 2;
    expect(() => parseHeader(Buffer.from(JSON.stringify(raw)))).toThrow(
      expect.objectContaining({ code: 'too_new', message: expect.stringMatching(/newer version of MAPPA Register \(file format 2\)/) }),
    );
  });
});
