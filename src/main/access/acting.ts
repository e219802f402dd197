import { MappaError } from '../../shared/errors';
import { allows, REFUSALS, type Action } from '../../shared/permissions';
import { appendAudit, type Acted, type AuditActor } from '../audit';
import type { Writer } from '../db/types';
import type { Vault } from '../vault';
import type { Actor, Ctx } from './context';

// Acting: who may do what, and the one path by which an act and its audit entries reach
// the register. Capability functions return what they did with its entries (Acted);
// commitActed writes both in one durable commit, so there is no act without its entry
// and no entry without its act. Nothing else in the service calls appendAudit.

/**
 * What an act needs: a permission from the table in src/shared/permissions.ts, or 'self'
 * for what every signed-in user may do about themselves (declaring an association).
 */
export type Who = Action | 'self';

export function auditActorOf(actor: Actor): AuditActor {
  return { userId: actor.userId, userName: actor.userName, role: actor.role, officeId: actor.officeId, agency: actor.agency };
}

/** Throws the permission's own sentence if the actor may not do `action`. */
export function requirePermission(actor: Actor, action: Action): void {
  if (!allows({ role: actor.role, administrator: actor.registerAdministrator }, action)) throw new MappaError('not_allowed', REFUSALS[action]);
}

/** Anything that runs work as one commit: the vault, or a test's in-memory database. */
export interface Committer {
  commit<T>(work: (w: Writer) => T): T;
  /** The author's signature over an entry's hash (the vault signs with the signed-in member's key). */
  signAudit?(hash: string): string;
}

/** The act and its audit entries, as one durable commit. */
export function commitActed<T>(vault: Committer, actor: AuditActor, at: Date, work: (w: Writer) => Acted<T>): T {
  return vault.commit((w) => {
    const { value, audit } = work(w);
    const when = at.toISOString();
    const sign = vault.signAudit?.bind(vault);
    for (const entry of audit) appendAudit(w, { ...entry, actor }, when, sign);
    return value;
  });
}

export interface Acting {
  /** Who is acting, now; throws 'not_allowed' with the permission's sentence if they may not. */
  context(who: Who): Ctx;
  /** Runs `work` as the signed-in user, if allowed, committing it with the entries it returns. */
  act<T>(who: Who, work: (w: Writer, ctx: Ctx) => Acted<T>): T;
}

export function createActing(deps: { vault: () => Vault; signedIn: () => Ctx }): Acting {
  const context = (who: Who): Ctx => {
    const ctx = deps.signedIn();
    if (who !== 'self') requirePermission(ctx.actor, who);
    return ctx;
  };
  return {
    context,
    act(who, work) {
      const ctx = context(who);
      return commitActed(deps.vault(), auditActorOf(ctx.actor), ctx.now, (w) => work(w, ctx));
    },
  };
}
