import { auditActorOf, type Who } from '../access/acting';
import type { Ctx } from '../access/context';
import type { RegisterSession } from '../access/registerSession';
import { checkSubjectAccess, recordAssociationAlert, type Acted, type ActEntry } from '../audit';
import type { Writer } from '../db/types';
import { blocked } from './associationBlock';
import { getItem } from './items';
import { requireLiveSubject } from './subjects';

// The declared-association block around an act on one subject's record, for every
// capability that reads or changes one (the register, sharing, and those to come).

/** What an act on one subject answers: done, or stopped by the association block (the alert is in the same commit). */
type Guarded<T> = { blocked: false; value: T } | { blocked: true };

/**
 * An act on one subject's record, behind the association block: a blocked user's attempt
 * commits an alert for the IG lead (and nothing else), then is refused with `refusal`.
 * Committing first matters: a refusal thrown inside the commit would roll the alert back.
 */
export function actOnSubject<T>(session: RegisterSession, who: Who, subjectOf: (w: Writer) => string, refusal: string, work: (w: Writer, ctx: Ctx) => Acted<T>): T {
  const result = session.act(who, (w, ctx): Acted<Guarded<T>> => {
    const subjectId = subjectOf(w);
    const access = checkSubjectAccess(w, { userId: ctx.actor.userId, subjectId });
    if (!access.allowed) {
      const alert = recordAssociationAlert(w, { actor: auditActorOf(ctx.actor), subjectId, associationId: access.association.id, at: ctx.now.toISOString() });
      return { value: { blocked: true }, audit: alert.audit };
    }
    const done = work(w, ctx);
    return { value: { blocked: false, value: done.value }, audit: done.audit };
  });
  if (result.blocked) throw blocked(refusal);
  return result.value;
}

/** The subject, once it is known to be live (an unknown or deleted one is refused). */
export const liveSubject = (id: string) => (w: Writer) => {
  requireLiveSubject(w, id);
  return id;
};

export const subjectOfItem = (itemId: string) => (w: Writer) => getItem(w, itemId).subjectId;

/**
 * An act on a record about several people (a meeting, a subject access request), behind
 * the association block as actOnSubject is for one: a user who declared an association with
 * any of them commits the alerts (and nothing else), then is refused with `refusal`.
 */
export function actOnSubjects<T>(session: RegisterSession, who: Who, subjectsOf: (w: Writer) => readonly string[], refusal: string, work: (w: Writer, ctx: Ctx) => Acted<T>): T {
  const result = session.act(who, (w, ctx): Acted<Guarded<T>> => {
    const alerts: ActEntry[] = [];
    for (const subjectId of subjectsOf(w)) {
      const access = checkSubjectAccess(w, { userId: ctx.actor.userId, subjectId });
      if (!access.allowed) alerts.push(...recordAssociationAlert(w, { actor: auditActorOf(ctx.actor), subjectId, associationId: access.association.id, at: ctx.now.toISOString() }).audit);
    }
    if (alerts.length > 0) return { value: { blocked: true }, audit: alerts };
    const done = work(w, ctx);
    return { value: { blocked: false, value: done.value }, audit: done.audit };
  });
  if (result.blocked) throw blocked(refusal);
  return result.value;
}
