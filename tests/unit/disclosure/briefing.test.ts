// Issue 12, the briefing: a PDF from the one document maker for one recipient, with only the
// approved content, the triggers, whom to contact, the confidentiality note and the rule not
// to pass it on, whether the person knows, the undertaking to sign, the OFFICIAL-SENSITIVE
// marking and the recipient's name in the watermark of every page. It is recorded (its log
// row and audit entry) before the file exists.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { BRIEFING_DO_NOT_PASS_ON, BRIEFING_OFFENDER_NOT_TOLD, RECIPIENT_UNDERTAKING } from '../../../src/shared/disclosureVocabulary';
import { aReadyDisclosure, aPreparedRecipient, REASON } from '../../support/disclosures';
import { aMeetingTeam, aNominal, type MeetingTeam } from '../../support/meetings';
import { anItem } from '../../support/registerBuilders';
import { pageTexts, squashed, textLines } from '../documents/pdfText';

let team: MeetingTeam | undefined;
afterEach(() => {
  if (team?.api.session.status().state === 'unlocked') team.api.session.lock();
  team = undefined;
});

const NAMES = ['Siân Llŷr', 'Łukasz Wiśniewski', 'Ștefan Ionescu', 'Şükrü Yılmaz'] as const;
const APPROVED = 'Must not use any device that can reach the internet without monitoring software, except at work where the security measures are checked by the police.';
const NOT_APPROVED = 'Drinks at the Brumwhistle Arms on Fridays with his brother.';

/** An approved disclosure to `recipient` of the person's names and one police item, about a person with another item that is not disclosed; the offender is not told. */
async function approvedBriefing(recipient: string) {
  team = await aMeetingTeam('2026-11-25T09:00:00Z');
  const t = team;
  const s = t.api.service;
  const subjectId = await aNominal(t, { givenName: 'Lee', familyName: 'Marsh' });
  const order = await s['items.add'](anItem(subjectId, t.offices.police, { fieldKind: 'licence_conditions', value: APPROVED }));
  await s['items.add'](anItem(subjectId, t.offices.probation, { value: NOT_APPROVED }));
  const draft = await aReadyDisclosure(t, subjectId, { fields: [{ kind: 'subject', field: 'names' }, { kind: 'item', itemId: order.id }] });
  await aPreparedRecipient(t, draft.id, { recipientId: draft.recipientList[0]!.id, fullName: recipient });
  const view = await s['disclosures.setOffenderKnows']({ id: draft.id, offenderKnows: 'not_told', notToldReason: 'Telling him could put his former partner at risk before the disclosure.' });
  expect(view.ready).toBe(true);
  await t.as('dina');
  await s['disclosures.approve']({ id: draft.id });
  await t.as('casey');
  return { t, s, id: draft.id, recipientId: view.recipientList[0]!.id, subjectId };
}

describe('the briefing for a recipient', () => {
  it.each(NAMES)('prints only the approved content for %s, with their name exactly in the watermark of every page and the marking top and bottom', async (name) => {
    const { t, s, id, recipientId } = await approvedBriefing(name);
    t.clock.set('2026-11-27T15:42:00Z');
    t.api.host.picksFile(t.file('briefing.pdf'));
    expect(await s['disclosures.briefing']({ id, recipientId })).toEqual({ file: t.file('briefing.pdf') });
    const pdf = readFileSync(t.file('briefing.pdf'));
    const raw = pageTexts(pdf, { raw: true });
    raw.forEach((page, i) => expect(squashed(page), `page ${i + 1}`).toContain(squashed(`Made for ${name}, 27 November 2026, 15:42`)));
    pageTexts(pdf, { layout: true, withoutDiagonal: true }).forEach((page, i) => {
      const lines = textLines(page);
      expect(lines[0], `top of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-1), `bottom of page ${i + 1}`).toBe('OFFICIAL-SENSITIVE');
    });
    const text = squashed(pageTexts(pdf, { withoutDiagonal: true }).join('\n'));
    for (const expected of [
      APPROVED,
      'Lee Marsh',
      name,
      'him using a computer or phone on the internet without the monitoring software',
      'call PC Jordan Reid the same day',
      'PC Jordan Reid, Wigan Public Protection Unit, 01942 000 000',
      BRIEFING_OFFENDER_NOT_TOLD,
      BRIEFING_DO_NOT_PASS_ON,
      RECIPIENT_UNDERTAKING,
      'Crime and Disorder Act 1998, section 115',
    ]) {
      expect(text).toContain(squashed(expected));
    }
    // Nothing that was not approved, and nothing of the decision record.
    for (const absent of [NOT_APPROVED, 'Brumwhistle', '1984', '14 Larch Road', 'He may lose his job', 'Telling him could put', 'Hana Health', 'Assault occasioning']) {
      expect(text).not.toContain(squashed(absent));
    }
  });

  it('tells the recipient the offender knows, when they do', async () => {
    const { t, s, id, recipientId } = await approvedBriefing('Siân Llŷr');
    await t.as('dina');
    await s['disclosures.returnToDraft']({ id, reason: 'He has now been told.' });
    await t.as('casey');
    await s['disclosures.setOffenderKnows']({ id, offenderKnows: 'knows', notToldReason: null });
    await t.as('dina');
    await s['disclosures.approve']({ id });
    t.api.host.picksFile(t.file('briefing.pdf'));
    await s['disclosures.briefing']({ id, recipientId });
    const text = squashed(pageTexts(readFileSync(t.file('briefing.pdf')), { withoutDiagonal: true }).join('\n'));
    expect(text).toContain(squashed('The person this is about knows that this information has been given to you.'));
    expect(text).not.toContain(squashed(BRIEFING_OFFENDER_NOT_TOLD));
  });

  it('is recorded, with its hash and audit entry, and is refused for a draft without opening a dialog', async () => {
    const { t, s, id, recipientId, subjectId } = await approvedBriefing('Siân Llŷr');
    t.api.host.picksFile(t.file('briefing.pdf'));
    await s['disclosures.briefing']({ id, recipientId });
    const hash = createHash('sha256').update(readFileSync(t.file('briefing.pdf'))).digest('hex');
    const view = await s['disclosures.get']({ id, reason: REASON });
    expect(view.briefings).toEqual([expect.objectContaining({ recipientId, recipientName: 'Siân Llŷr', fileSha256: hash, madeBy: 'Casey Coordinator' })]);
    expect(t.entries().find((e) => e.action === 'disclosure_briefing')).toMatchObject({ subjectId, details: { disclosureId: id, recipientId, status: 'approved', fileSha256: hash } });

    await t.as('dina');
    await s['disclosures.returnToDraft']({ id, reason: 'The date changed.' });
    const before = { entries: t.entries().length, dialogs: t.api.host.opened.length };
    t.api.host.picksFile(t.file('draft.pdf'));
    expect(await dispatch(s, 'disclosures.briefing', { id, recipientId })).toMatchObject({ ok: false, error: { code: 'not_approved', message: 'A briefing is made only once the disclosure has been approved.' } });
    expect({ entries: t.entries().length, dialogs: t.api.host.opened.length }).toEqual(before);
    expect(existsSync(t.file('draft.pdf'))).toBe(false);
  });
});
