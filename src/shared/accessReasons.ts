import { z } from 'zod';

// Why a user opens a subject's record (DOMAIN.md "Integrity and misuse": the register
// asks a reason for viewing a subject). Shared so the page offers exactly the list the
// service accepts.

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

