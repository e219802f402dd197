import { addDays, today } from '../../src/shared/calendar';
import { aSubject } from '../support/registerBuilders';
import { test, expect, expectNoAxeViolations, screenshot } from './harness';
import { createSetUpRegister, signInAs } from './steps';

// Home as a worklist (issue 14, its first part): each role starts the day from what is due
// for it, and reaches each due thing in one step; a representative's Home is headed with
// their own office, not the office that keeps the register.

const PC = { name: 'PC Jordan Reid', passphrase: 'jordan works out of wigan' };
const IG = { name: 'Iris Ilić', passphrase: 'iris answers the access requests' };

test('a coordinator, a police representative and an IG lead each see what is due for them on Home, and reach it in one step', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  const day = today(new Date());
  const offices = await app.service['offices.add']({ name: 'Wigan Public Protection Unit', agency: 'police', area: 'Greater Manchester' });
  const police = offices.find((o) => o.agency === 'police')!.id;
  const overdue = (await app.service['subjects.create'](aSubject({ givenName: 'Rowan', familyName: 'Overdue', category: 1, level: 1, risk: 'medium', nextReview: day }))).id;
  await app.service['subjects.update']({ id: overdue, subject: aSubject({ givenName: 'Rowan', familyName: 'Overdue', category: 1, level: 1, risk: 'medium', nextReview: addDays(day, -2) }) });
  await app.service['users.add']({ userName: PC.name, passphrase: PC.passphrase, confirmPassphrase: PC.passphrase, administrator: false, role: 'representative', officeId: police });
  const [home] = await app.service['offices.list']({});
  await app.service['users.add']({ userName: IG.name, passphrase: IG.passphrase, confirmPassphrase: IG.passphrase, administrator: false, role: 'ig_lead', officeId: home!.id });

  // The coordinator (who made the register) sees the reviews, meetings, actions and disclosures panels.
  const nav = page.getByRole('navigation', { name: 'Register sections' });
  await nav.getByRole('link', { name: 'Subjects' }).click();
  await nav.getByRole('link', { name: 'Home' }).click();
  const reviews = page.getByRole('region', { name: 'Reviews due' });
  await expect(reviews).toContainText('1 review is due within 7 days or overdue.');
  await expect(reviews.getByText('1 overdue', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Meetings in the next 14 days' })).toContainText('No meetings.');
  await expect(page.getByRole('region', { name: 'Open actions from meetings' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Disclosures in draft' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Alerts to review' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, 'home-coordinator');
  await reviews.getByRole('button', { name: 'See the reviews due' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reviews due' })).toBeFocused();
  await expect(page.getByRole('table')).toContainText('Rowan Overdue');

  // A police representative's Home is headed with their own office.
  await signInAs(page, PC);
  await expect(page.getByRole('heading', { level: 1, name: 'Wigan Public Protection Unit' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Retention decisions due' })).toHaveCount(0);
  await screenshot(page, 'home-police-representative');

  // The IG lead sees alerts, retention and subject access requests, not the casework panels.
  await signInAs(page, IG);
  await expect(page.getByRole('region', { name: 'Alerts to review' })).toContainText('No alerts are open.');
  await expect(page.getByRole('region', { name: 'Retention decisions due' })).toBeVisible();
  const sars = page.getByRole('region', { name: 'Subject access requests' });
  await expect(sars).toContainText('No requests are open.');
  await expect(page.getByRole('region', { name: 'Reviews due' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, 'home-ig-lead');
  // Keyboard only: to the panel's button and on.
  await sars.getByRole('button', { name: 'See the requests' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Subject access requests' })).toBeFocused();
});
