// Issue 13, driven like a person: Iris Ilić, Wigan Probation's information governance lead,
// takes a subject access request from intake to the bundle. She records it (made by a
// solicitor: refused in the service's words until the authority is given), verifies the
// requester's identity and sees the due date with how its days were counted, finds and
// confirms Ștefan Wójcik in the register, redacts a neighbour's name by selecting it with
// the mouse (and another person's name the register proposed, with one click), withholds an
// informant's report, refers the police's item to its owner, writes the letter's details,
// sees nothing left to stop the response, and makes it (the file is read back: the redacted
// names are nowhere in it), the redaction log and the internal schedule. First, on an older
// request, an extension told after the first month is refused with the service's sentence.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { formatLondonDate } from '../../src/shared/calendar';
import { aSarCase, anIntake, DETAILS, IRIS, londonDaysAgo, SAR_CASE } from '../support/sar';
import { expect, expectNoAxeViolations, test } from './harness';
import { createSetUpRegister, signInAs } from './steps';

const SHOTS = path.resolve(__dirname, '../../docs/screenshots');
const REQUESTER = `${SAR_CASE.requester.givenName} ${SAR_CASE.requester.familyName}`;
const SOLICITOR = 'Mererid Ionescu';

/** The pictures in docs/screenshots, taken again when MAPPA_SCREENSHOTS=1 (an ordinary run leaves them alone). */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.MAPPA_SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `sar-${name}.png`), fullPage: true });
}

/** Selects `words` in the text with the mouse, as a person drags across them: from the first letter's left edge to the last letter's right edge. */
async function dragAcross(page: Page, text: Locator, words: string): Promise<void> {
  await text.scrollIntoViewIfNeeded();
  const ends = await text.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at === -1) continue;
      const box = (from: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, from + 1);
        return range.getBoundingClientRect();
      };
      const first = box(at);
      const last = box(at + wanted.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, words);
  if (!ends) throw new Error(`"${words}" is not in the text`);
  await page.mouse.move(ends.x1, ends.y1);
  await page.mouse.down();
  await page.mouse.move(ends.x2, ends.y2, { steps: 8 });
  await page.mouse.up();
}

