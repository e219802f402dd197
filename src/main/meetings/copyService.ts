import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { londonDayOf } from '../../shared/calendar';
import type { meetingsContract } from '../../shared/channels/meetings';
import type { SliceService } from '../../shared/channels/slice';
import { MappaError } from '../../shared/errors';
import type { ServiceDeps } from '../access/registerSession';
import { acted, readEntries } from '../audit';
import { BLOCKED_CHANGE, BLOCKED_OPEN } from '../register/associationBlock';
import { actOnSubject, actOnSubjects } from '../register/guard';
import { onAgenda, perSubject, viewFor } from './channelParts';
import { attendanceSheetPdf, minutesCopyPdf } from './copyDocuments';
import { copyPermission, distributionOf, prepareCopy, recordCopy, recordCopyPermission, revokeCopyPermission } from './copies';
import { getMeetingRow, meetingSubjectIds } from './meetings';
import { findMinutes, minutesView } from './minutes';
import { requireSignedReader } from './readers';
import { undertakingVersions } from './undertaking';

// The meetings channels that make documents and account for them: the chair's permission
// for each copy, the numbered copies and their distribution log, and the attendance sheet.
// Every check comes before the dialog opens; each file is recorded (its audit entry, and
// the copy in the log) before it exists.

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type CopyChannels = 'copies.permit' | 'copies.list' | 'copies.revoke' | 'copies.make' | 'meetings.attendanceSheet';

export function copyChannels({ session, host }: Pick<ServiceDeps, 'session' | 'host'>): Pick<SliceService<typeof meetingsContract>, CopyChannels> {
  const read = () => session.vault().reader;
  return {
    'meetings.attendanceSheet': async ({ meetingId }) => {
      const ctx = session.context('meeting.manage');
      requireSignedReader(read(), meetingId, ctx.actor.userId, null);
      const view = viewFor(read(), meetingId, ctx);
      const chosen = await host.dialogs.chooseExportFile('pdf', `mappa-attendance-${londonDayOf(view.startsAt)}.pdf`);
      if (chosen === null) return { file: null };
      const bytes = await attendanceSheetPdf(view, undertakingVersions(read()), ctx.actor.userName, ctx.now);
      const fileSha256 = sha256(bytes);
      // Promise 3: the export is recorded before the file exists.
      actOnSubjects(session, 'meeting.manage', (w) => meetingSubjectIds(w, meetingId), BLOCKED_OPEN, (w, c) => {
        requireSignedReader(w, meetingId, c.actor.userId, null);
        return acted(undefined, ...perSubject(view, { action: 'export', details: { what: 'attendance_sheet', meetingId, fileSha256 } }));
      });
      const file = path.resolve(chosen);
      writeFileSync(file, bytes, { mode: 0o600 });
      return { file };
    },

    'copies.permit': (input) =>
      actOnSubject(
        session,
        'meeting.manage',
        onAgenda(input.meetingId, input.subjectId),
        BLOCKED_CHANGE,
        (w, ctx) => {
          const id = recordCopyPermission(w, ctx, input);
          return acted(distributionOf(w, input.meetingId, input.subjectId), {
            action: 'copy_permission',
            subjectId: input.subjectId,
            reason: input.reason,
            details: { meetingId: input.meetingId, permissionId: id, grantedOn: input.grantedOn, ...(input.recipientOfficeId === null ? {} : { recipientOfficeId: input.recipientOfficeId }) },
          });
        },
      ),
    'copies.list': ({ meetingId, subjectId }) =>
      actOnSubject(
        session,
        'meeting.manage',
        onAgenda(meetingId, subjectId),
        BLOCKED_OPEN,
        (w) => acted(distributionOf(w, meetingId, subjectId), ...readEntries('subject_list', { list: 'minutes_copies', meetingId }, [subjectId])),
      ),
    'copies.revoke': ({ meetingId, permissionId, reason }) =>
      actOnSubject(session, 'meeting.manage', (w) => copyPermission(w, meetingId, permissionId).subjectId, BLOCKED_CHANGE, (w, ctx) => {
        const p = revokeCopyPermission(w, ctx, meetingId, permissionId, reason);
        return acted(distributionOf(w, meetingId, p.subjectId), { action: 'copy_permission', subjectId: p.subjectId, reason, details: { meetingId, permissionId, step: 'revoke' } });
      }),
    'copies.make': async ({ meetingId, permissionId }) => {
      const ctx = session.context('meeting.manage');
      const r = read();
      const { permission, copyNumber } = prepareCopy(r, meetingId, permissionId, ctx.actor.userId);
      const chosen = await host.dialogs.chooseExportFile('pdf', `mappa-minutes-${londonDayOf(getMeetingRow(r, meetingId).starts_at)}-copy-${copyNumber}.pdf`);
      if (chosen === null) return { file: null, copyNumber: null };
      const meeting = viewFor(r, meetingId, ctx);
      const view = minutesView(r, meetingId, permission.subjectId, ctx.now);
      const made = await minutesCopyPdf({ meeting, minutes: view, permission, copyNumber, madeBy: ctx.actor.userName, madeAt: ctx.now });
      const fileSha256 = sha256(made.bytes);
      // Promise 3: the copy is in the distribution log, with its audit entry, before the file exists.
      actOnSubject(session, 'meeting.manage', () => permission.subjectId, BLOCKED_OPEN, (w, c) => {
        requireSignedReader(w, meetingId, c.actor.userId, permission.subjectId);
        const now = findMinutes(w, meetingId, permission.subjectId);
        if (now?.version !== view.version) throw new MappaError('changed', 'The minutes changed while the copy was being made: make it again.');
        recordCopy(w, c, { permissionId, minutesId: view.id, meetingId, subjectId: permission.subjectId, copyNumber, minutesVersion: view.version, form: 'pdf', pages: made.pages, fileSha256 });
        return acted(undefined, {
          action: 'minutes_copy',
          subjectId: permission.subjectId,
          itemIds: view.parts.informationItemIds,
          details: { meetingId, minutesId: view.id, permissionId, copyNumber, minutesVersion: view.version, fileSha256, ...(permission.recipientOffice === null ? {} : { recipientOfficeId: permission.recipientOffice.id }) },
        });
      });
      const file = path.resolve(chosen);
      writeFileSync(file, made.bytes, { mode: 0o600 });
      return { file, copyNumber };
    },

  };
}
