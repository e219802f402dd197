// Issue 10, driven like a person: a probation coordinator trusts the police office's key
// by its fingerprint, shares Darren Hollis's address through the wizard (the leaflet's
// warning on his ethnicity, removed with one click; the three tests answered; the file
// saved), and the police register, in a second window on its own service, imports the file
// and shows the items as probation's. Then the service's refusal when a field is unanswered;
// and, from his page, a withdrawal, a decision not to share and the owner's permission.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { LEAFLET_PROPORTIONALITY_WARNING } from '../../src/shared/sharingVocabulary';
import { CASE, aPartnerRegister, HOLLIS, type PartnerRegister } from '../support/partners';
import { aSubject, anItem } from '../support/registerBuilders';
import { bridgePage, serveRenderer } from '../support/rendererServer';
import { expect, expectNoAxeViolations, test, type AppFixture } from './harness';
import { createSetUpRegister } from './steps';

const SHOTS = path.resolve(__dirname, '../../docs/screenshots');
const AREA = 'Greater Manchester';

/** The pictures in docs/screenshots, taken again when MAPPA_SCREENSHOTS=1 (an ordinary run leaves them alone). */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.MAPPA_SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `sharing-${name}.png`), fullPage: true });
}

/** The police's register, on "another machine": a second service in this process, with its office keys made. */
function thePoliceRegister(): Promise<PartnerRegister> {
  return aPartnerRegister({ office: { name: 'Wigan Public Protection Unit', agency: 'police', area: AREA }, userName: 'Sam Sergeant' });
}

/** Darren Hollis in the probation register, with his address, ethnicity, and items from probation and the health trust. */
async function hollisInProbation(app: AppFixture): Promise<string> {
  await app.service['offices.add']({ name: 'North West Mental Health Trust', agency: 'health', area: AREA });
  const offices = await app.service['offices.list']({});
  const probation = offices.find((o) => o.isHome)!.id;
  const health = offices.find((o) => o.agency === 'health')!.id;
  const subjectId = (await app.service['subjects.create'](aSubject(HOLLIS))).id;
  await app.service['items.add'](anItem(subjectId, probation, { value: 'Drinks heavily after contact with his former partner; violence has followed twice.', providerName: 'Pat Probation' }));
  await app.service['items.add'](anItem(subjectId, probation, { fieldKind: 'licence_conditions', value: 'Not to enter Orchard Close. Curfew 19:00 to 07:00.', providerName: 'Pat Probation' }));
  await app.service['items.add'](anItem(subjectId, health, { fieldKind: 'health', value: 'Stops his medication when drinking.', providerName: 'Dr Aled Pryce' }));
  return subjectId;
}

/** Arranged through the channels: this office's keys, and the police's key confirmed. Returns the police office's id here. */
async function probationTrustingThePolice(app: AppFixture): Promise<string> {
  const police = await thePoliceRegister();
  await app.service['keys.create']({});
  const policeKey = police.file('police.mappa-key');
  police.api.host.picksFile(policeKey);
  await police.api.service['keys.exportOwn']({});
  police.api.session.lock();
  app.host.picksFile(policeKey);
  const preview = await app.service['keys.openPartnerKey']({});
  if ('cancelled' in preview) throw new Error('the key file dialog was cancelled');
  const partners = await app.service['keys.confirmPartnerKey']({ token: preview.token, fingerprintMatches: true, confirmedWith: 'Sam Sergeant', confirmedHow: 'by telephone' });
  return partners[0]!.office.id;
}

