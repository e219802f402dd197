import type { Page } from '@playwright/test';
import { subjectInput } from '../../src/shared/registerSchemas';
import { test, expect, expectNoAxeViolations, type AppFixture } from './harness';
import { createSetUpRegister, signInAs } from './steps';

// APP Professional standards, counter-corruption case study (seeds/app-counter-corruption-
// case-study.txt): a police officer's partner was known to the police; "audits showed that
// the officer had reviewed the incident logs ... involving their partner". Here the officer
// has declared the partner, so the register stops the look and tells the IG lead, whose
// audit then shows who looked at what.

const OFFICER = { name: 'PC Jordan Reid', passphrase: 'jordan works out of wigan' };
const IG_LEAD = { name: 'Indra Governance', passphrase: 'indra keeps the records straight' };
const PARTNER_RELATIONSHIP = 'My partner. We have lived together since 2019; I wrote to them while they were in prison.';

const section = (page: Page, name: string) => page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name });

function aNominal(givenName: string, familyName: string, more: { aliases?: string[]; dateOfBirth: string; leadOfficeId: string }) {
  return subjectInput.parse({
    kind: 'nominal', givenName, familyName, aliases: more.aliases ?? [], dateOfBirth: more.dateOfBirth, ethnicity: null, pnc: null, ndelius: null, visor: null,
    address: null, noFixedAbode: true, areaOfClosestLinks: 'Wigan', indexOffence: 'Wounding with intent (section 18)', sentence: null, category: 2, level: 2, risk: 'high',
    exceptionalReason: null, leadOfficeId: more.leadOfficeId, nextReview: null,
  });
}

/** The MAPPA coordinator registers the partner (served a sentence for serious assault) and another case; a police officer and an IG lead get passphrases. */
async function theRegister(page: Page, app: AppFixture): Promise<void> {
  await createSetUpRegister(page, app);
  const [probation] = await app.service['offices.list']({});
  const offices = await app.service['offices.add']({ name: 'Wigan Response Policing', agency: 'police', area: 'Greater Manchester' });
  const police = offices.find((o) => o.agency === 'police')!;
  // The register knows him as Lee Marsh, also spelled Leigh.
  await app.service['subjects.create'](aNominal('Lee', 'Marsh', { aliases: ['Leigh Marsh'], dateOfBirth: '1986-09-14', leadOfficeId: probation!.id }));
  await app.service['subjects.create'](aNominal('Daniel', 'Hartley', { dateOfBirth: '1979-02-03', leadOfficeId: probation!.id }));
  await app.service['users.add']({ userName: OFFICER.name, passphrase: OFFICER.passphrase, confirmPassphrase: OFFICER.passphrase, administrator: false, role: 'representative', officeId: police.id });
  await app.service['users.add']({ userName: IG_LEAD.name, passphrase: IG_LEAD.passphrase, confirmPassphrase: IG_LEAD.passphrase, administrator: false, role: 'ig_lead', officeId: probation!.id });
}

async function findAndOpen(page: Page, search: string, listed: string): Promise<void> {
  await section(page, 'Subjects').click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(search);
  await page.getByRole('list', { name: 'Subjects found' }).getByRole('link', { name: listed }).click();
}

