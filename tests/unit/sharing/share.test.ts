// Issue 10: a share cannot leave while any field lacks its three tests; the leaflet's
// names-and-addresses example; ownership that blocks onward sharing until the owner's
// permission is recorded; a decision not to share; and a round trip between two registers
// in which the receiver sees the sender's agency as owner, with the conditions intact.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { today } from '../../../src/shared/calendar';
import { LEAFLET_PROPORTIONALITY_WARNING } from '../../../src/shared/sharingVocabulary';
import { aSubject, anItem } from '../../support/registerBuilders';
import { aDraftShare, confirmShare, HOLLIS, openFile, twoPartners, type PartnerRegister } from '../../support/partners';

const TODAY = today(new Date());
const CASE = { code: 'case_management' as const };
let open: PartnerRegister[] = [];
afterEach(() => {
  for (const r of open) if (r.api.session.status().state === 'unlocked') r.api.session.lock();
  open = [];
});

async function partnersWithHollis() {
  const t = await twoPartners();
  open = [t.probation, t.police];
  const s = t.probation.api.service;
  const subjectId = (await s['subjects.create'](aSubject(HOLLIS))).id;
  const probation = t.probation.home;
  const health = t.probation.offices.health!;
  const risk = await s['items.add'](anItem(subjectId, probation, { value: 'Drinks heavily after contact with his former partner; violence has followed twice.', providerName: 'Pat Probation' }));
  const rmp = await s['items.add'](
    anItem(subjectId, probation, { fieldKind: 'rmp_entry', rmpHeading: 'victim_safety', value: 'Exclusion zone around Orchard Close; curfew 19:00–07:00.', providerName: 'Pat Probation', notToSubject: true, notToSubjectReason: 'Would reveal the victim’s new address.' }),
  );
  const mental = await s['items.add'](anItem(subjectId, health, { fieldKind: 'health', value: 'Diagnosed with paranoid schizophrenia in 2019; stops medication when drinking.', providerName: 'Dr Aled Pryce' }));
  const religion = await s['items.add'](anItem(subjectId, probation, { fieldKind: 'religion', value: 'Practising Catholic.', providerName: 'Pat Probation' }));
  return { ...t, subjectId, risk: risk.id, rmp: rmp.id, mental: mental.id, religion: religion.id };
}

const item = (itemId: string) => ({ kind: 'item' as const, itemId });
const field = (f: 'address' | 'ethnicity' | 'date_of_birth' | 'references' | 'names' | 'index_offence') => ({ kind: 'subject' as const, field: f });