/** A draft share of his address to the police, to locate him, with the tests answered for his names only. */
async function aDraftOfHisAddress(app: AppFixture, subjectId: string, policeOffice: string) {
  let draft = await app.service['shares.start']({ subjectId, reason: CASE });
  draft = await app.service['shares.setFields']({ id: draft.id, fields: [{ kind: 'subject', field: 'address' }] });
  draft = await app.service['shares.setDetails']({
    id: draft.id,
    purpose: 'locate_contact',
    purposeOther: null,
    recipientOfficeIds: [policeOffice],
    gateway: 'cja2003_s325',
    gatewayOther: null,
    regime: 'dpa2018_part3',
    expiryDays: 28,
    noOnwardDisclosure: true,
    notToSubject: false,
  });
  return app.service['shares.answer']({ id: draft.id, lineId: draft.lines[0]!.lineId, necessary: 'To file it.', proportionate: 'His names only.', relevant: 'It is him.', outsidePurposeReason: null, specialJustification: null });
}

async function openHollis(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Subjects' }).click();
  await page.getByRole('list', { name: 'Subjects found' }).getByRole('link', { name: 'HOLLIS, Darren' }).click();
  await page.getByLabel('Case management').check();
  await page.getByRole('button', { name: 'Open record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Darren Hollis' })).toBeVisible();
}

