import { test, expect, expectNoAxeViolations } from './harness';
import { addOffice, createSetUpRegister } from './steps';

test('a coordinator adds a partner agency office, and the same office twice is refused next to its name', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Agency offices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agency offices' })).toBeVisible();

  const home = page.getByRole('row', { name: /Wigan Probation Delivery Unit/ });
  await expect(home).toContainText('This register');
  await expect(home).toContainText('Probation Service');
  await expect(home).toContainText('Responsible Authority');
  await expect(home).toContainText('Greater Manchester');
  await expectNoAxeViolations(page);

  // Nothing filled in: each field says what it needs.
  await page.getByRole('button', { name: 'Add office' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter the office name.');
  await expect(summary).toContainText('Choose the kind of agency from the list.');
  await expect(summary).toContainText('Enter the area.');
  await expect(page.locator('#agency-error')).toContainText('Choose the kind of agency from the list.');
  await expectNoAxeViolations(page);

  await addOffice(page, 'Wigan and Leigh Public Protection Unit', 'Police (Responsible Authority)');
  await expect(page.getByRole('status')).toContainText('Wigan and Leigh Public Protection Unit has been added.');
  const police = page.getByRole('row', { name: /Wigan and Leigh Public Protection Unit/ });
  await expect(police).toContainText('Police');
  await expect(police).toContainText('Responsible Authority');
  await expect(police).not.toContainText('This register');
  // The form is ready for the next office.
  await expect(page.getByLabel('Office name')).toHaveValue('');
  await expect(page.getByLabel('Kind of agency')).toHaveValue('');
  await expect(page.getByLabel('Area', { exact: true })).toHaveValue('');

  await addOffice(page, 'Wigan Council Children’s Services', 'Children’s services (Duty to Co-operate)');
  await expect(page.getByRole('row', { name: /Wigan Council Children’s Services/ })).toContainText('Duty to Co-operate');

  // The same office again (any capitals) is refused, and the summary leads to the name.
  await page.getByLabel('Office name').fill('wigan and leigh public protection unit');
  await page.getByLabel('Kind of agency').selectOption({ label: 'Police (Responsible Authority)' });
  await page.getByLabel('Area', { exact: true }).fill('Greater Manchester');
  await page.getByRole('button', { name: 'Add office' }).click();
  const refusal = 'This register already has the Police office “wigan and leigh public protection unit” in Greater Manchester.';
  await expect(page.getByRole('alert')).toContainText(refusal);
  await expect(page.locator('#name-error')).toContainText(refusal);
  await page.getByRole('alert').getByRole('link', { name: refusal }).click();
  await expect(page.getByLabel('Office name')).toBeFocused();
  await expect(page.getByRole('row', { name: /Wigan and Leigh Public Protection Unit/i })).toHaveCount(1);
  await expectNoAxeViolations(page);
});

test('an information governance lead sees the offices but is told who can add one', async ({ page, app }) => {
  await createSetUpRegister(page, app, { role: 'Information governance lead' });
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Agency offices' }).click();
  await expect(page.getByRole('row', { name: /Wigan Probation Delivery Unit/ })).toContainText('This register');
  await expect(page.getByText('Only a MAPPA coordinator or an administrator can add agency offices.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add office' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
