// Issue 12, driven like a person: a probation coordinator prepares a disclosure to Dafydd
// Wójcik's new employer (the PPU case study: one named manager, only his order's internet
// condition, discreetly) task by task: the recipient and how she was identified, the field
// with its three tests, who makes it where and when, and the decision record's criteria
// (the decision: the minutes of the Level 2 meeting about him). She cannot approve; the
// chair, refused while a criterion is unanswered (the service's sentence on screen), answers
// it and approves, makes the briefing (the file is saved), and the outcome is recorded as
// made: the record then cannot change, and a correction is an addendum.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { EMPLOYER, level2Minutes } from '../support/disclosures';
import { STAFF, type MeetingTeam } from '../support/meetings';
import { aSubject, anItem } from '../support/registerBuilders';
import { expect, expectNoAxeViolations, test, type AppFixture } from './harness';
import { createSetUpRegister, signInAs } from './steps';

const SHOTS = path.resolve(__dirname, '../../docs/screenshots');
const AREA = 'Greater Manchester';
const CHAIR = { name: STAFF.dina.userName, passphrase: STAFF.dina.passphrase };
const PPU = 'PC Ștefan Căpraru';
const TRIGGER_MISSING = 'Record at least one key trigger: if you see this, you need to do that.';

/** The pictures in docs/screenshots, taken again when MAPPA_SCREENSHOTS=1 (an ordinary run leaves them alone). */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.MAPPA_SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `disclosure-${name}.png`), fullPage: true });
}

/**
 * The police and children's services offices, the chair (police) and the minute-taker
 * (probation), Dafydd Wójcik with his order's internet condition (probation's item), and the
 * minutes of the Level 2 meeting about him that decided on the disclosure, saved by Casey.
 */
async function theCase(app: AppFixture): Promise<void> {
  await app.service['offices.add']({ name: 'Wigan Public Protection Unit', agency: 'police', area: AREA });
  const offices = await app.service['offices.add']({ name: 'Wigan Children’s Services', agency: 'childrens_services', area: AREA });
  const police = offices.find((o) => o.agency === 'police')!.id;
  const probation = offices.find((o) => o.isHome)!.id;
  for (const who of [STAFF.dina, STAFF.pat]) {
    await app.service['users.add']({ userName: who.userName, passphrase: who.passphrase, confirmPassphrase: who.passphrase, administrator: false, role: who.role, officeId: who.office === 'police' ? police : probation });
  }
  const subject = await app.service['subjects.create'](
    aSubject({ givenName: 'Dafydd', familyName: 'Wójcik', dateOfBirth: '1988-07-14', indexOffence: 'Making indecent photographs of a child', sentence: 'Community order with a Sexual Harm Prevention Order, 5 years', level: 2, risk: 'high', category: 1 }),
  );
  await app.service['items.add'](
    anItem(subject.id, probation, {
      fieldKind: 'licence_conditions',
      value: 'Not to use any device capable of accessing the internet without risk management software installed, except in a business environment with security measures approved by the police.',
      providerName: 'Gwenllian Pryce',
    }),
  );
  // The meetings builders take a meeting team: this register is one (Casey, DI Dina Shah and Pat Probation, the same offices).
  const childrens = offices.find((o) => o.agency === 'childrens_services')!.id;
  await level2Minutes({ api: { service: app.service }, offices: { probation, police, health: childrens, childrens } } as unknown as MeetingTeam, subject.id);
}

/** Opens his record from the subjects list, giving the reason. */
async function openWojcik(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Subjects' }).click();
  await page.getByRole('list', { name: 'Subjects found' }).getByRole('link', { name: 'WÓJCIK, Dafydd' }).click();
  await page.getByLabel('Disclosure', { exact: true }).check();
  await page.getByRole('button', { name: 'Open record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dafydd Wójcik' })).toBeVisible();
}

const taskRow = (page: Page, name: string | RegExp) => page.locator('.govuk-task-list__item').filter({ hasText: name });

async function openTask(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
}

async function saveTask(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save and return to the task list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disclosure about Dafydd Wójcik' })).toBeVisible();
}

