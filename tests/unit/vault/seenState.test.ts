import { generateKeyPairSync, randomBytes, sign as edSign, verify as edVerify } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  compareWithSeen,
  readSeen,
  recordSeen,
  SEEN_RECORD_DAMAGED_MESSAGE,
  seenFileName,
  type RegisterState,
  type SeenState,
  type SignSeen,
  type VerifySeen,
} from '../../../src/main/vault/seenState';

// Fault injection for the atomic write: a hook that may take over fs.writeSync.
type WriteSync = (...args: unknown[]) => number;
const faults = vi.hoisted(() => ({ writeSync: undefined as WriteSync | undefined, realWriteSync: undefined as WriteSync | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  faults.realWriteSync = actual.writeSync as WriteSync;
  const writeSync = (...args: unknown[]): number => (faults.writeSync ?? (actual.writeSync as WriteSync))(...args);
  return { ...actual, default: { ...actual, writeSync }, writeSync };
});

const made: string[] = [];
afterEach(() => {
  faults.writeSync = undefined;
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function settingsFolder(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mappa-test-seen-'));
  made.push(d);
  return d;
}

function aUserKey(): { sign: SignSeen; verify: VerifySeen } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    sign: (bytes) => edSign(null, bytes, privateKey),
    verify: (bytes, signature) => edVerify(null, bytes, publicKey, signature),
  };
}

const REGISTER = 'a1'.repeat(16);
const ADA = 'ad'.repeat(32);

function aState(overrides: Partial<SeenState> = {}): SeenState {
  return {
    registerId: REGISTER,
    keyGeneration: 1,
    seq: 1204,
    auditHead: { seq: 3317, hash: 'e3'.repeat(32) },
    membershipVersion: 0,
    at: '2026-11-25T14:03:00.000Z',
    by: ADA,
    ...overrides,
  };
}

function current(state: SeenState): RegisterState {
  const { at: _at, by: _by, ...rest } = state;
  return rest;
}

function fileOf(dir: string, registerId = REGISTER): string {
  return path.join(dir, seenFileName(registerId));
}

describe('this computer’s record of the newest state it has seen', () => {
  it('finds nothing on a computer that has never opened the register', () => {
    expect(readSeen(settingsFolder(), REGISTER, aUserKey().verify)).toEqual({ kind: 'none' });
    expect(readSeen(path.join(settingsFolder(), 'not yet made'), REGISTER, aUserKey().verify)).toEqual({ kind: 'none' });
  });

  it('reads back the state it recorded, from seen-<registerId>.json in the folder it was given', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    const other = 'b2'.repeat(16);
    expect(recordSeen(dir, aState(), key)).toEqual({ recorded: true });
    expect(recordSeen(dir, aState({ registerId: other, auditHead: null, seq: 3 }), key)).toEqual({ recorded: true });
    expect(fs.readdirSync(dir).sort()).toEqual([`seen-${REGISTER}.json`, `seen-${other}.json`]);
    expect(readSeen(dir, REGISTER, key.verify)).toEqual({ kind: 'seen', state: aState() });
    expect(readSeen(dir, other, key.verify)).toEqual({ kind: 'seen', state: aState({ registerId: other, auditHead: null, seq: 3 }) });
  });

  it('holds no user name: only the hash it was given', () => {
    const dir = settingsFolder();
    recordSeen(dir, aState(), aUserKey());
    const text = fs.readFileSync(fileOf(dir), 'utf8');
    expect(text).toContain(ADA);
    expect(text).not.toMatch(/Ada|Administrator/);
  });

  it('passes the verifier the member the record names, so the caller can choose their key', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    recordSeen(dir, aState(), key);
    const asked: string[] = [];
    readSeen(dir, REGISTER, (bytes, sig, by) => {
      asked.push(by);
      return key.verify(bytes, sig, by);
    });
    expect(asked).toEqual([ADA]);
  });

  it('moves only forward: a newer state replaces the record; an older one is refused and the record stays as it was', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    recordSeen(dir, aState(), key);
    const newer = aState({ seq: 1210, auditHead: { seq: 3320, hash: 'f0'.repeat(32) }, at: '2026-11-26T09:00:00.000Z' });
    expect(recordSeen(dir, newer, key)).toEqual({ recorded: true });
    const before = fs.readFileSync(fileOf(dir));
    const refused = recordSeen(dir, aState({ at: '2026-11-27T09:00:00.000Z' }), key);
    expect(refused).toMatchObject({ recorded: false, finding: { code: 'older_sequence' } });
    expect(fs.readFileSync(fileOf(dir))).toEqual(before);
    expect(readSeen(dir, REGISTER, key.verify)).toEqual({ kind: 'seen', state: newer });
  });

  it('records the same state again with the latest time it was seen', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    recordSeen(dir, aState(), key);
    expect(recordSeen(dir, aState({ at: '2026-12-01T10:00:00.000Z' }), key)).toEqual({ recorded: true });
    expect(readSeen(dir, REGISTER, key.verify)).toMatchObject({ kind: 'seen', state: { at: '2026-12-01T10:00:00.000Z' } });
  });

  it('replaces a newer record with an older one only when an administrator has decided (acceptOlder)', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    recordSeen(dir, aState(), key);
    const older = aState({ seq: 1190, auditHead: { seq: 3290, hash: '12'.repeat(32) } });
    expect(recordSeen(dir, older, key, { acceptOlder: true })).toEqual({ recorded: true });
    expect(readSeen(dir, REGISTER, key.verify)).toEqual({ kind: 'seen', state: older });
  });

  it('refuses a state that is not one it can record, and a register id that is not hex (no path outside the folder)', () => {
    const dir = settingsFolder();
    expect(() => recordSeen(dir, aState({ seq: -1 }), aUserKey())).toThrow(/seq/);
    expect(() => recordSeen(dir, aState({ by: 'Ada Administrator' }), aUserKey())).toThrow(/by/);
    expect(() => readSeen(dir, '../../etc/passwd', aUserKey().verify)).toThrow(/hex/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('a record that has been changed or damaged is reported, never ignored', () => {
  function damagedFinding(detail: RegExp): unknown {
    return { kind: 'damaged', finding: { code: 'seen_record_damaged', message: SEEN_RECORD_DAMAGED_MESSAGE, detail: expect.stringMatching(detail) } };
  }

  it('says so in words a user can act on', () => {
    expect(SEEN_RECORD_DAMAGED_MESSAGE).toBe(
      "This computer's record of the register has been changed or damaged, so it cannot tell whether this copy is older than the one it last opened. " +
        'Nothing has been written. An administrator must decide whether to open this copy.',
    );
  });

  it('reports a record whose numbers were raised or lowered by hand', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    recordSeen(dir, aState(), key);
    const outer = JSON.parse(fs.readFileSync(fileOf(dir), 'utf8')) as { body: string };
    outer.body = outer.body.replace('"seq":1204', '"seq":1');
    fs.writeFileSync(fileOf(dir), JSON.stringify(outer));
    expect(readSeen(dir, REGISTER, key.verify)).toEqual(damagedFinding(/signature/));
  });

  it('reports a record signed by a key other than the member’s', () => {
    const dir = settingsFolder();
    recordSeen(dir, aState(), aUserKey());
    expect(readSeen(dir, REGISTER, aUserKey().verify)).toEqual(damagedFinding(/signature/));
  });

  it('reports a verifier that throws as a signature that does not verify', () => {
    const dir = settingsFolder();
    recordSeen(dir, aState(), aUserKey());
    const throwing: VerifySeen = () => {
      throw new Error('no such member');
    };
    expect(readSeen(dir, REGISTER, throwing)).toEqual(damagedFinding(/signature/));
  });

  it('reports another register’s record put in this register’s place', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    const other = 'b2'.repeat(16);
    recordSeen(dir, aState({ registerId: other, seq: 1 }), key);
    fs.renameSync(fileOf(dir, other), fileOf(dir));
    expect(readSeen(dir, REGISTER, key.verify)).toEqual(damagedFinding(/another register/));
  });

  it.each([
    ['not JSON', (text: string) => `garbage ${text}`],
    ['cut short', (text: string) => text.slice(0, text.length / 2)],
    ['empty', () => ''],
    ['of a newer version', (text: string) => text.replace('"version": 1', '"version": 2')],
    ['with an extra field', (text: string) => text.replace('"version": 1', '"version": 1, "trusted": true')],
  ])('reports a record that is %s', (_label, change) => {
    const dir = settingsFolder();
    const key = aUserKey();
    recordSeen(dir, aState(), key);
    fs.writeFileSync(fileOf(dir), change(fs.readFileSync(fileOf(dir), 'utf8')));
    expect(readSeen(dir, REGISTER, key.verify)).toEqual(damagedFinding(/not a record/));
  });

  it('reports a record it cannot read at all (a folder in its place)', () => {
    const dir = settingsFolder();
    fs.mkdirSync(fileOf(dir));
    expect(readSeen(dir, REGISTER, aUserKey().verify)).toEqual(damagedFinding(/cannot be read/));
  });

  it('refuses to replace a damaged record unless an administrator has decided', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    fs.writeFileSync(fileOf(dir), '{"magic":"MAPPA-SEEN"');
    expect(recordSeen(dir, aState(), key)).toMatchObject({ recorded: false, finding: { code: 'seen_record_damaged' } });
    expect(fs.readFileSync(fileOf(dir), 'utf8')).toBe('{"magic":"MAPPA-SEEN"');
    expect(recordSeen(dir, aState(), key, { acceptOlder: true })).toEqual({ recorded: true });
    expect(readSeen(dir, REGISTER, key.verify)).toEqual({ kind: 'seen', state: aState() });
  });

  it('any changed byte in a record is reported, or changes nothing that is read (property)', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    recordSeen(dir, aState(), key);
    const original = fs.readFileSync(fileOf(dir));
    fc.assert(
      fc.property(fc.nat({ max: original.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const changed = Buffer.from(original);
        changed[at] = (changed[at] as number) ^ flip;
        fs.writeFileSync(fileOf(dir), changed);
        const read = readSeen(dir, REGISTER, key.verify);
        if (read.kind !== 'damaged') expect(read).toEqual({ kind: 'seen', state: aState() });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the record is written atomically', () => {
  it('a write that fails part-way leaves the previous record whole and no temp file', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    recordSeen(dir, aState(), key);
    const before = fs.readFileSync(fileOf(dir));
    // The disk fails after half of the new record is written.
    faults.writeSync = (fd, data, offset, length) => {
      (faults.realWriteSync as WriteSync)(fd, data, offset, Math.floor((length as number) / 2));
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    };
    expect(() => recordSeen(dir, aState({ seq: 1300, auditHead: { seq: 3400, hash: '77'.repeat(32) } }), key)).toThrow(
      /record of the register could not be saved/,
    );
    expect(fs.readdirSync(dir)).toEqual([seenFileName(REGISTER)]);
    expect(fs.readFileSync(fileOf(dir))).toEqual(before);
    expect(readSeen(dir, REGISTER, key.verify)).toEqual({ kind: 'seen', state: aState() });
  });

  it('never reads a temp file left by a crash, and removes it at the next record', () => {
    const dir = settingsFolder();
    const key = aUserKey();
    recordSeen(dir, aState(), key);
    const leftover = `${fileOf(dir)}.${randomBytes(6).toString('hex')}.tmp`;
    fs.writeFileSync(leftover, '{"magic":"MAPPA-SEEN","ver');
    expect(readSeen(dir, REGISTER, key.verify)).toEqual({ kind: 'seen', state: aState() });
    recordSeen(dir, aState({ seq: 1205 }), key);
    expect(fs.readdirSync(dir)).toEqual([seenFileName(REGISTER)]);
  });
});

// Generators: a seen state, and states strictly older or equal-or-newer than it.
const hash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const seenArb: fc.Arbitrary<SeenState> = fc.record({
  registerId: fc.constant(REGISTER),
  keyGeneration: fc.integer({ min: 1, max: 5 }),
  seq: fc.nat({ max: 10_000 }),
  auditHead: fc.option(fc.record({ seq: fc.integer({ min: 1, max: 5000 }), hash }), { nil: null }),
  membershipVersion: fc.nat({ max: 100 }),
  at: fc.constant('2026-11-25T14:03:00.000Z'),
  by: fc.constant(ADA),
});

function olderThan(seen: SeenState): fc.Arbitrary<RegisterState> {
  return fc
    .record({
      keyGeneration: fc.integer({ min: 1, max: seen.keyGeneration }),
      seqDown: fc.nat({ max: seen.seq }),
      seqAny: fc.nat({ max: 20_000 }),
      membershipVersion: fc.nat({ max: seen.membershipVersion }),
      audit: seen.auditHead === null ? fc.constant(null) : fc.option(fc.record({ seq: fc.integer({ min: 1, max: seen.auditHead.seq }), other: fc.boolean(), hash }), { nil: null }),
    })
    .map(({ keyGeneration, seqDown, seqAny, membershipVersion, audit }) => ({
      registerId: seen.registerId,
      keyGeneration,
      seq: keyGeneration === seen.keyGeneration ? seqDown : seqAny,
      membershipVersion,
      auditHead:
        audit === null || seen.auditHead === null
          ? null
          : audit.seq === seen.auditHead.seq && !audit.other
            ? seen.auditHead
            : { seq: audit.seq, hash: audit.hash },
    }))
    .filter((c) => !sameState(c, current(seen)));
}

function newerOrEqual(seen: SeenState): fc.Arbitrary<RegisterState> {
  return fc
    .record({
      keyUp: fc.nat({ max: 2 }),
      seqUp: fc.nat({ max: 50 }),
      seqAny: fc.nat({ max: 20_000 }),
      membershipUp: fc.nat({ max: 5 }),
      auditUp: fc.nat({ max: 50 }),
      newHash: hash,
    })
    .map(({ keyUp, seqUp, seqAny, membershipUp, auditUp, newHash }) => {
      const keyGeneration = seen.keyGeneration + keyUp;
      const seq = keyUp === 0 ? seen.seq + seqUp : seqAny;
      if (keyUp === 0 && seqUp === 0) return current(seen); // the same commits under the same keys: the same state
      const auditSeq = (seen.auditHead?.seq ?? 0) + auditUp;
      const auditHead = auditUp === 0 ? seen.auditHead : { seq: auditSeq, hash: newHash };
      return { registerId: seen.registerId, keyGeneration, seq, membershipVersion: seen.membershipVersion + membershipUp, auditHead };
    });
}

function sameState(a: RegisterState, b: RegisterState): boolean {
  return (
    a.keyGeneration === b.keyGeneration &&
    a.seq === b.seq &&
    a.membershipVersion === b.membershipVersion &&
    a.auditHead?.seq === b.auditHead?.seq &&
    a.auditHead?.hash === b.auditHead?.hash
  );
}

describe('compareWithSeen', () => {
  it('finds any state strictly older than the one this computer saw (property)', () => {
    fc.assert(
      fc.property(
        // The very first state (key set 1, nothing saved, no members' changes, no audit log) has
        // nothing older: olderThan could never find a different state, and would search forever.
        seenArb.filter((seen) => seen.keyGeneration > 1 || seen.seq > 0 || seen.membershipVersion > 0 || seen.auditHead !== null).chain((seen) => fc.tuple(fc.constant(seen), olderThan(seen))),
        ([seen, older]) => {
          const finding = compareWithSeen(seen, older);
          expect(finding).not.toBeNull();
          expect(finding?.message).toMatch(/^This copy of the register .* Nothing has been written\. An administrator must decide whether to open this copy\.$/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds nothing in the same state or a newer one (property)', () => {
    fc.assert(
      fc.property(
        seenArb.chain((seen) => fc.tuple(fc.constant(seen), newerOrEqual(seen))),
        ([seen, newer]) => {
          expect(compareWithSeen(seen, newer)).toBeNull();
          // The entry this computer saw is still there with its hash.
          expect(compareWithSeen(seen, newer, { auditHashAt: (s) => (s === seen.auditHead?.seq ? seen.auditHead.hash : null) })).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('says what was seen before and when, by London time, and what this copy has', () => {
    const finding = compareWithSeen(aState(), { ...current(aState()), seq: 1190, auditHead: { seq: 3290, hash: '12'.repeat(32) } });
    expect(finding?.code).toBe('older_sequence');
    expect(finding?.message).toBe(
      'This copy of the register is older than the one this computer last opened. On 25 November 2026 at 14:03 it had 1,204 saved changes and its audit log ended at entry 3,317; ' +
        'this copy has 1,190 and ends at entry 3,290. Nothing has been written. An administrator must decide whether to open this copy.',
    );
    const summer = compareWithSeen(aState({ at: '2026-06-05T23:30:00.000Z', seq: 1, auditHead: null }), { ...current(aState()), seq: 0, auditHead: null });
    expect(summer?.message).toContain('On 6 June 2026 at 00:30 it had 1 saved change and no audit entries; this copy has 0 and no audit entries.');
  });

  it('finds a journal cut at a record boundary: fewer saved changes under the same keys', () => {
    expect(compareWithSeen(aState(), { ...current(aState()), seq: 1203 })?.code).toBe('older_sequence');
  });

  it('finds a copy made before the keys were replaced, whatever its number of changes', () => {
    const finding = compareWithSeen(aState({ keyGeneration: 3 }), { ...current(aState()), keyGeneration: 2, seq: 5000 });
    expect(finding?.code).toBe('older_key_generation');
    expect(finding?.message).toContain('it was made before the register’s keys were last replaced');
    expect(finding?.message).toContain('On 25 November 2026 at 14:03 the register was on key set 3: it had 1,204 saved changes');
    expect(finding?.message).toContain('this copy is on key set 2.');
  });

  it('finds an older list of members, where removed people may be back', () => {
    const finding = compareWithSeen(aState({ membershipVersion: 12 }), { ...current(aState()), membershipVersion: 9, seq: 1300 });
    expect(finding?.code).toBe('older_membership');
    expect(finding?.message).toContain('On 25 November 2026 at 14:03 its list of members was at version 12; this copy’s is at version 9.');
  });

  it('finds audit entries cut from the end, even with more saved changes', () => {
    const finding = compareWithSeen(aState(), { ...current(aState()), seq: 1300, auditHead: { seq: 3300, hash: '12'.repeat(32) } });
    expect(finding?.code).toBe('older_audit_log');
    expect(finding?.message).toContain('entries have been removed from its end. On 25 November 2026 at 14:03 it had 1,204 saved changes and its audit log ended at entry 3,317; this copy has 1,300 and ends at entry 3,300.');
  });

  it('finds a forked copy: the same saved changes with a different audit head', () => {
    const finding = compareWithSeen(aState(), { ...current(aState()), auditHead: { seq: 3317, hash: '99'.repeat(32) } });
    expect(finding?.code).toBe('forked_copy');
    expect(finding?.message).toContain('two copies of the register have split');
    expect(finding?.message).toContain(`(entry 3,317 had the hash ${'e3'.repeat(8)}…); this copy has 1,204 and ends at entry 3,317, but its entry 3,317 has a different hash.`);
  });

  it('finds a copy that went on separately after the entry this computer saw, when asked about that entry', () => {
    const later = { ...current(aState()), seq: 1300, auditHead: { seq: 3400, hash: '55'.repeat(32) } };
    expect(compareWithSeen(aState(), later)).toBeNull();
    expect(compareWithSeen(aState(), later, { auditHashAt: () => '99'.repeat(32) })?.code).toBe('forked_copy');
    expect(compareWithSeen(aState(), later, { auditHashAt: () => null })?.code).toBe('forked_copy');
  });

  it('lets a re-keyed register start its count of saved changes again', () => {
    expect(compareWithSeen(aState(), { ...current(aState()), keyGeneration: 2, seq: 1 })).toBeNull();
  });

  it('refuses to compare two different registers', () => {
    expect(() => compareWithSeen(aState(), { ...current(aState()), registerId: 'b2'.repeat(16) })).toThrow(/different registers/);
  });
});
