// Issue 13: the response bundle through the channels, from the register's own records. The
// service will not make it while anything is undecided, changed since it was decided, or
// another agency's item is not referred to its owner; then the response holds this office's
// released items only, made again without the redacted words, and the redaction log and
// the internal schedule are separate files. Each file is recorded before it exists. The
// file is read as an adversary would (every stream inflated, every glyph decoded).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { everywhere, foundIn } from '../documents/pdfEverywhere';
import { pageTexts, squashed } from '../documents/pdfText';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, signInRoom, type MeetingTeam } from '../../support/meetings';
import { anItem } from '../../support/registerBuilders';
import { aRequest, DETAILS, SAR_REASON, withIris } from '../../support/sar';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

const RELEASED = 'Attended his appointment on time; discussed his curfew at Hostelgate.';
const THIRD_PARTY = 'Łukasz Wiśniewski';
const REDACTED_ITEM = `${THIRD_PARTY} reported seeing him near the Quokkafield estate.`;
const WITHHELD = 'Informant Marlowgrange gave the address on Thistlewick Lane.';
const POLICE = 'Pellucidor intelligence: Vexmoor assessment.';


async function aDecidedRequest() {
  team = await aMeetingTeam('2026-11-10T09:00:00Z');
  const t = team;
  const s = t.api.service;
  const hollis = await aNominal(t, { givenName: 'Darren', familyName: 'Hollis', aliases: ['Daz Hollis'], dateOfBirth: '1984-03-12' });
  await aNominal(t, { givenName: 'Łukasz', familyName: 'Wiśniewski', dateOfBirth: '1979-06-01', pnc: null, ndelius: null, visor: null });
  const released = await s['items.add'](anItem(hollis, t.offices.probation, { value: RELEASED, receivedOn: '2026-10-01' }));
  const redacted = await s['items.add'](anItem(hollis, t.offices.probation, { value: REDACTED_ITEM, receivedOn: '2026-10-02' }));
  const withheld = await s['items.add'](anItem(hollis, t.offices.probation, { value: WITHHELD, receivedOn: '2026-10-03' }));
  const police = await s['items.add'](anItem(hollis, t.offices.police, { value: POLICE, receivedOn: '2026-10-04' }));
  await withIris(t);
  const id = (await aRequest(t)).id;
  await s['sar.setIdentity']({ id, verifiedOn: '2026-11-02', how: 'Passport seen' });
  await s['sar.confirmSubject']({ id, subjectId: hollis, how: 'Name, alias and date of birth match.' });
  return { t, s, id, hollis, released, redacted, withheld, police };
}

const decide = { code: null, reason: null, healthOpinion: null, redactions: [] };

