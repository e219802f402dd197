import { test, expect, expectNoAxeViolations } from './harness';
import { createSetUpRegister } from './steps';

test('a coordinator records a subject, adds information owned by two agencies, edits their own agency’s and sees its history', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  // Arrange: a partner office exists (adding offices has its own test).
  await app.service['offices.add']({ name: 'Wigan Public Protection Unit', agency: 'police', area: 'Greater Manchester' });

  await page.getByRole('button', { name: 'Add a subject' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a subject' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The rules, refused all at once, each next to its field.
  await page.getByLabel('Given name').fill('Darren');
  await page.getByLabel('Family name').fill('Hollis');
  await page.getByLabel('Date of birth').fill('2031-01-01');
  await page.getByLabel('PNC number').fill('not a pnc');
  await page.getByLabel('Category 3: other dangerous offender').check();
  await page.getByLabel('Level 1: ordinary agency management').check();
  await page.getByLabel('Medium').check();
  await page.getByRole('button', { name: 'Add subject' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Date of birth must be in the past.');
  await expect(summary).toContainText('Enter an address, or say the person has no fixed abode.');
  await expect(summary).toContainText('Enter a PNC number like 98/123456X.');
  await expect(summary).toContainText('Level 1 cannot be used for a Category 3 offender: choose Level 2 or 3.');
  await expect(page.locator('#level-error')).toContainText('Level 1 cannot be used for a Category 3 offender');
  await expectNoAxeViolations(page);

  await page.getByLabel('Date of birth').fill('1984-03-12');
  await page.getByLabel('PNC number').fill('98/123456X');
  await page.getByLabel('Aliases and nicknames').fill('Daz, D-Man');
  await page.getByLabel('Address').fill('14 Larch Road, Wigan WN1 2AB');
  await page.getByLabel('Level 2: active multi-agency management').check();
  await page.getByLabel('High', { exact: true }).check();
  await page.getByRole('button', { name: 'Add subject' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Darren Hollis' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Darren Hollis was added to the register.');
  await expect(page.getByText('Category 3', { exact: true })).toBeVisible();
  await expect(page.getByText('Level 2', { exact: true })).toBeVisible();
  await expect(page.getByText('High risk', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Information from the register's own office, then from the police.
  await page.getByRole('button', { name: 'Add information' }).click();
  await page.getByLabel('Kind of information').selectOption({ label: 'Licence or order conditions' });
  await page.getByLabel('Information', { exact: true }).fill('Not to enter Wigan town centre. Curfew 19:00 to 07:00.');
  await page.getByLabel('Owning agency office').selectOption({ label: 'Wigan Probation Delivery Unit, Greater Manchester' });
  await page.getByLabel('Provided by (person)').fill('Sam Probation Officer');
  await expect(page.getByLabel('No onward disclosure without the owner’s permission')).not.toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add information' }).click();
  await expect(page.getByRole('status')).toContainText('The information was added.');

  await page.getByRole('button', { name: 'Add information' }).click();
  // The message stayed with the page it was given for: the next form starts without it, the cursor at its heading.
  await expect(page.getByText('The information was added.')).toHaveCount(0);
  await expect(page.locator('main h1')).toBeFocused();
  await page.getByLabel('Kind of information').selectOption({ label: 'Health' });
  await expect(page.getByText('This is special category data (Health).')).toBeVisible();
  await page.getByLabel('Kind of information').selectOption({ label: 'Relationships and contact with children' });
  await page.getByLabel('Information', { exact: true }).fill('In a relationship with a woman who has two children under 10.');
  await page.getByLabel('Owning agency office').selectOption({ label: 'Wigan Public Protection Unit, Greater Manchester' });
  // Another agency's item: no onward disclosure without its permission, by default.
  await expect(page.getByLabel('No onward disclosure without the owner’s permission')).toBeChecked();
  await page.getByLabel('Provided by (person)').fill('DC Jo Barker');
  await page.getByLabel('Not to be disclosed to the subject').check();
  await page.getByRole('button', { name: 'Add information' }).click();
  await expect(page.locator('#notToSubjectReason-error')).toContainText('Give the reason this must not be disclosed to the subject.');
  await page.getByLabel('Why must it not be disclosed to the subject?').fill('Police are assessing a disclosure to the partner; he must not be told.');
  await page.getByRole('button', { name: 'Add information' }).click();

  const probation = page.getByRole('region', { name: /Owned by Wigan Probation Delivery Unit/ });
  const police = page.getByRole('region', { name: 'Owned by Wigan Public Protection Unit' });
  await expect(probation).toContainText('Curfew 19:00 to 07:00');
  await expect(police).toContainText('two children under 10');
  await expect(police.getByText('No onward disclosure without the owner’s permission')).toBeVisible();
  await expect(police.getByText('Not to be disclosed to the subject', { exact: true })).toBeVisible();
  await expect(police.getByText('Police', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The police item stays the police's to change (leaflet): no Edit or Delete for probation.
  await expect(police.getByRole('button', { name: /^(Edit|Delete) / })).toHaveCount(0);

  // Edit the probation item: the earlier version stays visible in its history.
  await probation.getByRole('button', { name: 'Edit Licence or order conditions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit information' })).toBeVisible();
  await page.getByLabel('Information', { exact: true }).fill('Not to enter Wigan town centre. Curfew 20:00 to 07:00.');
  await page.getByLabel('Reason for the change (optional)').fill('Curfew varied by the court');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toContainText('Its earlier version is kept in its history.');
  await expect(probation).toContainText('Curfew 20:00 to 07:00');
  await expect(probation).toContainText('Version 2');
  await probation.getByRole('button', { name: 'Show history of Licence or order conditions' }).click();
  const history = probation.getByRole('table', { name: 'Versions of this item, newest first' });
  await expect(history).toContainText('Curfew 19:00 to 07:00');
  await expect(history).toContainText('Curfew varied by the court');
  await expectNoAxeViolations(page);
});

test('a coordinator finds subjects by name, alias, date of birth and item text, and filters them', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  const { subjectInput, itemInput } = await import('../../src/shared/registerSchemas');
  await app.service['offices.add']({ name: 'Wigan Public Protection Unit', agency: 'police', area: 'Greater Manchester' });
  const offices = await app.service['offices.list']({});
  const police = offices.find((o) => o.agency === 'police')!;
  const base = { kind: 'nominal', address: '1 High Street, Wigan', category: 2, level: 1, risk: 'medium' } as const;
  const hollis = await app.service['subjects.create'](subjectInput.parse({ ...base, givenName: 'Darren', familyName: 'Hollis', aliases: ['Daz'], dateOfBirth: '1984-03-12' }));
  await app.service['subjects.create'](subjectInput.parse({ ...base, givenName: 'Siobhán', familyName: 'Byrne', dateOfBirth: '1990-07-01', category: 1, level: 3, risk: 'very_high' }));
  await app.service['subjects.create'](subjectInput.parse({ ...base, givenName: 'Marcus', familyName: 'Hollingsworth', dateOfBirth: '1975-01-20' }));
  await app.service['items.add'](itemInput.parse({ subjectId: hollis.id, fieldKind: 'vehicle', value: 'Drives a blue Ford Transit van.', ownerOfficeId: police.id, providerName: 'PC Lee', providerOfficeId: police.id, receivedOn: '2026-11-01', classification: 'OFFICIAL-SENSITIVE' }));

  await page.getByRole('link', { name: 'Subjects' }).click();
  const results = page.getByRole('list', { name: 'Subjects found' });
  await expect(page.getByRole('status')).toHaveText('3 subjects');
  await expectNoAxeViolations(page);

  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('holl');
  await expect(page.getByRole('status')).toHaveText('2 subjects matching your words');
  await expect(results.getByRole('listitem')).toHaveCount(2);

  await search.fill('daz');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('HOLLIS, Darren');

  await search.fill('siobhan');
  await expect(results).toContainText('BYRNE, Siobhán');

  await search.fill('01/07/1990');
  await expect(page.getByRole('status')).toHaveText('1 subject born on that date');

  await search.fill('transit');
  await expect(results).toContainText('HOLLIS, Darren');
  await page.getByLabel('Also search the text of items').uncheck();
  await expect(page.getByRole('status')).toHaveText('0 subjects matching your words');
  await page.getByLabel('Also search the text of items').check();

  await search.fill('');
  await page.getByLabel('Has information owned by').selectOption({ label: 'Police' });
  await expect(page.getByRole('status')).toHaveText('1 subject');
  await page.getByLabel('Has information owned by').selectOption({ label: 'Any agency' });
  await page.getByLabel('MAPPA level').selectOption({ label: 'Level 3' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('Level 3');
  await expectNoAxeViolations(page);

  await results.getByRole('link', { name: 'BYRNE, Siobhán' }).click();
  // Opening a record asks why, and says the opening is recorded.
  await expect(page.getByRole('heading', { level: 1, name: 'Why are you opening this record?' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Open record' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose why you are opening this record.');
  await page.getByLabel('Other').check();
  await page.getByRole('button', { name: 'Open record' }).click();
  await expect(page.locator('#reason\\.text-error')).toContainText('Say why you are opening this record.');
  await page.getByLabel('Meeting preparation').check();
  await page.getByRole('button', { name: 'Open record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Siobhán Byrne' })).toBeVisible();
  // Asked once per record while the register stays unlocked.
  await page.getByRole('link', { name: 'Back to subjects' }).click();
  await results.getByRole('link', { name: 'BYRNE, Siobhán' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Siobhán Byrne' })).toBeVisible();
});

test('a long list arrives a page at a time as the coordinator scrolls to its end', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  const { subjectInput } = await import('../../src/shared/registerSchemas');
  for (let n = 1; n <= 230; n += 1) {
    const family = `Surname${String(n).padStart(3, '0')}`;
    await app.service['subjects.create'](subjectInput.parse({ kind: 'nominal', givenName: 'Test', familyName: family, address: `${n} Long Street`, category: 2, level: 1, risk: 'low' }));
  }
  await page.getByRole('link', { name: 'Subjects' }).click();
  await expect(page.getByRole('status')).toHaveText('230 subjects');
  const results = page.getByRole('list', { name: 'Subjects found' });
  await expect(results.getByRole('link', { name: 'SURNAME001, Test' })).toBeVisible();
  // Only what is on screen is in the page; the last subject arrives after scrolling.
  await expect(results.getByRole('link', { name: 'SURNAME230, Test' })).toHaveCount(0);
  for (let i = 0; i < 10; i += 1) await results.evaluate((list) => list.parentElement!.scrollBy(0, 4000));
  await expect(results.getByRole('link', { name: 'SURNAME230, Test' })).toBeVisible();
  await expect(results.getByRole('listitem').last()).toHaveAttribute('aria-setsize', '230');
});
