import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MappaError } from '../../../src/shared/errors';
import { appendAudit, entryHash, readAuditRecords, type AuditActor } from '../../../src/main/audit';
import {
  checkReceipt,
  checkReceiptRecords,
  formatReceipt,
  makeReceipt,
  parseReceipt,
  receiptFileName,
  type AuditReceipt,
} from '../../../src/main/audit/receipt';
import { memoryRegister, nextTime, type MemoryRegister } from '../../support/memoryRegister';

const REGISTER = '0f'.repeat(16);
const IG_LEAD = 'Ingrid Governance';
const actor: AuditActor = { userId: null, userName: IG_LEAD, role: null, officeId: null, agency: null };

const open: MemoryRegister[] = [];
afterEach(() => {
  for (const m of open.splice(0)) m.close();
});

async function aRegisterWithEntries(count: number): Promise<MemoryRegister> {
  const m = await memoryRegister();
  open.push(m);
  addEntries(m, count);
  return m;
}

function addEntries(m: MemoryRegister, count: number): void {
  for (let i = 0; i < count; i++) m.commit((w) => appendAudit(w, { actor, action: 'subject_view', subjectId: `s-${i}` }, nextTime()));
}

function aReceipt(overrides: Partial<AuditReceipt> = {}): AuditReceipt {
  return {
    format: 'MAPPA audit receipt',
    version: 1,
    registerId: REGISTER,
    seq: 3317,
    hash: 'ab'.repeat(32),
    entries: 3317,
    madeAt: '2026-11-25T14:03:00.000Z',
    madeBy: IG_LEAD,
    ...overrides,
  };
}

/** A receipt file with any contents and a correct checksum, so the field checks are reached. */
function withChecksum(contents: unknown): string {
  const body = JSON.stringify(contents, null, 2);
  return `${body}\nSHA-256: ${createHash('sha256').update(body, 'utf8').digest('hex')}\n`;
}

function refusal(fn: () => unknown): MappaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MappaError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** What someone holding the key does to hide a change: alter entry `seq` and re-hash every entry after it. */
function rewriteFrom(m: MemoryRegister, seq: number): void {
  const records = readAuditRecords(m.reader);
  let prev = records[seq - 2]?.hash ?? '0'.repeat(64);
  const statements: [string, (string | number)[]][] = [];
  for (const rec of records.filter((r) => r.seq >= seq)) {
    const subjectId = rec.seq === seq ? 's-someone-else' : rec.subjectId;
    const hash = entryHash({ ...rec, subjectId, prevHash: prev });
    statements.push(['UPDATE audit_log SET subject_id = ?, prev_hash = ?, hash = ? WHERE seq = ?', [subjectId ?? '', prev, hash, rec.seq]]);
    prev = hash;
  }
  m.tamper(statements);
}

describe('making a receipt of the audit log', () => {
  it('records the last entry, its hash, the number of entries, when and by whom', async () => {
    const m = await aRegisterWithEntries(5);
    const last = readAuditRecords(m.reader).at(-1);
    const { receipt } = makeReceipt(m.reader, { registerId: REGISTER, madeBy: IG_LEAD, at: '2026-11-25T14:03:00.000Z' });
    expect(receipt).toEqual(aReceipt({ seq: 5, entries: 5, hash: last?.hash }));
  });

  it('writes the documented format: the JSON, then a line with the SHA-256 of every line before it', async () => {
    const m = await aRegisterWithEntries(2);
    const { text, receipt } = makeReceipt(m.reader, { registerId: REGISTER, madeBy: IG_LEAD, at: '2026-11-25T14:03:00.000Z' });
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(0, -2).join('\n');
    expect(JSON.parse(body)).toEqual(receipt);
    expect(lines.at(-2)).toBe(`SHA-256: ${createHash('sha256').update(body).digest('hex')}`);
    expect(formatReceipt(receipt)).toBe(text);
  });

  it('suggests a file name by the London day it was made', () => {
    expect(receiptFileName(aReceipt({ madeAt: '2026-06-05T23:30:00.000Z' }))).toBe('mappa-audit-receipt-2026-06-06-entry-3317.txt');
  });

  it('refuses to make a receipt of an empty log', async () => {
    const m = await aRegisterWithEntries(0);
    const e = refusal(() => makeReceipt(m.reader, { registerId: REGISTER, madeBy: IG_LEAD, at: nextTime() }));
    expect(e.code).toBe('audit_empty');
    expect(e.message).toBe('The audit log has no entries yet, so there is nothing to make a receipt of.');
  });

  it('refuses to vouch for a broken chain, naming the entry', async () => {
    const m = await aRegisterWithEntries(4);
    m.tamper([["UPDATE audit_log SET subject_id = 's-other' WHERE seq = 2"]]);
    const e = refusal(() => makeReceipt(m.reader, { registerId: REGISTER, madeBy: IG_LEAD, at: nextTime() }));
    expect(e.code).toBe('audit_broken');
    expect(e.message).toBe('A receipt cannot be made while the audit log is broken. Entry 2 has been altered: its contents no longer match its hash.');
  });
});

