import { z } from 'zod';
import type { Reader, Writer } from '../db/types';
import { appendAudit } from './log';
import type { AuditActor } from './types';

// Why a user opens a subject's record (DOMAIN.md "Integrity and misuse": the register
// asks a reason for viewing a subject). The reason goes into the subject_view entry.

export const ACCESS_REASONS = {
  case_management: 'Case management',
  meeting_preparation: 'Meeting preparation',
  disclosure: 'Disclosure',
  sar: 'Subject access request',
  supervision_audit: 'Supervision or audit',
  other: 'Other',
} as const;
export type AccessReasonCode = keyof typeof ACCESS_REASONS;
export const ACCESS_REASON_CODES = Object.keys(ACCESS_REASONS) as [AccessReasonCode, ...AccessReasonCode[]];

const MAX_REASON_TEXT = 500;

export const accessReasonSchema = z
  .object({
    code: z.enum(ACCESS_REASON_CODES, { error: 'Choose why you are opening this record.' }),
    text: z
      .string({ error: 'Say why you are opening this record.' })
      .trim()
      .max(MAX_REASON_TEXT, { error: `Say why in ${MAX_REASON_TEXT} characters or fewer.` })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.code === 'other' && (value.text === undefined || value.text === '')) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Say why you are opening this record.' });
    }
  });
export type AccessReason = z.infer<typeof accessReasonSchema>;

/** The reason as the audit entry records it: "Meeting preparation" or "Other: <text>". */
export function describeAccessReason(reason: AccessReason): string {
  const label = ACCESS_REASONS[reason.code];
  return reason.text === undefined || reason.text === '' ? label : `${label}: ${reason.text}`;
}

export const ACCESS_REASONS_SETTING = 'access_reasons_required';

/** On unless an administrator or IG lead has turned it off. */
export function accessReasonsRequired(r: Reader): boolean {
  const row = r.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [ACCESS_REASONS_SETTING]);
  return row === undefined || row.value !== 'off';
}

export function setAccessReasonsRequired(w: Writer, on: boolean, actor: AuditActor, at: string): void {
  const before = accessReasonsRequired(w);
  const value = on ? 'on' : 'off';
  w.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [ACCESS_REASONS_SETTING, value]);
  appendAudit(
    w,
    { actor, action: 'settings_change', details: { key: ACCESS_REASONS_SETTING, from: before ? 'on' : 'off', to: value } },
    at,
  );
}