test('a coordinator shares his address with the police through the wizard, removing the ethnicity the leaflet warns about, and the police register imports it as probation’s', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  await hollisInProbation(app);
  const police = await thePoliceRegister();
  const nav = page.getByRole('navigation', { name: 'Register sections' });

  // This office's keys, and its key file for the police.
  await nav.getByRole('link', { name: 'Partner keys' }).click();
  await page.getByRole('button', { name: 'Make this office’s keys' }).click();
  await expect(page.locator('#own-fingerprint')).toHaveText(/^([0-9A-Z]{4} ){7}[0-9A-Z]{4}$/);
  const probationKey = path.join(app.dataDir, 'probation.mappa-key');
  app.host.picksFile(probationKey);
  await page.getByRole('button', { name: 'Save this office’s key file' }).click();
  await expect(page.getByRole('status')).toContainText(`saved to ${probationKey}`);
  // The police confirm it at their end (their own screens are the same as these).
  police.api.host.picksFile(probationKey);
  const atPolice = await police.api.service['keys.openPartnerKey']({});
  if ('cancelled' in atPolice) throw new Error('the police did not open the key file');
  await police.api.service['keys.confirmPartnerKey']({ token: atPolice.token, fingerprintMatches: true, confirmedWith: 'Casey Coordinator', confirmedHow: 'by telephone' });

  // The police's key file arrives; its fingerprint is compared with the one read out.
  const policeKey = police.file('police.mappa-key');
  police.api.host.picksFile(policeKey);
  await police.api.service['keys.exportOwn']({});
  const policeFingerprint = (await police.api.service['keys.own']({})).fingerprint!;
  app.host.picksFile(policeKey);
  await page.getByRole('button', { name: 'Import a partner’s key file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check the fingerprint of Wigan Public Protection Unit' })).toBeVisible();
  await expect(page.getByText(policeFingerprint, { exact: true })).toBeVisible();
  await page.getByLabel('Who read it to you').fill('Sam Sergeant');
  await page.getByLabel('How', { exact: true }).fill('By telephone, on the PPU number from the MAPPA contact list');
  await expectNoAxeViolations(page);
  await screenshot(page, 'partner-key');
  // The service, not only the screen, wants the box ticked.
  await page.getByRole('button', { name: 'Confirm this key' }).click();
  await expect(page.getByRole('alert')).toContainText('Confirm that the fingerprint matches the one the office read to you');
  await expectNoAxeViolations(page);
  await page.getByLabel('The fingerprint matches').check();
  await page.getByRole('button', { name: 'Confirm this key' }).click();
  await expect(page.getByRole('status')).toContainText('The key of Wigan Public Protection Unit has been confirmed.');
  await expect(page.getByRole('table', { name: 'Confirmed partner keys' })).toContainText('With Sam Sergeant (By telephone, on the PPU number from the MAPPA contact list)');
  await expectNoAxeViolations(page);

  // The wizard, from his page.
  await openHollis(page);
  await page.getByRole('button', { name: 'Share information' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share information about Darren Hollis' })).toBeVisible();
  const tasks = page.locator('.govuk-task-list');
  await expect(tasks.getByRole('listitem').filter({ hasText: 'Choose the information' })).toContainText('Incomplete');
  await expect(tasks.getByRole('listitem').filter({ hasText: 'The three tests' })).toContainText('Cannot start yet');

  await page.getByRole('link', { name: 'Choose the information' }).click();
  await expect(page.getByLabel('Names and aliases')).toBeDisabled();
  await expect(page.getByRole('group', { name: 'Information owned by North West Mental Health Trust' })).toContainText('Needs the owner’s permission');
  await expect(page.getByRole('group', { name: /The person’s details/ })).toContainText('Special category: Race or ethnic origin');
  await expectNoAxeViolations(page);
  await page.getByLabel('Address', { exact: true }).check();
  await page.getByLabel('Ethnicity', { exact: true }).check();
  await page.getByLabel('Risk factor', { exact: true }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Purpose and recipients' })).toBeVisible();
  // The gateway and regime start from probation's defaults.
  await expect(page.getByLabel('Lawful gateway')).toHaveValue('cja2003_s325');
  await expect(page.getByLabel('Data Protection Act 2018, Part 3 (law enforcement processing)')).toBeChecked();
  await expect(page.getByLabel('No onward disclosure without the owner’s permission')).toBeChecked();
  await page.getByLabel('Locating or contacting the person').check();
  await page.getByLabel('Wigan Public Protection Unit').check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'The three tests, field by field' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the task list' }).click();
  await expect(tasks.getByRole('listitem').filter({ hasText: 'Purpose and recipients' })).toContainText('Completed');
  await expect(tasks.getByRole('listitem').filter({ hasText: 'The three tests' })).toContainText('Incomplete');
  await expect(tasks.getByRole('listitem').filter({ hasText: 'Check your answers' })).toContainText('Cannot start yet');
  await expectNoAxeViolations(page);
  await screenshot(page, 'task-list');
  await page.getByRole('link', { name: 'The three tests, field by field' }).click();

  // The leaflet's warning on his ethnicity, in its words, and one click takes it out.
  const ethnicity = page.getByRole('region', { name: 'Ethnicity' });
  await expect(ethnicity).toContainText(LEAFLET_PROPORTIONALITY_WARNING);
  await expect(ethnicity).toContainText('MAPPA information sharing leaflet');
  const risk = page.getByRole('region', { name: 'Risk factor' });
  await expect(risk.getByLabel('Why is this needed for this purpose?')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'three-tests');
  await ethnicity.getByRole('button', { name: 'Remove this field from the share' }).click();
  await expect(page.getByRole('status')).toContainText('Ethnicity was removed from the share.');
  await expect(page.getByRole('region', { name: 'Ethnicity' })).toHaveCount(0);

  for (const name of ['Names and aliases', 'Address', 'Risk factor']) {
    const line = page.getByRole('region', { name });
    await line.getByLabel('Necessary').fill('To find him: the police need to visit him about a breach.');
    await line.getByLabel('Proportionate').fill(`Only his ${name.toLowerCase()}, nothing of his record.`);
    await line.getByLabel('Relevant').fill('His whereabouts bear on the risk to his former partner.');
  }
  await risk.getByLabel('Why is this needed for this purpose?').fill('Officers visiting him must know violence follows his drinking.');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await expect(page.getByText('This share cannot be confirmed yet')).toHaveCount(0);
  await expect(page.locator('.govuk-summary-list').first()).toContainText('Locating or contacting the person');
  await expect(page.locator('.govuk-summary-list').first()).toContainText('Wigan Public Protection Unit');
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Names and aliases', 'Address', 'Risk factor']);
  await expectNoAxeViolations(page);
  await screenshot(page, 'check-answers');

  const shareFile = path.join(app.dataDir, 'hollis-to-police.mappa');
  app.host.picksFile(shareFile);
  await page.getByRole('button', { name: 'Confirm and save the file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share confirmed' })).toBeVisible();
  await expect(page.locator('.govuk-panel')).toContainText(shareFile);
  await expect(page.locator('.govuk-panel')).toContainText('Wigan Public Protection Unit');
  expect(existsSync(shareFile)).toBe(true);
  await expectNoAxeViolations(page);

  // The register-wide list, and his page, show it as shared.
  await nav.getByRole('link', { name: 'Shares' }).click();
  const row = page.getByRole('row', { name: /Darren Hollis/ });
  await expect(row).toContainText('Shared');
  await expect(row).toContainText('Locating or contacting the person');
  await expect(row).toContainText('Wigan Public Protection Unit');
  await expectNoAxeViolations(page);

  // The police register, in its own window, imports the file through its Import screen.
  const { server, url } = await serveRenderer();
  const other = await page.context().newPage();
  try {
    await bridgePage(other, police.api.service, url);
    await other.goto(`${url}/index.html`);
    await other.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Shares' }).click();
    await other.getByRole('button', { name: 'Import a file' }).click();
    police.api.host.picksFile(shareFile);
    await other.getByRole('button', { name: 'Open an exchange file' }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'Check the file before importing it' })).toBeVisible();
    const sender = other.locator('.govuk-summary-list');
    await expect(sender).toContainText('Wigan Probation Delivery Unit');
    await expect(sender).toContainText('Probation Service');
    await expect(sender).toContainText('Locating or contacting the person');
    await expect(sender).toContainText('Not in this register yet');
    const items = other.getByRole('table', { name: 'Items in the file (2)' });
    for (const label of ['Address', 'Risk factor']) {
      const item = items.getByRole('row', { name: new RegExp(label) });
      await expect(item).toContainText('Wigan Probation Delivery Unit');
      await expect(item).toContainText('Probation Service');
      await expect(item).toContainText('New');
    }
    await expect(items).not.toContainText('White British');
    await expectNoAxeViolations(other);
    await screenshot(other, 'import-preview');

    await other.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(other.getByRole('heading', { level: 1, name: 'File imported' })).toBeVisible();
    await other.getByRole('link', { name: 'Go to Darren Hollis' }).click();
    await other.getByLabel('Case management').check();
    await other.getByRole('button', { name: 'Open record' }).click();
    const probations = other.getByRole('region', { name: 'Owned by Wigan Probation Delivery Unit' });
    await expect(probations).toContainText('violence has followed twice');
    await expect(probations.getByText('Probation Service', { exact: true }).first()).toBeVisible();
    await expect(probations.getByText('Received from Wigan Probation Delivery Unit').first()).toBeVisible();
    await expectNoAxeViolations(other);
  } finally {
    await other.close();
    server.close();
    police.api.session.lock();
  }
});

