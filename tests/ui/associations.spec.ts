import { test, expect, expectNoAxeViolations } from './harness';
import { createSetUpRegister } from './steps';

// APP counter-corruption: every user declares their own notifiable associations, and can
// withdraw one with a reason (the declaration stays on record).

test('a representative declares their partner, sees the declaration, then withdraws it with a reason', async ({ page, app }) => {
  await createSetUpRegister(page, app, { role: 'Agency representative' });
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'My associations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My declared associations' })).toBeVisible();
  await expect(page.getByText('the register stops you and tells your information governance lead', { exact: false })).toBeVisible();
  await expect(page.getByText('You have not declared any associations.')).toBeVisible();
  await expectNoAxeViolations(page);

  // The relationship is missing: the service's sentence, next to the field.
  await page.getByLabel('Full name').fill('Lee Marsh');
  await page.getByLabel('Other names they use').fill('Leigh Marsh, Lee Marshall');
  await page.getByLabel('Date of birth (if known)').fill('1988-04-12');
  await page.getByRole('button', { name: 'Declare association' }).click();
  await expect(page.getByRole('alert')).toContainText('Say how you know this person');
  await expect(page.locator('#relationship-error')).toContainText('Say how you know this person');
  await expect(page.getByLabel('Full name')).toHaveValue('Lee Marsh');
  await expectNoAxeViolations(page);

  await page.getByLabel('How you know them').fill('My partner; we live together.');
  await page.getByRole('button', { name: 'Declare association' }).click();
  await expect(page.getByRole('status')).toContainText('Your association with Lee Marsh has been declared.');
  const declarations = page.getByRole('table', { name: 'Your declarations' });
  const row = declarations.getByRole('row', { name: /Lee Marsh/ });
  await expect(row).toContainText('Also known as Leigh Marsh, Lee Marshall');
  await expect(row).toContainText('12 April 1988');
  await expect(row).toContainText('My partner; we live together.');
  await expect(row).toContainText('Declared');
  await expect(page.getByLabel('Full name')).toHaveValue('');
  await expectNoAxeViolations(page);

  // Withdrawing needs a reason.
  await row.getByRole('button', { name: 'Withdraw the declaration about Lee Marsh' }).click();
  await expect(page.getByRole('heading', { name: 'Withdraw the declaration about Lee Marsh' })).toBeFocused();
  await page.getByRole('button', { name: 'Withdraw declaration' }).click();
  await expect(page.getByRole('alert')).toContainText('Say why you are withdrawing this declaration');
  await expect(page.locator('#reason-error')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Why are you withdrawing it?').fill('We separated in March and have no contact.');
  await page.getByRole('button', { name: 'Withdraw declaration' }).click();
  await expect(page.getByRole('status')).toContainText('Your declaration about Lee Marsh has been withdrawn.');
  await expect(row).toContainText('Withdrawn');
  await expect(row.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
