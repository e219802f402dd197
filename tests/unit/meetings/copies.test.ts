// Issue 11, copies: exporting minutes needs the chair's recorded permission for that
// recipient, one permission per copy (leaflet: minutes are not copied or disclosed without
// the permission of the MAPPA Chair). Every copy is a numbered PDF from the one document
// maker with the recipient's name and the date watermarked on every page and the
// OFFICIAL-SENSITIVE marking; the distribution log lists it, and its audit entry is written
// before the file exists. The attendance sheet lists who signed which version and when.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { squashed, pageTexts, textLines } from '../documents/pdfText';
import { anItem } from '../../support/registerBuilders';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, person, signInRoom, type MeetingTeam } from '../../support/meetings';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

const RECIPIENTS = ['Siân Llŷr', 'Łukasz Wójcik', 'Ștefan Ionescu', 'Şükrü Yılmaz'] as const;
const LONG = (what: string) => Array.from({ length: 12 }, (_, i) => `${what} ${i + 1}: reported by the agencies present, with the source and date of each account, and what it means for the risk he poses to his former partner and her children.`).join('\n');

/** Final minutes of a Level 2 meeting about Darren Hollis, long enough to run over several pages; Casey (coordinator, signed) is signed in. */
async function finalMinutes() {
  team = await aMeetingTeam();
  const t = team;
  const s = t.api.service;
  const hollis = await aNominal(t);
  let meeting = await aLevel2Meeting(t, [hollis]);
  meeting = await s['meetings.addAttendee']({ meetingId: meeting.id, fullName: 'Siân Llŷr', officeId: t.offices.childrens, jobTitle: 'Team manager, children’s social care', userName: null, subjectIds: null });
  for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation', 'Siân Llŷr']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
  meeting = await s['meetings.setAttendance']({ meetingId: meeting.id, attendeeId: attendeeOf(meeting, 'Siân Llŷr').id, status: 'attended', subjectStatuses: [] });
  await t.as('pat');
  const where = { meetingId: meeting.id, subjectId: hollis };
  await s['minutes.save']({ ...where, ...completeMinutes(t, { informationShared: LONG('Account'), riskAssessment: LONG('Finding') }) });
  await s['minutes.send'](where);
  await t.as('dina');
  await s['minutes.confirm'](where);
  await t.as('casey');
  return { t, s, meeting, hollis, where };
}

const permit = (t: MeetingTeam, where: { meetingId: string; subjectId: string }, recipientName: string) =>
  t.api.service['copies.permit']({ ...where, recipientName, recipientOfficeId: t.offices.childrens, recipientRole: 'Team manager', reason: 'Child protection plan for the children in the household.', grantedOn: '2026-12-01', grantedHow: 'By secure email' });

