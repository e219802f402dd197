import { auditActorOf, type Who } from '../access/acting';
import type { Ctx } from '../access/context';
import type { RegisterSession } from '../access/registerSession';
import { checkSubjectAccess, recordAssociationAlert, type Acted, type ActEntry } from '../audit';
import type { Writer } from '../db/types';
import { blocked } from '../register/associationBlock';

// The association block around an act on a meeting that discusses several people: as
// register/guard.ts actOnSubject does for one, a user who declared an association with any
// of them commits the alert (and nothing else), then is refused.

type Guarded<T> = { blocked: false; value: T } | { blocked: true };

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
