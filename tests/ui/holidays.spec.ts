import { test, expect, expectNoAxeViolations } from './harness';
import { createSetUpRegister } from './steps';

const sections = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Register sections' });

test('an administrator adds a bank holiday announced after the app’s list, and a date that is not real is refused beside its field', async ({ page, app }) => {
  await createSetUpRegister(page, app, { role: 'Administrator' });
  await sections(page).getByRole('link', { name: 'Bank holidays' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bank holidays' })).toBeVisible();
  await expect(page.getByText('The app’s list of bank holidays covers 2018 to 2027.')).toBeVisible();
  await expect(page.getByText('Calculations that reach past 31 December 2027 assume no further bank holidays unless they are added here')).toBeVisible();
  await expect(page.getByText('No extra bank holidays have been added.')).toBeVisible();
  await expectNoAxeViolations(page);

  const date = page.getByLabel('Date', { exact: true });
  const name = page.getByLabel('Name of the bank holiday');
  await date.fill('2028-02-30');
  await name.fill('Leap day');
  await page.getByRole('button', { name: 'Add bank holiday' }).click();
  await expect(page.locator('#holidayDate-error')).toContainText('The date must be a real date.');
  // The summary links to the field.
  await page.getByRole('alert').getByRole('link', { name: 'The date must be a real date.' }).click();
  await expect(date).toBeFocused();
  await expectNoAxeViolations(page);

  await date.fill('2028-05-01');
  await name.fill('Early May bank holiday');
  await page.getByRole('button', { name: 'Add bank holiday' }).click();
  await expect(page.getByRole('status')).toContainText('1 May 2028, Early May bank holiday, has been added.');
  const row = page.getByRole('row', { name: /1 May 2028/ });
  await expect(row).toContainText('Early May bank holiday');
  await expect(page.locator('#holidayDate-error')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect((await app.service['calendar.holidays']({})).extra).toEqual([{ date: '2028-05-01', title: 'Early May bank holiday' }]);

  await row.getByRole('button', { name: 'Remove 1 May 2028' }).click();
  await expect(page.getByRole('status')).toContainText('1 May 2028, Early May bank holiday, has been removed');
  await expect(page.getByText('No extra bank holidays have been added.')).toBeVisible();
});

test('a coordinator is not offered the bank holidays', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  await expect(sections(page).getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(sections(page).getByRole('link', { name: 'Bank holidays' })).toHaveCount(0);
});
