// Membership (format v2): who may open the register, their public keys, whether they
// administer it, and their role and office, as a chain of signed changes from the
// founder's genesis. Each change names the hash of the one before and is signed by the
// member who made it; a change to someone else's membership must be signed by a member
// who was an administrator at that point. The app reads roles and administrator rights
// only from here, so holding the data key (every member does) is not enough to change
// them: that needs an administrator's private key.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { damaged, VaultError } from './errors';
import { type Identity, type PublicKeys, signBytes, verifyBytes } from './identity';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(200);
const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));
const keysSchema = z.strictObject({ sign: b64, box: b64 });
const slotId = hex(64);

const changeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('genesis'), registerId: hex(32), converted: z.boolean(), member: z.strictObject({ slotId, keys: keysSchema }) }),
  z.strictObject({ kind: z.literal('add'), slotId, keys: keysSchema, administrator: z.boolean() }),
  /** A user of a register made before format 2, who gets their own keys at their next unlock. */
  z.strictObject({ kind: z.literal('pending'), slotId, administrator: z.boolean() }),
  /** A pending user's own keys, signed by those keys (they proved the passphrase by opening their old slot). */
  z.strictObject({ kind: z.literal('enrol'), slotId, keys: keysSchema }),
  /** New keys after a passphrase change, signed by the member's previous key. */
  z.strictObject({ kind: z.literal('keys'), slotId, keys: keysSchema }),
  z.strictObject({ kind: z.literal('administrator'), slotId, administrator: z.boolean() }),
  z.strictObject({ kind: z.literal('role'), slotId, role: z.string().min(1).max(40), officeId: z.string().min(1).max(100) }),
  z.strictObject({ kind: z.literal('remove'), slotId }),
  z.strictObject({ kind: z.literal('rekey'), keyGeneration: z.number().int().min(2) }),
]);
export type MembershipChange = z.infer<typeof changeSchema>;

export const membershipRecordSchema = z.strictObject({
  n: z.number().int().nonnegative(),
  prev: hex(64),
  at: z.string().max(40),
  by: slotId,
  change: changeSchema,
  sig: b64,
});
export type MembershipRecord = z.infer<typeof membershipRecordSchema>;

export interface Member {
  slotId: string;
  /** Current public keys; null while a pre-format-2 user has not yet unlocked to make theirs. */
  keys: PublicKeys | null;
  /** Every signing key this member has had, oldest first (entries they signed earlier stay verifiable). */
  signKeys: string[];
  administrator: boolean;
  role: string | null;
  officeId: string | null;
  active: boolean;
}

export interface MembershipState {
  registerId: string;
  /** Number of changes: goes up with every change, so a rolled-back header shows a lower number. */
  version: number;
  head: string;
  keyGeneration: number;
  members: Map<string, Member>;
}

const GENESIS_PREV = '0'.repeat(64);

/** Keys sorted, no spaces: the exact bytes a signature covers. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function signedBytes(registerId: string, r: Omit<MembershipRecord, 'sig'>): Buffer {
  return Buffer.from(`${registerId}\u0000${canonical({ n: r.n, prev: r.prev, at: r.at, by: r.by, change: r.change })}`, 'utf8');
}

export function recordHash(r: MembershipRecord): string {
  return createHash('sha256').update(canonical(r)).digest('hex');
}

/** A new register's id comes from its founder's signing key, so the genesis cannot be swapped for another founder's. */
export function registerIdFor(founderSignKey: string): string {
  return createHash('sha256').update('mappa v2 register\u0000').update(Buffer.from(founderSignKey, 'base64')).digest('hex').slice(0, 32);
}

const LABEL = 'mappa v2 membership';

export function makeRecord(registerId: string, previous: MembershipRecord | undefined, by: string, signer: Identity, change: MembershipChange, at: string): MembershipRecord {
  const body = { n: previous === undefined ? 0 : previous.n + 1, prev: previous === undefined ? GENESIS_PREV : recordHash(previous), at, by, change };
  return { ...body, sig: signBytes(signer, LABEL, signedBytes(registerId, body)) };
}

/**
 * Replays the chain, checking every link, signature and authority. Throws 'damaged'
 * naming the first change that fails, so a forged or reordered change is never half-used.
 */
