import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { subjectInput } from '../../src/shared/registerSchemas';
import { test, expect, expectNoAxeViolations, type AppFixture } from './harness';
import { createSetUpRegister, signInAs } from './steps';

// DOMAIN.md "Integrity and misuse": the register records every view with its reason, and
// the IG lead reviews who looked at what, checks the chain and decides the settings.

const IG_LEAD = { name: 'Indra Governance', passphrase: 'indra keeps the records straight' };
const REPRESENTATIVE = { name: 'Pat Probation', passphrase: 'pat reads the case files' };

/** The coordinator (an administrator) adds a Level 2 case, a representative and an IG lead, all at the home office. */
async function aRegisterWithACase(page: Page, app: AppFixture): Promise<void> {
  await createSetUpRegister(page, app);
  const [home] = await app.service['offices.list']({});
  await app.service['subjects.create'](
    subjectInput.parse({
      kind: 'nominal', givenName: 'Daniel', familyName: 'Hartley', aliases: [], dateOfBirth: '1979-02-03', ethnicity: null, pnc: null, ndelius: null, visor: null,
      address: '1 Example Street, Wigan', noFixedAbode: false, areaOfClosestLinks: null, indexOffence: null, sentence: null, category: 2, level: 2, risk: 'high',
      exceptionalReason: null, leadOfficeId: home!.id, nextReview: null,
    }),
  );
  for (const [who, role] of [[REPRESENTATIVE, 'representative'], [IG_LEAD, 'ig_lead']] as const) {
    await app.service['users.add']({ userName: who.name, passphrase: who.passphrase, confirmPassphrase: who.passphrase, administrator: false, role, officeId: home!.id });
  }
}

async function openSubject(page: Page, listed: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Subjects' }).click();
  await page.getByRole('list', { name: 'Subjects found' }).getByRole('link', { name: listed }).click();
}

async function openAudit(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Audit sections' }).getByRole('link', { name: section }).click();
  await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
}

