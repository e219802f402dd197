import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendAudit,
  AUDIT_ACTIONS,
  type AuditActor,
  type AuditInput,
  canonicalJson,
  GENESIS_HASH,
  readAuditRecords,
  verifyAuditChain,
} from '../../../src/main/audit';
import { entryHash } from '../../../src/main/audit/log';
import type { AuditRecord } from '../../../src/main/audit/types';
import { type MemoryRegister, memoryRegister, nextTime } from '../../support/memoryRegister';

const open: MemoryRegister[] = [];
afterEach(() => {
  for (const m of open.splice(0)) m.close();
});
async function register(): Promise<MemoryRegister> {
  const m = await memoryRegister();
  open.push(m);
  return m;
}

const ACTORS: AuditActor[] = [
  { userId: 'u-1', userName: 'Priya Police', role: 'representative', officeId: 'o-1', agency: 'police' },
  { userId: 'u-2', userName: 'Owen Probation', role: 'chair', officeId: 'o-2', agency: 'probation' },
  { userId: null, userName: 'Ada Administrator', role: null, officeId: null, agency: null },
];

const anAct: fc.Arbitrary<AuditInput> = fc.record({
  actor: fc.constantFrom(...ACTORS),
  action: fc.constantFrom(...AUDIT_ACTIONS),
  subjectId: fc.option(fc.uuid(), { nil: null }),
  itemIds: fc.array(fc.uuid(), { maxLength: 3 }),
  // any UTF-16, lone surrogates included: what is stored must read back exactly as hashed
  reason: fc.option(fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }), { nil: null }),
  details: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string({ maxLength: 20, unit: 'binary' }), fc.integer(), fc.boolean(), fc.constant(null)), {
    maxKeys: 3,
  }),
});

/** Appends the acts in commits of one to three entries, as the service would. */
function appendAll(m: MemoryRegister, acts: readonly AuditInput[]): void {
  for (let i = 0; i < acts.length; ) {
    const batch = acts.slice(i, i + 1 + (i % 3));
    m.commit((w) => batch.forEach((a) => appendAudit(w, a, nextTime())));
    i += batch.length;
  }
}

const COLUMN_OF: Record<string, string> = {
  at: 'at',
  actorUserName: 'actor_user_name',
  actorRole: 'actor_role',
  actorOfficeId: 'actor_office_id',
  action: 'action',
  subjectId: 'subject_id',
  itemIds: 'item_ids',
  reason: 'reason',
  details: 'details',
  prevHash: 'prev_hash',
};

type Tamper =
  | { kind: 'alter'; seq: number; field: keyof typeof COLUMN_OF }
  | { kind: 'remove'; seq: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'rehash'; seq: number }
  | { kind: 'insert'; seq: number };

function altered(rec: AuditRecord, field: string): string {
  const v = rec[field as keyof AuditRecord];
  if (field === 'prevHash') return 'a'.repeat(64);
  if (field === 'itemIds') return canonicalJson(['forged-item']);
  if (field === 'details') return canonicalJson({ forged: true });
  return `${typeof v === 'string' ? v : ''}x`;
}

const SWAP_COLUMNS = ['at', 'actor_user_id', 'actor_user_name', 'actor_role', 'actor_office_id', 'actor_agency', 'action', 'subject_id', 'item_ids', 'reason', 'details', 'prev_hash', 'hash'];
const SWAP_KEYS: (keyof AuditRecord)[] = ['at', 'actorUserId', 'actorUserName', 'actorRole', 'actorOfficeId', 'actorAgency', 'action', 'subjectId', 'itemIds', 'reason', 'details', 'prevHash', 'hash'];

