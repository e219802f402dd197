// Issue 13, a referral to the owner's own register, driven like two people on two registers:
// Iris Ilić, probation's information governance lead, records the referral of the police's
// item in Darren Hollis's request and sends it as an exchange file; on the police's register
// Ana Lopes, their IG lead, opens it from Subject access requests, sees which of its items
// are held there, and starts the police's own request from it.
import type { Locator, Page } from '@playwright/test';
import type { MeetingTeam } from '../support/meetings';
import type { PartnerRegister } from '../support/partners';
import { bridgePage, serveRenderer } from '../support/rendererServer';
import { ANA, aPoliceItemToReferToTheirRegister, IRIS, REFERRAL_CASE } from '../support/sar';
import { expect, expectNoAxeViolations, test } from './harness';

let registers: (MeetingTeam | PartnerRegister)[] = [];
test.afterEach(() => {
  for (const r of registers) if (r.api.session.status().state === 'unlocked') r.api.session.lock();
  registers = [];
});

/** The value of a summary list's row, by its label. */
const summaryValue = (list: Locator, label: string) => list.locator('.govuk-summary-list__row').filter({ has: list.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first();

/** Two registers on two desks: a window each, each on its own service. */
async function twoDesks(page: Page, team: MeetingTeam, police: PartnerRegister, work: (probation: Page, owner: Page) => Promise<void>): Promise<void> {
  const { server, url } = await serveRenderer();
  const probation = await page.context().newPage();
  const owner = await page.context().newPage();
  try {
    await bridgePage(probation, team.api.service, url);
    await bridgePage(owner, police.api.service, url);
    await probation.goto(`${url}/index.html`);
    await owner.goto(`${url}/index.html`);
    await work(probation, owner);
  } finally {
    await probation.close();
    await owner.close();
    server.close();
  }
}

test('a referral goes as an exchange file to the owner’s register, which opens it, finds its own item and starts its own request from it', async ({ page }) => {
  const { team, police } = await aPoliceItemToReferToTheirRegister();
  registers.push(team, police);

  await twoDesks(page, team, police, async (probation, owner) => {
    // Iris, on Darren Hollis's request: what the register holds, opened for the request.
    await expect(probation.getByRole('banner')).toContainText(IRIS.userName);
    await probation.getByRole('button', { name: 'Subject access requests' }).click();
    await probation.getByRole('link', { name: /SAR-2026-0001/ }).click();
    await expect(probation.getByRole('heading', { level: 1, name: 'Request from Darren Hollis' })).toBeFocused();
    await probation.getByRole('link', { name: 'Refer other agencies’ items to their owners' }).click();
    await probation.getByLabel('Subject access request').check();
    await probation.getByRole('button', { name: 'Open' }).click();

    // The police's item, referred to them.
    const theirs = probation.getByRole('region', { name: 'Wigan Public Protection Unit: their items' });
    await expect(theirs).toContainText(REFERRAL_CASE.police);
    await theirs.getByLabel('The day it was referred').fill('2026-11-05');
    await theirs.getByLabel('Whom it went to').fill('DS Ana Lopes, data protection officer');
    await theirs.getByLabel('How it was sent').fill('MAPPA exchange file');
    await theirs.getByRole('button', { name: 'Refer the item to Wigan Public Protection Unit' }).click();
    await expect(theirs.getByRole('heading', { name: 'Referred on 5 November 2026 to DS Ana Lopes, data protection officer' })).toBeVisible();

    // Sent as an exchange file: the host's save dialog answered with where it goes.
    const referralFile = team.file('referral.mappa');
    team.api.host.picksFile(referralFile);
    await theirs.getByRole('button', { name: 'Send as an exchange file to Wigan Public Protection Unit' }).click();
    await expect(probation.getByRole('status')).toContainText(`The referral is saved as ${referralFile}. Send it to Wigan Public Protection Unit: their register opens it under Subject access requests.`);
    await expect(theirs).toContainText('Sent as an exchange file to their register on 10 November 2026.');
    await expect(theirs.getByRole('button', { name: /Send as an exchange file/ })).toHaveCount(0);
    await expect(probation.getByRole('alert')).toHaveCount(0);
    await expectNoAxeViolations(probation);

    // Ana, on the police's register: Subject access requests from Home, and the file opened there.
    await expect(owner.getByRole('banner')).toContainText(ANA.userName);
    await owner.getByRole('button', { name: 'Subject access requests' }).click();
    await expect(owner.getByRole('heading', { level: 1, name: 'Subject access requests' })).toBeFocused();
    const received = owner.getByRole('region', { name: 'Referrals from other offices' });
    await expect(received.getByRole('table')).toHaveCount(0);
    police.api.host.picksFile(referralFile);
    await received.getByRole('button', { name: 'Open a referral' }).click();
    await expect(owner.getByRole('status')).toContainText('The referral from Wigan Probation Delivery Unit about Darren Hollis is in this register.');
    const row = received.getByRole('row', { name: /Wigan Probation Delivery Unit/ });
    await expect(row.getByRole('cell')).toHaveText([
      'Wigan Probation Delivery Unit',
      'Darren Hollis, born 12 March 1984',
      'SAR-2026-0001, due there 2 December 2026',
      '1 of 1 found in this register',
      'Start a request from it, Darren Hollis',
    ]);
    await expect(owner.locator('main')).not.toContainText('Pellucidor');
    await expectNoAxeViolations(owner);

    // The police's own request, started from it.
    await row.getByRole('button', { name: /^Start a request from it/ }).click();
    await expect(owner.getByRole('heading', { level: 1, name: 'Request from Darren Hollis' })).toBeFocused();
    const facts = owner.getByRole('region', { name: 'The request' });
    await expect(summaryValue(facts, 'Requester')).toHaveText('Darren Hollis');
    await expect(summaryValue(facts, 'Date of birth')).toHaveText('12 March 1984');
    await expect(summaryValue(facts, 'What they asked for')).toContainText('Referred by Wigan Probation Delivery Unit (their reference SAR-2026-0001, received by them on 2 November 2026) for the item this office owns.');
    await expect(summaryValue(facts, 'Received')).toHaveText('10 November 2026');

    // Back on the dashboard: the referral links to the request started from it.
    await owner.getByRole('link', { name: 'Back to subject access requests' }).click();
    await expect(received.getByRole('row', { name: /Wigan Probation Delivery Unit/ }).getByRole('cell').last()).toHaveText('SAR-2026-0001');
    await expect(received.getByRole('button', { name: /Start a request from it/ })).toHaveCount(0);
  });
});