test('Confirm with a field’s tests unanswered is refused by the service in its words, and no file is written', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  const subjectId = await hollisInProbation(app);
  const draft = await aDraftOfHisAddress(app, subjectId, await probationTrustingThePolice(app));

  // The draft waits on his page; the person carries on and goes to check their answers.
  await openHollis(page);
  const shares = page.getByRole('region', { name: 'Shares and decisions not to share' });
  await expect(shares.getByRole('row', { name: /Draft/ })).toContainText('Locating or contacting the person');
  await shares.getByRole('link', { name: /Continue this draft/ }).click();
  await page.getByRole('link', { name: 'The three tests, field by field' }).click();
  await expect(page.getByRole('region', { name: 'Address' })).toContainText('Answer the three tests for Address: still to answer, necessary, proportionate, relevant.');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await expect(page.getByText('This share cannot be confirmed yet', { exact: true })).toBeVisible();

  const file = path.join(app.dataDir, 'refused.mappa');
  app.host.picksFile(file);
  await page.getByRole('button', { name: 'Confirm and save the file' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This share cannot be confirmed yet: one thing is still to do. Answer the three tests for Address: still to answer, necessary, proportionate, relevant.');
  await expectNoAxeViolations(page);
  expect(existsSync(file)).toBe(false);
  expect(app.host.opened).not.toContain('exchange:save');
  expect((await app.service['shares.get']({ id: draft.id, reason: CASE })).status).toBe('draft');
});

test('from his page a coordinator withdraws a share, saying plainly what a withdrawal cannot do, records a decision not to share, and records the health trust’s permission in the wizard', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  const subjectId = await hollisInProbation(app);
  // Arrange: a confirmed share of his address, made through the channels.
  const share = await aDraftOfHisAddress(app, subjectId, await probationTrustingThePolice(app));
  const address = share.lines.find((l) => l.label === 'Address')!;
  await app.service['shares.answer']({ id: share.id, lineId: address.lineId, necessary: 'To find him.', proportionate: 'No more.', relevant: 'His risk.', outsidePurposeReason: null, specialJustification: null });
  app.host.picksFile(path.join(app.dataDir, 'address.mappa'));
  await app.service['shares.confirm']({ id: share.id });

  await openHollis(page);
  const shares = page.getByRole('region', { name: 'Shares and decisions not to share' });
  await shares.getByRole('button', { name: /^Withdraw the share of/ }).click();
  await expect(shares).toContainText('A withdrawal cannot unread what was read');
  await shares.getByRole('button', { name: 'Withdraw and save the notice' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter why the share is being withdrawn');
  await expectNoAxeViolations(page);
  await shares.getByLabel('Why is the share being withdrawn?').fill('Sent to the wrong unit: the case has moved to Bolton.');
  const notice = path.join(app.dataDir, 'withdrawal.mappa');
  app.host.picksFile(notice);
  await shares.getByRole('button', { name: 'Withdraw and save the notice' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The share was withdrawn' })).toContainText(`saved to ${notice}: send it to Wigan Public Protection Unit`);
  await expect(shares.getByRole('row', { name: /Withdrawn/ })).toContainText('Locating or contacting the person');

  // A decision not to share, with its reason.
  await shares.getByRole('button', { name: 'Record a decision not to share' }).click();
  await shares.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter who asked for the information');
  await shares.getByLabel('Who asked for the information').fill('Wigan Housing Options');
  await shares.getByLabel('Locating or contacting the person').check();
  await shares.getByLabel('Health (North West Mental Health Trust)').check();
  await shares.getByLabel('Why is the information not being shared?').fill('Housing need his address only; his health is not relevant to that.');
  await expectNoAxeViolations(page);
  await shares.getByRole('button', { name: 'Record the decision' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'decision not to share' })).toBeVisible();
  await expect(shares.getByRole('row', { name: /Not shared/ })).toContainText('Asked for by Wigan Housing Options');

  // The health trust's item needs its permission: asked, then given, recorded in the wizard.
  await page.getByRole('button', { name: 'Share information' }).click();
  await page.getByRole('link', { name: 'Choose the information' }).click();
  await page.getByLabel('Health', { exact: true }).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByLabel('Risk management plan').check();
  await page.getByLabel('Wigan Public Protection Unit').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  const health = page.getByRole('region', { name: 'Health' });
  await expect(health).toContainText('Health belongs to North West Mental Health Trust: record their permission');
  await health.getByLabel('Who did you ask at North West Mental Health Trust?').fill('Dr Aled Pryce');
  await health.getByRole('button', { name: 'Record the request' }).click();
  await expect(health).toContainText('Asked, no answer yet');
  await health.getByLabel('They gave permission').check();
  await expect(health.getByLabel('Who answered for North West Mental Health Trust?')).toHaveValue('Dr Aled Pryce');
  await expectNoAxeViolations(page);
  await health.getByRole('button', { name: 'Record their answer' }).click();
  await expect(health).toContainText('Permission recorded');
  await expect(health).not.toContainText('record their permission');

  // A file this register cannot import is refused in the service's words.
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Shares' }).click();
  await page.getByRole('button', { name: 'Import a file' }).click();
  app.host.picksFile(notice);
  await page.getByRole('button', { name: 'Open an exchange file' }).click();
  await expect(page.getByRole('alert')).toContainText('nothing was imported');
  await expectNoAxeViolations(page);
});
