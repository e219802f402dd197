import { AUDIT_ACTION_LABELS } from '../../../../shared/auditActions';
import { formatLondonDate, formatLondonDateTime } from '../../../../shared/calendar';
import { ROLES } from '../../../../shared/permissions';
import { AGENCY_KINDS } from '../../../../shared/vocabulary';

// How the audit screens put the log's codes and timestamps into words.

/** 2026-03-05T14:03:22Z -> 5 March 2026, 14:03 (London time, whatever the computer's own zone). */
export function formatDateTime(iso: string): string {
  return formatLondonDateTime(iso);
}

/** 2026-03-05T14:03:22Z -> 5 March 2026 (the London day); a plain 2026-03-05 is that day. */
export function formatDay(iso: string): string {
  return formatLondonDate(iso);
}

export function actionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/** 'representative', 'police' -> 'Agency representative, Police' */
export function roleAndAgency(role: string | null, agency: string | null): string {
  const parts = [role ? ((ROLES as Record<string, string>)[role] ?? role) : null, agency ? ((AGENCY_KINDS as Record<string, { label: string }>)[agency]?.label ?? agency) : null];
  return parts.filter((p): p is string => p !== null).join(', ');
}

export const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n.toLocaleString('en-GB')} times`);

export const entriesText = (n: number) => (n === 1 ? '1 entry' : `${n.toLocaleString('en-GB')} entries`);
