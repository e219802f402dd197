// The open vault's side of rollback detection (seenState.ts): what the register is at
// now, and this computer's record of it, signed and checked with the members' own keys.
import { signBytes, verifyBytes } from './identity';
import { recordSeen, type RegisterState, type SignSeen, type VerifySeen } from './seenState';
import type { VaultState } from './vault';

const SEEN_SIGNATURE_LABEL = 'mappa v2 seen';

export function registerState(s: VaultState): RegisterState {
  let auditHead: { seq: number; hash: string } | null = null;
  try {
    auditHead = s.db.reader.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1') ?? null;
  } catch {
    auditHead = null; // before migration 3 there is no audit log
  }
  return { registerId: s.registerId.toString('hex'), keyGeneration: s.header.keyGeneration, seq: s.seq, auditHead, membershipVersion: s.membership.version };
}

export function auditHashAt(s: VaultState, seq: number): string | null {
  try {
    return s.db.reader.get<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = ?', [seq])?.hash ?? null;
  } catch {
    return null;
  }
}

export function seenKeys(s: VaultState): { sign: SignSeen; verify: VerifySeen } {
  return {
    sign: (bytes) => Buffer.from(signBytes(s.identity, SEEN_SIGNATURE_LABEL, bytes), 'base64'),
    verify: (bytes, signature, by) => {
      const m = s.membership.members.get(by);
      const sig = Buffer.from(signature).toString('base64');
      return m !== undefined && m.signKeys.some((k) => verifyBytes(k, SEEN_SIGNATURE_LABEL, bytes, sig));
    },
  };
}

export function rememberSeen(s: VaultState, acceptOlder: boolean): void {
  if (s.seenDir === undefined) return;
  try {
    recordSeen(s.seenDir, { ...registerState(s), at: s.clock().toISOString(), by: s.slotId }, seenKeys(s), { acceptOlder });
  } catch {
    // The record is a safeguard for the next open; failing to write it must not stop this one.
  }
}
