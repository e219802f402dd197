import type { Reader, Writer } from '../db/types';
import { acted, type Acted } from './types';

// Why a user opens a subject's record (DOMAIN.md "Integrity and misuse": the register
// asks a reason for viewing a subject). The reason goes into the subject_view entry.

export { ACCESS_REASONS, ACCESS_REASON_CODES, accessReasonSchema, describeAccessReason, type AccessReason, type AccessReasonCode } from '../../shared/accessReasons';

export const ACCESS_REASONS_SETTING = 'access_reasons_required';

/** On unless an administrator or IG lead has turned it off. */
export function accessReasonsRequired(r: Reader): boolean {
  const row = r.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [ACCESS_REASONS_SETTING]);
  return row === undefined || row.value !== 'off';
}

export function setAccessReasonsRequired(w: Writer, on: boolean): Acted<void> {
  const before = accessReasonsRequired(w);
  const value = on ? 'on' : 'off';
  w.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [ACCESS_REASONS_SETTING, value]);
  return acted(undefined, { action: 'settings_change', details: { key: ACCESS_REASONS_SETTING, from: before ? 'on' : 'off', to: value } });
}