const receiptArb: fc.Arbitrary<AuditReceipt> = fc
  .record({
    registerId: fc.uint8Array({ minLength: 16, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
    seq: fc.integer({ min: 1, max: 10_000_000 }),
    hash: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
    madeAt: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    madeBy: fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }).filter((s) => s.trim() !== '' && s.length <= 200),
  })
  .map((r) => ({ format: 'MAPPA audit receipt', version: 1, entries: r.seq, ...r }));

describe('reading a receipt', () => {
  it('reads back any receipt it wrote (property)', () => {
    fc.assert(
      fc.property(receiptArb, (receipt) => {
        expect(parseReceipt(formatReceipt(receipt))).toEqual(receipt);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses any changed byte, or reads back the same receipt (property)', () => {
    fc.assert(
      fc.property(
        receiptArb.chain((r) => fc.tuple(fc.constant(r), fc.nat({ max: Buffer.byteLength(formatReceipt(r)) - 1 }), fc.integer({ min: 1, max: 255 }))),
        ([receipt, at, flip]) => {
          const bytes = Buffer.from(formatReceipt(receipt), 'utf8');
          bytes[at] = (bytes[at] as number) ^ flip;
          let read: AuditReceipt | undefined;
          try {
            read = parseReceipt(bytes.toString('utf8'));
          } catch (e) {
            expect(e).toBeInstanceOf(MappaError);
            expect((e as MappaError).code).toBe('receipt_invalid');
            return;
          }
          expect(read).toEqual(receipt);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('still reads a receipt that passed through Windows or email: CRLF line endings, a byte-order mark, no last newline', () => {
    const text = formatReceipt(aReceipt());
    expect(parseReceipt(text.replace(/\n/g, '\r\n'))).toEqual(aReceipt());
    expect(parseReceipt(`\uFEFF${text}`)).toEqual(aReceipt());
    expect(parseReceipt(text.trimEnd())).toEqual(aReceipt());
  });

  it.each([
    ['a file with no checksum line', () => JSON.stringify(aReceipt()), /Its last line must be "SHA-256:" followed by 64 hex digits/],
    ['an empty file', () => '', /Its last line must be "SHA-256:"/],
    ['a receipt cut short', () => formatReceipt(aReceipt()).slice(0, 120), /Its last line must be "SHA-256:"/],
    ['a receipt whose entry number was changed', () => formatReceipt(aReceipt()).replace('"seq": 3317', '"seq": 3316'), /checksum does not match its contents/],
    ['contents that are not JSON', () => withChecksum('x').replace('"x"', 'not json'), /checksum/],
  ])('refuses %s', (_label, text, message) => {
    const e = refusal(() => parseReceipt(text()));
    expect(e.code).toBe('receipt_invalid');
    expect(e.message).toMatch(/^This receipt cannot be used\. /);
    expect(e.message).toMatch(message);
  });

  it('refuses contents that are not JSON, with a checksum that matches them', () => {
    const body = 'not json';
    const text = `${body}\nSHA-256: ${createHash('sha256').update(body).digest('hex')}`;
    expect(refusal(() => parseReceipt(text)).message).toBe('This receipt cannot be used. Its contents are not valid JSON.');
  });

  it.each<[string, unknown, string, string]>([
    ['not a receipt', { ...aReceipt(), format: 'something else' }, 'format', 'This is not a MAPPA audit receipt.'],
    ['from a newer version', { ...aReceipt(), version: 2 }, 'version', 'This receipt was made by a newer version of MAPPA Register: update the app to check it.'],
    ['of an unknown version', { ...aReceipt(), version: 0 }, 'version', 'The receipt\'s version must be 1.'],
    ['with a register id that is not hex', { ...aReceipt(), registerId: 'REGISTER' }, 'registerId', 'The register id must be the register’s id in lower-case hex.'],
    ['with an entry number that is not whole', { ...aReceipt(), seq: 1.5 }, 'seq', 'The entry number (seq) must be a whole number.'],
    ['with an entry number of 0', { ...aReceipt(), seq: 0, entries: 1 }, 'seq', 'The entry number (seq) must be at least 1.'],
    ['with an entry number as text', { ...aReceipt(), seq: '3317' }, 'seq', 'The entry number (seq) must be a number.'],
    ['with a short hash', { ...aReceipt(), hash: 'ab'.repeat(31) }, 'hash', 'The hash must be 64 lower-case hex digits (a SHA-256).'],
    ['with a number of entries unlike its entry number', { ...aReceipt(), entries: 3316 }, 'entries', 'The number of entries must equal the entry number (seq): entry N is the Nth entry.'],
    ['with a time that is not ISO-8601 UTC', { ...aReceipt(), madeAt: '25/11/2026 14:03' }, 'madeAt', 'The time the receipt was made (madeAt) must be an ISO-8601 UTC time, such as 2026-11-25T14:03:00.000Z.'],
    ['with a time that does not exist', { ...aReceipt(), madeAt: '2026-02-30T25:61:00.000Z' }, 'madeAt', 'The time the receipt was made (madeAt) is not a real date and time.'],
    ['naming nobody', { ...aReceipt(), madeBy: '  ' }, 'madeBy', 'The receipt must name who made it (madeBy).'],
    ['with a maker’s name of 201 characters', { ...aReceipt(), madeBy: 'x'.repeat(201) }, 'madeBy', 'Who made the receipt (madeBy) must be at most 200 characters.'],
    ['with a field this version does not know', { ...aReceipt(), trusted: true }, 'receipt', 'The receipt has a field this version does not know: trusted.'],
    ['that is a list, not an object', [aReceipt()], 'receipt', 'The receipt’s contents must be a JSON object.'],
  ])('refuses a receipt %s, naming the field', (_label, contents, field, message) => {
    const e = refusal(() => parseReceipt(withChecksum(contents)));
    expect(e.code).toBe('receipt_invalid');
    expect(e.message).toBe(`This receipt cannot be used. ${message}`);
    expect(e.fields).toEqual([{ field, message }]);
  });

  it('lists every problem at once', () => {
    const { madeBy: _m, ...noMaker } = aReceipt();
    const e = refusal(() => parseReceipt(withChecksum({ ...noMaker, hash: 'x', seq: -1, entries: -1 })));
    expect(e.fields?.map((f) => f.field)).toEqual(['seq', 'hash', 'entries', 'madeBy']);
  });
});

describe('checking a register against a receipt', () => {
  async function withReceipt(count: number): Promise<{ m: MemoryRegister; receipt: AuditReceipt }> {
    const m = await aRegisterWithEntries(count);
    const { text } = makeReceipt(m.reader, { registerId: REGISTER, madeBy: IG_LEAD, at: '2026-11-25T14:03:00.000Z' });
    return { m, receipt: parseReceipt(text) };
  }

  it('matches while the log has only grown since', async () => {
    const { m, receipt } = await withReceipt(6);
    addEntries(m, 3);
    expect(checkReceipt(m.reader, REGISTER, receipt)).toEqual({ ok: true, message: `Matches the receipt of 25 November 2026 at 14:03: entry 6 has the hash ${receipt.hash}.` });
  });

  it('finds entries cut from the end, or an older copy put back: the entry is missing', async () => {
    const { m, receipt } = await withReceipt(6);
    const olderCopy = readAuditRecords(m.reader).slice(0, 4);
    expect(checkReceiptRecords(olderCopy, REGISTER, receipt)).toEqual({
      ok: false,
      code: 'entry_missing',
      message:
        'Does not match the receipt of 25 November 2026 at 14:03: entry 6 is not in this register’s audit log, which ends at entry 4. ' +
        'The log has been cut, or the register rolled back to an earlier copy.',
    });
    m.tamper([['DELETE FROM audit_log WHERE seq > 5']]);
    expect(checkReceipt(m.reader, REGISTER, receipt)).toMatchObject({ ok: false, code: 'entry_missing' });
    expect(checkReceiptRecords([], REGISTER, receipt)).toMatchObject({ message: expect.stringContaining('which has no entries.') });
  });

  it('finds a log rewritten by someone holding the key: the chain verifies but the entry’s hash differs', async () => {
    const { m, receipt } = await withReceipt(6);
    rewriteFrom(m, 3);
    const now = readAuditRecords(m.reader).at(-1)?.hash;
    expect(checkReceipt(m.reader, REGISTER, receipt)).toEqual({
      ok: false,
      code: 'hash_differs',
      message:
        `Does not match the receipt of 25 November 2026 at 14:03: entry 6 has the hash ${now}, but the receipt has ${receipt.hash}. ` +
        'The audit log has been altered or rewritten since the receipt was made.',
    });
  });

  it('names an entry altered before the receipt’s entry', async () => {
    const { m, receipt } = await withReceipt(6);
    m.tamper([["UPDATE audit_log SET subject_id = 's-other' WHERE seq = 2"]]);
    expect(checkReceipt(m.reader, REGISTER, receipt)).toEqual({
      ok: false,
      code: 'chain_broken',
      message:
        'Does not match the receipt of 25 November 2026 at 14:03: the audit log is broken before entry 6. Entry 2 has been altered: its contents no longer match its hash.',
    });
  });

  it('does not judge entries after the receipt’s entry (verify does that)', async () => {
    const { m, receipt } = await withReceipt(4);
    addEntries(m, 2);
    m.tamper([["UPDATE audit_log SET subject_id = 's-other' WHERE seq = 6"]]);
    expect(checkReceipt(m.reader, REGISTER, receipt)).toMatchObject({ ok: true });
  });

  it('refuses a receipt of another register', async () => {
    const { m, receipt } = await withReceipt(2);
    expect(checkReceipt(m.reader, 'aa'.repeat(16), receipt)).toEqual({
      ok: false,
      code: 'other_register',
      message: `This receipt is of another register (id ${'0f'.repeat(6)}…), not this one (id ${'aa'.repeat(6)}…).`,
    });
  });
});