describe('the three tests before any field leaves', () => {
  it('refuses to confirm while any field lacks an answer, through the channel itself, and changes nothing', async () => {
    const t = await partnersWithHollis();
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [item(t.risk), item(t.rmp)], {
      answers: (line) => (line.ref.kind === 'item' && line.ref.itemId === t.rmp ? null : {}),
    });
    expect(share.ready).toBe(false);
    const rmpLine = share.lines.find((l) => l.ref.kind === 'item' && l.ref.itemId === t.rmp)!;
    expect(rmpLine.problems).toEqual(['Answer the three tests for Risk management plan entry: still to answer, necessary, proportionate, relevant.']);

    const before = t.probation.entries().length;
    const file = t.probation.file('refused.mappa');
    t.probation.api.host.picksFile(file);
    const reply = await dispatch(t.probation.api.service, 'shares.confirm', { id: share.id });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_ready' } });
    expect((reply as { error: { message: string } }).error.message).toContain('Answer the three tests for Risk management plan entry');
    expect(existsSync(file)).toBe(false);
    expect(t.probation.api.host.opened).not.toContain('exchange:save'); // refused before any dialog opened
    const after = t.probation.entries().slice(before);
    expect(after.map((e) => e.action)).not.toContain('share');
    expect((await t.probation.api.service['shares.get']({ id: share.id, reason: CASE })).status).toBe('draft');
  });

  it('refuses an answer with a test left empty, saying which', async () => {
    const t = await partnersWithHollis();
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [item(t.risk)], { answers: () => null });
    const line = share.lines[1]!;
    const reply = await dispatch(t.probation.api.service, 'shares.answer', { id: share.id, lineId: line.lineId, necessary: 'For the plan.', proportionate: '   ', relevant: 'His risk.' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'proportionate', message: 'Enter why this much and no less is shared (proportionate).' } });
    const again = await t.probation.api.service['shares.get']({ id: share.id, reason: CASE });
    expect(again.lines[1]!.answers.necessary).toBeNull();
  });

  it('opens a share only with the reason the register asks for, as it opens the record, and records it', async () => {
    const t = await partnersWithHollis();
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [item(t.risk)]);
    const before = t.probation.entries().length;
    for (const channel of ['shares.get', 'shares.start'] as const) {
      const input = channel === 'shares.get' ? { id: share.id } : { subjectId: t.subjectId };
      expect(await dispatch(t.probation.api.service, channel, input), channel).toMatchObject({ ok: false, error: { code: 'reason_needed', message: 'Choose why you are opening this record.' } });
    }
    expect(t.probation.entries()).toHaveLength(before);
    await t.probation.api.service['shares.get']({ id: share.id, reason: { code: 'meeting_preparation' } });
    expect(t.probation.entries().at(-1)).toMatchObject({ action: 'share_view', subjectId: t.subjectId, reason: 'Meeting preparation', itemIds: [t.risk] });
  });

  it('stores each answer with who gave it and when', async () => {
    const t = await partnersWithHollis();
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [item(t.risk)]);
    expect(share.lines.map((l) => [l.answers.answeredBy, typeof l.answers.answeredAt])).toEqual([
      ['Casey Coordinator', 'string'],
      ['Casey Coordinator', 'string'],
    ]);
    expect(share.ready).toBe(true);
  });
});

describe('proportionality: the purpose table and special categories', () => {
  it('flags race and religion beside names and addresses, with the leaflet’s warning, and one removal clears each', async () => {
    const t = await partnersWithHollis();
    // The leaflet's example: what is needed is the name and address, to locate him.
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [field('address'), field('ethnicity'), item(t.religion)], {
      purpose: 'locate_contact',
      answers: () => ({ specialJustification: null }),
    });
    const byLabel = Object.fromEntries(share.lines.map((l) => [l.label, l]));
    expect(byLabel['Names and aliases']!.problems).toEqual([]);
    expect(byLabel['Address']!.problems).toEqual([]);
    expect(byLabel['Ethnicity']!.specialCategory).toBe('Race or ethnic origin');
    expect(byLabel['Ethnicity']!.problems).toEqual(['Ethnicity is special category information (Race or ethnic origin): give its own justification, or remove it from the share.']);
    expect(byLabel['Religion or belief']!.problems).toEqual(['Religion or belief is special category information (Religion or belief): give its own justification, or remove it from the share.']);
    expect(LEAFLET_PROPORTIONALITY_WARNING).toBe(
      'For example, if what is actually needed is the names and addresses of individuals, sharing their race and religion as well would be likely to be disproportionate.',
    );
    let after = await t.probation.api.service['shares.removeField']({ id: share.id, lineId: byLabel['Ethnicity']!.lineId });
    after = await t.probation.api.service['shares.removeField']({ id: share.id, lineId: byLabel['Religion or belief']!.lineId });
    expect(after.lines.map((l) => l.label)).toEqual(['Names and aliases', 'Address']);
    expect(after.ready).toBe(true);
  });

  it('asks for an explicit reason for a field outside the purpose’s list', async () => {
    const t = await partnersWithHollis();
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [item(t.rmp)], { purpose: 'locate_contact', answers: () => ({ outsidePurposeReason: null }) });
    const line = share.lines.find((l) => l.fieldKind === 'rmp_entry')!;
    expect(line.outsidePurpose).toBe(true);
    expect(line.problems).toEqual(['Risk management plan entry is not information that locating or contacting the person normally needs: say why it is needed, or remove it from the share.']);
  });

  it('keeps the names in every share', async () => {
    const t = await partnersWithHollis();
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [item(t.risk)]);
    const reply = await dispatch(t.probation.api.service, 'shares.removeField', { id: share.id, lineId: share.lines[0]!.lineId });
    expect(reply).toMatchObject({ ok: false, error: { code: 'names_stay' } });
  });
});

