import type { Reader } from '../db/types';
import { entryHash, GENESIS_HASH, readAuditRecords } from './log';
import type { AuditRecord } from './types';

// Verification walks the chain from the first entry and names the FIRST place it
// breaks. What it can prove: nothing before the last entry was altered, removed, added
// or moved without rewriting every later hash. Removing entries from the very end, or a
// full rewrite of the chain by someone holding the key, needs an outside anchor: keep the
// last hash this prints (e.g. in the IG lead's own records) and compare later.

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; firstBroken: { seq: number; reason: string } };

/**
 * Checks an entry's signature against the signing keys its author has had in the signed
 * membership (the vault's checkAuditSignature): 'signed', 'bad' or 'unknown' author.
 */
export type SignatureCheck = (userName: string, hash: string, signature: string) => 'signed' | 'bad' | 'unknown';

export function verifyAuditRecords(records: readonly AuditRecord[], checkSignature?: SignatureCheck): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let signedFrom: number | null = null;
  const broken = (seq: number, reason: string): ChainVerdict => ({ ok: false, entries: records.length, firstBroken: { seq, reason } });
  for (let i = 0; i < records.length; i++) {
    const rec = records[i] as AuditRecord;
    const expected = i + 1;
    if (rec.seq !== expected) {
      return rec.seq > expected
        ? broken(expected, `Entry ${expected} is missing: the audit trail jumps from entry ${expected - 1} to entry ${rec.seq}.`)
        : broken(expected, `Entry ${expected} is out of order: entry ${rec.seq} appears again after entry ${expected - 1}.`);
    }
    const computed = entryHash(rec);
    if (rec.prevHash !== prevHash) {
      // An entry whose own hash still matches but whose link does not was moved, or an
      // entry before it was removed or added.
      return broken(
        expected,
        expected === 1
          ? 'Entry 1 is not the start of the audit trail: entries before it have been removed.'
          : `Entry ${expected} does not follow entry ${expected - 1}: an entry between them has been removed, added or moved.`,
      );
    }
    if (computed !== rec.hash) {
      const next = records[i + 1];
      const onlyHashChanged = next !== undefined && next.prevHash === computed;
      return broken(
        expected,
        onlyHashChanged
          ? `Entry ${expected} has been altered: its stored hash has been changed.`
          : `Entry ${expected} has been altered: its contents no longer match its hash.`,
      );
    }
    if (checkSignature !== undefined) {
      // Entries made before the register's upgrade to format 2 carry no signature; from the
      // first signed entry on, every entry must be signed by its own author. A valid hash
      // chain is not enough: anyone with the data key could re-hash it, only the author can sign.
      const sig = rec.signature ?? null;
      if (sig === null && signedFrom !== null) return broken(expected, `Entry ${expected} is not signed: every entry after entry ${signedFrom} must be signed by the person who made it.`);
      if (sig !== null) {
        signedFrom ??= expected;
        const verdict = checkSignature(rec.actorUserName, rec.hash, sig);
        if (verdict === 'unknown') return broken(expected, `Entry ${expected} is signed in the name of ${rec.actorUserName}, who is not a member of this register.`);
        if (verdict === 'bad') return broken(expected, `Entry ${expected} is not signed by ${rec.actorUserName}: it has been written or re-written by someone else.`);
      }
    }
    prevHash = rec.hash;
  }
  return { ok: true, entries: records.length, lastHash: prevHash };
}

/** Verifies the whole audit log of a register. */
export function verifyAuditChain(r: Reader, checkSignature?: SignatureCheck): ChainVerdict {
  return verifyAuditRecords(readAuditRecords(r), checkSignature);
}
