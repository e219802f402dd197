// Issue 11, "with their own register": the invitation and papers go to the attendee's office
// as an exchange file whose manifest requires the undertaking; the attendee's register shows
// the statement first, records the signature made with the attendee's own key, opens the
// papers only after it, and returns a signed acknowledgement that the hosting register
// imports and shows beside the signatures made in the room. A copy of the minutes can go the
// same way. Everything through the channels, as the screens call them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { sealExchange } from '../../../src/main/exchange/exchangeFile';
import { requireOwnKeys } from '../../../src/main/exchange/keys';
import type { MeetingView } from '../../../src/shared/channels/meetings';
import { aMeetingTeam, attendeeOf, type MeetingTeam } from '../../support/meetings';
import { aCopyPermittedForHer, anOutsideAttendeeWithHerRegister, PACK_PAPER } from '../../support/meetingPacks';
import { aDraftShare, confirmShare, HOLLIS, type PartnerRegister } from '../../support/partners';
import { aSubject } from '../../support/registerBuilders';

let team: MeetingTeam | undefined;
const others: PartnerRegister[] = [];
afterEach(() => {
  for (const api of [team?.api, ...others.map((o) => o.api)]) if (api?.session.status().state === 'unlocked') api.session.lock();
  team = undefined;
  others.length = 0;
});

const PAPER_WORDS = PACK_PAPER.involvement;

/** The meeting, Dr Siân Llŷr (not a user) on it, Casey signed with a paper filed, and Siân's own register. */
async function aMeetingWithAnOutsideAttendee() {
  team = await aMeetingTeam();
  const t = team;
  const made = await anOutsideAttendeeWithHerRegister(t);
  others.push(made.trust);
  return { t, s: t.api.service, ...made };
}

async function sendInvitation(t: MeetingTeam, meeting: MeetingView, attendeeId: string, name = 'pack.mappa') {
  t.api.host.picksFile(t.file(name));
  const sent = await t.api.service['packs.sendInvitation']({ meetingId: meeting.id, attendeeId });
  expect(sent.file).toBe(t.file(name));
  return t.file(name);
}

async function openPack(trust: PartnerRegister, file: string) {
  trust.api.host.picksFile(file);
  const opened = await trust.api.service['packs.open']({});
  if (opened.cancelled) throw new Error('cancelled');
  return opened.pack;
}

