import { MappaError } from '../../shared/errors';
import { iso, newId, type Ctx } from '../access/context';
import { findOffice, requireOffice, type Office } from '../access/offices';
import type { Reader, Writer } from '../db/types';
import { attendeeByPart } from './meetings';
import { requireMinutes } from './minutes';
import { requireSignedReader } from './readers';

// Copies of minutes (leaflet: minutes are not copied or disclosed without the permission of
// the MAPPA Chair; MAPPA D: passing them on needs the Chair's permission and must be
// necessary and proportionate). The chair's permission is recorded for one recipient and
// one copy; each copy uses one permission, takes the next number for those minutes, and is
// in the distribution log before its file exists.

export interface CopyPermission {
  id: string;
  meetingId: string;
  subjectId: string;
  minutesId: string;
  recipientName: string;
  recipientOffice: Office | null;
  recipientRole: string | null;
  reason: string;
  chairName: string;
  grantedOn: string;
  grantedHow: string;
}

type PermissionRow = {
  id: string;
  meeting_id: string;
  subject_id: string;
  minutes_id: string;
  recipient_name: string;
  recipient_office_id: string | null;
  recipient_role: string | null;
  reason: string;
  chair_name: string;
  granted_on: string;
  granted_how: string;
  recorded_at: string;
  recorded_by: string;
  revoked_at: string | null;
  copy_number: number | null;
};

const SELECT = `SELECT p.id, p.meeting_id, p.subject_id, p.minutes_id, p.recipient_name, p.recipient_office_id, p.recipient_role, p.reason,
  (SELECT full_name FROM meeting_attendees WHERE id = p.chair_attendee_id) AS chair_name, p.granted_on, p.granted_how, p.recorded_at, p.recorded_by, p.revoked_at,
  (SELECT copy_number FROM minutes_copies c WHERE c.permission_id = p.id) AS copy_number
  FROM copy_permissions p`;

export function recordCopyPermission(
  w: Writer,
  ctx: Ctx,
  input: { meetingId: string; subjectId: string; recipientName: string; recipientOfficeId: string | null; recipientRole: string | null; reason: string; grantedOn: string; grantedHow: string },
): string {
  const minutes = requireMinutes(w, input.meetingId, input.subjectId);
  const chair = attendeeByPart(w, input.meetingId, 'chair');
  if (!chair) throw new MappaError('no_chair', 'This meeting has no chair to give permission.');
  if (input.recipientOfficeId !== null) requireOffice(w, input.recipientOfficeId, 'recipientOfficeId');
  const id = newId();
  w.run(
    `INSERT INTO copy_permissions (id, meeting_id, subject_id, minutes_id, recipient_name, recipient_office_id, recipient_role, reason, chair_attendee_id, granted_on, granted_how, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, input.meetingId, input.subjectId, minutes.id, input.recipientName, input.recipientOfficeId, input.recipientRole, input.reason, chair.id, input.grantedOn, input.grantedHow, iso(ctx.now), ctx.actor.userName],
  );
  return id;
}

const toPermission = (r: Reader, p: PermissionRow): CopyPermission => ({
  id: p.id,
  meetingId: p.meeting_id,
  subjectId: p.subject_id,
  minutesId: p.minutes_id,
  recipientName: p.recipient_name,
  recipientOffice: p.recipient_office_id === null ? null : (findOffice(r, p.recipient_office_id) ?? null),
  recipientRole: p.recipient_role,
  reason: p.reason,
  chairName: p.chair_name,
  grantedOn: p.granted_on,
  grantedHow: p.granted_how,
});

/** The chair's permission, if it can still be used for a copy; otherwise the reason it cannot. */
export function copyPermission(r: Reader, meetingId: string, permissionId: string): CopyPermission {
  const p = r.get<PermissionRow>(`${SELECT} WHERE p.id = ? AND p.meeting_id = ?`, [permissionId, meetingId]);
  if (!p) throw new MappaError('no_permission', 'The chair’s permission for this copy is not recorded: record the chair’s permission for the recipient first.', 'permissionId');
  if (p.revoked_at !== null) throw new MappaError('permission_revoked', 'The chair withdrew this permission: no copy can be made with it.', 'permissionId');
  if (p.copy_number !== null) {
    throw new MappaError('permission_used', `This permission was used for copy ${p.copy_number}: each copy needs the chair’s permission of its own.`, 'permissionId');
  }
  return toPermission(r, p);
}

export function revokeCopyPermission(w: Writer, ctx: Ctx, meetingId: string, permissionId: string, reason: string): CopyPermission {
  const permission = copyPermission(w, meetingId, permissionId);
  w.run('UPDATE copy_permissions SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ?', [iso(ctx.now), ctx.actor.userName, reason, permissionId]);
  return permission;
}

/**
 * A copy about to be made, checked before any dialog opens (a refused copy leaves no trace
 * and no file): the chair's permission, a reader who has signed, minutes past their draft,
 * and the number the copy will take.
 */
export function prepareCopy(r: Reader, meetingId: string, permissionId: string, userId: string): { permission: CopyPermission; minutesId: string; copyNumber: number } {
  const permission = copyPermission(r, meetingId, permissionId);
  requireSignedReader(r, meetingId, userId, permission.subjectId);
  const minutes = requireMinutes(r, meetingId, permission.subjectId);
  if (minutes.status === 'draft') throw new MappaError('draft', 'Draft minutes are not copied: send them to the chair first.');
  return { permission, minutesId: minutes.id, copyNumber: nextCopyNumber(r, minutes.id) };
}

export function nextCopyNumber(r: Reader, minutesId: string): number {
  return (r.get<{ n: number | null }>('SELECT max(copy_number) AS n FROM minutes_copies WHERE minutes_id = ?', [minutesId])?.n ?? 0) + 1;
}

export function recordCopy(
  w: Writer,
  ctx: Ctx,
  copy: { permissionId: string; minutesId: string; meetingId: string; subjectId: string; copyNumber: number; minutesVersion: number; form: 'pdf' | 'exchange'; pages: number | null; fileSha256: string },
): string {
  const permission = copyPermission(w, copy.meetingId, copy.permissionId);
  if (copy.copyNumber !== nextCopyNumber(w, copy.minutesId)) throw new MappaError('changed', 'Another copy was numbered while this one was being made: make it again.');
  const id = newId();
  w.run(
    `INSERT INTO minutes_copies (id, minutes_id, meeting_id, subject_id, copy_number, permission_id, recipient_name, recipient_office_id, minutes_version, form, pages, file_sha256, made_at, made_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, copy.minutesId, copy.meetingId, copy.subjectId, copy.copyNumber, permission.id, permission.recipientName, permission.recipientOffice?.id ?? null, copy.minutesVersion, copy.form, copy.pages, copy.fileSha256, iso(ctx.now), ctx.actor.userName],
  );
  return id;
}