describe('ownership travels and binds', () => {
  it('blocks another agency’s item until its permission for these recipients and this purpose is recorded', async () => {
    const t = await partnersWithHollis();
    const s = t.probation.api.service;
    let share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [item(t.mental)]);
    const line = () => share.lines.find((l) => l.fieldKind === 'health')!;
    expect(line().permission).toBe('none');
    expect(line().problems).toContain('Health belongs to North West Mental Health Trust: record their permission to share it with these recipients for this purpose before it can go.');

    const asked = await s['permissions.request']({ itemId: t.mental, recipientOfficeIds: [t.policeInProbation], purpose: 'risk_management_plan', askedOf: 'Dr Aled Pryce', note: 'Asked at the Level 2 meeting.' });
    share = await s['shares.get']({ id: share.id, reason: CASE });
    expect(line().permission).toBe('requested');
    expect(line().permissionRequestId).toBe(asked.id);
    expect(share.ready).toBe(false);

    // Permission for another purpose does not cover this one.
    const other = await s['permissions.request']({ itemId: t.mental, recipientOfficeIds: [t.policeInProbation], purpose: 'victim_safety', askedOf: 'Dr Aled Pryce', note: null });
    await s['permissions.answer']({ id: other.id, answer: 'granted', answeredBy: 'Dr Aled Pryce', answeredOn: TODAY, note: null });
    share = await s['shares.get']({ id: share.id, reason: CASE });
    expect(line().permission).toBe('requested');

    const answered = await s['permissions.answer']({ id: asked.id, answer: 'granted', answeredBy: 'Dr Aled Pryce', answeredOn: TODAY, note: 'Agreed by telephone.' });
    expect(answered).toMatchObject({ answer: 'granted', answeredBy: 'Dr Aled Pryce', recordedBy: 'Casey Coordinator', owner: { name: 'North West Mental Health Trust' } });
    share = await s['shares.get']({ id: share.id, reason: CASE });
    expect(line().permission).toBe('granted');
    expect(line().permissionRequestId).toBe(asked.id);
    expect(share.ready).toBe(true);
    const audit = t.probation.entries().filter((e) => e.action === 'owner_permission');
    expect(audit.map((e) => e.details.step)).toEqual(['request', 'request', 'answer', 'answer']);
  });

  it('refuses a second answer to the same request and a permission for the sharer’s own information', async () => {
    const t = await partnersWithHollis();
    const s = t.probation.api.service;
    const asked = await s['permissions.request']({ itemId: t.mental, recipientOfficeIds: [t.policeInProbation], purpose: 'risk_management_plan', askedOf: 'Dr Aled Pryce', note: null });
    await s['permissions.answer']({ id: asked.id, answer: 'refused', answeredBy: 'Dr Aled Pryce', answeredOn: TODAY, note: null });
    expect(await dispatch(s, 'permissions.answer', { id: asked.id, answer: 'granted', answeredBy: 'Dr Aled Pryce', answeredOn: TODAY, note: null })).toMatchObject({ ok: false, error: { code: 'already_answered' } });
    expect(await dispatch(s, 'permissions.request', { itemId: t.risk, recipientOfficeIds: [t.policeInProbation], purpose: 'risk_management_plan', askedOf: 'Someone', note: null })).toMatchObject({
      ok: false,
      error: { code: 'own_information' },
    });
  });

  it('records a decision not to share, with its reason, like a share', async () => {
    const t = await partnersWithHollis();
    const s = t.probation.api.service;
    const declined = await s['shares.decline']({ subjectId: t.subjectId, requestedBy: 'Wigan Housing Options', requestedByOfficeId: null, purpose: 'locate_contact', purposeOther: null, itemIds: [t.mental], reason: 'Housing need his address only; his diagnosis is not relevant to that.' });
    expect(declined).toMatchObject({ status: 'declined', requestedBy: 'Wigan Housing Options', fields: 1, declineReason: 'Housing need his address only; his diagnosis is not relevant to that.' });
    const list = await s['shares.list']({ subjectId: t.subjectId });
    expect(list.map((x) => x.status)).toEqual(['declined']);
    const entry = t.probation.entries().find((e) => e.action === 'share_declined')!;
    expect(entry).toMatchObject({ subjectId: t.subjectId, itemIds: [t.mental], reason: 'Housing need his address only; his diagnosis is not relevant to that.' });
  });
});

