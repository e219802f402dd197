// Issue 11 and 12: the disclosure consideration that every Level 2 and 3 meeting records
// (procedures §18) is either "no disclosure needed, because..." or a link to the disclosure
// record the meeting decided on. The link is to one of the same person's disclosures, the
// minutes cannot be final with the choice made but no record chosen, and a copy of the
// minutes names the record without saying what it discloses.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { aDraftDisclosure, aPreparedRecipient } from '../../support/disclosures';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, signInRoom, WHY, type MeetingTeam } from '../../support/meetings';
import { pageTexts } from '../documents/pdfText';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

async function aMeetingWithDisclosures() {
  team = await aMeetingTeam();
  const t = team;
  const s = t.api.service;
  const hollis = await aNominal(t);
  const other = await aNominal(t, { givenName: 'Ștefan', familyName: 'Ionescu', pnc: null, ndelius: null, visor: null });
  let meeting = await aLevel2Meeting(t, [hollis]);
  for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
  const disclosure = await aDraftDisclosure(t, hollis);
  await aPreparedRecipient(t, disclosure.id);
  const elsewhere = await aDraftDisclosure(t, other);
  await t.as('pat');
  return { t, s, hollis, meeting, disclosure, elsewhere, where: { meetingId: meeting.id, subjectId: hollis } };
}

describe('the disclosure consideration links the disclosure record', () => {
  it('is not final with “see the disclosure record” and none chosen; links one of the person’s own, shown without its content', async () => {
    const { s, where, disclosure } = await aMeetingWithDisclosures();
    const unchosen = await s['minutes.save']({ ...where, ...completeMinutes(team!, { disclosureKind: 'disclosure_record', disclosureReason: null }) });
    expect(unchosen.missing).toContain('Choose the disclosure record the meeting decided on, or record that no disclosure is needed and why.');
    const linked = await s['minutes.save']({ ...where, ...completeMinutes(team!, { disclosureKind: 'disclosure_record', disclosureReason: null, disclosureRecordId: disclosure.id }) });
    expect(linked.missing).toEqual([]);
    expect(linked.linkedDisclosure).toMatchObject({ id: disclosure.id, status: 'draft', statusLabel: 'Draft', recipients: 'an employer' });
    expect((await s['minutes.get']({ ...where, reason: WHY })).parts.disclosureRecordId).toBe(disclosure.id);
  });

  it('refuses another person’s disclosure, or a record linked without choosing it as the consideration, changing nothing', async () => {
    const { s, t, where, disclosure, elsewhere } = await aMeetingWithDisclosures();
    await s['minutes.save']({ ...where, ...completeMinutes(t) });
    const before = { entries: t.entries().length, minutes: await s['minutes.get']({ ...where, reason: WHY }) };
    const count = t.entries().length;
    expect(await dispatch(s, 'minutes.save', { ...where, ...completeMinutes(t, { disclosureKind: 'disclosure_record', disclosureReason: null, disclosureRecordId: elsewhere.id }) })).toMatchObject({
      ok: false,
      error: { code: 'wrong_subject', field: 'disclosureRecordId', message: 'That disclosure record is not about this person: link one of their own disclosures.' },
    });
    expect(await dispatch(s, 'minutes.save', { ...where, ...completeMinutes(t, { disclosureRecordId: disclosure.id }) })).toMatchObject({ ok: false, error: { code: 'not_a_record', field: 'disclosureRecordId' } });
    expect(t.entries().length).toBe(count);
    expect((await s['minutes.get']({ ...where, reason: WHY })).version).toBe(before.minutes.version);
  });

  it('names the linked record in a copy of the minutes, without what it discloses', async () => {
    const { s, t, where, disclosure } = await aMeetingWithDisclosures();
    await s['minutes.save']({ ...where, ...completeMinutes(t, { disclosureKind: 'disclosure_record', disclosureReason: null, disclosureRecordId: disclosure.id }) });
    await s['minutes.send'](where);
    await t.as('dina');
    await s['minutes.confirm'](where);
    await t.as('casey');
    const log = await s['copies.permit']({ ...where, recipientName: 'Siân Llŷr', recipientOfficeId: t.offices.childrens, recipientRole: 'Team manager', reason: 'Child protection plan.', grantedOn: '2026-12-01', grantedHow: 'By secure email' });
    t.api.host.picksFile(t.file('copy.pdf'));
    await s['copies.make']({ meetingId: where.meetingId, permissionId: log.permissions[0]!.id });
    const text = pageTexts(readFileSync(t.file('copy.pdf'))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Disclosure was considered: see the disclosure record started on 25 November 2026, to an employer (draft).');
    expect(text).not.toContain('Pemberton Logistics');
  });
});
