import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test, expect, expectNoAxeViolations } from './harness';
import { addOffice, createSetUpRegister } from './steps';

const PASSPHRASE = 'correct horse battery staple';

test('a coordinator creates a register, locks it, and unlocks it after a wrong passphrase', async ({ page, app }) => {
  const folder = path.join(app.dataDir, 'north-west-register');
  await app.open();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Create a new register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a new register' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Submitting without a folder: the summary links to the folder button.
  await page.getByRole('button', { name: 'Create register' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose an empty folder for the new register.');

  app.host.picksFolder(folder);
  await page.getByRole('button', { name: 'Choose folder' }).click();
  await expect(page.getByText(folder)).toBeVisible();

  await page.getByLabel('Your name').fill('Sam Coordinator');
  await page.getByLabel('Passphrase', { exact: true }).fill('too short');
  await page.getByLabel('Confirm passphrase').fill('too short');
  await page.getByRole('button', { name: 'Create register' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Choose a passphrase of at least 12 characters.');
  // The same sentence sits next to the field, and the summary's link takes focus there.
  await expect(page.locator('#passphrase-error')).toContainText('Choose a passphrase of at least 12 characters.');
  await summary.getByRole('link', { name: 'Choose a passphrase of at least 12 characters.' }).click();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(`${PASSPHRASE}!`);
  await page.getByRole('button', { name: 'Create register' }).click();
  await expect(page.locator('#confirmPassphrase-error')).toContainText('The two passphrases you entered are different.');

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up the register' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Sam Coordinator');
  await expectNoAxeViolations(page);

  // Setting up: every field refused at once, each named.
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the office name');
  await expect(page.getByRole('alert')).toContainText('Choose the kind of agency from the list');
  await page.getByLabel('Your office’s name').fill('Wigan Probation Delivery Unit');
  await page.getByLabel('Kind of agency').selectOption({ label: 'Probation Service (Responsible Authority)' });
  await page.getByLabel('Area', { exact: true }).fill('Greater Manchester');
  await page.getByLabel('MAPPA coordinator').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wigan Probation Delivery Unit' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Sam Coordinator, Wigan Probation Delivery Unit');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Lock register' }).click();
  await expect(page.getByRole('status')).toHaveText('The register is locked.');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the register' })).toBeVisible();
  await expect(page.getByText('Signed in as')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await expect(page.getByLabel('Your name')).toHaveValue('Sam Coordinator');
  // The name is known: the cursor waits in the passphrase field.
  await expect(page.getByLabel('Passphrase')).toBeFocused();
  await page.getByLabel('Passphrase').fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open this register.');
  await expect(page.getByLabel('Passphrase')).toHaveValue('');

  // The delay after a failure: an immediate retry is refused without trying the passphrase.
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  const refused = page.getByRole('alert');
  await expect(refused).toContainText(/Wait \d+ seconds? before trying again|That passphrase/);

  // The delay passes on the service's clock: the test moves it on rather than waiting.
  app.clock.advance(1_100);
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wigan Probation Delivery Unit' })).toBeVisible();
  await expect(page.getByText(/There (was 1 failed attempt|were \d+ failed attempts) to unlock this register/)).toBeVisible();

  // The keyboard shortcut locks too.
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { level: 1, name: 'Unlock the register' })).toBeVisible();
});

test('an administrator gives a colleague their own passphrase, office and role, and the colleague cannot manage users', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users and passphrases' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Casey Coordinator/ })).toContainText('MAPPA coordinator');
  await page.getByLabel('Their name').fill('Pat Probation');
  await page.getByLabel('Their role').selectOption({ label: 'Agency representative' });
  await page.getByLabel('Their passphrase', { exact: true }).fill('pat has a long passphrase');
  await page.getByLabel('Confirm their passphrase').fill('pat has a long passphrase');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status')).toContainText('Pat Probation can now unlock the register');
  await expect(page.getByRole('row', { name: /Pat Probation/ })).toContainText('Agency representative');
  await expect(page.getByRole('row', { name: /Pat Probation/ })).toContainText('Wigan Probation Delivery Unit');
  await expectNoAxeViolations(page);

  // Adding the same person twice is refused next to the name.
  await page.getByLabel('Their name').fill('Pat Probation');
  await page.getByLabel('Their passphrase', { exact: true }).fill('another long passphrase');
  await page.getByLabel('Confirm their passphrase').fill('another long passphrase');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.locator('#userName-error')).toContainText('Pat Probation can already unlock this register.');

  await page.getByRole('button', { name: 'Lock register' }).click();
  await page.getByLabel('Your name').fill('Pat Probation');
  await page.getByLabel('Passphrase').fill('pat has a long passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('banner')).toContainText('Pat Probation, Wigan Probation Delivery Unit');
  await expect(page.getByRole('link', { name: 'Subjects' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Backup' })).toHaveCount(0);
});

test('a backup restores into a new folder and opens with the same passphrase; a changed passphrase replaces the old one', async ({ page, app }) => {
  const backupFile = path.join(app.dataDir, 'backups', 'reg.mappa-backup');
  const restored = path.join(app.dataDir, 'restored');
  // A backup is a copy of every agency's information: an IG lead (or an administrator) makes it.
  await createSetUpRegister(page, app, { role: 'Information governance lead' });

  await page.getByRole('link', { name: 'Backup' }).click();
  await page.getByRole('button', { name: 'Make backup' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose where to save the backup.');
  app.host.picksFile(backupFile);
  await page.getByRole('button', { name: 'Choose where to save' }).click();
  await page.getByRole('button', { name: 'Make backup' }).click();
  await expect(page.getByRole('status')).toContainText(`The register was backed up to ${backupFile}`);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Change passphrase' }).click();
  await page.getByLabel('Current passphrase').fill('wrong current passphrase');
  await page.getByLabel('New passphrase', { exact: true }).fill('a brand new passphrase');
  await page.getByLabel('Confirm new passphrase').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.locator('#currentPassphrase-error')).toContainText('That passphrase does not open this register.');
  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByLabel('New passphrase', { exact: true }).fill('a brand new passphrase');
  await page.getByLabel('Confirm new passphrase').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('status')).toContainText('Your passphrase has been changed.');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Lock register' }).click();
  await page.getByRole('button', { name: 'Choose another register' }).click();
  await page.getByRole('button', { name: 'Restore from a backup' }).click();
  await expectNoAxeViolations(page);
  app.host.picksFile(backupFile);
  await page.getByRole('button', { name: 'Choose backup file' }).click();
  app.host.picksFolder(restored);
  await page.getByRole('button', { name: 'Choose empty folder' }).click();
  await page.getByLabel('Your name').fill('Casey Coordinator');
  // The backup was made before the change, so it opens with the passphrase of that time.
  await page.getByLabel('Your passphrase').fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Restore register' }).click();
  await expect(page.getByRole('alert')).toContainText('That passphrase does not open this register.');
  await page.getByLabel('Your passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Restore register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wigan Probation Delivery Unit' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(restored);
});

test('an older copy of the register put back is refused at unlock; an administrator decides to open it, and that is recorded', async ({ page, app }) => {
  const folder = await createSetUpRegister(page, app, { role: 'Administrator' });
  const older = path.join(app.dataDir, 'older-copy');
  await page.getByRole('button', { name: 'Lock register' }).click();
  cpSync(folder, older, { recursive: true });
  // More work, then the copy from the shared drive is put back over it.
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await addOffice(page, 'Wigan Public Protection Unit', 'Police (Responsible Authority)');
  await page.getByRole('button', { name: 'Lock register' }).click();
  rmSync(folder, { recursive: true });
  cpSync(older, folder, { recursive: true });

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('older than the one this computer last opened');
  await expect(page.getByRole('alert')).toContainText('Nothing has been written');
  await expectNoAxeViolations(page);
  await page.getByLabel('Open this copy anyway').check();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wigan Probation Delivery Unit' })).toBeVisible();
  const decisions = await app.service['audit.query']({ userId: null, subjectId: null, actions: ['rollback_accepted'], from: null, to: null, limit: 10, offset: 0 });
  expect(decisions.entries).toHaveLength(1);
});