/** Applies the tampering below the triggers and returns the first seq verify must name. */
function applyTamper(m: MemoryRegister, t: Tamper): number {
  const records = readAuditRecords(m.reader);
  const rec = (seq: number): AuditRecord => records[seq - 1] as AuditRecord;
  switch (t.kind) {
    case 'alter':
      m.tamper([[`UPDATE audit_log SET ${COLUMN_OF[t.field]} = ? WHERE seq = ?`, [altered(rec(t.seq), t.field), t.seq]]]);
      return t.seq;
    case 'remove':
      m.tamper([['DELETE FROM audit_log WHERE seq = ?', [t.seq]]]);
      return t.seq;
    case 'rehash':
      m.tamper([['UPDATE audit_log SET hash = ? WHERE seq = ?', ['b'.repeat(64), t.seq]]]);
      return t.seq;
    case 'swap': {
      const set = SWAP_COLUMNS.map((c) => `${c} = ?`).join(', ');
      const values = (r: AuditRecord) => SWAP_KEYS.map((k) => r[k] ?? null);
      m.tamper([
        ['UPDATE audit_log SET hash = ? WHERE seq = ?', ['f'.repeat(64), t.a]],
        [`UPDATE audit_log SET ${set} WHERE seq = ?`, [...values(rec(t.a)), t.b]],
        [`UPDATE audit_log SET ${set} WHERE seq = ?`, [...values(rec(t.b)), t.a]],
      ]);
      return Math.min(t.a, t.b);
    }
    case 'insert': {
      // A well-formed entry linked to its predecessor, later entries renumbered: the
      // inserted entry itself checks out, so the break shows at the entry after it.
      const before = rec(t.seq - 1);
      const forged = { ...before, seq: t.seq, at: before.at, reason: 'forged', prevHash: before.hash };
      const hash = entryHash(forged);
      m.tamper([
        ['UPDATE audit_log SET seq = seq + 1000000 WHERE seq >= ?', [t.seq]],
        ['UPDATE audit_log SET seq = seq - 1000000 + 1 WHERE seq >= 1000000'],
        [
          'INSERT INTO audit_log (seq, at, actor_user_id, actor_user_name, actor_role, actor_office_id, actor_agency, action, subject_id, item_ids, reason, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [forged.seq, forged.at, forged.actorUserId, forged.actorUserName, forged.actorRole, forged.actorOfficeId, forged.actorAgency, forged.action, forged.subjectId, forged.itemIds, forged.reason, forged.details, forged.prevHash, hash],
        ],
      ]);
      return t.seq + 1;
    }
  }
}

const aTamper = (n: number): fc.Arbitrary<Tamper> =>
  fc.oneof(
    fc.record({ kind: fc.constant('alter' as const), seq: fc.integer({ min: 1, max: n }), field: fc.constantFrom(...Object.keys(COLUMN_OF)) }),
    // Removing the very last entry cannot show in the chain itself (see verify.ts).
    fc.record({ kind: fc.constant('remove' as const), seq: fc.integer({ min: 1, max: n - 1 }) }),
    fc.record({ kind: fc.constant('rehash' as const), seq: fc.integer({ min: 1, max: n }) }),
    fc
      .tuple(fc.integer({ min: 1, max: n }), fc.integer({ min: 1, max: n }))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({ kind: 'swap' as const, a, b })),
    fc.record({ kind: fc.constant('insert' as const), seq: fc.integer({ min: 2, max: n }) }),
  );