test('a coordinator prepares a disclosure to his employer task by task; the chair is refused while a criterion is unanswered, approves, makes the briefing, and the outcome is recorded as made', async ({ page, app }) => {
  test.setTimeout(120_000);
  await createSetUpRegister(page, app);
  await theCase(app);

  // From his page: the section, and Start a disclosure.
  await openWojcik(page);
  const section = page.getByRole('region', { name: 'Disclosures to third parties' });
  await expect(section).toContainText('No disclosure about Dafydd Wójcik has been recorded.');
  await section.getByRole('button', { name: 'Start a disclosure' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disclosure about Dafydd Wójcik' })).toBeFocused();
  await expect(taskRow(page, 'Recipients')).toContainText('Not started');
  await expect(taskRow(page, 'Each recipient correctly identified')).toContainText('Cannot start yet');
  await expect(taskRow(page, 'The authority for the disclosure')).toContainText('Crime and Disorder Act 1998, section 115');
  await expect(taskRow(page, /For a person under 18/)).toContainText('Not needed');
  await expectNoAxeViolations(page);

  // The recipient, and how she was identified.
  await openTask(page, 'Recipients');
  await page.getByRole('button', { name: 'Add a recipient' }).click();
  await page.getByLabel('An employer').check();
  await page.getByLabel('Their full name').fill(EMPLOYER.fullName);
  await page.getByLabel('Their role or organisation (optional)').fill(EMPLOYER.organisation);
  await page.getByLabel('How was their identity checked?').fill('Met at the depot; identity checked against her staff pass and with the company’s director.');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save recipient' }).click();
  await expect(page.getByRole('table')).toContainText(EMPLOYER.fullName);
  await page.getByRole('link', { name: 'Return to the task list' }).click();
  await expect(taskRow(page, 'Recipients')).toContainText('Completed');
  await expect(taskRow(page, 'Each recipient correctly identified')).toContainText('Completed');

  // Exactly what is disclosed: his order's internet condition, nothing else; its three tests.
  await openTask(page, 'What is disclosed');
  await page.getByLabel('Licence or order conditions').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The three tests, field by field' })).toBeFocused();
  const line = page.getByRole('region', { name: 'Licence or order conditions' });
  await expect(line).toContainText('Probation Service');
  await line.getByLabel('Necessary').fill('Without it the manager cannot make sure he has no unmonitored internet access at work.');
  await line.getByLabel('Proportionate').fill('Only the condition, not his offence: the manager needs to know what to check, not why.');
  await line.getByLabel('Relevant').fill('His risk is managed through his use of the internet.');
  await line.getByLabel('The words the recipient is given (optional)').fill('He must not use any computer or phone with internet access at work unless the company’s monitoring is in place.');
  await expectNoAxeViolations(page);
  await screenshot(page, 'three-tests');
  await saveTask(page);
  await expect(taskRow(page, 'What is disclosed')).toContainText('Completed');

  // Who makes it, where, when and how: jointly, police and probation.
  await openTask(page, 'Who makes it, where, when and how');
  await expect(page.getByLabel('Wigan Probation Delivery Unit (Probation Service)')).toBeChecked();
  await page.getByLabel('Wigan Public Protection Unit (Police)').check();
  await page.getByLabel('The people making it').fill(`${PPU} and Gwenllian Pryce, offender manager`);
  await page.getByLabel('Where', { exact: true }).fill('The depot manager’s office, Pemberton');
  await page.getByLabel('When', { exact: true }).fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel('In person').check();
  await expect(page.getByLabel('The authority the disclosure relies on')).toHaveValue('cda1998_s115');
  await saveTask(page);
  await expect(taskRow(page, 'Who makes it, where, when and how')).toContainText('Completed');

  // The decision record, criterion by criterion (the triggers left for later).
  await openTask(page, '1. The potential risk to the offender');
  await expect(page.locator('.govuk-inset-text')).toContainText('should not outweigh the real risk to the safety of others');
  await page.getByLabel('What is the potential risk to the offender of making this disclosure?').fill('He may lose his job, and his family would face hardship; the risk of harm to him in a closed workplace is low.');
  // The service wants the box ticked, not only the screen.
  await page.getByRole('button', { name: 'Save and return to the task list' }).click();
  await expect(page.getByRole('alert')).toContainText('Confirm that the risk to the offender does not outweigh the real risk to others');
  await page.getByLabel('The risk to the offender does not outweigh the real risk to others were the disclosure not made').check();
  await saveTask(page);

  await openTask(page, '3. Alternatives considered and why each was rejected');
  await page.getByLabel('The alternative').selectOption({ label: 'General safeguarding advice that identifies no one' });
  await page.getByLabel('Why was it rejected?').fill('A visit as a local business initiative would not tell the manager what to watch for on the depot’s computers.');
  await saveTask(page);

  await openTask(page, '4. Preparation with each recipient');
  await page.getByLabel('What do they already know?').fill('Nothing of his conviction; she knows he is supervised by probation.');
  await page.getByLabel(`${EMPLOYER.fullName} understands the information is confidential and sensitive`).check();
  await page.getByLabel('How are they to use it?').fill('Only to make sure he has no unmonitored internet access at work.');
  await page.getByLabel('What should they do if something happens?').fill(`If he uses a computer without the monitoring, tell ${PPU} the same day.`);
  await page.getByLabel('Whom do they contact, and where do they get support?').fill(`${PPU}, Wigan Public Protection Unit, 01942 000 000; support from the company’s HR director.`);
  await saveTask(page);

  await openTask(page, '5. Whose decision it is');
  await page.getByLabel('The informed decision of a Level 2 or Level 3 MAPPA meeting').check();
  await page.getByLabel(/^Level 2 MAPPA meeting, 24 November 2026/).check();
  await expectNoAxeViolations(page);
  await screenshot(page, 'decision');
  await saveTask(page);

  await openTask(page, '7. Support if the process breaks down');
  await page.getByLabel('Support for victims').fill('The victim liaison officer contacts the family within a day.');
  await page.getByLabel('Support for the offender').fill('His offender manager visits and reviews his housing and work.');
  await saveTask(page);

  await openTask(page, '9. Whether the offender knows');
  await page.getByLabel('The offender will be told before it is made').check();
  await saveTask(page);

  for (const done of ['1. The potential risk', '3. Alternatives', '4. Preparation', '5. Whose decision', '7. Support', '9. Whether']) await expect(taskRow(page, done)).toContainText('Completed');
  await expect(taskRow(page, '6. The key triggers')).toContainText('Not started');
  await expectNoAxeViolations(page);
  await screenshot(page, 'task-list');

  // Check your answers: what still stops approval, in the service's words; the coordinator cannot approve.
  await openTask(page, 'Check your answers and approve');
  await expect(page.locator('.govuk-error-summary')).toContainText('This disclosure cannot be approved yet');
  await expect(page.locator('.govuk-error-summary')).toContainText(TRIGGER_MISSING);
  await expect(page.getByRole('button', { name: 'Approve this disclosure' })).toHaveCount(0);
  await expect(page.getByText('A MAPPA chair approves the disclosure.')).toBeVisible();

  // The chair, from Home: the register's disclosures, then his record (the reason is asked there).
  await signInAs(page, CHAIR);
  await page.getByRole('button', { name: 'Disclosures', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disclosures to third parties' })).toBeFocused();
  await page.getByLabel('Status').selectOption({ label: 'Draft' });
  const row = page.getByRole('row', { name: /Dafydd Wójcik/ });
  await expect(row).toContainText('Draft');
  await expect(row).toContainText(EMPLOYER.fullName);
  await expectNoAxeViolations(page);
  await row.getByRole('link', { name: /Continue/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Say why you are opening this record first' })).toBeVisible();
  await page.getByRole('link', { name: 'Open the person’s record' }).click();
  await page.getByLabel('Disclosure', { exact: true }).check();
  await page.getByRole('button', { name: 'Open record' }).click();
  await page.getByRole('region', { name: 'Disclosures to third parties' }).getByRole('link', { name: /Continue this draft/ }).click();
  await openTask(page, 'Check your answers and approve');
  await page.getByRole('button', { name: 'Approve this disclosure' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('This disclosure cannot be approved yet: one thing is still to do.');
  await expect(refusal).toContainText(TRIGGER_MISSING);
  await expectNoAxeViolations(page);
  await screenshot(page, 'approve-refused');

  await page.getByRole('link', { name: TRIGGER_MISSING }).click();
  await expect(page.getByRole('heading', { level: 1, name: '6. The key triggers' })).toBeFocused();
  await page.getByLabel('If you see').fill('him using a computer or phone on the internet without the monitoring software');
  await page.getByLabel('You need to').fill(`call ${PPU} the same day`);
  await saveTask(page);
  await expect(taskRow(page, '6. The key triggers')).toContainText('Completed');
  await expect(taskRow(page, 'Check your answers and approve')).toContainText('Ready to approve');
  await openTask(page, 'Check your answers and approve');
  await expect(page.getByText('This disclosure cannot be approved yet')).toHaveCount(0);
  await expect(page.locator('.govuk-summary-list').first()).toContainText(EMPLOYER.organisation);
  await expect(page.locator('.govuk-summary-list__row').filter({ hasText: '5. Whose decision it is' })).toContainText('Level 2 MAPPA meeting, 24 November 2026');
  await screenshot(page, 'check-answers');
  await page.getByRole('button', { name: 'Approve this disclosure' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Disclosure about Dafydd Wójcik' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The disclosure about Dafydd Wójcik was approved.' })).toBeVisible();
  await expect(page.locator('.govuk-summary-list').first()).toContainText(`by ${CHAIR.name}`);
  await expect(page.locator('.app-tag-row').first()).toContainText('Approved');

  // The briefing for the employer: the host's save dialog picks the file.
  const briefing = path.join(app.dataDir, 'briefing-sian-llyr.pdf');
  app.host.picksFile(briefing);
  await page.getByRole('button', { name: `Make the briefing for ${EMPLOYER.fullName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `The briefing for ${EMPLOYER.fullName} was saved to ${briefing}` })).toBeVisible();
  expect(existsSync(briefing)).toBe(true);
  await expect(page.getByRole('table', { name: 'Briefings made' })).toContainText(EMPLOYER.fullName);
  await expectNoAxeViolations(page);
  await screenshot(page, 'approved');

  // The outcome, once made: her undertaking signed.
  await page.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record the outcome' })).toBeFocused();
  await page.getByLabel('How did it go?').fill('Told in her office with the door closed; she asked sensible questions and will check the depot’s monitoring weekly.');
  await page.getByLabel('Signed the undertaking').check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Record the disclosure as made' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The disclosure is recorded as made.' })).toBeVisible();
  await expect(page.locator('.app-tag-row').first()).toContainText('Made');
  await expect(page.getByText('This record cannot be changed. A correction is added to it as an addendum.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record the outcome' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: EMPLOYER.fullName }).locator('xpath=following-sibling::dl[1]')).toContainText('Signed the undertaking');
  await expectNoAxeViolations(page);
  await screenshot(page, 'made');

  // A correction is an addendum.
  await page.getByRole('button', { name: 'Add an addendum' }).click();
  await page.getByLabel('The addendum').fill('The depot’s HR director, Bartłomiej Nowak, was present at her request.');
  await page.getByLabel('Why is it needed?').fill('The outcome did not name everyone present.');
  await page.getByRole('button', { name: 'Add the addendum' }).click();
  await expect(page.getByRole('region', { name: 'Addenda' })).toContainText('Bartłomiej Nowak');

  // His page lists it as made.
  await page.getByRole('link', { name: 'Back to Dafydd Wójcik' }).click();
  const listed = page.getByRole('region', { name: 'Disclosures to third parties' }).getByRole('row', { name: /Siân/ });
  await expect(listed).toContainText('Made');
  await expect(listed).toContainText('1 addendum');
});