describe('an attendee signs with their own register', () => {
  it('shows the statement first, opens the papers only after the signature, and the host records it as signed on their own register', async () => {
    const { t, s, meeting, sian, trust } = await aMeetingWithAnOutsideAttendee();
    const file = await sendInvitation(t, meeting, sian.id);
    // Recorded before the file existed: the pack and its audit entry.
    expect(t.entries().at(-1)).toMatchObject({ action: 'export', details: { what: 'meeting_pack', meetingId: meeting.id, attendeeId: sian.id } });
    expect(await s['packs.sent']({ meetingId: meeting.id })).toMatchObject([{ purpose: 'invitation', recipientName: 'Dr Siân Llŷr', documents: 1, acknowledged: null }]);
    // Nothing of the paper is readable in the file itself.
    expect(readFileSync(file, 'utf8')).not.toContain('Leigh clinic');

    const pack = await openPack(trust, file);
    expect(pack).toMatchObject({ recipientName: 'Dr Siân Llŷr', signed: null, meetingTitle: meeting.title, statement: { version: 1, title: 'Confidentiality and Diversity Statement (MAPPA D)' } });
    expect(pack.statement.body).toContain('Freedom of Information Act 2000, sections 30(1)(b), 38, 40 and 41');
    expect(pack.locked).toMatch(/^Read the confidentiality undertaking and sign it to open the papers/);
    expect(pack.documentList).toMatchObject([{ kind: 'paper', title: 'Report to panel: probation', subjectName: 'Darren Hollis', blocks: null }]);
    expect(JSON.stringify(await trust.api.service['packs.get']({ exchangeId: pack.exchangeId }))).not.toContain('Leigh clinic');

    const refused = await dispatch(trust.api.service, 'packs.sign', { exchangeId: pack.exchangeId, typedName: 'Sian Lloyd', agreed: true, version: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'name_mismatch', message: 'This pack was made for Dr Siân Llŷr: only they can sign for it. Type your full name as the meeting has it.', field: 'typedName' } });
    expect(await dispatch(trust.api.service, 'packs.sign', { exchangeId: pack.exchangeId, typedName: 'Dr Siân Llŷr', agreed: false, version: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await trust.api.service['packs.get']({ exchangeId: pack.exchangeId })).signed).toBeNull();

    const signed = await trust.api.service['packs.sign']({ exchangeId: pack.exchangeId, typedName: 'Dr Siân Llŷr', agreed: true, version: 1 });
    expect(signed.locked).toBeNull();
    expect(signed.signed).toMatchObject({ userName: 'Sian Llyr', typedName: 'Dr Siân Llŷr' });
    expect(JSON.stringify(signed.documentList[0]?.blocks)).toContain(PAPER_WORDS);
    expect(trust.entries().at(-1)).toMatchObject({ action: 'meeting_signature', details: { how: 'own_register', version: 1, exchangeId: pack.exchangeId } });

    const ackFile = trust.file('ack.mappa');
    trust.api.host.picksFile(ackFile);
    expect(await trust.api.service['packs.exportAcknowledgement']({ exchangeId: pack.exchangeId })).toEqual({ file: ackFile });

    t.api.host.picksFile(ackFile);
    const imported = await s['packs.importAcknowledgement']({});
    expect(imported).toMatchObject({ cancelled: false, meetingId: meeting.id, pack: { recipientName: 'Dr Siân Llŷr', acknowledged: { typedName: 'Dr Siân Llŷr', importedBy: 'Casey Coordinator' } } });
    const after = await s['meetings.get']({ id: meeting.id });
    const signature = attendeeOf(after, 'Dr Siân Llŷr').signatures[0];
    expect(signature).toMatchObject({ how: 'own_register', version: 1, typedName: 'Dr Siân Llŷr', subjectId: null });
    expect(attendeeOf(after, 'Dr Siân Llŷr').signedForMeeting).toBe(true);
    expect(t.entries().filter((e) => e.action === 'meeting_signature').at(-1)).toMatchObject({ details: { how: 'own_register', attendeeId: sian.id, version: 1 } });

    // The same acknowledgement again is refused and changes nothing.
    const count = t.entries().length;
    t.api.host.picksFile(ackFile);
    expect(await dispatch(s, 'packs.importAcknowledgement', {})).toMatchObject({ ok: false, error: { code: 'exchange_replayed' } });
    // Brought to the wrong place, it says where it goes.
    t.api.host.picksFile(ackFile);
    expect(await dispatch(s, 'packs.open', {})).toMatchObject({ ok: false, error: { code: 'exchange_wrong_place', message: expect.stringContaining('import it from the meeting’s page') } });
    t.api.host.picksFile(ackFile);
    expect(await dispatch(s, 'exchange.open', {})).toMatchObject({ ok: false, error: { code: 'exchange_wrong_place' } });
    expect(t.entries().length).toBe(count);
  });

  it('opens the papers for the person who signed only: a colleague on the same register sees the statement and a locked list', async () => {
    const { t, meeting, sian, trust } = await aMeetingWithAnOutsideAttendee();
    const pack = await openPack(trust, await sendInvitation(t, meeting, sian.id));
    await trust.api.service['packs.sign']({ exchangeId: pack.exchangeId, typedName: 'Dr Siân Llŷr', agreed: true, version: 1 });
    await trust.api.service['users.add']({ userName: 'Ben Nurse', passphrase: 'ben works the ward rounds', confirmPassphrase: 'ben works the ward rounds', administrator: false, role: 'representative', officeId: trust.home });
    await trust.api.service['register.lock']({});
    await trust.api.service['register.unlock']({ folder: trust.folder, userName: 'Ben Nurse', passphrase: 'ben works the ward rounds' });
    const seen = await trust.api.service['packs.get']({ exchangeId: pack.exchangeId });
    expect(seen.locked).toBe('This pack’s papers open only for the person who signed its confidentiality undertaking on this register, Dr Siân Llŷr: the undertaking is personal, so nobody else can open them.');
    expect(seen.documentList.every((d) => d.blocks === null)).toBe(true);
    expect(await dispatch(trust.api.service, 'packs.exportAcknowledgement', { exchangeId: pack.exchangeId })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('refuses an acknowledgement whose signature is not the attendee’s own key’s over what it says, recording nothing', async () => {
    const { t, s, meeting, sian, trust } = await aMeetingWithAnOutsideAttendee();
    const pack = await openPack(trust, await sendInvitation(t, meeting, sian.id));
    await trust.api.service['packs.sign']({ exchangeId: pack.exchangeId, typedName: 'Dr Siân Llŷr', agreed: true, version: 1 });
    const row = trust.api.session.vault().reader.get<{ acknowledgement: string }>('SELECT acknowledgement FROM received_meeting_packs WHERE exchange_id = ?', [pack.exchangeId]);
    const ack = JSON.parse(row?.acknowledgement ?? '{}') as { statement: string; signature: string };
    // The trust's office signs a file whose statement names someone else, keeping Siân's signature.
    const forged = { ...ack, statement: ack.statement.replace('Dr Siân Llŷr', 'Dr Sian Llyr') };
    const own = requireOwnKeys(trust.api.session.vault().reader);
    const host = await t.api.service['keys.own']({});
    const hostKey = (await trust.api.service['keys.partners']({})).find((p) => p.fingerprint === host.fingerprint);
    const ageRecipient = trust.api.session.vault().reader.get<{ age_recipient: string }>('SELECT age_recipient FROM partner_keys WHERE fingerprint = ?', [hostKey?.fingerprint ?? '']);
    const bytes = await sealExchange(
      {
        exchangeId: crypto.randomUUID(),
        kind: 'meeting_acknowledgement',
        sender: { officeId: own.office.id, name: own.office.name, agency: own.office.agency, area: own.office.area, fingerprint: own.fingerprint },
        recipients: [host.fingerprint ?? ''],
        createdAt: t.clock().toISOString(),
        expiresAt: new Date(t.clock().getTime() + 86_400_000).toISOString(),
        sentBy: 'Sian Llyr',
        share: null,
        withdrawal: null,
        acknowledgement: forged,
      },
      { values: {} },
      own,
      [ageRecipient?.age_recipient ?? ''],
    );
    writeFileSync(trust.file('forged.mappa'), bytes);
    const before = t.entries().length;
    t.api.host.picksFile(trust.file('forged.mappa'));
    expect(await dispatch(s, 'packs.importAcknowledgement', {})).toMatchObject({ ok: false, error: { code: 'exchange_bad_signature' } });
    expect(t.entries().length).toBe(before);
    expect(attendeeOf(await s['meetings.get']({ id: meeting.id }), 'Dr Siân Llŷr').signatures).toEqual([]);
  });

  it('refuses to send a pack to an office without a confirmed key, before any dialog opens, changing nothing', async () => {
    const { t, s, meeting } = await aMeetingWithAnOutsideAttendee();
    const withChildren = await s['meetings.addAttendee']({ meetingId: meeting.id, fullName: 'Ștefan Ionescu', officeId: t.offices.childrens, jobTitle: 'Social worker', userName: null, subjectIds: null });
    const before = { entries: t.entries().length, dialogs: t.api.host.opened.length };
    const refused = await dispatch(s, 'packs.sendInvitation', { meetingId: meeting.id, attendeeId: attendeeOf(withChildren, 'Ștefan Ionescu').id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'no_partner_key', message: expect.stringContaining('Wigan Children’s Services has no confirmed key on this register, so nothing can be sent to Ștefan Ionescu there.') } });
    expect({ entries: t.entries().length, dialogs: t.api.host.opened.length }).toEqual(before);
    // A user of this register signs and reads here.
    const pat = attendeeOf(withChildren, 'Pat Probation');
    expect(await dispatch(s, 'packs.sendInvitation', { meetingId: meeting.id, attendeeId: pat.id })).toMatchObject({ ok: false, error: { code: 'is_a_user' } });
  });

  it('refuses a sender who has not signed the undertaking themself', async () => {
    const { t, meeting, sian } = await aMeetingWithAnOutsideAttendee();
    await t.as('dina');
    const before = t.entries().length;
    expect(await dispatch(t.api.service, 'packs.sendInvitation', { meetingId: meeting.id, attendeeId: sian.id })).toMatchObject({ ok: false, error: { code: 'undertaking_unsigned' } });
    expect(t.entries().length).toBe(before);
  });

  it('keeps a pack from a person who declared an association with someone it discusses, recording the attempt', async () => {
    const { t, meeting, sian, trust } = await aMeetingWithAnOutsideAttendee();
    const file = await sendInvitation(t, meeting, sian.id);
    await trust.api.service['associations.declare']({ names: ['Darren Hollis'], dateOfBirth: null, relationship: 'My sister’s former partner' });
    trust.api.host.picksFile(file);
    expect(await dispatch(trust.api.service, 'packs.open', {})).toMatchObject({ ok: false, error: { code: 'association_block' } });
    expect(trust.entries().at(-1)).toMatchObject({ action: 'association_alert' });
    expect(await trust.api.service['packs.received']({})).toEqual([]);
  });

  it('sends each kind of file to its own place: a pack is not imported as a share, a share not opened as a pack', async () => {
    const { t, meeting, sian, trust } = await aMeetingWithAnOutsideAttendee();
    const file = await sendInvitation(t, meeting, sian.id);
    trust.api.host.picksFile(file);
    expect(await dispatch(trust.api.service, 'exchange.open', {})).toMatchObject({ ok: false, error: { code: 'exchange_wrong_place', message: 'This file is a MAPPA meeting pack for an attendee: open it from Meetings, with “Open a meeting pack”. Nothing was opened here.' } });
    // A share from the trust to the host, brought to "Open a meeting pack".
    const subjectId = (await trust.api.service['subjects.create'](aSubject(HOLLIS))).id;
    const share = await aDraftShare(trust, subjectId, [trust.hostOfficeId], [{ kind: 'subject', field: 'references' }]);
    const shareFile = await confirmShare(trust, share.id);
    t.api.host.picksFile(shareFile);
    expect(await dispatch(t.api.service, 'packs.open', {})).toMatchObject({
      ok: false,
      error: { code: 'exchange_wrong_place', message: 'This file is a share from a partner office: import it on the Import page. Nothing was opened here.' },
    });
  });
});

describe('a copy of the minutes as an exchange file', () => {
  it('needs the chair’s permission, is numbered in the distribution log, and opens for its recipient only after they sign', async () => {
    const { t, s, hollis, meeting, trust } = await aMeetingWithAnOutsideAttendee();
    const permission = await aCopyPermittedForHer(t, meeting, hollis);
    const m = meeting;
    const where = { meetingId: m.id, subjectId: hollis };
    t.api.host.picksFile(t.file('copy.mappa'));
    expect(await s['packs.sendCopy']({ meetingId: m.id, permissionId: permission.id })).toEqual({ file: t.file('copy.mappa'), copyNumber: 1 });
    expect(existsSync(t.file('copy.mappa'))).toBe(true);
    expect(t.entries().at(-1)).toMatchObject({ action: 'minutes_copy', subjectId: hollis, details: { form: 'exchange', copyNumber: 1 } });
    expect((await s['copies.list'](where)).copies).toMatchObject([{ copyNumber: 1, recipientName: 'Dr Siân Llŷr', form: 'exchange', pages: null }]);
    // The permission is used up, whichever form the copy took.
    expect(await dispatch(s, 'copies.make', { meetingId: m.id, permissionId: permission.id })).toMatchObject({ ok: false, error: { code: 'permission_used' } });

    const pack = await openPack(trust, t.file('copy.mappa'));
    expect(pack).toMatchObject({ purpose: 'copy', recipientName: 'Dr Siân Llŷr', documentList: [{ kind: 'minutes', copyNumber: 1, blocks: null }] });
    const signed = await trust.api.service['packs.sign']({ exchangeId: pack.exchangeId, typedName: 'Dr Siân Llŷr', agreed: true, version: 1 });
    const text = JSON.stringify(signed.documentList[0]?.blocks);
    expect(text).toContain('Copy 1 of these minutes, for Dr Siân Llŷr');
    expect(text).toContain('Weekly appointments with the offender manager.');
  });
});