export function verifyMembership(registerId: string, records: readonly MembershipRecord[]): MembershipState {
  const what = (n: number, why: string) => damaged(`the register's membership (change ${n + 1}: ${why})`);
  const members = new Map<string, Member>();
  let keyGeneration = 1;
  let prev = GENESIS_PREV;
  records.forEach((r, i) => {
    if (r.n !== i || r.prev !== prev) throw what(i, 'out of order');
    const c = r.change;
    const signer = members.get(r.by);
    const signedBy = (key: string | undefined) => key !== undefined && verifyBytes(key, LABEL, signedBytes(registerId, r), r.sig);
    const byAdministrator = () => signer !== undefined && signer.active && signer.administrator && signedBy(signer.keys?.sign);
    if (i === 0) {
      if (c.kind !== 'genesis' || c.registerId !== registerId || c.member.slotId !== r.by) throw what(i, 'not a genesis');
      if (!c.converted && registerIdFor(c.member.keys.sign) !== registerId) throw what(i, 'the founder does not match the register');
      if (!signedBy(c.member.keys.sign)) throw what(i, 'the signature does not verify');
      members.set(r.by, { slotId: r.by, keys: c.member.keys, signKeys: [c.member.keys.sign], administrator: true, role: null, officeId: null, active: true });
    } else {
      switch (c.kind) {
        case 'genesis':
          throw what(i, 'a second genesis');
        case 'add':
        case 'pending': {
          if (!byAdministrator()) throw what(i, 'not signed by an administrator');
          if (members.get(c.slotId)?.active) throw what(i, 'already a member');
          const keys = c.kind === 'add' ? c.keys : null;
          members.set(c.slotId, { slotId: c.slotId, keys, signKeys: keys ? [keys.sign] : [], administrator: c.administrator, role: null, officeId: null, active: true });
          break;
        }
        case 'enrol': {
          const m = members.get(c.slotId);
          if (!m || !m.active || m.keys !== null || r.by !== c.slotId || !signedBy(c.keys.sign)) throw what(i, 'not a pending member enrolling with their own key');
          m.keys = c.keys;
          m.signKeys.push(c.keys.sign);
          break;
        }
        case 'keys': {
          const m = members.get(c.slotId);
          const bySelf = r.by === c.slotId && m?.keys != null && signedBy(m.keys.sign);
          if (!m || !m.active || !(bySelf || byAdministrator())) throw what(i, 'new keys not signed by the member or an administrator');
          m.keys = c.keys;
          m.signKeys.push(c.keys.sign);
          break;
        }
        case 'administrator':
        case 'role':
        case 'remove': {
          const m = members.get(c.slotId);
          if (!byAdministrator()) throw what(i, 'not signed by an administrator');
          if (!m || !m.active) throw what(i, 'not a member');
          if (c.kind === 'administrator') m.administrator = c.administrator;
          else if (c.kind === 'role') {
            m.role = c.role;
            m.officeId = c.officeId;
          } else m.active = false;
          if (![...members.values()].some((x) => x.active && x.administrator)) throw what(i, 'no administrator would be left');
          break;
        }
        case 'rekey':
          // Any member who has been in the chain may sign a re-key (an administrator removing
          // themselves signs the re-key after their own removal); it grants nothing by itself.
          if (!(signer !== undefined && signer.signKeys.some((k) => signedBy(k)))) throw what(i, 'not signed by a member');
          if (c.keyGeneration !== keyGeneration + 1) throw what(i, 'key generations out of order');
          keyGeneration = c.keyGeneration;
          break;
      }
    }
    prev = recordHash(r);
  });
  if (records.length === 0) throw damaged("the register's membership (it is empty)");
  return { registerId, version: records.length, head: prev, keyGeneration, members };
}

/** Refuses a change the signer may not make, before anything is written (the same rules verify applies). */
export function appendChange(state: MembershipState, records: readonly MembershipRecord[], by: string, signer: Identity, change: MembershipChange, at: string): MembershipRecord[] {
  const next = [...records, makeRecord(state.registerId, records.at(-1), by, signer, change, at)];
  try {
    verifyMembership(state.registerId, next);
  } catch {
    throw new VaultError('not_allowed', 'Only an administrator of this register can change who may open it or what they may do.');
  }
  return next;
}
