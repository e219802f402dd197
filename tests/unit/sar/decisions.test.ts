// Issue 13: item-by-item decisions on this office's own items, through the channel. Another
// agency's item is never decided (so never released) here; a withholding or a redaction
// needs an exemption code of the office's regime and a reason; a code that needs a health
// professional's opinion needs it; other people's names in text to be released are
// proposed for redaction. Every refusal changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import type { DecisionInput } from '../../../src/shared/channels/sar';
import { aPartnerRegister, type PartnerRegister } from '../../support/partners';
import { aMeetingTeam, aNominal, type MeetingTeam } from '../../support/meetings';
import { anItem, aSubject } from '../../support/registerBuilders';
import { aRequest, anIntake, IRIS, SAR_REASON, signInAsIris, withIris } from '../../support/sar';

let team: MeetingTeam | undefined;
let trust: PartnerRegister | undefined;
afterEach(() => {
  for (const api of [team?.api, trust?.api]) if (api?.session.status().state === 'unlocked') api.session.lock();
  team = undefined;
  trust = undefined;
});

const SISTER_NOTE = 'Dariusz Wiśniewski drove him to the appointment; he was calm.';

async function aConfirmedRequest() {
  team = await aMeetingTeam('2026-11-10T09:00:00Z');
  const t = team;
  const s = t.api.service;
  const hollis = await aNominal(t, { givenName: 'Darren', familyName: 'Hollis', aliases: ['Daz Hollis'], dateOfBirth: '1984-03-12' });
  await aNominal(t, { givenName: 'Dariusz', familyName: 'Wiśniewski', dateOfBirth: '1979-06-01', pnc: null, ndelius: null, visor: null });
  const ours = await s['items.add'](anItem(hollis, t.offices.probation, { value: SISTER_NOTE }));
  const police = await s['items.add'](anItem(hollis, t.offices.police, { value: 'Intelligence: seen outside Orchard Close.' }));
  await withIris(t);
  const id = (await aRequest(t)).id;
  await s['sar.confirmSubject']({ id, subjectId: hollis, how: 'Matches.' });
  return { t, s, id, hollis, ours, police };
}

type Decision = Omit<DecisionInput, 'id' | 'itemId'>;
const decide = (over: Partial<Decision>): Decision => ({ decision: 'release', code: null, reason: null, healthOpinion: null, redactions: [], ...over });