test('an IG lead finds a representative’s views and their reasons in the log, pages through it and exports it', async ({ page, app }) => {
  await aRegisterWithACase(page, app);
  // Only IG leads and administrators review the log; a representative is not offered it.
  await signInAs(page, REPRESENTATIVE);
  await expect(page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Audit' })).toHaveCount(0);
  await openSubject(page, 'HARTLEY, Daniel');
  await expect(page.getByRole('heading', { level: 1, name: 'Why are you opening this record?' })).toBeVisible();
  await page.getByRole('group', { name: 'Reason' }).getByLabel('Meeting preparation').check();
  await page.getByRole('button', { name: 'Open record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daniel Hartley' })).toBeVisible();

  await signInAs(page, IG_LEAD);
  await openAudit(page, 'Alerts');
  await expect(page.getByText('There are no open alerts.')).toBeVisible();
  await expectNoAxeViolations(page);

  await openAudit(page, 'Search the audit log');
  await expect(page.getByRole('table')).toContainText('Unlocked the register');
  await page.getByLabel('User').selectOption({ label: REPRESENTATIVE.name });
  await page.getByLabel('Action').selectOption({ label: 'Opened a subject' });
  await page.getByRole('button', { name: 'Filter' }).click();
  const results = page.getByRole('table', { name: 'Showing 1–1 of 1 entry' });
  const view = results.getByRole('row', { name: /Opened a subject/ });
  await expect(view).toContainText(REPRESENTATIVE.name);
  await expect(view).toContainText('Agency representative, Probation Service');
  await expect(view).toContainText('Daniel Hartley');
  await expect(view).toContainText('Meeting preparation');
  await expect(results).not.toContainText('Unlocked the register');
  await expectNoAxeViolations(page);

  // The exports hold what the filter chose, marked and named with the exporter.
  const csv = path.join(app.dataDir, 'views.csv');
  app.host.picksFile(csv);
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  await expect(page.getByRole('status')).toContainText(`Exported 1 entry to ${csv}`);
  const firstLine = readFileSync(csv, 'utf8').split(/\r?\n/)[0]!;
  expect(firstLine).toContain('OFFICIAL-SENSITIVE');
  expect(firstLine).toContain(IG_LEAD.name);
  expect(readFileSync(csv, 'utf8')).toContain('Meeting preparation');

  const pdf = path.join(app.dataDir, 'views.pdf');
  app.host.picksFile(pdf);
  await page.getByRole('button', { name: 'Export as PDF' }).click();
  await expect(page.getByRole('status')).toContainText(`Exported 1 entry to ${pdf}`);
  expect(readFileSync(pdf).subarray(0, 4).toString('latin1')).toBe('%PDF');

  // The save dialog cancelled: nothing written, nothing said.
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  await expect(page.getByRole('status')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // More than a page: 55 chain checks and the exports themselves.
  for (let i = 0; i < 55; i += 1) await app.service['audit.verify']({});
  await page.getByLabel('User').selectOption({ label: 'Anyone' });
  await page.getByLabel('Action').selectOption({ label: 'Checked the audit chain' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('table', { name: 'Showing 1–50 of 55 entries' }).getByRole('row')).toHaveCount(51);
  await expect(page.getByRole('link', { name: 'Previous page' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Next page' }).click();
  // The person lands on the new page's caption, not back at the top.
  await expect(page.getByRole('table', { name: 'Showing 51–55 of 55 entries' }).locator('caption')).toBeFocused();
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Previous page' }).click();
  await expect(page.getByRole('table', { name: 'Showing 1–50 of 55 entries' })).toBeVisible();
});

test('an IG lead checks the audit chain and finds it intact', async ({ page, app }) => {
  await aRegisterWithACase(page, app);
  await signInAs(page, IG_LEAD);
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Audit' }).click();
  // By keyboard alone: the section links, then the button.
  await page.getByRole('navigation', { name: 'Audit sections' }).getByRole('link', { name: 'Search the audit log' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Check the audit chain' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Check the audit chain' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Check the chain' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText(/The audit chain is intact: \d+ entries\./);
  await expectNoAxeViolations(page);

  // The check is itself in the log.
  await openAudit(page, 'Search the audit log');
  await expect(page.getByRole('table').getByRole('row', { name: /Checked the audit chain/ })).toContainText(IG_LEAD.name);
});

test('an IG lead stops asking for reasons, and a representative then opens a subject without being asked', async ({ page, app }) => {
  await aRegisterWithACase(page, app);
  await signInAs(page, IG_LEAD);
  await openAudit(page, 'Settings');
  const askForReasons = page.getByLabel('Ask for a reason when someone opens a subject');
  const lockAfter = page.getByLabel('Lock the register after (minutes) without activity');
  await expect(askForReasons).toBeChecked();
  await expectNoAxeViolations(page);

  // Out of range: the contract's sentence, next to the field.
  await lockAfter.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Lock after at least 1 minute');
  await expect(page.locator('#autoLockMinutes-error')).toBeVisible();
  await expectNoAxeViolations(page);

  await askForReasons.uncheck();
  await lockAfter.fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('The settings have been saved.');
  await expect(page.getByRole('status')).toContainText('Subjects’ records open without asking why');
  await expect(askForReasons).not.toBeChecked();
  await expect(lockAfter).toHaveValue('30');

  await openAudit(page, 'Search the audit log');
  await page.getByLabel('Action').selectOption({ label: 'Setting changed' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('table').getByRole('row', { name: /Setting changed/ })).not.toHaveCount(0);

  await signInAs(page, REPRESENTATIVE);
  await openSubject(page, 'HARTLEY, Daniel');
  await expect(page.getByRole('heading', { level: 1, name: 'Daniel Hartley' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Why are you opening this record?' })).toHaveCount(0);
});

test('an IG lead makes an audit receipt to keep outside the register, and it is in the log', async ({ page, app }) => {
  await aRegisterWithACase(page, app);
  await signInAs(page, IG_LEAD);
  await openAudit(page, 'Check the audit chain');
  const file = path.join(app.dataDir, 'receipt.txt');
  app.host.picksFile(file);
  await page.getByRole('button', { name: 'Make a receipt' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Receipt saved' });
  await expect(saved).toContainText(`Receipt saved to ${file}: entry`);
  // The file names the register, the entry and its hash, and is checked by audit:verify --receipt.
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/"hash": "[0-9a-f]{64}"/);
  expect(text).toMatch(/^SHA-256: [0-9a-f]{64}$/m);
  await expectNoAxeViolations(page);
  await openAudit(page, 'Search the audit log');
  await expect(page.getByRole('table').getByRole('row', { name: /Made an audit receipt/ })).toContainText(IG_LEAD.name);
});