/** The text of a PDF as pdftotext reads it, with runs of white space made one. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const itemRegion = (page: Page, name: string) => page.getByRole('region', { name });

test('an IG lead takes a request from intake to the bundle: identity, the counted deadline, the requester confirmed, a name redacted by selecting it, an item withheld, the police item referred, the response made without the redacted words', async ({ page, app }) => {
  test.setTimeout(90_000);
  await createSetUpRegister(page, app);
  await aSarCase(app.service);
  await signInAs(page, { name: IRIS.userName, passphrase: IRIS.passphrase });
  // Two earlier requests, recorded before today: one long overdue, one waiting for identity.
  const older = await app.service['sar.create'](anIntake({ requesterName: 'Şükrü Yılmaz', names: [], dateOfBirth: null, receivedOn: londonDaysAgo(70) }));
  await app.service['sar.setIdentity']({ id: older.id, verifiedOn: londonDaysAgo(70), how: 'Passport seen at the Wigan office' });
  await app.service['sar.create'](anIntake({ requesterName: 'Siân Llŷr', names: [], dateOfBirth: null, receivedOn: londonDaysAgo(1) }));

  // From Home: the dashboard, soonest due first.
  await page.getByRole('button', { name: 'Subject access requests' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Subject access requests' })).toBeFocused();
  const overdue = page.getByRole('row', { name: /Şükrü Yılmaz/ });
  await expect(overdue).toContainText(/Overdue by \d+ days/);
  await expect(page.getByRole('row', { name: /Siân Llŷr/ })).toContainText('Waiting for identity');

  // The older request: an extension told after its first month is refused, in the service's words.
  await overdue.getByRole('link', { name: /SAR-2026-0001/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Request from Şükrü Yılmaz' })).toBeFocused();
  await page.getByRole('button', { name: 'Record an extension' }).click();
  const toldOn = londonDaysAgo(1);
  await page.getByLabel('The day the requester was told').fill(toldOn);
  await page.getByLabel('Why the request is complex or numerous').fill('Hundreds of items across five agencies.');
  await page.getByRole('button', { name: 'Record the extension' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText(`The requester was told of the extension on ${formatLondonDate(toldOn)}, after the first month ended on`);
  await expect(refusal).toContainText('an extension must be told, with its reasons, within the first month, so it cannot be recorded.');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to the request' }).click();
  await expect(page.getByText('Hundreds of items across five agencies.')).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to subject access requests' }).click();

  // Intake: made by a solicitor, refused until her authority is given.
  await page.getByRole('button', { name: 'Record a new request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record a new request' })).toBeFocused();
  await page.getByLabel('The requester’s full name').fill(REQUESTER);
  await page.getByLabel('Yes, by a representative with their authority').check();
  await page.getByLabel('The representative’s name').fill(SOLICITOR);
  await page.getByLabel('Where to send the response').fill('Ionescu & Pryce Solicitors\n2 King Street\nWigan WN1 1BQ');
  await page.getByLabel('Other names they have used (optional)').fill(SAR_CASE.requester.alias);
  await page.getByLabel('Date of birth (optional)').fill(SAR_CASE.requester.dateOfBirth);
  await page.getByLabel('What they asked for').fill('All the information probation holds about my client since 2024, including MAPPA meeting records.');
  await page.getByLabel('The day the request was received').fill(londonDaysAgo(3));
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Record the request' }).click();
  await expect(page.getByRole('alert')).toContainText('Say what authority the representative holds (for example, a signed form of authority).');
  await page.getByLabel('The authority they hold').fill(`A form of authority signed by ${REQUESTER}, dated ${formatLondonDate(londonDaysAgo(4))}.`);
  await page.getByRole('button', { name: 'Record the request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Request from ${REQUESTER}` })).toBeFocused();
  await expect(page.locator('.app-tag-row')).toContainText('Waiting for identity');

  // Identity verified: the clock starts, the due date and how its days were counted, as the service says.
  await page.getByRole('button', { name: 'Record identity verified' }).click();
  await page.getByLabel('The day identity was verified').fill(londonDaysAgo(2));
  await page.getByLabel('How it was verified').fill('Passport copy certified by the solicitor, checked against his supervision record.');
  await page.getByRole('button', { name: 'Save and return to the request' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Request from ${REQUESTER}` })).toBeFocused();
  const counted = (await app.service['sar.list']({ status: 'open' })).find((r) => r.requesterName === REQUESTER)!.deadline;
  expect(counted.state).toBe('running');
  await expect(page.locator('.govuk-summary-list__row').filter({ hasText: 'Response due' })).toContainText(formatLondonDate(counted.dueOn));
  await expect(page.getByRole('list', { name: 'How the days are counted' }).getByRole('listitem')).toHaveText(counted.explanation);
  await expect(page.locator('.govuk-task-list__item').filter({ hasText: 'Find and confirm the requester' })).toContainText('Not started');
  await expectNoAxeViolations(page);
  await screenshot(page, 'request');

  // Find and confirm him.
  await page.getByRole('link', { name: 'Find and confirm the requester' }).click();
  const candidate = page.getByRole('region', { name: REQUESTER });
  await expect(candidate).toContainText(SAR_CASE.requester.alias);
  await expect(candidate).toContainText(formatLondonDate(SAR_CASE.requester.dateOfBirth));
  await candidate.getByLabel(`How do you know ${REQUESTER} is the requester?`).fill('Name, other name and date of birth match; the solicitor’s address for him matches his supervision record.');
  await expectNoAxeViolations(page);
  await candidate.getByRole('button', { name: `Confirm ${REQUESTER} as the requester` }).click();
  await expect(page.getByRole('button', { name: `Remove ${REQUESTER}` })).toBeVisible();
  await page.getByRole('button', { name: 'Return to the request' }).click();

  // What the register holds: the reason first, then this office's items and the police's.
  await page.getByRole('link', { name: 'Decide on this office’s items' }).click();
  await page.getByLabel('Subject access request').check();
  await page.getByRole('button', { name: 'Open' }).click();
  const visit = itemRegion(page, `Risk factor, received ${formatLondonDate(londonDaysAgo(20))}`);
  await expect(visit).toContainText(SAR_CASE.visit);
  await visit.getByLabel('Release with redactions').check();
  // The neighbour's name, selected with the mouse; the exemption and the reason; struck through with its code.
  await dragAcross(page, visit.locator('.app-redactable'), SAR_CASE.neighbour);
  await expect(visit.getByLabel('Words to redact')).toHaveValue(SAR_CASE.neighbour);
  await visit.getByLabel('Exemption for these words').selectOption({ label: 'Protect the rights and freedoms of others (s45(4)(e))' });
  await visit.getByLabel('Why these words are redacted').fill('His neighbour has not agreed to her name being given to him.');
  await visit.getByRole('button', { name: 'Redact these words' }).click();
  const struck = visit.locator('.app-redactable del');
  await expect(struck).toHaveText([SAR_CASE.neighbour]);
  await expect(visit.locator('.app-redactable .app-redaction__code')).toContainText('s45(4)(e)');
  // The other person the register knows, proposed: one click.
  await visit.getByRole('button', { name: `Redact this name: ${SAR_CASE.otherPerson}` }).click();
  await expect(struck).toHaveText([SAR_CASE.otherPerson, SAR_CASE.neighbour]);
  await expectNoAxeViolations(page);
  await screenshot(page, 'holdings');
  await visit.getByRole('button', { name: /^Save the decision/ }).click();
  await expect(visit).toContainText('Release with redactions (2 redactions)');

  // The informant's report: withheld, with its exemption and reason.
  const informant = itemRegion(page, `Other, received ${formatLondonDate(londonDaysAgo(15))}`);
  await informant.getByLabel('Withhold').check();
  await informant.getByLabel('The exemption that allows it to be withheld').selectOption({ label: 'Avoid prejudicing the prevention or detection of crime (s45(4)(b))' });
  await expect(informant).toContainText('Data Protection Act 2018, section 45(4)(b)');
  await informant.getByLabel('Why the exemption applies to this item').fill('It would identify an informant.');
  await informant.getByRole('button', { name: /^Save the decision/ }).click();
  await expect(informant).toContainText('Withhold under s45(4)(b): It would identify an informant.');

  // The police's item: shown without any release control, referred to its owner.
  const theirs = page.getByRole('region', { name: 'Wigan Public Protection Unit: their items' });
  await expect(theirs).toContainText(SAR_CASE.police);
  await expect(theirs.getByRole('radio')).toHaveCount(0);
  await expect(theirs.getByRole('button', { name: /Save the decision/ })).toHaveCount(0);
  await theirs.getByLabel('Whom it went to').fill('DS Ana Lopes, data protection officer');
  await theirs.getByLabel('How it was sent').fill('Secure email');
  await theirs.getByRole('button', { name: 'Refer the item to Wigan Public Protection Unit' }).click();
  await expect(theirs).toContainText('Referred on');
  await theirs.getByLabel('Wigan Public Protection Unit’s answer').fill('They will answer him directly.');
  await theirs.getByRole('button', { name: 'Record their answer' }).click();
  await expect(theirs).toContainText('They will answer him directly.');
  await page.getByRole('button', { name: 'Return to the request' }).click();
  await expect(page.locator('.govuk-task-list__item').filter({ hasText: 'Decide on this office’s items' })).toContainText('Completed');
  await expect(page.locator('.govuk-task-list__item').filter({ hasText: 'Refer other agencies’ items' })).toContainText('Completed');

  // The letter's details: started with wording to edit.
  await page.getByRole('link', { name: 'Write the response details' }).click();
  await expect(page.getByLabel('Why the information is held (purposes)')).not.toHaveValue('');
  await expect(page.getByLabel('The address the response goes to (Mererid Ionescu)')).toHaveValue('Ionescu & Pryce Solicitors\n2 King Street\nWigan WN1 1BQ');
  await page.getByLabel('This office’s address').fill(DETAILS.officeAddress.join('\n'));
  await page.getByLabel('How to reach them').fill(DETAILS.signatory.contact);
  await page.getByLabel('The reasons for what is withheld or redacted').fill(DETAILS.withholdingReasons!);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save and return to the request' }).click();
  await expect(page.locator('.govuk-task-list__item').filter({ hasText: 'Check and make the files' })).toContainText('Ready to make');

  // Check and make the files: nothing stops the response.
  await page.getByRole('link', { name: 'Check and make the files' }).click();
  await expect(page.getByText('The response cannot be made yet')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Nothing stops the response' })).toBeVisible();
  await expect(page.getByText('Never send them with the response.')).toBeVisible();
  const response = path.join(app.dataDir, 'response.pdf');
  app.host.picksFile(response);
  await page.getByRole('button', { name: 'Make the response' }).click();
  await expect(page.getByRole('status').filter({ hasText: `The response was saved to ${response}` })).toBeVisible();
  const text = pdfText(response);
  expect(text.replace(/\s/g, '')).toContain(SAR_CASE.released.replace(/\s/g, ''));
  expect(text).toContain('[REDACTED: s45(4)(e)]');
  for (const secret of ['Bartłomiej', 'Nowak', 'Siân', 'Yılmaz', 'Quokkafield', 'Pellucidor']) expect(text, `"${secret}" in the response`).not.toContain(secret);
  for (const [name, button] of [
    ['redaction-log.csv', 'Make the redaction log (CSV)'],
    ['redaction-log.pdf', 'Make the redaction log (PDF)'],
    ['internal-schedule.pdf', 'Make the internal schedule'],
  ] as const) {
    const file = path.join(app.dataDir, name);
    app.host.picksFile(file);
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('status').filter({ hasText: `was saved to ${file}` })).toBeVisible();
    expect(existsSync(file)).toBe(true);
  }
  expect(readFileSync(path.join(app.dataDir, 'redaction-log.csv'), 'utf8')).toContain('His neighbour has not agreed to her name being given to him.');
  expect(pdfText(path.join(app.dataDir, 'internal-schedule.pdf'))).toContain('DS Ana Lopes');
  const made = page.getByRole('table', { name: 'Files made' });
  await expect(made.getByRole('row')).toHaveCount(5);
  await expect(made).toContainText('Internal schedule');
  await expectNoAxeViolations(page);
  await screenshot(page, 'check');
  if (process.env.MAPPA_SCREENSHOTS === '1') {
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', response, path.join(app.dataDir, 'page')]);
    const rendered = ['page-1.png', 'page-01.png'].map((n) => path.join(app.dataDir, n)).find((f) => existsSync(f));
    if (rendered) copyFileSync(rendered, path.join(SHOTS, 'sar-response-page1.png'));
  }

  // Back on the dashboard: his request with its decisions made.
  await page.getByRole('link', { name: 'Back to the request' }).click();
  await page.getByRole('link', { name: 'Back to subject access requests' }).click();
  await expect(page.getByRole('row', { name: new RegExp(REQUESTER) })).toContainText('2 decided, 0 to decide');
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard');
});
