import type { Page } from '@playwright/test';
import { today } from '../../src/shared/calendar';
import { itemInput, type ItemInput } from '../../src/shared/registerSchemas';
import { aSubject } from '../support/registerBuilders';
import { test, expect, expectNoAxeViolations, type AppFixture } from './harness';
import { createSetUpRegister, signInAs } from './steps';

const IG_LEAD = 'Indra Governance';
const IG_PASSPHRASE = 'indra keeps the records straight';

/** A Level 2 case with items owned by the home (probation) office, some received long ago. */
async function aCaseWithItems(app: AppFixture, items: { fieldKind: ItemInput['fieldKind']; value: string; receivedOn: string }[]): Promise<{ subjectId: string; officeId: string }> {
  const [home] = await app.service['offices.list']({});
  const { id: subjectId } = await app.service['subjects.create'](
    aSubject({ givenName: 'Daniel', familyName: 'Hartley', dateOfBirth: '1979-02-03', address: '1 Example Street, Wigan', indexOffence: null, sentence: null, level: 2, risk: 'high', leadOfficeId: home!.id }),
  );
  for (const item of items) {
    await app.service['items.add'](
      itemInput.parse({ subjectId, ...item, ownerOfficeId: home!.id, providerName: 'Pat Probation', providerOfficeId: home!.id, classification: 'OFFICIAL-SENSITIVE' }),
    );
  }
  return { subjectId, officeId: home!.id };
}

/** The coordinator who created the register gives an IG lead a passphrase, then the IG lead unlocks. */
async function signInAsIgLead(page: Page, app: AppFixture, officeId: string): Promise<void> {
  await app.service['users.add']({ userName: IG_LEAD, passphrase: IG_PASSPHRASE, confirmPassphrase: IG_PASSPHRASE, administrator: false, role: 'ig_lead', officeId });
  await signInAs(page, { name: IG_LEAD, passphrase: IG_PASSPHRASE });
  await expect(page.getByRole('banner')).toContainText(`${IG_LEAD}, Wigan Probation Delivery Unit`);
}

test('an IG lead sets a retention rule, retains one item due for review and disposes of another', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  const { subjectId, officeId } = await aCaseWithItems(app, [
    { fieldKind: 'address', value: 'Previously lived at 4 Old Road, Leigh', receivedOn: '2015-03-01' },
    { fieldKind: 'employment', value: 'Worked at a warehouse in Wigan', receivedOn: '2016-06-15' },
    { fieldKind: 'licence_conditions', value: 'Curfew 7pm to 7am', receivedOn: today(new Date()) },
  ]);
  // A coordinator neither sets rules nor decides: the section is not offered.
  await expect(page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Retention' })).toHaveCount(0);

  await signInAsIgLead(page, app, officeId);
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Retention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retention' })).toBeVisible();
  await expect(page.getByText('disposing of an item removes it and its history from the register permanently', { exact: false })).toBeVisible();
  const rules = page.getByRole('table', { name: 'Retention rules' });
  await expect(rules.getByRole('row', { name: /Probation Service/ })).toContainText('No rule set');
  await expect(page.getByText('No items are due for a retention review.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing chosen: the contract's own sentences, next to each field.
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the kind of agency from the list.');
  await expect(page.locator('#retainMonths-error')).toContainText('Enter the retention period in months.');
  await expect(page.locator('#reviewMonths-error')).toContainText('Enter the review period in months.');

  await page.getByLabel('Owning agency').selectOption({ label: 'Probation Service (Responsible Authority)' });
  await page.getByLabel('Keep items for (months)').fill('72');
  await page.getByLabel('Review again after (months)').fill('12');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('status')).toContainText('The retention rule for Probation Service has been saved.');
  await expect(rules.getByRole('row', { name: /Probation Service/ })).toContainText('Keep for 72 months, then review every 12 months');

  // The two items older than six years are due; the one received today is not.
  const due = page.getByRole('table', { name: '2 items due for review' });
  const address = due.getByRole('row', { name: /Address/ });
  await expect(address).toContainText('Daniel Hartley');
  await expect(address).toContainText('Wigan Probation Delivery Unit');
  await expect(address).toContainText('Probation Service');
  await expect(address).toContainText('1 March 2015');
  await expect(address).toContainText('1 March 2021');
  await expect(address).toContainText('None yet');
  await expect(due).not.toContainText('Licence or order conditions');
  await expectNoAxeViolations(page);

  // A decision needs a choice and a reason.
  await address.getByRole('button', { name: 'Decide on the address item about Daniel Hartley' }).click();
  await expect(page.getByRole('heading', { name: 'Decide on the address item about Daniel Hartley' })).toBeFocused();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose retain or dispose.');
  await expect(page.locator('#reason-error')).toContainText('Enter the reason for the decision.');
  await expectNoAxeViolations(page);

  // Retained: it leaves the list until its next review.
  await page.getByRole('group', { name: 'Decision' }).getByLabel('Retain').check();
  await page.getByLabel('Reason for the decision').fill('Still relevant to the current risk management plan.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('status')).toContainText('The address item about Daniel Hartley will be kept and reviewed again in 12 months.');
  await expect(page.getByRole('table', { name: '1 item due for review' })).not.toContainText('Address');

  // Cancel goes back to the row's button.
  const employment = page.getByRole('row', { name: /Employment/ });
  const decideEmployment = employment.getByRole('button', { name: 'Decide on the employment item about Daniel Hartley' });
  await decideEmployment.click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(decideEmployment).toBeFocused();
  await expect(page.getByRole('button', { name: 'Record decision' })).toHaveCount(0);

  // Disposal asks first; saying no changes nothing.
  await decideEmployment.click();
  await page.getByLabel('Dispose').check();
  await page.getByLabel('Reason for the decision').fill('Past the probation records retention period and no longer relevant.');
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(employment).toBeVisible();

  let warning = '';
  page.once('dialog', (dialog) => {
    warning = dialog.message();
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('status')).toContainText('The employment item about Daniel Hartley has been disposed of. Your decision has been recorded.');
  expect(warning).toContain('permanently removed');
  await expect(page.getByText('No items are due for a retention review.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Really gone from the record; the retained and the recent items stay.
  const subject = await app.service['subjects.get']({ id: subjectId, reason: { code: 'supervision_audit' } });
  expect(subject.itemGroups.flatMap((g) => g.items.map((i) => i.fieldKind)).sort()).toEqual(['address', 'licence_conditions']);
});

test('an administrator sets retention rules but does not see the items due for review', async ({ page, app }) => {
  await createSetUpRegister(page, app, { role: 'Administrator' });
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Retention' }).click();
  await page.getByLabel('Owning agency').selectOption({ label: 'Probation Service (Responsible Authority)' });
  await page.getByLabel('Keep items for (months)').fill('0');
  await page.getByLabel('Review again after (months)').fill('12');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.locator('#retainMonths-error')).toContainText('The retention period must be at least 1 month.');
  await page.getByLabel('Keep items for (months)').fill('60');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByRole('table', { name: 'Retention rules' }).getByRole('row', { name: /Probation Service/ })).toContainText('Keep for 60 months, then review every 12 months');
  await expect(page.getByRole('heading', { name: 'Items due for review' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