/** A search that finds nobody: the declared partner is left out of the results and the count. */
async function searchFindsNobody(page: Page, search: string): Promise<void> {
  await section(page, 'Subjects').click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(search);
  await expect(page.getByText('0 subjects matching your words')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Subjects found' }).getByRole('link')).toHaveCount(0);
}

test('an officer who declared their partner is stopped from opening the partner’s record, and the IG lead sees the alert and the officer’s views', async ({ page, app }) => {
  await theRegister(page, app);

  // The officer declares the partner, as they know him: Leigh Marsh, with his date of birth.
  await signInAs(page, OFFICER);
  await section(page, 'My associations').click();
  await page.getByLabel('Full name').fill('Leigh Marsh');
  await page.getByLabel('Date of birth (if known)').fill('1986-09-14');
  await page.getByLabel('How you know them').fill(PARTNER_RELATIONSHIP);
  await page.getByRole('button', { name: 'Declare association' }).click();
  await expect(page.getByRole('status')).toContainText('Your association with Leigh Marsh has been declared.');

  // The officer looks up the partner anyway: the register finds nobody, as it would for a
  // name it does not hold (saying more would tell them the partner is there), and the IG
  // lead is alerted.
  await searchFindsNobody(page, 'Marsh');
  await expect(page.getByText('Wounding with intent')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Another case, one the officer has no part in, read again and again.
  await findAndOpen(page, 'Hartley', 'HARTLEY, Daniel');
  await expect(page.getByRole('heading', { level: 1, name: 'Why are you opening this record?' })).toBeVisible();
  await page.getByRole('group', { name: 'Reason' }).getByLabel('Other').check();
  await page.getByLabel('Say why').fill('Checking for a domestic dispute call-out');
  await page.getByRole('button', { name: 'Open record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daniel Hartley' })).toBeVisible();
  for (let again = 0; again < 2; again += 1) {
    await findAndOpen(page, 'Hartley', 'HARTLEY, Daniel');
    await expect(page.getByRole('heading', { level: 1, name: 'Daniel Hartley' })).toBeVisible();
  }

  // The IG lead's audit: the alert names the officer, the partner and what the officer declared.
  await signInAs(page, IG_LEAD);
  await section(page, 'Audit').click();
  const auditSections = page.getByRole('navigation', { name: 'Audit sections' });
  await expect(auditSections.getByRole('link', { name: 'Alerts (1 open)' })).toHaveAttribute('aria-current', 'page');
  const alert = page.getByRole('table', { name: '1 open alert' }).getByRole('row', { name: new RegExp(OFFICER.name) });
  await expect(alert).toContainText('Lee Marsh');
  await expect(alert).toContainText(PARTNER_RELATIONSHIP);
  await expectNoAxeViolations(page);

  // Repeated views with no part in the case, in words, and from there to the log.
  await auditSections.getByRole('link', { name: 'Patterns to look at' }).click();
  await expect(page.getByRole('list', { name: 'Patterns found' })).toContainText(new RegExp(`${OFFICER.name} viewed Daniel Hartley 3 times on \\d{1,2} \\w+ \\d{4}, with no part in the case\\.`));
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: `See these views of Daniel Hartley by ${OFFICER.name} in the log` }).click();
  await expect(page.getByText('Only entries about Daniel Hartley.')).toBeVisible();
  const views = page.getByRole('table', { name: 'Showing 1–3 of 3 entries' });
  await expect(views.getByRole('row', { name: /Opened a subject/ })).toHaveCount(3);
  await expect(views.getByRole('row', { name: /Opened a subject/ }).first()).toContainText('Other: Checking for a domestic dispute call-out');

  // Everything the officer did, newest first: the stopped look at the partner is there too.
  await page.getByRole('button', { name: 'Show entries about anyone' }).click();
  await page.getByLabel('Action').selectOption({ label: 'Any action' });
  await page.getByRole('button', { name: 'Filter' }).click();
  const everything = page.getByRole('table', { name: /Showing 1–\d+ of \d+ entries/ });
  const stopped = everything.getByRole('row', { name: /Stopped by a declared association/ });
  await expect(stopped).toContainText(OFFICER.name);
  await expect(stopped).toContainText('Agency representative, Police');
  await expect(stopped).toContainText('Lee Marsh');
  await expect(everything.getByRole('row', { name: /Declared an association/ })).toHaveCount(1);
  await expect(everything.getByRole('row', { name: /Opened a subject/ })).toHaveCount(3);
  await expect(everything).not.toContainText(IG_LEAD.name);
  await expectNoAxeViolations(page);

  // The IG lead records the outcome: a decision and what was found are both needed.
  await auditSections.getByRole('link', { name: /^Alerts/ }).click();
  await page.getByRole('button', { name: `Decide on the alert about ${OFFICER.name} and Lee Marsh` }).click();
  await expect(page.getByRole('heading', { name: `Decide on the alert about ${OFFICER.name} and Lee Marsh` })).toBeFocused();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose whether to close the alert or grant an exception.');
  await page.getByRole('group', { name: 'Decision' }).getByLabel('Close the alert').check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toContainText('Record what you found and did');
  await expect(page.locator('#outcome-error')).toBeVisible();
  await expectNoAxeViolations(page);

  const outcome = 'Referred to Professional Standards: repeated views of the Hartley incident logs with no part in the case. Officer to be interviewed.';
  await page.getByLabel('What you found and did').fill(outcome);
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('status')).toContainText(`The alert about ${OFFICER.name} and Lee Marsh is closed.`);
  await expect(page.getByText('There are no open alerts.')).toBeVisible();
  const closed = page.getByRole('table', { name: 'Closed alerts' }).getByRole('row', { name: new RegExp(OFFICER.name) });
  await expect(closed).toContainText(outcome);
  await expect(closed).toContainText(`Closed by ${IG_LEAD.name}`);
  await expect(auditSections.getByRole('link', { name: 'Alerts', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the IG lead grants an exception when the officer’s work needs the record, and the officer can then open it', async ({ page, app }) => {
  await theRegister(page, app);
  await signInAs(page, OFFICER);
  // Not what this test is about: the declaration and the stopped look, through the service as the officer.
  await app.service['associations.declare']({ names: ['Leigh Marsh'], dateOfBirth: '1986-09-14', relationship: 'My brother-in-law; we meet at family events.' });
  await searchFindsNobody(page, 'Marsh');

  await signInAs(page, IG_LEAD);
  await section(page, 'Audit').click();
  await page.getByRole('button', { name: `Decide on the alert about ${OFFICER.name} and Lee Marsh` }).click();
  await page.getByRole('group', { name: 'Decision' }).getByLabel('Grant an exception').check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toContainText('Give the reason for the exception');
  await expect(page.locator('#reason-error')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Reason for the exception').fill('Jordan is the allocated officer for the MAPPA meeting; line manager agrees and reviews each view.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('status')).toContainText(`${OFFICER.name} can now open Lee Marsh’s record.`);
  await expect(page.getByRole('table', { name: 'Closed alerts' })).toContainText('Exception granted: Jordan is the allocated officer');

  await signInAs(page, OFFICER);
  await findAndOpen(page, 'Marsh', 'MARSH, Lee');
  await page.getByRole('group', { name: 'Reason' }).getByLabel('Meeting preparation').check();
  await page.getByRole('button', { name: 'Open record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lee Marsh' })).toBeVisible();
});

test('the IG lead sees when an officer withdraws a declaration while its alert is still open', async ({ page, app }) => {
  await theRegister(page, app);
  await signInAs(page, OFFICER);
  await app.service['associations.declare']({ names: ['Leigh Marsh'], dateOfBirth: '1986-09-14', relationship: PARTNER_RELATIONSHIP });
  await searchFindsNobody(page, 'Marsh');
  // Withdrawn with the alert still open: allowed (a declaration can be mistaken), and flagged.
  const [declaration] = await app.service['associations.list']({});
  await app.service['associations.withdraw']({ id: declaration!.id, reason: 'We are no longer together' });

  await signInAs(page, IG_LEAD);
  await section(page, 'Audit').click();
  const alert = page.getByRole('table', { name: '1 open alert' }).getByRole('row', { name: new RegExp(OFFICER.name) });
  await expect(alert).toContainText('Declaration withdrawn while this alert was open');
  await page.getByRole('button', { name: `Decide on the alert about ${OFFICER.name} and Lee Marsh` }).click();
  await expect(page.getByText('They withdrew that declaration on', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
});
