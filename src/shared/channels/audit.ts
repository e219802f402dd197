import { z } from 'zod';
import { AUDIT_ACTIONS } from '../auditActions';
import { id, optionalDate, reasonText } from '../fields';
import { none, type ContractSlice } from './slice';

// The audit log and its review by the IG lead, and the associations each user declares
// (APP counter-corruption case study).

export const auditFilter = z
  .object({
    userId: z.string().max(100).nullable().default(null),
    subjectId: z.string().max(100).nullable().default(null),
    actions: z.array(z.enum(AUDIT_ACTIONS)).max(AUDIT_ACTIONS.length).default([]),
    from: optionalDate('the first day'),
    to: optionalDate('the last day'),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type AuditFilterInput = z.output<typeof auditFilter>;

export const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  userName: z.string(),
  role: z.string().nullable(),
  agency: z.string().nullable(),
  action: z.string(),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  itemIds: z.array(z.string()),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

const viewPattern = z.object({ userId: z.string(), userName: z.string(), subjectId: z.string(), subjectName: z.string(), views: z.number(), firstAt: z.string(), lastAt: z.string() });

export const alertView = z.object({
  id: z.string(),
  /** 'association': someone tried to reach a person they declared; 'role_escalation': someone was given more rights. */
  kind: z.enum(['association', 'role_escalation']),
  /** The alert in one sentence, for any screen that lists alerts of both kinds. */
  summary: z.string(),
  userId: z.string(),
  userName: z.string(),
  /** null for a role escalation, which is about a user, not a subject. */
  subjectId: z.string().nullable(),
  /** For a role escalation, the change in words ("the Information governance lead role"). */
  subjectName: z.string(),
  /** For a role escalation, who made the change. */
  relationship: z.string(),
  /** When the user withdrew the declaration this alert was raised under, if they did so while it was open. */
  declarationWithdrawnAt: z.string().nullable(),
  at: z.string(),
  status: z.enum(['open', 'closed']),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  exceptionGranted: z.boolean(),
});
export type AlertView = z.infer<typeof alertView>;

/** At most this many names and aliases in one declaration. */
export const MAX_ASSOCIATION_NAMES = 20;

/** A declared association, as the person enters it; the service checks it with this same schema. */
export const associationDeclaration = z
  .object({
    names: z
      .array(z.string().trim().min(1, 'Enter a name').max(200, 'A name must be 200 characters or fewer'))
      .min(1, 'Enter the person’s name')
      .max(MAX_ASSOCIATION_NAMES, `Enter at most ${MAX_ASSOCIATION_NAMES} names`),
    dateOfBirth: optionalDate('date of birth'),
    relationship: z.string().trim().min(1, 'Say how you know this person').max(500, 'Describe the relationship in 500 characters or fewer'),
  })
  .strict();
export type AssociationDeclarationInput = z.output<typeof associationDeclaration>;

export const associationWithdrawal = z.object({ id, reason: reasonText('Say why you are withdrawing this declaration') }).strict();
export const alertClosure = z.object({ alertId: id, outcome: reasonText('Record what you found and did') }).strict();
export const exceptionGrant = z.object({ alertId: id, reason: reasonText('Give the reason for the exception') }).strict();

const association = z.object({
  id: z.string(),
  names: z.array(z.string()),
  dateOfBirth: z.string().nullable(),
  relationship: z.string(),
  declaredAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

export const auditContract = {
  'associations.list': { input: none, output: z.array(association) },
  'associations.declare': { input: associationDeclaration, output: z.array(association) },
  'associations.withdraw': { input: associationWithdrawal, output: z.array(association) },

  'audit.users': { input: none, output: z.array(z.object({ userId: z.string(), userName: z.string() })) },
  'audit.query': { input: auditFilter, output: z.object({ total: z.number(), entries: z.array(auditEntry) }) },
  'audit.patterns': { input: none, output: z.array(viewPattern) },
  'audit.alerts': { input: z.object({ status: z.enum(['open', 'closed']).nullable().default('open') }).strict(), output: z.array(alertView) },
  'audit.closeAlert': { input: alertClosure, output: z.array(alertView) },
  'audit.grantException': { input: exceptionGrant, output: z.array(alertView) },
  'audit.verify': {
    input: none,
    output: z.object({ ok: z.boolean(), entries: z.number(), lastHash: z.string().nullable(), firstBroken: z.object({ seq: z.number(), reason: z.string() }).nullable() }),
  },
  /** The IG lead records the audit head to keep outside the register (audit:verify --receipt checks a register against it). */
  'audit.receipt': {
    input: none,
    output: z.object({ file: z.string().nullable(), seq: z.number(), hash: z.string() }),
  },
  'audit.export': {
    input: z.object({ format: z.enum(['csv', 'pdf']), filter: auditFilter }).strict(),
    output: z.object({ file: z.string().nullable(), entries: z.number() }),
  },
} as const satisfies ContractSlice;