describe('decisions on this office’s items', () => {
  it('proposes other people’s names for redaction, and releases with the redactions chosen', async () => {
    const { s, t, id, ours } = await aConfirmedRequest();
    const holdings = await s['sar.holdings']({ id, reason: SAR_REASON });
    const item = holdings.groups[0]!.items[0]!;
    expect(item.proposedRedactions).toEqual([{ start: 0, end: 18, name: 'Dariusz Wiśniewski' }]);
    const after = await s['sar.decide']({ id, itemId: ours.id, ...decide({ decision: 'redact', redactions: [{ start: 0, end: 18, code: 'p3_rights_of_others', reason: 'A third party’s name; he has not consented.' }] }) });
    expect(after.groups[0]!.items[0]!.decision).toMatchObject({ decision: 'redact', redactions: [{ start: 0, end: 18, code: 'p3_rights_of_others' }], decidedBy: IRIS.userName, stale: false });
    expect(t.entries().at(-1)).toMatchObject({ action: 'sar_step', subjectId: holdings.groups[0]!.items[0]!.subjectId, itemIds: [ours.id], details: { step: 'decide', decision: 'redact', codes: ['p3_rights_of_others'], redactions: 1 } });
  });

  it('never decides on another agency’s item: it is referred to its owner instead', async () => {
    const { s, t, id, police } = await aConfirmedRequest();
    const count = t.entries().length;
    expect(await dispatch(s, 'sar.decide', { id, itemId: police.id, ...decide({}) })).toMatchObject({
      ok: false,
      error: { code: 'not_ours', message: 'This item is owned by Wigan Public Protection Unit: this office never releases another agency’s information. Refer it to them instead, and it is listed in the internal schedule only.' },
    });
    expect(t.entries().length).toBe(count);
  });

  it('needs an exemption of the office’s own regime and a reason to withhold, and each redaction its own', async () => {
    const { s, t, id, ours } = await aConfirmedRequest();
    const count = t.entries().length;
    const refusals = [
      [decide({ decision: 'withhold' }), 'no_code'],
      [decide({ decision: 'withhold', code: 'p3_crime' }), 'no_reason'],
      [decide({ decision: 'withhold', code: 'uk_crime', reason: 'An ongoing investigation.' }), 'wrong_regime'],
      [decide({ decision: 'redact' }), 'no_redactions'],
      [decide({ decision: 'redact', redactions: [{ start: 0, end: 18, code: 'uk_third_party', reason: 'Third party.' }] }), 'redaction_wrong_regime'],
      [decide({ decision: 'redact', redactions: [{ start: 0, end: 18, code: 'p3_rights_of_others', reason: 'Third party.' }, { start: 10, end: 30, code: 'p3_crime', reason: 'Investigation.' }] }), 'redaction_overlap'],
      [decide({ decision: 'release', code: 'p3_crime' }), 'not_release'],
    ] as const;
    for (const [input, code] of refusals) {
      expect(await dispatch(s, 'sar.decide', { id, itemId: ours.id, ...input }), code).toMatchObject({ ok: false, error: { code } });
    }
    expect(await dispatch(s, 'sar.decide', { id, itemId: ours.id, ...decide({ decision: 'redact', redactions: [{ start: 0, end: 18, code: 'p3_rights_of_others', reason: '' }] }) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Say why this part is redacted.' },
    });
    expect(t.entries().length).toBe(count);
    const withheld = await s['sar.decide']({ id, itemId: ours.id, ...decide({ decision: 'withhold', code: 'p3_crime', reason: 'Telling him who drove him would prejudice an ongoing investigation.' }) });
    expect(withheld.groups[0]!.items[0]!.decision).toMatchObject({ decision: 'withhold', code: 'p3_crime' });
  });

  it('asks for the decision again once the item has changed', async () => {
    const { s, t, id, ours } = await aConfirmedRequest();
    await s['sar.decide']({ id, itemId: ours.id, ...decide({}) });
    await t.as('casey');
    await s['items.update']({
      itemId: ours.id,
      fieldKind: ours.fieldKind,
      rmpHeading: null,
      value: `${SISTER_NOTE} He asked about his licence.`,
      classification: ours.classification,
      noOnwardDisclosure: ours.noOnwardDisclosure,
      notToSubject: false,
      notToSubjectReason: null,
      changeReason: 'Added what he asked.',
    });
    await signInAsIris(t);
    expect((await s['sar.holdings']({ id, reason: SAR_REASON })).groups[0]!.items[0]!.decision).toMatchObject({ stale: true });
    expect((await s['sar.list']({ status: 'open' }))[0]).toMatchObject({ decided: 0, toDecide: 1 });
  });
});

describe('under UK GDPR (a health trust’s register)', () => {
  it('needs the appropriate health professional’s opinion for the serious-harm exemption on health data', async () => {
    trust = await aPartnerRegister({ office: { name: 'North West Mental Health Trust', agency: 'health', area: 'Greater Manchester' }, userName: 'Casey Coordinator', clock: () => new Date('2026-11-10T09:00:00Z') });
    const s = trust.api.service;
    const subject = (await s['subjects.create'](aSubject({ givenName: 'Darren', familyName: 'Hollis', dateOfBirth: '1984-03-12' }))).id;
    const item = await s['items.add'](anItem(subject, trust.home, { fieldKind: 'health', value: 'Diagnosed with paranoid schizophrenia; compliant with depot medication.' }));
    await s['users.add']({ userName: IRIS.userName, passphrase: IRIS.passphrase, confirmPassphrase: IRIS.passphrase, administrator: false, role: 'ig_lead', officeId: trust.home });
    await s['register.lock']({});
    await s['register.unlock']({ folder: trust.folder, userName: IRIS.userName, passphrase: IRIS.passphrase });
    const view = await s['sar.create'](anIntake());
    expect(view.regime).toBe('uk_gdpr');
    await s['sar.confirmSubject']({ id: view.id, subjectId: subject, how: 'Matches.' });
    const withhold = decide({ decision: 'withhold', code: 'uk_health_serious_harm', reason: 'Reading it now would be likely to cause him serious harm.' });
    expect(await dispatch(s, 'sar.decide', { id: view.id, itemId: item.id, ...withhold })).toMatchObject({ ok: false, error: { code: 'health_opinion', field: 'healthOpinion' } });
    const done = await s['sar.decide']({ id: view.id, itemId: item.id, ...withhold, healthOpinion: 'Dr Siân Llŷr, his consultant psychiatrist, 9 November 2026: disclosure now would be likely to cause serious harm to his mental health.' });
    expect(done.groups[0]!.items[0]!.decision).toMatchObject({ decision: 'withhold', code: 'uk_health_serious_harm', healthOpinion: expect.stringContaining('Dr Siân Llŷr') });
  });
});
