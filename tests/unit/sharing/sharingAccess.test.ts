// Issue 10: the service enforces; the screen only shows. Every sharing channel called as an
// insider would call it (their own passphrase, dispatch, no screen): the role table
// (share.make, share.import, keys.manage), the declared-association block on every act
// and read of the declared person's shares and on the preview of a file about them, the
// rules on a share's input (each refusal changes nothing), and the audit entry a
// confirmed share writes, which holds ids and codes, never the information shared.
import { existsSync, readFileSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { BLOCKED_CHANGE, BLOCKED_OPEN } from '../../../src/main/register/associationBlock';
import { REFUSALS, type Role } from '../../../src/shared/permissions';
import { today } from '../../../src/shared/calendar';
import type { FieldRef } from '../../../src/shared/channels/sharing';
import { aSubject, anItem } from '../../support/registerBuilders';
import { CASE, aDraftShare, confirmShare, FULL_ANSWER, HOLLIS, openFile, twoPartners, type PartnerRegister } from '../../support/partners';

const TODAY = today(new Date());
const item = (itemId: string): FieldRef => ({ kind: 'item', itemId });
const field = (f: 'address' | 'date_of_birth' | 'references' | 'ethnicity'): FieldRef => ({ kind: 'subject', field: f });

const VALUES = {
  risk: 'Drinks heavily after contact with his former partner; violence has followed twice.',
  rmp: 'Exclusion zone around Orchard Close; curfew 19:00–07:00.',
  mental: 'Diagnosed with paranoid schizophrenia in 2019; stops medication when drinking.',
  other: 'Known to carry a knife when drinking in the town centre.',
  police: 'Arrested 3 November for breach of a non-molestation order.',
};

const PEOPLE = {
  pat: { userName: 'Pat Probation', passphrase: 'pat supervises from wigan', role: 'representative' as Role },
  indra: { userName: 'Indra Governance', passphrase: 'indra keeps the records straight', role: 'ig_lead' as Role },
};
type Person = keyof typeof PEOPLE | 'casey';

const open: PartnerRegister[] = [];
afterAll(() => {
  for (const r of open) if (r.api.session.status().state === 'unlocked') r.api.session.lock();
});

/**
 * Probation's register (Casey, coordinator and administrator, made it) and the police's,
 * keys exchanged; probation adds Pat (representative) and Indra (IG lead). Darren Hollis
 * has probation's risk factor and plan entry and the health trust's diagnosis; Daniel
 * Hartley has one item. Casey is signed in at the end.
 */
async function aTeamThatShares() {
  const t = await twoPartners();
  open.push(t.probation, t.police);
  const a = t.probation;
  const s = a.api.service;
  for (const p of Object.values(PEOPLE)) {
    await s['users.add']({ userName: p.userName, passphrase: p.passphrase, confirmPassphrase: p.passphrase, administrator: false, role: p.role, officeId: a.home });
  }
  const health = a.offices.health!;
  const hollis = (await s['subjects.create'](aSubject(HOLLIS))).id;
  const risk = (await s['items.add'](anItem(hollis, a.home, { value: VALUES.risk, providerName: 'Pat Probation' }))).id;
  const rmp = (await s['items.add'](anItem(hollis, a.home, { fieldKind: 'rmp_entry', rmpHeading: 'victim_safety', value: VALUES.rmp, providerName: 'Pat Probation' }))).id;
  const mental = (await s['items.add'](anItem(hollis, health, { fieldKind: 'health', value: VALUES.mental, providerName: 'Dr Aled Pryce' }))).id;
  const hartley = (await s['subjects.create'](aSubject({ givenName: 'Daniel', familyName: 'Hartley', dateOfBirth: '1979-02-03', address: '3 Mill Lane, Leigh' }))).id;
  const hartleyItem = (await s['items.add'](anItem(hartley, a.home, { value: VALUES.other, providerName: 'Pat Probation' }))).id;
  const as = async (who: Person) => {
    if (a.api.session.status().state === 'unlocked') await s['register.lock']({});
    const person = who === 'casey' ? a.user : PEOPLE[who];
    await s['register.unlock']({ folder: a.folder, userName: person.userName, passphrase: person.passphrase });
  };
  return { ...t, a, s, hollis, hartley, risk, rmp, mental, hartleyItem, health, as };
}
type Team = Awaited<ReturnType<typeof aTeamThatShares>>;

/** Every row sharing keeps, and the audit log's length: what a refused call must leave as it was. */
function sharingState(reg: PartnerRegister) {
  const r = reg.api.session.vault().reader;
  return {
    shares: r.all('SELECT * FROM shares ORDER BY id'),
    lines: r.all('SELECT * FROM share_lines ORDER BY share_id, line_id'),
    permissions: r.all('SELECT * FROM owner_permissions ORDER BY id'),
    partnerKeys: r.all('SELECT * FROM partner_keys ORDER BY id'),
    officeKeys: r.all('SELECT office_id, fingerprint FROM office_keys ORDER BY office_id'),
    received: r.all('SELECT * FROM exchanges_received ORDER BY exchange_id'),
    subjects: r.all('SELECT id, deleted_at FROM subjects ORDER BY id'),
    items: r.all('SELECT id, value, version, deleted_at FROM items ORDER BY id'),
  };
}
const auditLength = (reg: PartnerRegister) => reg.entries().length;

const details = (t: Team, id: string) => ({
  id,
  purpose: 'risk_management_plan' as const,
  purposeOther: null,
  recipientOfficeIds: [t.policeInProbation],
  gateway: 'cja2003_s325' as const,
  gatewayOther: null,
  regime: 'dpa2018_part3' as const,
  expiryDays: 28,
  noOnwardDisclosure: true,
  notToSubject: false,
});

/** A draft of Casey's (ready), a confirmed share (its file saved), and an open permission request for the health trust's item. */
async function sharesInProgress(t: Team) {
  const draft = await aDraftShare(t.a, t.hollis, [t.policeInProbation], [item(t.risk)]);
  const done = await aDraftShare(t.a, t.hollis, [t.policeInProbation], [field('references'), item(t.rmp)]);
  const file = await confirmShare(t.a, done.id);
  const permission = await t.s['permissions.request']({ itemId: t.mental, recipientOfficeIds: [t.policeInProbation], purpose: 'risk_management_plan', askedOf: 'Dr Aled Pryce', note: null });
  const answerable = draft.lines.find((l) => l.ref.kind === 'item')!;
  return { draft: draft.id, line: answerable.lineId, confirmed: done.id, file, permission: permission.id };
}

/** Every sharing channel that acts, with an input that would otherwise be accepted. */
function actingCalls(t: Team, p: Awaited<ReturnType<typeof sharesInProgress>>) {
  return {
    'shares.start': { subjectId: t.hollis },
    'shares.setFields': { id: p.draft, fields: [item(t.risk), item(t.rmp)] },
    'shares.setDetails': details(t, p.draft),
    'shares.answer': { id: p.draft, lineId: p.line, ...FULL_ANSWER },
    'shares.removeField': { id: p.draft, lineId: p.line },
    'shares.confirm': { id: p.draft },
    'shares.discard': { id: p.draft },
    'shares.decline': { subjectId: t.hollis, requestedBy: 'Wigan Housing Options', requestedByOfficeId: null, purpose: 'locate_contact', purposeOther: null, itemIds: [t.risk], reason: 'Not needed to house him.' },
    'shares.withdraw': { id: p.confirmed, reason: 'Sent to the wrong unit.' },
    'permissions.request': { itemId: t.mental, recipientOfficeIds: [t.policeInProbation], purpose: 'victim_safety', askedOf: 'Dr Aled Pryce', note: null },
    'permissions.answer': { id: p.permission, answer: 'granted', answeredBy: 'Dr Aled Pryce', answeredOn: TODAY, note: null },
  } as const;
}

type InProgress = Awaited<ReturnType<typeof sharesInProgress>>;

/** The police hold a person too, with an item of their own. */
async function aPoliceRecordOf(t: Team, subject: Parameters<typeof aSubject>[0]): Promise<{ subjectId: string; itemId: string }> {
  const ps = t.police.api.service;
  const subjectId = (await ps['subjects.create'](aSubject(subject))).id;
  const own = await ps['items.add'](anItem(subjectId, t.police.home, { value: VALUES.police, providerName: 'Sam Sergeant' }));
  return { subjectId, itemId: own.id };
}

/** The police send probation a file about the person on their record, carrying `fields` and their item. */
async function aPoliceFileAbout(t: Team, record: { subjectId: string; itemId: string }, fields: FieldRef[]): Promise<string> {
  const share = await aDraftShare(t.police, record.subjectId, [t.probationInPolice], [...fields, item(record.itemId)]);
  return confirmShare(t.police, share.id);
}

describe('roles: who may share, import and manage keys', () => {
  let t: Team;
  let p: InProgress;
  let policeFile: string;
  beforeAll(async () => {
    t = await aTeamThatShares();
    p = await sharesInProgress(t);
    policeFile = await aPoliceFileAbout(t, await aPoliceRecordOf(t, HOLLIS), [field('references')]);
  });

  it('refuses an IG lead every act of sharing and importing, before any dialog opens, with the permission’s sentence, and changes nothing', async () => {
    await t.as('indra');
    const before = sharingState(t.a);
    const audit = auditLength(t.a);
    const dialogs = t.a.api.host.opened.length;
    for (const [channel, input] of Object.entries(actingCalls(t, p))) {
      expect(await dispatch(t.s, channel, input), channel).toEqual({ ok: false, error: { code: 'not_allowed', message: REFUSALS['share.make'] } });
    }
    expect(await dispatch(t.s, 'exchange.open', {})).toEqual({ ok: false, error: { code: 'not_allowed', message: REFUSALS['share.import'] } });
    expect(await dispatch(t.s, 'exchange.import', { token: randomUUID() })).toEqual({ ok: false, error: { code: 'not_allowed', message: REFUSALS['share.import'] } });
    for (const channel of ['keys.create', 'keys.exportOwn', 'keys.openPartnerKey'] as const) {
      expect(await dispatch(t.s, channel, {}), channel).toEqual({ ok: false, error: { code: 'not_allowed', message: REFUSALS['keys.manage'] } });
    }
    expect(t.a.api.host.opened.length).toBe(dialogs); // no save or open dialog was shown
    expect(sharingState(t.a)).toEqual(before);
    expect(auditLength(t.a)).toBe(audit);
    // What an IG lead may do: read (each read audited).
    expect(await dispatch(t.s, 'shares.get', { id: p.confirmed, reason: CASE })).toMatchObject({ ok: true, value: { status: 'confirmed' } });
    expect(await dispatch(t.s, 'shares.list', { subjectId: t.hollis })).toMatchObject({ ok: true });
    expect(await dispatch(t.s, 'permissions.list', { subjectId: t.hollis })).toMatchObject({ ok: true });
  });

  it('refuses an IG lead the import of a file a coordinator opened, even holding the coordinator’s token', async () => {
    await t.as('casey');
    const preview = await openFile(t.a, policeFile);
    await t.as('indra');
    const before = sharingState(t.a);
    expect(await dispatch(t.s, 'exchange.import', { token: preview.token })).toEqual({ ok: false, error: { code: 'not_allowed', message: REFUSALS['share.import'] } });
    expect(sharingState(t.a)).toEqual(before);
  });

  it('lets a representative share, but not make the office’s keys, save them, or open or confirm a partner’s key, even with the coordinator’s token', async () => {
    await t.as('casey');
    // Casey opens the police's key file again (the same key: status same) and leaves it unconfirmed.
    const keyFile = t.police.file('police-again.mappa-key');
    t.police.api.host.picksFile(keyFile);
    await t.police.api.service['keys.exportOwn']({});
    t.a.api.host.picksFile(keyFile);
    const preview = await t.s['keys.openPartnerKey']({});
    const token = (preview as { token: string }).token;
    await t.as('pat');
    const before = sharingState(t.a);
    const dialogs = t.a.api.host.opened.length;
    for (const [channel, input] of [
      ['keys.create', {}],
      ['keys.exportOwn', {}],
      ['keys.openPartnerKey', {}],
      ['keys.confirmPartnerKey', { token, fingerprintMatches: true, confirmedWith: 'Sam Sergeant', confirmedHow: 'by telephone' }],
    ] as const) {
      expect(await dispatch(t.s, channel, input), channel).toEqual({ ok: false, error: { code: 'not_allowed', message: REFUSALS['keys.manage'] } });
    }
    expect(t.a.api.host.opened.length).toBe(dialogs);
    expect(sharingState(t.a)).toEqual(before);
    // Seeing the keys is every member's; sharing is a representative's.
    expect(await dispatch(t.s, 'keys.partners', {})).toMatchObject({ ok: true, value: [{ office: { id: t.policeInProbation } }] });
    expect(await dispatch(t.s, 'shares.start', { subjectId: t.hollis, reason: CASE })).toMatchObject({ ok: true, value: { status: 'draft', createdBy: 'Pat Probation' } });
  });
});

describe('the declared-association block on sharing', () => {
  const alerts = () => t.a.entries().filter((e) => e.action === 'association_alert');
  let t: Team;
  let p: InProgress;
  let hartleyShare: string;
  const files = { byReference: '', namesOnly: '', notHeld: '' };

  // Pat (representative) has declared Darren Hollis, and Kieran Doyle (not in this register);
  // Casey's shares of Hollis are in progress; the police have sent three files.
  beforeAll(async () => {
    t = await aTeamThatShares();
    p = await sharesInProgress(t);
    hartleyShare = (await aDraftShare(t.a, t.hartley, [t.policeInProbation], [item(t.hartleyItem)])).id;
    const hollis = await aPoliceRecordOf(t, HOLLIS);
    files.byReference = await aPoliceFileAbout(t, hollis, [field('references'), field('date_of_birth')]);
    files.namesOnly = await aPoliceFileAbout(t, hollis, []);
    const doyle = await aPoliceRecordOf(t, { givenName: 'Kieran', familyName: 'Doyle', dateOfBirth: '1990-05-05', pnc: '90/555555K', address: '9 Wharf Street, Wigan' });
    files.notHeld = await aPoliceFileAbout(t, doyle, [field('references'), field('date_of_birth')]);
    await t.as('pat');
    await t.s['associations.declare']({ names: ['Darren Hollis'], dateOfBirth: '1984-03-12', relationship: 'My cousin; we grew up on the same street.' });
    await t.s['associations.declare']({ names: ['Kieran Doyle'], dateOfBirth: '1990-05-05', relationship: 'My brother-in-law.' });
  });

  it('refuses every act on the declared person’s shares and permissions with the block sentence, alerting each time, and changes nothing', async () => {
    const before = sharingState(t.a);
    const dialogs = t.a.api.host.opened.length;
    // shares.withdraw has its own tests below (its dialog).
    const { 'shares.withdraw': _withdraw, ...acts } = actingCalls(t, p);
    for (const [channel, input] of Object.entries(acts)) {
      const mark = alerts().length;
      expect(await dispatch(t.s, channel, input), channel).toEqual({ ok: false, error: { code: 'association_block', message: BLOCKED_CHANGE } });
      expect(alerts().length, channel).toBe(mark + 1);
      expect(t.a.entries().at(-1), channel).toMatchObject({ action: 'association_alert', subjectId: t.hollis, actor: { userName: 'Pat Probation' } });
    }
    expect(t.a.api.host.opened.length).toBe(dialogs); // not even the confirm's save dialog
    expect(sharingState(t.a)).toEqual(before);
  });

  it('refuses every read of the declared person’s shares and permissions, alerting each time, and leaves them out of the register-wide list', async () => {
    for (const [channel, input] of [
      ['shares.get', { id: p.draft, reason: CASE }],
      ['shares.get', { id: p.confirmed, reason: CASE }],
      ['shares.list', { subjectId: t.hollis }],
      ['permissions.list', { subjectId: t.hollis }],
    ] as const) {
      const mark = alerts().length;
      expect(await dispatch(t.s, channel, input), channel).toEqual({ ok: false, error: { code: 'association_block', message: BLOCKED_OPEN } });
      expect(alerts().length, channel).toBe(mark + 1);
      expect(t.a.entries().at(-1), channel).toMatchObject({ action: 'association_alert', subjectId: t.hollis });
    }
    const everyone = await dispatch(t.s, 'shares.list', { subjectId: null });
    expect(everyone).toMatchObject({ ok: true });
    expect((everyone as { ok: true; value: { id: string }[] }).value.map((x) => x.id)).toEqual([hartleyShare]);
    expect(JSON.stringify(t.a.entries().at(-1))).not.toContain(t.hollis);
  });

  it('refuses a withdrawal of the declared person’s share, leaving no file and the share confirmed', async () => {
    const before = sharingState(t.a);
    const mark = alerts().length;
    const notice = t.a.file('withdrawal-by-pat.mappa');
    const dialogs = t.a.api.host.opened.length;
    t.a.api.host.picksFile(notice);
    expect(await dispatch(t.s, 'shares.withdraw', { id: p.confirmed, reason: 'Sent to the wrong unit.' })).toEqual({ ok: false, error: { code: 'association_block', message: BLOCKED_CHANGE } });
    expect(existsSync(notice)).toBe(false);
    expect(t.a.api.host.opened.length).toBe(dialogs); // refused before the save dialog opened
    t.a.api.host.forgetPicks();
    expect(alerts().length).toBe(mark + 1);
    expect(sharingState(t.a)).toEqual(before);
  });

  it('does not show the declared person’s share to a blocked user who starts a withdrawal and cancels its save dialog', async () => {
    const mark = alerts().length;
    // No file chosen: the save dialog is cancelled.
    const reply = await dispatch(t.s, 'shares.withdraw', { id: p.confirmed, reason: 'Sent to the wrong unit.' });
    expect(JSON.stringify(reply)).not.toContain('Orchard Close');
    expect(reply).toEqual({ ok: false, error: { code: 'association_block', message: BLOCKED_CHANGE } });
    expect(alerts().length).toBe(mark + 1);
  });

  it('refuses the preview of a file about the declared person (matched by PNC), alerting, with nothing imported', async () => {
    const before = sharingState(t.a);
    const mark = alerts().length;
    t.a.api.host.picksFile(files.byReference);
    const reply = await dispatch(t.s, 'exchange.open', {});
    expect(reply).toEqual({ ok: false, error: { code: 'association_block', message: BLOCKED_OPEN } });
    expect(alerts().length).toBe(mark + 1);
    expect(t.a.entries().at(-1)).toMatchObject({ action: 'association_alert', subjectId: t.hollis });
    expect(t.a.entries().filter((e) => e.action === 'import')).toEqual([]);
    expect(sharingState(t.a)).toEqual(before);
  });

  it('refuses the preview of a file about the declared person that carries only his names (no date of birth or reference to match the record by)', async () => {
    const mark = alerts().length;
    t.a.api.host.picksFile(files.namesOnly);
    const reply = await dispatch(t.s, 'exchange.open', {});
    expect(JSON.stringify(reply)).not.toContain('non-molestation');
    expect(reply).toMatchObject({ ok: false, error: { code: 'association_block' } });
    expect(alerts().length).toBe(mark + 1);
  });

  it('refuses the preview of a file about a declared person this register does not hold yet', async () => {
    t.a.api.host.picksFile(files.notHeld);
    const reply = await dispatch(t.s, 'exchange.open', {});
    expect(JSON.stringify(reply)).not.toContain('non-molestation');
    expect(reply).toMatchObject({ ok: false, error: { code: 'association_block' } });
  });

  it('lets a colleague with no declaration do all of it', async () => {
    await t.as('casey');
    expect(await dispatch(t.s, 'shares.get', { id: p.draft, reason: CASE })).toMatchObject({ ok: true });
    expect(await dispatch(t.s, 'shares.start', { subjectId: t.hollis, reason: CASE })).toMatchObject({ ok: true });
    expect(await dispatch(t.s, 'shares.list', { subjectId: t.hollis })).toMatchObject({ ok: true });
    t.a.api.host.picksFile(files.byReference);
    expect(await dispatch(t.s, 'exchange.open', {})).toMatchObject({ ok: true, value: { subject: { matchedSubjectId: t.hollis } } });
    expect(t.a.entries().filter((e) => e.action === 'association_alert' && e.actor.userName === 'Casey Coordinator')).toEqual([]);
  });
});

describe('every rejected input changes nothing', () => {
  let t: Team;
  let p: InProgress;
  let spare: string;
  beforeAll(async () => {
    t = await aTeamThatShares();
    p = await sharesInProgress(t);
    spare = (await t.s['items.add'](anItem(t.hollis, t.a.home, { value: 'Recorded twice by mistake.', providerName: 'Pat Probation' }))).id;
  });

  it('refuses a share’s details naming an office with no confirmed key, an unknown office, or “other” without words', async () => {
    const draft = await aDraftShare(t.a, t.hollis, [t.policeInProbation], [item(t.risk)]);
    const view = await t.s['shares.get']({ id: draft.id, reason: CASE });
    const before = sharingState(t.a);
    const audit = auditLength(t.a);
    const NO_KEY = 'Choose recipients from the partner offices whose key this register has confirmed (see the Partner keys page).';
    const cases: [string, unknown, Record<string, unknown>][] = [
      ['the health trust (no key)', { ...details(t, draft.id), recipientOfficeIds: [t.policeInProbation, t.health] }, { code: 'no_partner_key', message: NO_KEY, field: 'recipientOfficeIds' }],
      ['this register’s own office', { ...details(t, draft.id), recipientOfficeIds: [t.a.home] }, { code: 'no_partner_key', message: NO_KEY, field: 'recipientOfficeIds' }],
      ['an office not in the register', { ...details(t, draft.id), recipientOfficeIds: [randomUUID()] }, { code: 'no_partner_key', message: NO_KEY, field: 'recipientOfficeIds' }],
      ['purpose other, no words', { ...details(t, draft.id), purpose: 'other', purposeOther: null }, { code: 'purpose_other', message: 'Say which MAPPA purpose the share serves.', field: 'purposeOther' }],
      ['gateway other, no words', { ...details(t, draft.id), gateway: 'other', gatewayOther: null }, { code: 'gateway_other', message: 'Say which lawful gateway the share relies on.', field: 'gatewayOther' }],
      ['no recipients', { ...details(t, draft.id), recipientOfficeIds: [] }, { code: 'invalid_input', field: 'recipientOfficeIds' }],
      ['an expiry of no days', { ...details(t, draft.id), expiryDays: 0 }, { code: 'invalid_input', field: 'expiryDays' }],
    ];
    for (const [what, input, error] of cases) {
      expect(await dispatch(t.s, 'shares.setDetails', input), what).toMatchObject({ ok: false, error });
    }
    expect(sharingState(t.a)).toEqual(before);
    expect(auditLength(t.a)).toBe(audit);
    expect(await t.s['shares.get']({ id: draft.id, reason: CASE })).toEqual(view);
  });

  it('refuses another subject’s item, or a deleted one, as a field of the share, a declined item or a permission', async () => {
    const draft = await aDraftShare(t.a, t.hollis, [t.policeInProbation], [item(t.risk)]);
    await t.s['items.delete']({ id: spare, reason: 'Recorded twice' });
    const before = sharingState(t.a);
    const audit = auditLength(t.a);
    const NOT_HIS = 'One of the chosen items is not this person’s, or has been deleted: choose the fields again.';
    for (const [what, fields] of [
      ['Hartley’s item', [item(t.risk), item(t.hartleyItem)]],
      ['a deleted item', [item(spare)]],
      ['an item that never was', [item(randomUUID())]],
    ] as const) {
      expect(await dispatch(t.s, 'shares.setFields', { id: draft.id, fields }), what).toEqual({ ok: false, error: { code: 'unknown_field', message: NOT_HIS, field: 'fields' } });
    }
    expect(await dispatch(t.s, 'shares.decline', { subjectId: t.hollis, requestedBy: 'Wigan Housing Options', requestedByOfficeId: null, purpose: 'locate_contact', purposeOther: null, itemIds: [t.hartleyItem], reason: 'Not needed.' })).toEqual({
      ok: false,
      error: { code: 'unknown_item', message: 'One of the items is not this person’s, or has been deleted: choose them again.', field: 'itemIds' },
    });
    expect(await dispatch(t.s, 'permissions.request', { itemId: spare, recipientOfficeIds: [t.policeInProbation], purpose: 'risk_management_plan', askedOf: 'Someone', note: null })).toMatchObject({ ok: false });
    expect(await dispatch(t.s, 'shares.answer', { id: draft.id, lineId: randomUUID(), ...FULL_ANSWER })).toMatchObject({ ok: false, error: { code: 'unknown_line' } });
    expect(await dispatch(t.s, 'shares.answer', { id: draft.id, lineId: p.line, ...FULL_ANSWER })).toMatchObject({ ok: false, error: { code: 'unknown_line' } }); // another share's line
    expect(await dispatch(t.s, 'shares.get', { id: randomUUID(), reason: CASE })).toMatchObject({ ok: false, error: { code: 'unknown_share' } });
    expect(sharingState(t.a)).toEqual(before);
    expect(auditLength(t.a)).toBe(audit);
  });

  it('refuses every change to a confirmed share (not_draft), a second confirmation before any dialog, and a withdrawal of a draft', async () => {
    const confirmed = await t.s['shares.get']({ id: p.confirmed, reason: CASE });
    const line = confirmed.lines.find((l) => l.ref.kind === 'item')!.lineId;
    const before = sharingState(t.a);
    const audit = auditLength(t.a);
    const dialogs = t.a.api.host.opened.length;
    const NOT_DRAFT = 'This share can no longer be changed: it has been confirmed and its file made. Start a new share instead.';
    for (const [channel, input] of [
      ['shares.answer', { id: p.confirmed, lineId: line, ...FULL_ANSWER }],
      ['shares.setFields', { id: p.confirmed, fields: [item(t.risk)] }],
      ['shares.setDetails', details(t, p.confirmed)],
      ['shares.removeField', { id: p.confirmed, lineId: line }],
      ['shares.discard', { id: p.confirmed }],
    ] as const) {
      expect(await dispatch(t.s, channel, input), channel).toEqual({ ok: false, error: { code: 'not_draft', message: NOT_DRAFT } });
    }
    expect(await dispatch(t.s, 'shares.confirm', { id: p.confirmed })).toEqual({ ok: false, error: { code: 'not_draft', message: 'This share has already been confirmed, withdrawn or discarded: start a new share instead.' } });
    expect(await dispatch(t.s, 'shares.withdraw', { id: p.draft, reason: 'Changed my mind.' })).toEqual({
      ok: false,
      error: { code: 'not_confirmed', message: 'Only a confirmed share can be withdrawn: a draft can be discarded instead.' },
    });
    expect(t.a.api.host.opened.length).toBe(dialogs);
    expect(sharingState(t.a)).toEqual(before);
    expect(auditLength(t.a)).toBe(audit);
    expect(readFileSync(p.file).length).toBeGreaterThan(0);
  });

  it('refuses to confirm a share that is not ready, before any dialog, and leaves it a draft', async () => {
    const draft = await aDraftShare(t.a, t.hollis, [t.policeInProbation], [item(t.mental)]); // the health trust's item: permission asked, not given
    expect(draft.ready).toBe(false);
    const before = sharingState(t.a);
    const dialogs = t.a.api.host.opened.length;
    const reply = await dispatch(t.s, 'shares.confirm', { id: draft.id });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_ready' } });
    expect((reply as { error: { message: string } }).error.message).toContain('Health belongs to North West Mental Health Trust');
    expect(t.a.api.host.opened.length).toBe(dialogs);
    expect(sharingState(t.a)).toEqual(before);
  });
});

describe('the audit of a share', () => {
  let t: Team;
  beforeAll(async () => {
    t = await aTeamThatShares();
    const asked = await t.s['permissions.request']({ itemId: t.mental, recipientOfficeIds: [t.policeInProbation], purpose: 'risk_management_plan', askedOf: 'Dr Aled Pryce', note: null });
    await t.s['permissions.answer']({ id: asked.id, answer: 'granted', answeredBy: 'Dr Aled Pryce', answeredOn: TODAY, note: null });
  });

  it('writes one ‘share’ entry for a confirmed share, of ids and codes only, in the same commit as the confirmation', async () => {
    const draft = await aDraftShare(t.a, t.hollis, [t.policeInProbation], [field('address'), field('references'), item(t.risk), item(t.rmp), item(t.mental)]);
    expect(draft.ready).toBe(true);
    const mark = auditLength(t.a);
    const file = await confirmShare(t.a, draft.id);
    const written = t.a.entries().slice(mark);
    expect(written.map((e) => e.action)).toEqual(['share']);
    const entry = written[0]!;
    const view = await t.s['shares.get']({ id: draft.id, reason: CASE });
    expect(entry).toMatchObject({ subjectId: t.hollis, itemIds: [t.risk, t.rmp, t.mental], actor: { userName: 'Casey Coordinator' } });
    expect(Object.keys(entry.details).sort()).toEqual(['exchangeId', 'fieldKinds', 'fields', 'fileSha256', 'gateway', 'purpose', 'recipients', 'regime', 'shareId']);
    expect(entry.details).toMatchObject({
      shareId: draft.id,
      exchangeId: view.exchangeId,
      purpose: 'risk_management_plan',
      gateway: 'cja2003_s325',
      regime: 'dpa2018_part3',
      recipients: [t.policeInProbation],
      fields: 6,
    });
    expect([...new Set(entry.details.fieldKinds as string[])].sort()).toEqual(['address', 'health', 'identity', 'risk_factor', 'rmp_entry']);
    expect(entry.reason ?? null).toBeNull();
    // Every leaf is an id, a hash, a code or a count.
    const leaves = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(leaves) : v !== null && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [v]);
    for (const leaf of leaves(entry.details)) {
      expect(typeof leaf === 'number' || (typeof leaf === 'string' && /^([0-9a-f-]{36}|[0-9a-f]{64}|[a-z0-9_]+)$/.test(leaf)), String(leaf)).toBe(true);
    }
    expect(entry.details.fileSha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
  });

  it('keeps every shared value, and the three tests’ answers, out of the audit log of both registers', async () => {
    const draft = await aDraftShare(t.a, t.hollis, [t.policeInProbation], [field('address'), field('ethnicity'), item(t.risk), item(t.rmp), item(t.mental)]);
    expect(draft.ready).toBe(true);
    const file = await confirmShare(t.a, draft.id);
    const preview = await openFile(t.police, file);
    await t.police.api.service['exchange.import']({ token: preview.token, subjectId: null });
    const secret = [VALUES.risk, VALUES.rmp, VALUES.mental, 'Orchard Close', 'schizophrenia', '14 Larch Road', 'White British', FULL_ANSWER.necessary, FULL_ANSWER.proportionate, FULL_ANSWER.relevant, 'His mental health bears directly'];
    for (const [name, reg] of [['probation', t.a], ['police', t.police]] as const) {
      const rows = reg.api.session.vault().reader.all<{ action: string; details: string; reason: string | null }>('SELECT action, details, reason FROM audit_log');
      expect(rows.some((r) => r.action === (reg === t.a ? 'share' : 'import'))).toBe(true);
      for (const row of rows) {
        for (const words of secret) expect(`${row.details} ${row.reason ?? ''}`, `${row.action} in ${name}`).not.toContain(words);
      }
    }
  });
});