type CopyRow = { copy_number: number; recipient_name: string; recipient_office_id: string | null; minutes_version: number; form: string; pages: number | null; file_sha256: string; made_at: string; made_by: string };

export function distributionOf(r: Reader, meetingId: string, subjectId: string) {
  const officeOf = (id: string | null) => (id === null ? null : (findOffice(r, id) ?? null));
  const permissions = r.all<PermissionRow>(`${SELECT} WHERE p.meeting_id = ? AND p.subject_id = ? ORDER BY p.recorded_at`, [meetingId, subjectId]).map((p) => ({
    ...toPermission(r, p),
    recordedBy: p.recorded_by,
    recordedAt: p.recorded_at,
    copyNumber: p.copy_number,
    revoked: p.revoked_at !== null,
  }));
  const copies = r
    .all<CopyRow>(
      'SELECT copy_number, recipient_name, recipient_office_id, minutes_version, form, pages, file_sha256, made_at, made_by FROM minutes_copies WHERE meeting_id = ? AND subject_id = ? ORDER BY copy_number',
      [meetingId, subjectId],
    )
    .map((c) => ({
      copyNumber: c.copy_number,
      recipientName: c.recipient_name,
      recipientOffice: officeOf(c.recipient_office_id),
      minutesVersion: c.minutes_version,
      form: c.form === 'exchange' ? ('exchange' as const) : ('pdf' as const),
      pages: c.pages,
      fileSha256: c.file_sha256,
      madeAt: c.made_at,
      madeBy: c.made_by,
    }));
  return {
    permissions: permissions.map(({ id, recipientName, recipientOffice, recipientRole, reason, chairName, grantedOn, grantedHow, recordedBy, recordedAt, copyNumber, revoked }) => ({
      id, recipientName, recipientOffice, recipientRole, reason, chairName, grantedOn, grantedHow, recordedBy, recordedAt, copyNumber, revoked,
    })),
    copies,
  };
}