describe('the response bundle, made from the register', () => {
  it('is refused, before any dialog, while anything is undecided or another agency’s item is not referred, saying what', async () => {
    const { t, s, id } = await aDecidedRequest();
    const view = await s['sar.get']({ id });
    expect(view.responseProblems).toEqual([
      'Decide on 3 items of this office’s: release, redact or withhold.',
      'Refer one item of Wigan Public Protection Unit to them: another agency’s information is answered for by its owner.',
      'Write the response’s details: the office’s address and who signs, the purposes, legal basis, categories, recipients, retention and source.',
    ]);
    const before = { entries: t.entries().length, dialogs: t.api.host.opened.length };
    expect(await dispatch(s, 'sar.makeResponse', { id })).toMatchObject({ ok: false, error: { code: 'not_ready', message: expect.stringContaining('Decide on 3 items of this office’s') } });
    expect({ entries: t.entries().length, dialogs: t.api.host.opened.length }).toEqual(before);
  });

  it('releases this office’s items only, with redacted words nowhere in the file; the log and schedule are separate', async () => {
    const { t, s, id, released, redacted, withheld, police } = await aDecidedRequest();
    await s['sar.decide']({ id, itemId: released.id, decision: 'release', ...decide });
    await s['sar.decide']({ id, itemId: redacted.id, decision: 'redact', ...decide, redactions: [{ start: 0, end: THIRD_PARTY.length, code: 'p3_rights_of_others', reason: 'A third party’s name.' }, { start: REDACTED_ITEM.indexOf('Quokkafield'), end: REDACTED_ITEM.indexOf('Quokkafield') + 11, code: 'p3_rights_of_others', reason: 'Where the third party lives.' }] });
    await s['sar.decide']({ id, itemId: withheld.id, decision: 'withhold', ...decide, code: 'p3_crime', reason: 'Would identify an informant.' });
    await s['sar.refer']({ id, ownerOfficeId: t.offices.police, itemIds: [police.id], referredOn: '2026-11-05', toWhom: 'DS Ana Lopes, data protection officer', how: 'Secure email' });
    const ready = await s['sar.setResponseDetails']({ id, ...DETAILS });
    expect(ready.responseProblems).toEqual([]);

    t.api.host.picksFile(t.file('response.pdf'));
    const made = await s['sar.makeResponse']({ id });
    expect(made).toMatchObject({ file: t.file('response.pdf') });
    const bytes = readFileSync(t.file('response.pdf'));
    const where = everywhere(bytes);
    expect(where.decoded).toContain('Hostelgate');
    expect(where.decoded).toContain('[REDACTED: s45(4)(e)]');
    for (const secret of [THIRD_PARTY, 'Wiśniewski', 'Quokkafield', 'Marlowgrange', 'Thistlewick', 'Pellucidor', 'Vexmoor']) {
      expect(foundIn(where, secret), `"${secret}" in the response`).toEqual([]);
    }
    const pages = pageTexts(bytes, { raw: true });
    expect(pages.length).toBe(made.pages);
    // The watermark of every page names the person it was made for.
    pages.forEach((page, i) => expect(squashed(page), `page ${i + 1}`).toContain(squashed('Made for Darren Hollis, 10 November 2026')));

    const record = await s['sar.get']({ id });
    expect(record.outputs).toMatchObject([{ kind: 'response', itemsReleased: 2, pages: made.pages, madeBy: 'Iris Ilić' }]);
    expect(t.entries().filter((e) => e.action === 'export')).toMatchObject([{ details: { what: 'sar_response', itemsReleased: 2 }, itemIds: [released.id, redacted.id] }]);

    t.api.host.picksFile(t.file('log.csv'));
    await s['sar.makeRedactionLog']({ id, format: 'csv' });
    const csv = readFileSync(t.file('log.csv'), 'utf8');
    expect(csv).toContain('A third party’s name.');
    expect(csv).toContain('Would identify an informant.');
    t.api.host.picksFile(t.file('schedule.pdf'));
    await s['sar.makeSchedule']({ id });
    const schedule = pageTexts(readFileSync(t.file('schedule.pdf'))).join(' ').replace(/\s+/g, ' ');
    expect(schedule).toContain('DS Ana Lopes, data protection officer');
    expect(schedule).toContain('Would identify an informant.');
    expect((await s['sar.get']({ id })).outputs.map((o) => o.kind)).toEqual(['response', 'redaction_log_csv', 'internal_schedule']);
  });

  it('does not show a redaction marker where the requester is not to be told of a restriction: those items are withheld whole', async () => {
    const { t, s, id, released, redacted, withheld, police } = await aDecidedRequest();
    await s['sar.decide']({ id, itemId: released.id, decision: 'release', ...decide });
    await s['sar.decide']({ id, itemId: redacted.id, decision: 'redact', ...decide, redactions: [{ start: 0, end: THIRD_PARTY.length, code: 'p3_rights_of_others', reason: 'A third party’s name.' }] });
    await s['sar.decide']({ id, itemId: withheld.id, decision: 'withhold', ...decide, code: 'p3_crime', reason: 'Would identify an informant.' });
    await s['sar.refer']({ id, ownerOfficeId: t.offices.police, itemIds: [police.id], referredOn: '2026-11-05', toWhom: 'DS Ana Lopes', how: 'Secure email' });
    const view = await s['sar.setResponseDetails']({ id, ...DETAILS, tellWithholding: false, withholdingReasons: 'Telling him would reveal that an investigation is under way.' });
    expect(view.responseProblems).toEqual(['When the requester is not told of a restriction, no released text may show a redaction: withhold one item whole instead of redacting it.']);
    await s['sar.decide']({ id, itemId: redacted.id, decision: 'withhold', ...decide, code: 'p3_rights_of_others', reason: 'A third party’s name throughout.' });
    t.api.host.picksFile(t.file('response.pdf'));
    await s['sar.makeResponse']({ id });
    const where = everywhere(readFileSync(t.file('response.pdf')));
    for (const secret of ['[REDACTED: s45', 'Wiśniewski', 'Marlowgrange', 'investigation is under way']) expect(foundIn(where, secret), secret).toEqual([]);
    t.api.host.picksFile(t.file('schedule.pdf'));
    await s['sar.makeSchedule']({ id });
    expect(pageTexts(readFileSync(t.file('schedule.pdf'))).join(' ').replace(/\s+/g, ' ')).toContain('Telling him would reveal that an investigation is under way.');
  });

  it('handles the minutes about the requester as an extract decided like an item: released with a name redacted, not the attendance', async () => {
    team = await aMeetingTeam('2026-12-10T09:00:00Z');
    const t = team;
    const s = t.api.service;
    const hollis = await aNominal(t, { givenName: 'Darren', familyName: 'Hollis', dateOfBirth: '1984-03-12' });
    await aNominal(t, { givenName: 'Łukasz', familyName: 'Wiśniewski', dateOfBirth: '1979-06-01', pnc: null, ndelius: null, visor: null });
    let meeting = await aLevel2Meeting(t, [hollis]);
    meeting = await signInRoom(t, meeting, attendeeOf(meeting, 'Casey Coordinator').id);
    const shared = `Probation reported that ${THIRD_PARTY} saw him near the Quokkafield estate.`;
    await s['minutes.save']({ meetingId: meeting.id, subjectId: hollis, ...completeMinutes(t, { informationShared: shared }) });
    await withIris(t);
    const id = (await aRequest(t)).id;
    await s['sar.setIdentity']({ id, verifiedOn: '2026-11-02', how: 'Passport seen' });
    await s['sar.confirmSubject']({ id, subjectId: hollis, how: 'Matches.' });
    expect((await s['sar.get']({ id })).responseProblems[0]).toBe('Decide on the minutes of one meeting: release, redact or withhold.');
    const holdings = await s['sar.holdings']({ id, reason: SAR_REASON });
    const minutes = holdings.groups[0]!.items.find((i) => i.source === 'minutes')!;
    expect(minutes).toMatchObject({ fieldLabel: 'Minutes of the Level 2 MAPPA meeting, 30 November 2026', proposedRedactions: [{ name: THIRD_PARTY }] });
    expect(minutes.value).toContain(`Information shared: ${shared}`);
    expect(minutes.value).not.toContain('Dina Shah');
    const at = minutes.value.indexOf(THIRD_PARTY);
    await s['sar.decide']({ id, itemId: minutes.id, decision: 'redact', ...decide, redactions: [{ start: at, end: at + THIRD_PARTY.length, code: 'p3_rights_of_others', reason: 'A third party’s name.' }] });
    expect(t.entries().at(-1)).toMatchObject({ action: 'sar_step', details: { step: 'decide', source: 'minutes', minutesId: minutes.id } });
    await s['sar.setResponseDetails']({ id, ...DETAILS });
    t.api.host.picksFile(t.file('response.pdf'));
    await s['sar.makeResponse']({ id });
    const where = everywhere(readFileSync(t.file('response.pdf')));
    expect(where.decoded).toContain('saw him near the Quokkafield estate.');
    expect(where.decoded).toContain('(extract)');
    for (const secret of [THIRD_PARTY, 'Wiśniewski', 'Dina Shah']) expect(foundIn(where, secret), secret).toEqual([]);
  });
});
