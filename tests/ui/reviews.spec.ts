import { addDays, today } from '../../src/shared/calendar';
import type { SubjectInput } from '../../src/shared/registerSchemas';
import { aSubject } from '../support/registerBuilders';
import { test, expect, expectNoAxeViolations, type AppFixture } from './harness';
import { createSetUpRegister } from './steps';

/** A Level 2 nominal with everything the register requires; override what the test is about. */
function aCase(overrides: Partial<SubjectInput>): SubjectInput {
  return aSubject({ givenName: 'Alex', familyName: 'Example', dateOfBirth: '1980-04-12', address: '1 Example Street, Wigan', indexOffence: null, sentence: null, level: 2, risk: 'high', ...overrides });
}

async function addSubject(app: AppFixture, overrides: Partial<SubjectInput>): Promise<string> {
  return (await app.service['subjects.create'](aCase(overrides))).id;
}

test('reviews due lists a Level 3 case due within 7 days and an overdue case, and opens the subject', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  const day = today(new Date());
  const [home] = await app.service['offices.list']({});
  await addSubject(app, { givenName: 'Daniel', familyName: 'Hartley', dateOfBirth: '1979-02-03', category: 1, level: 3, risk: 'very_high', leadOfficeId: home!.id, nextReview: addDays(day, 3) });
  // A Level 2 case with the default interval (weeks away) is not due yet.
  await addSubject(app, { givenName: 'Morgan', familyName: 'Later' });
  // A Level 1 case whose review date has passed: its date is moved back after it was recorded.
  const overdue = await addSubject(app, { givenName: 'Rowan', familyName: 'Overdue', dateOfBirth: null, category: 1, level: 1, risk: 'medium', nextReview: day });
  await app.service['subjects.update']({ id: overdue, subject: aSubject({ givenName: 'Rowan', familyName: 'Overdue', dateOfBirth: null, category: 1, level: 1, risk: 'medium', nextReview: addDays(day, -2) }) });

  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Reviews due' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews due' })).toBeVisible();
  await expect(page.getByText('Level 3 cases in the community are reviewed every 4 to 6 weeks')).toBeVisible();

  const table = page.getByRole('table', { name: '2 cases due for review' });
  const daniel = table.getByRole('row', { name: /Daniel Hartley/ });
  await expect(daniel).toContainText('3 February 1979');
  await expect(daniel).toContainText('Category 1');
  await expect(daniel).toContainText('Level 3');
  await expect(daniel).toContainText('Very high risk');
  await expect(daniel).toContainText(formatted(addDays(day, 3)));
  await expect(daniel).toContainText('Lead: Wigan Probation Delivery Unit');
  await expect(daniel).not.toContainText('Overdue');

  const rowan = table.getByRole('row', { name: /Rowan Overdue/ });
  await expect(rowan).toContainText('Not known');
  await expect(rowan).toContainText(formatted(addDays(day, -2)));
  await expect(rowan.getByText('Overdue', { exact: true })).toBeVisible();
  await expect(table).not.toContainText('Morgan Later');
  // The overdue case comes first.
  await expect(table.getByRole('row').nth(1)).toContainText('Rowan Overdue');
  await expectNoAxeViolations(page);

  // Keyboard: the name is a link that opens the subject.
  await daniel.getByRole('link', { name: 'Daniel Hartley' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Why are you opening this record?' })).toBeVisible();
  // It says whose record, as the list showed the person.
  await expect(page.getByText('Daniel Hartley, born 3 February 1979', { exact: true })).toBeVisible();
  await page.getByLabel('Meeting preparation').check();
  await page.getByRole('button', { name: 'Open record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daniel Hartley' })).toBeVisible();
});

test('with nothing due, the screen says so', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  await addSubject(app, { givenName: 'Morgan', familyName: 'Later' });
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Reviews due' }).click();
  await expect(page.getByText('No reviews are due in the next 7 days.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

/** The date as the screens show it: 2026-11-24 -> 24 November 2026. */
function formatted(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

test('a coordinator sets how far ahead Level 2 and 3 reviews are set, within the procedures’ limits', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Reviews due' }).click();
  const level3 = page.getByLabel('Level 3: next review after (weeks)');
  await expect(level3).toHaveValue('4');
  await expect(page.getByLabel('Level 2: next review after (weeks)')).toHaveValue('16');
  await level3.fill('8');
  await page.getByRole('button', { name: 'Save review intervals' }).click();
  await expect(page.locator('#level3Weeks-error')).toContainText('Level 3 cases are reviewed at least every 6 weeks (procedures §8).');
  await expectNoAxeViolations(page);
  await level3.fill('6');
  await page.getByRole('button', { name: 'Save review intervals' }).click();
  await expect(page.getByRole('status')).toContainText('Level 3 cases 6 weeks ahead');
  // A new Level 3 case without a date is now reviewed six weeks ahead.
  const id = await addSubject(app, { level: 3, risk: 'very_high', nextReview: null });
  const subject = await app.service['subjects.get']({ id, reason: { code: 'case_management' } });
  expect(subject.nextReview).toBe(addDays(today(new Date()), 42));
});