describe('a round trip between two registers', () => {
  it('imports the share with the sender’s agency as owner and its conditions, and blocks sharing it on until the owner agrees', async () => {
    const t = await partnersWithHollis();
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [field('address'), field('date_of_birth'), field('references'), item(t.risk), item(t.rmp)]);
    expect(share.ready).toBe(true);
    const file = await confirmShare(t.probation, share.id);
    const confirmed = await t.probation.api.service['shares.get']({ id: share.id, reason: CASE });
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: 'Casey Coordinator' });
    const shared = t.probation.entries().find((e) => e.action === 'share')!;
    expect(shared).toMatchObject({ subjectId: t.subjectId, itemIds: [t.risk, t.rmp], details: { shareId: share.id, purpose: 'risk_management_plan', recipients: [t.policeInProbation] } });
    // The file is encrypted: none of the words are readable in it.
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(file, 'utf8');
    for (const words of ['Hollis', 'Larch Road', 'Orchard Close', 'Drinks heavily']) expect(bytes).not.toContain(words);

    const preview = await openFile(t.police, file);
    expect(preview).toMatchObject({
      kind: 'share',
      sender: { name: 'Wigan Probation Delivery Unit', agencyLabel: 'Probation Service' },
      purpose: 'The risk management plan',
      subject: { names: 'Darren Hollis', dateOfBirth: '1984-03-12', matchedSubjectId: null },
    });
    expect(preview.items.map((i) => [i.label, i.owner.name, i.status])).toEqual([
      ['Address', 'Wigan Probation Delivery Unit', 'new'],
      ['Risk factor', 'Wigan Probation Delivery Unit', 'new'],
      ['Risk management plan entry', 'Wigan Probation Delivery Unit', 'new'],
    ]);
    const result = await t.police.api.service['exchange.import']({ token: preview.token, subjectId: null });
    expect(result).toMatchObject({ added: 3, matched: 0, updated: 0 });

    const record = await t.police.api.service['subjects.get']({ id: result.subjectId!, reason: CASE });
    expect(record).toMatchObject({ givenName: 'Darren', familyName: 'Hollis', dateOfBirth: '1984-03-12', pnc: '84/123456A' });
    const items = record.itemGroups.flatMap((g) => g.items);
    expect(record.itemGroups.map((g) => [g.owner.name, g.owner.agency])).toEqual([['Wigan Probation Delivery Unit', 'probation']]);
    const rmp = items.find((i) => i.fieldKind === 'rmp_entry')!;
    expect(rmp).toMatchObject({ value: 'Exclusion zone around Orchard Close; curfew 19:00–07:00.', rmpHeading: 'victim_safety', noOnwardDisclosure: true, notToSubject: true, notToSubjectReason: 'Would reveal the victim’s new address.', providerName: 'Pat Probation' });
    expect(items.every((i) => i.noOnwardDisclosure)).toBe(true);
    expect(items.map((i) => i.received)).toEqual(items.map(() => ({ fromOfficeName: 'Wigan Probation Delivery Unit', withdrawnAt: null, withdrawnReason: null })));
    expect(t.police.entries().filter((e) => e.action === 'import').map((e) => e.details.step)).toEqual(['preview', 'import']);

    // The police may not share probation's information on until probation agrees.
    const onward = await t.police.api.service['shares.start']({ subjectId: result.subjectId!, reason: CASE });
    const chosen = await t.police.api.service['shares.setFields']({ id: onward.id, fields: [item(rmp.id)] });
    const line = chosen.lines.find((l) => l.fieldKind === 'rmp_entry')!;
    expect(line.received).toBe(true);
    expect(line.permission).toBe('none');
    expect(line.problems).toContain('Risk management plan entry belongs to Wigan Probation Delivery Unit: record their permission to share it with these recipients for this purpose before it can go.');
  });

  it('matches an item it already holds instead of duplicating it, and takes a newer version as one', async () => {
    const t = await partnersWithHollis();
    const first = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [field('references'), item(t.risk)]);
    const firstFile = await confirmShare(t.probation, first.id);
    const p1 = await openFile(t.police, firstFile);
    const r1 = await t.police.api.service['exchange.import']({ token: p1.token, subjectId: null });

    await t.probation.api.service['items.update']({
      itemId: t.risk,
      fieldKind: 'risk_factor',
      rmpHeading: null,
      value: 'Drinks heavily after contact with his former partner; violence has followed three times.',
      classification: 'OFFICIAL-SENSITIVE',
      noOnwardDisclosure: true,
      notToSubject: false,
      notToSubjectReason: null,
      changeReason: 'A third incident.',
    });
    const second = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [field('references'), item(t.risk), item(t.rmp)]);
    const p2 = await openFile(t.police, await confirmShare(t.probation, second.id));
    expect(p2.subject).toMatchObject({ matchedSubjectId: r1.subjectId, matchedBy: 'PNC number' });
    expect(p2.items.map((i) => [i.label, i.status])).toEqual([
      ['Risk factor', 'newer'],
      ['Risk management plan entry', 'new'],
    ]);
    const r2 = await t.police.api.service['exchange.import']({ token: p2.token, subjectId: null });
    expect(r2).toMatchObject({ subjectId: r1.subjectId, added: 1, matched: 0, updated: 1 });
    const items = (await t.police.api.service['subjects.get']({ id: r1.subjectId!, reason: CASE })).itemGroups.flatMap((g) => g.items);
    expect(items.filter((i) => i.fieldKind === 'risk_factor')).toEqual([expect.objectContaining({ version: 2, value: 'Drinks heavily after contact with his former partner; violence has followed three times.' })]);
  });

  it('offers the people with the same name when a share of names and an address identifies no one for certain, and files it where the person chooses', async () => {
    const t = await partnersWithHollis();
    // The police already know him (from an earlier share with his date of birth).
    const first = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [field('date_of_birth'), item(t.risk)]);
    const known = await t.police.api.service['exchange.import']({ token: (await openFile(t.police, await confirmShare(t.probation, first.id))).token, subjectId: null });
    // The leaflet's example: only what is needed to find him, his names and address.
    const second = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [field('address')], { purpose: 'locate_contact' });
    const preview = await openFile(t.police, await confirmShare(t.probation, second.id));
    expect(preview.subject).toMatchObject({ dateOfBirth: null, matchedSubjectId: null, candidates: [{ id: known.subjectId, names: 'Darren Hollis', dateOfBirth: '1984-03-12' }] });
    expect(t.police.entries().at(-1)).toMatchObject({ action: 'import', details: { step: 'preview', candidates: [known.subjectId] } });

    const elsewhere = await dispatch(t.police.api.service, 'exchange.import', { token: preview.token, subjectId: t.subjectId }); // an id that is not one of the candidates
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'not_a_candidate', field: 'subjectId' } });
    const result = await t.police.api.service['exchange.import']({ token: preview.token, subjectId: known.subjectId });
    expect(result).toMatchObject({ subjectId: known.subjectId, added: 1 });
    const record = await t.police.api.service['subjects.get']({ id: known.subjectId!, reason: CASE });
    expect(record.itemGroups.flatMap((g) => g.items).map((i) => i.fieldKind).sort()).toEqual(['address', 'risk_factor']);
  });

  it('withdraws a share: the receiving register marks the items withdrawn and stops them being shared on', async () => {
    const t = await partnersWithHollis();
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [item(t.risk)]);
    const p = await openFile(t.police, await confirmShare(t.probation, share.id));
    const imported = await t.police.api.service['exchange.import']({ token: p.token, subjectId: null });

    const notice = t.probation.file('withdrawal.mappa');
    t.probation.api.host.picksFile(notice);
    const withdrawn = await t.probation.api.service['shares.withdraw']({ id: share.id, reason: 'Sent to the wrong unit: the case has moved to Bolton.' });
    expect(withdrawn).toMatchObject({ file: notice, share: { status: 'withdrawn', withdrawnReason: 'Sent to the wrong unit: the case has moved to Bolton.' } });

    const wp = await openFile(t.police, notice);
    expect(wp).toMatchObject({ kind: 'withdrawal', withdrawalReason: 'Sent to the wrong unit: the case has moved to Bolton.', subject: { matchedSubjectId: imported.subjectId } });
    expect(wp.items.map((i) => i.label)).toEqual(['Risk factor']);
    expect(await t.police.api.service['exchange.import']({ token: wp.token, subjectId: null })).toMatchObject({ withdrawn: 1 });
    const record = await t.police.api.service['subjects.get']({ id: imported.subjectId!, reason: CASE });
    expect(record.itemGroups.flatMap((g) => g.items).map((i) => i.received)).toEqual([
      { fromOfficeName: 'Wigan Probation Delivery Unit', withdrawnAt: expect.any(String), withdrawnReason: 'Sent to the wrong unit: the case has moved to Bolton.' },
    ]);

    const draft = await t.police.api.service['shares.start']({ subjectId: imported.subjectId!, reason: CASE });
    const riskId = draft.available.find((f) => f.fieldKind === 'risk_factor')!;
    expect(riskId.withdrawn).toBe(true);
    const reply = await dispatch(t.police.api.service, 'shares.setFields', { id: draft.id, fields: [riskId.ref] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'withdrawn', message: 'Risk factor was withdrawn by the agency that sent it: it cannot be shared on.' } });
  });

  it('confirms a share of hundreds of fields, its audit entry holding codes and counts, not one code per field', async () => {
    const t = await partnersWithHollis();
    const s = t.probation.api.service;
    const many: string[] = [];
    for (let i = 0; i < 300; i += 1) many.push((await s['items.add'](anItem(t.subjectId, t.probation.home, { value: `Sighting ${i} near Orchard Close.`, fieldKind: i % 2 === 0 ? 'risk_factor' : 'address' }))).id);
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], many.map(item));
    await confirmShare(t.probation, share.id);
    const entry = t.probation.entries().find((e) => e.action === 'share')!;
    expect(entry.details).toMatchObject({ fields: 301, fieldKinds: ['identity', 'risk_factor', 'address'] });
    expect(entry.itemIds).toHaveLength(300);
  });

  it('writes nothing into the share’s folder but the file the person chose', async () => {
    const t = await partnersWithHollis();
    const share = await aDraftShare(t.probation, t.subjectId, [t.policeInProbation], [item(t.risk)]);
    const file = await confirmShare(t.probation, share.id);
    expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith('.mappa'))).toEqual([path.basename(file)]);
  });
});
