import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type AppFixture } from './harness';

export const PASSPHRASE = 'correct horse battery staple';

/** Creates a register as a person would, through the screens; leaves it unlocked. */
export async function createRegister(page: Page, app: AppFixture, userName = 'Casey Coordinator', folderName = 'register'): Promise<string> {
  const folder = path.join(app.dataDir, folderName);
  await app.open();
  await page.getByRole('button', { name: 'Create a new register' }).click();
  app.host.picksFolder(folder);
  await page.getByRole('button', { name: 'Choose folder' }).click();
  await page.getByLabel('Your name').fill(userName);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create register' }).click();
  return folder;
}

/** Creates a register and sets it up for a probation office, the creator a MAPPA coordinator. */
export async function createSetUpRegister(page: Page, app: AppFixture, options: { role?: string } = {}): Promise<string> {
  const folder = await createRegister(page, app);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up the register' })).toBeVisible();
  await page.getByLabel('Your office’s name').fill('Wigan Probation Delivery Unit');
  await page.getByLabel('Kind of agency').selectOption({ label: 'Probation Service (Responsible Authority)' });
  await page.getByLabel('Area', { exact: true }).fill('Greater Manchester');
  await page.getByLabel(options.role ?? 'MAPPA coordinator').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wigan Probation Delivery Unit' })).toBeVisible();
  return folder;
}

/** Adds a partner agency office through the Agency offices screen. */
export async function addOffice(page: Page, name: string, agencyLabel: string, area = 'Greater Manchester'): Promise<void> {
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Agency offices' }).click();
  await page.getByLabel('Office name').fill(name);
  await page.getByLabel('Kind of agency').selectOption({ label: agencyLabel });
  await page.getByLabel('Area', { exact: true }).fill(area);
  await page.getByRole('button', { name: 'Add office' }).click();
  await expect(page.getByRole('table')).toContainText(name);
}

/** Locks the register and unlocks it as someone else, like a person changing over at the desk. */
export async function signInAs(page: Page, who: { name: string; passphrase: string }): Promise<void> {
  await page.getByRole('button', { name: 'Lock register' }).click();
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Passphrase').fill(who.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('banner')).toContainText(who.name);
}
