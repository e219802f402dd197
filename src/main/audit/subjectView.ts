import { MappaError } from '../../shared/errors';
import type { Writer } from '../db/types';
import { accessReasonSchema, accessReasonsRequired, describeAccessReason } from './accessReasons';
import { checkSubjectAccess, recordAssociationAlert, type SubjectAccess } from './associations';
import { acted, type Acted, type AuditActor } from './types';

// Opening a subject's record, in one commit: the declared-association check, the reason
// (when the register asks for one) and the subject_view entry. A blocked attempt is not
// a view: it raises an alert for the IG lead instead (APP counter-corruption).
//
// The result says what happened. The caller must NOT throw inside the same commit when
// access is refused, or the alert would be rolled back with it; commit, then refuse.

export function viewSubject(w: Writer, input: { actor: AuditActor; subjectId: string; reason: unknown; at: string }): Acted<SubjectAccess> {
  if (input.actor.userId === null) throw new MappaError('not_allowed', 'Only a register user with an office can open a subject’s record.');
  const access = checkSubjectAccess(w, { userId: input.actor.userId, subjectId: input.subjectId });
  if (!access.allowed) {
    const alert = recordAssociationAlert(w, { actor: input.actor, subjectId: input.subjectId, associationId: access.association.id, at: input.at });
    return { value: access, audit: alert.audit };
  }
  return acted(access, { action: 'subject_view', subjectId: input.subjectId, reason: accessReasonFor(w, input.reason) });
}

/**
 * The reason given for reading a subject's record, in words for the audit entry; refused
 * when the register asks for reasons and none was given. Every channel that shows a
 * record's contents (the record itself, a share of it) asks the same way.
 */
export function accessReasonFor(w: Writer, given: unknown): string | null {
  if (given !== undefined && given !== null) {
    const parsed = accessReasonSchema.safeParse(given);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MappaError('reason_needed', issue?.message ?? 'Choose why you are opening this record.', `reason.${issue?.path.join('.') ?? 'code'}`);
    }
    return describeAccessReason(parsed.data);
  }
  if (accessReasonsRequired(w)) throw new MappaError('reason_needed', 'Choose why you are opening this record.', 'reason.code');
  return null;
}