describe('copies of minutes', () => {
  it('needs the chair’s recorded permission for each copy; a permission used once is refused the second time, changing nothing', async () => {
    const { t, s, where } = await finalMinutes();
    const none = await dispatch(s, 'copies.make', { meetingId: where.meetingId, permissionId: 'no-such-permission' });
    expect(none).toMatchObject({ ok: false, error: { code: 'no_permission', message: 'The chair’s permission for this copy is not recorded: record the chair’s permission for the recipient first.' } });

    const first = (await permit(t, where, 'Siân Llŷr')).permissions[0]!;
    expect(t.entries().at(-1)).toMatchObject({ action: 'copy_permission', subjectId: where.subjectId, reason: 'Child protection plan for the children in the household.', details: { permissionId: first.id } });
    t.api.host.picksFile(t.file('copy-1.pdf'));
    expect(await s['copies.make']({ meetingId: where.meetingId, permissionId: first.id })).toEqual({ file: t.file('copy-1.pdf'), copyNumber: 1 });

    const before = { entries: t.entries().length, dialogs: t.api.host.opened.length };
    const again = await dispatch(s, 'copies.make', { meetingId: where.meetingId, permissionId: first.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'permission_used', message: 'This permission was used for copy 1: each copy needs the chair’s permission of its own.' } });
    expect({ entries: t.entries().length, dialogs: t.api.host.opened.length }).toEqual(before);

    const second = (await permit(t, where, 'Łukasz Wójcik')).permissions[1]!;
    t.api.host.picksFile(t.file('copy-2.pdf'));
    expect(await s['copies.make']({ meetingId: where.meetingId, permissionId: second.id })).toMatchObject({ copyNumber: 2 });
    const log = await s['copies.list'](where);
    expect(log.copies.map((c) => [c.copyNumber, c.recipientName, c.madeBy, c.fileSha256])).toEqual([
      [1, 'Siân Llŷr', 'Casey Coordinator', createHash('sha256').update(readFileSync(t.file('copy-1.pdf'))).digest('hex')],
      [2, 'Łukasz Wójcik', 'Casey Coordinator', createHash('sha256').update(readFileSync(t.file('copy-2.pdf'))).digest('hex')],
    ]);
    expect(log.permissions.map((p) => p.copyNumber)).toEqual([1, 2]);
  });

  it('makes no copy with a permission the chair withdrew', async () => {
    const { t, s, where } = await finalMinutes();
    const p = (await permit(t, where, 'Siân Llŷr')).permissions[0]!;
    const log = await s['copies.revoke']({ meetingId: where.meetingId, permissionId: p.id, reason: 'The case conference was cancelled.' });
    expect(log.permissions[0]).toMatchObject({ revoked: true, copyNumber: null });
    expect(t.entries().at(-1)).toMatchObject({ action: 'copy_permission', reason: 'The case conference was cancelled.', details: { step: 'revoke', permissionId: p.id } });
    const before = { entries: t.entries().length, dialogs: t.api.host.opened.length };
    const reply = await dispatch(s, 'copies.make', { meetingId: where.meetingId, permissionId: p.id });
    expect(reply).toMatchObject({ ok: false, error: { code: 'permission_revoked', message: 'The chair withdrew this permission: no copy can be made with it.' } });
    expect({ entries: t.entries().length, dialogs: t.api.host.opened.length }).toEqual(before);
  });

  it('refuses to copy draft minutes', async () => {
    team = await aMeetingTeam();
    const t = team;
    const s = t.api.service;
    const hollis = await aNominal(t);
    let meeting = await aLevel2Meeting(t, [hollis]);
    meeting = await signInRoom(t, meeting, attendeeOf(meeting, 'Casey Coordinator').id);
    const where = { meetingId: meeting.id, subjectId: hollis };
    await s['minutes.save']({ ...where, ...completeMinutes(t) });
    const p = (await permit(t, where, 'Siân Llŷr')).permissions[0]!;
    expect(await dispatch(s, 'copies.make', { meetingId: meeting.id, permissionId: p.id })).toMatchObject({ ok: false, error: { code: 'draft' } });
  });

  it.each(RECIPIENTS)('prints %s, exactly, in the watermark of every page with the date, and marks every page OFFICIAL-SENSITIVE with the copy number', async (recipient) => {
    const { t, s, where } = await finalMinutes();
    const p = (await permit(t, where, recipient)).permissions[0]!;
    t.clock.set('2026-12-02T14:03:00Z');
    t.api.host.picksFile(t.file('copy.pdf'));
    await s['copies.make']({ meetingId: where.meetingId, permissionId: p.id });
    const pdf = readFileSync(t.file('copy.pdf'));
    const raw = pageTexts(pdf, { raw: true });
    const straight = pageTexts(pdf, { layout: true, withoutDiagonal: true });
    expect(raw.length).toBeGreaterThan(1);
    raw.forEach((page, i) => expect(squashed(page), `page ${i + 1}`).toContain(squashed(`Made for ${recipient}, 2 December 2026, 14:03`)));
    straight.forEach((page, i) => {
      const lines = textLines(page);
      expect(lines[0], `top of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-1), `bottom of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-2), `footer of page ${i + 1}`).toMatch(new RegExp(`^MAPPA minutes, copy 1\\s+Page ${i + 1} of ${raw.length}$`));
    });
    // Table cells wrap their lines: compared without white space.
    const text = squashed(pageTexts(pdf, { withoutDiagonal: true }).join('\n'));
    expect(text).toContain(squashed(`Copy 1 of these minutes, for ${recipient}, Team manager, Wigan Children’s Services`));
    expect(text).toContain(squashed('Disclosure was considered. No disclosure is needed, because the former partner already knows'));
    expect(text).not.toContain('?');
  });

  it('names the owning agency of each register item the minutes refer to, never its value, and the person’s date of birth', async () => {
    team = await aMeetingTeam();
    const t = team;
    const s = t.api.service;
    const hollis = await aNominal(t);
    const item = await s['items.add'](anItem(hollis, t.offices.police, { value: 'Seen outside Orchard Close on 20 November.' }));
    let meeting = await aLevel2Meeting(t, [hollis]);
    for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
    const where = { meetingId: meeting.id, subjectId: hollis };
    await s['minutes.save']({ ...where, ...completeMinutes(t, { informationItemIds: [item.id] }) });
    const sent = await s['minutes.send'](where);
    expect(sent.linkedItems).toEqual([{ itemId: item.id, fieldKind: 'risk_factor', fieldLabel: 'Risk factor', owner: expect.objectContaining({ id: t.offices.police }), noOnwardDisclosure: true }]);
    const p = (await permit(t, where, 'Łukasz Wójcik')).permissions[0]!;
    t.api.host.picksFile(t.file('copy.pdf'));
    await s['copies.make']({ meetingId: meeting.id, permissionId: p.id });
    const text = squashed(pageTexts(readFileSync(t.file('copy.pdf')), { withoutDiagonal: true }).join('\n'));
    expect(text).toContain(squashed('Risk factor Wigan Public Protection Unit (Police) Not to be shared on without the owner’s permission'));
    expect(text).toContain(squashed('Darren Hollis, born 12 March 1984, Category 2, Level 2'));
    expect(text).not.toContain(squashed('Seen outside Orchard Close'));
    expect(t.entries().at(-1)).toMatchObject({ action: 'minutes_copy', itemIds: [item.id] });
  });

  it('writes the copy’s audit entry and its line in the log before the file exists', async () => {
    const { t, s, where } = await finalMinutes();
    const p = (await permit(t, where, 'Şükrü Yılmaz')).permissions[0]!;
    const unwritable = path.join(t.file('no-such-folder'), 'copy.pdf');
    t.api.host.picksFile(unwritable);
    const reply = await dispatch(s, 'copies.make', { meetingId: where.meetingId, permissionId: p.id });
    expect(reply.ok).toBe(false);
    expect(existsSync(unwritable)).toBe(false);
    // The record was made first: the entry and the log line stand, naming the copy that could not be saved.
    expect(t.entries().at(-1)).toMatchObject({ action: 'minutes_copy', subjectId: where.subjectId, details: { permissionId: p.id, copyNumber: 1 } });
    expect((await s['copies.list'](where)).copies).toHaveLength(1);
  });

  it('makes an attendance sheet naming who signed which version of the undertaking, when and how, with the statement signed', async () => {
    const { t, s, meeting } = await finalMinutes();
    await s['meetings.addAttendee']({ meetingId: meeting.id, ...person(t, 'hana'), subjectIds: null });
    t.api.host.picksFile(t.file('attendance.pdf'));
    const mark = t.entries().length;
    expect(await s['meetings.attendanceSheet']({ meetingId: meeting.id })).toEqual({ file: t.file('attendance.pdf') });
    expect(t.since(mark).map((e) => [e.action, e.details.what])).toEqual([['export', 'attendance_sheet']]);
    const text = squashed(pageTexts(readFileSync(t.file('attendance.pdf')), { withoutDiagonal: true }).join('\n'));
    for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation', 'Siân Llŷr', 'Hana Health']) expect(text).toContain(squashed(name));
    expect(text).toContain('Notsigned');
    expect(text).toContain(squashed('Confidentiality and Diversity Statement (MAPPA D), version 1'));
    expect(text).toMatch(/Version1\([0-9a-f]{12}\),Wholemeeting;signed“SiânLlŷr”/);
  });
});