describe('the audit log is a hash chain', () => {
  it('any sequence of acts gives a chain that verifies, numbered 1, 2, 3 ... without gaps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anAct, { minLength: 0, maxLength: 25 }), async (acts) => {
        const m = await register();
        appendAll(m, acts);
        const records = readAuditRecords(m.reader);
        expect(records.map((r) => r.seq)).toEqual(acts.map((_, i) => i + 1));
        expect(records[0]?.prevHash ?? GENESIS_HASH).toBe(GENESIS_HASH);
        const verdict = verifyAuditChain(m.reader);
        expect(verdict).toEqual({ ok: true, entries: acts.length, lastHash: records.at(-1)?.hash ?? GENESIS_HASH });
        m.close();
        open.splice(open.indexOf(m), 1);
      }),
      { numRuns: 40 },
    );
  });

  it('verification names exactly the first broken entry after any alteration, removal, swap, rehash or insertion', async () => {
    const withTamper = fc.array(anAct, { minLength: 3, maxLength: 15 }).chain((acts) => fc.tuple(fc.constant(acts), aTamper(acts.length)));
    await fc.assert(
      fc.asyncProperty(withTamper, async ([acts, tamper]) => {
        const m = await register();
        appendAll(m, acts);
        const expected = applyTamper(m, tamper);
        const verdict = verifyAuditChain(m.reader);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) expect(verdict.firstBroken.seq).toBe(expected);
        m.close();
        open.splice(open.indexOf(m), 1);
      }),
      { numRuns: 150 },
    );
  });

  it('says in a sentence what is wrong with the first broken entry', async () => {
    const m = await register();
    appendAll(m, Array.from({ length: 20 }, (_, i) => ({ actor: ACTORS[0] as AuditActor, action: 'subject_view' as const, subjectId: `s-${i}` })));
    m.tamper([["UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 17"]]);
    expect(verifyAuditChain(m.reader)).toEqual({
      ok: false,
      entries: 20,
      firstBroken: { seq: 17, reason: 'Entry 17 has been altered: its contents no longer match its hash.' },
    });
    m.tamper([["UPDATE audit_log SET reason = NULL WHERE seq = 17"], ['DELETE FROM audit_log WHERE seq = 9']]);
    expect(verifyAuditChain(m.reader)).toMatchObject({
      ok: false,
      firstBroken: { seq: 9, reason: 'Entry 9 is missing: the audit trail jumps from entry 8 to entry 10.' },
    });
  });

  it('a changed hash is reported as such', async () => {
    const m = await register();
    appendAll(m, Array.from({ length: 5 }, () => ({ actor: ACTORS[1] as AuditActor, action: 'lock' as const })));
    m.tamper([['UPDATE audit_log SET hash = ? WHERE seq = 3', ['c'.repeat(64)]]]);
    expect(verifyAuditChain(m.reader)).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: 'Entry 3 has been altered: its stored hash has been changed.' },
    });
  });

  it('the hash covers a canonical serialisation, so key order in details does not matter', async () => {
    const a = await register();
    const b = await register();
    const at = '2025-06-01T10:00:00.000Z';
    const actor = ACTORS[0] as AuditActor;
    const ra = a.commit((w) => appendAudit(w, { actor, action: 'export', details: { b: 1, a: 'x' } }, at));
    const rb = b.commit((w) => appendAudit(w, { actor, action: 'export', details: { a: 'x', b: 1 } }, at));
    expect(ra.hash).toBe(rb.hash);
    expect(canonicalJson({ z: [1, { y: null, b: true }], a: 'é' })).toBe('{"a":"é","z":[1,{"b":true,"y":null}]}');
  });

  it('refuses an entry whose details would carry register content', async () => {
    const m = await register();
    expect(() =>
      m.commit((w) => appendAudit(w, { actor: ACTORS[0] as AuditActor, action: 'item_edit', details: { value: 'x'.repeat(500) } }, nextTime())),
    ).toThrow(/identifiers and codes/);
    expect(() => m.commit((w) => appendAudit(w, { actor: ACTORS[0] as AuditActor, action: 'lock' }, 'yesterday'))).toThrow(/ISO-8601/);
    expect(readAuditRecords(m.reader)).toHaveLength(0);
  });
});

describe('the audit log is append-only in SQL too', () => {
  it('refuses UPDATE, DELETE and an insert that is not the next link, and nothing changes', async () => {
    const m = await register();
    appendAll(m, Array.from({ length: 4 }, () => ({ actor: ACTORS[0] as AuditActor, action: 'subject_view' as const, reason: 'Case management' })));
    const before = readAuditRecords(m.reader);
    expect(() => m.commit((w) => w.run("UPDATE audit_log SET reason = 'changed' WHERE seq = 2"))).toThrow(/cannot be changed/);
    expect(() => m.commit((w) => w.run('DELETE FROM audit_log WHERE seq = 4'))).toThrow(/cannot be removed/);
    expect(() => m.commit((w) => w.run('DELETE FROM audit_log'))).toThrow(/cannot be removed/);
    const last = before.at(-1) as AuditRecord;
    const insert = (seq: number, prev: string) =>
      m.commit((w) =>
        w.run(
          `INSERT INTO audit_log (seq, at, actor_user_name, action, item_ids, details, prev_hash, hash) VALUES (?, ?, 'x', 'lock', '[]', '{}', ?, ?)`,
          [seq, nextTime(), prev, 'd'.repeat(64)],
        ),
      );
    expect(() => insert(2, last.hash)).toThrow(/only be added at the end/);
    expect(() => insert(5, GENESIS_HASH)).toThrow(/only be added at the end/);
    expect(readAuditRecords(m.reader)).toEqual(before);
    expect(verifyAuditChain(m.reader)).toMatchObject({ ok: true, entries: 4 });
  });
});
