import { randomUUID } from 'node:crypto';
import { MappaError } from '../../shared/errors';
import type { RegisterSession } from '../access/registerSession';
import type { Vault } from '../vault';

// Files opened and checked but not yet acted on (a partner's key file before its
// fingerprint is confirmed; an exchange file between its preview and its import). Held in
// this process's memory only, never on disk; each is bound to the register and person that
// opened it, and is gone when the register locks (a new vault), when it is used, or after
// half an hour.

const HOLD_MS = 30 * 60 * 1000;
const MAX_HELD = 20;

interface Held<T> {
  value: T;
  vault: Vault;
  userId: string;
  until: number;
}

export interface Pending<T> {
  hold(value: T): string;
  /** The value held under `token`, removed; refused if it is not this register's and person's, or has expired. */
  take(token: string, what: string): T;
  /** The value held under `token`, left held (for an act that may be refused and tried again); refused as `take` is. */
  peek(token: string, what: string): T;
  drop(token: string): void;
}

export function createPending<T>(session: RegisterSession): Pending<T> {
  const held = new Map<string, Held<T>>();
  const sweep = (now: number) => {
    for (const [token, h] of held) if (h.until <= now) held.delete(token);
  };
  return {
    hold(value) {
      const ctx = session.context('self');
      sweep(Date.now());
      while (held.size >= MAX_HELD) {
        const oldest = held.keys().next().value;
        if (oldest === undefined) break;
        held.delete(oldest);
      }
      const token = randomUUID();
      held.set(token, { value, vault: session.vault(), userId: ctx.actor.userId, until: Date.now() + HOLD_MS });
      return token;
    },
    take(token, what) {
      const value = this.peek(token, what);
      held.delete(token);
      return value;
    },
    peek(token, what) {
      const ctx = session.context('self');
      sweep(Date.now());
      const h = held.get(token);
      if (!h || h.vault !== session.vault() || h.userId !== ctx.actor.userId) {
        held.delete(token);
        throw new MappaError('not_open', `That ${what} is no longer open (it was used, the register locked, or half an hour passed): open it again.`);
      }
      return h.value;
    },
    drop(token) {
      held.delete(token);
    },
  };
}
