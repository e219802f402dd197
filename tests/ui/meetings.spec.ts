// Issue 11, driven like a person: a coordinator arranges a Level 2 meeting and, before
// signing the confidentiality undertaking, finds its papers locked and told why; she signs on
// the signing screen (nothing else reachable from it) and then reads the minute-taker's
// report. The chair is refused when finalising minutes without the disclosure consideration,
// amends them (the earlier text kept, with who changed it) and confirms them. A numbered copy
// is made with the chair's permission, and refused in the service's words without one.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { MinutesParts } from '../../src/shared/channels/meetings';
import { anItem, aSubject } from '../support/registerBuilders';
import { expect, expectNoAxeViolations, test, type AppFixture } from './harness';
import { createSetUpRegister, PASSPHRASE, signInAs } from './steps';

const SHOTS = path.resolve(__dirname, '../../docs/screenshots');
const AREA = 'Greater Manchester';
const DINA = { name: 'DI Dina Shah', passphrase: 'dina chairs the level two panel' };
const PAT = { name: 'Pat Probation', passphrase: 'pat supervises from wigan' };

/** The pictures in docs/screenshots, taken again when MAPPA_SCREENSHOTS=1 (an ordinary run leaves them alone). */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.MAPPA_SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `meetings-${name}.png`), fullPage: true });
}

/** A day `days` from today, as YYYY-MM-DD. */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Team {
  folder: string;
  offices: { probation: string; police: string; childrens: string };
}

/** The other offices and the users of Casey's register: DI Dina Shah (police, chair) and Pat Probation (minute-taker). */
async function theTeam(app: AppFixture, folder: string): Promise<Team> {
  await app.service['offices.add']({ name: 'Wigan Public Protection Unit', agency: 'police', area: AREA });
  const offices = await app.service['offices.add']({ name: 'Wigan Children’s Services', agency: 'childrens_services', area: AREA });
  const id = (agency: string) => offices.find((o) => o.agency === agency)!.id;
  const team = { folder, offices: { probation: offices.find((o) => o.isHome)!.id, police: id('police'), childrens: id('childrens_services') } };
  await app.service['users.add']({ userName: DINA.name, passphrase: DINA.passphrase, confirmPassphrase: DINA.passphrase, administrator: false, role: 'chair', officeId: team.offices.police });
  await app.service['users.add']({ userName: PAT.name, passphrase: PAT.passphrase, confirmPassphrase: PAT.passphrase, administrator: false, role: 'representative', officeId: team.offices.probation });
  return team;
}

const hollis = async (app: AppFixture) => (await app.service['subjects.create'](aSubject({ level: 2, risk: 'high', category: 2 }))).id;

/** A Level 2 meeting about Darren Hollis in `days` days, arranged through the channels, every attendee signed in the room. */
async function aSignedMeeting(app: AppFixture, team: Team, subjectId: string, days = 3) {
  const person = (fullName: string, officeId: string, jobTitle: string, userName: string) => ({ fullName, officeId, jobTitle, userName });
  let meeting = await app.service['meetings.create']({
    kind: 'level2',
    reviewNumber: 1,
    startsAt: `${dayAhead(days)}T10:00:00Z`,
    place: 'Wigan Police Station, conference room 2',
    remote: false,
    remoteDetails: null,
    chairRole: 'detective_inspector',
    requestingOfficeId: null,
    chair: person('Dina Shah', team.offices.police, 'Detective Inspector', DINA.name),
    coordinator: person('Casey Coordinator', team.offices.probation, 'MAPPA coordinator', 'Casey Coordinator'),
    minuteTaker: person('Pat Probation', team.offices.probation, 'Probation officer', PAT.name),
    subjectIds: [subjectId],
  });
  for (const a of meeting.attendees) {
    meeting = await app.service['undertaking.sign']({ meetingId: meeting.id, attendeeId: a.id, subjectId: null, version: meeting.undertakingVersion, typedName: a.fullName, agreed: true });
  }
  return meeting;
}

/** Minutes with every MAPPA C part written except those `over` empties. */
function minutes(team: Team, meetingDay: string, over: Partial<MinutesParts> = {}): MinutesParts {
  const review = new Date(Date.parse(`${meetingDay}T12:00:00Z`) + 84 * 86_400_000).toISOString().slice(0, 10);
  return {
    statementRead: true,
    informationShared: 'Probation reported two missed appointments in November; police reported a call-out to his former partner’s street.',
    informationItemIds: [],
    riskAssessment: 'High risk of serious harm to his former partner; imminent when drinking.',
    decisions: [{ decision: 'Manage at Level 2 with a curfew review.', rationale: 'Risk is high but manageable with active multi-agency management.' }],
    dissentingViews: 'Health considered a Level 3 referral premature; the chair recorded the view.',
    disclosureKind: 'none_needed',
    disclosureReason: 'the former partner already knows his history and is supported by the IDVA.',
    disclosureRecordId: null,
    rmpSupervision: 'Weekly appointments with the offender manager.',
    rmpMonitoringControl: 'Curfew 19:00 to 07:00; exclusion zone around Orchard Close.',
    rmpInterventionsTreatment: 'Alcohol treatment requirement.',
    rmpVictimSafety: 'Marker on the former partner’s address; IDVA support.',
    contingencies: 'Breach of the exclusion zone: police attend and recall is considered the same day.',
    licenceConditions: 'Not to contact his former partner directly or indirectly.',
    inCustody: false,
    levelDecision: 'continue',
    levelDecisionReason: 'Risk unchanged; the plan is working.',
    nextReview: review,
    actions: [{ id: null, description: 'Flag the former partner’s address on the police system.', rationale: 'A quick response is needed if he goes there.', ownerOfficeId: team.offices.police, ownerPerson: 'PC Jordan Reid', dueOn: dayAhead(10) }],
    ...over,
  };
}

async function openMeeting(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('an attendee finds the papers locked and why, signs the undertaking on the signing screen, and then reads the papers', async ({ page, app }) => {
  const folder = await createSetUpRegister(page, app);
  await theTeam(app, folder);
  await hollis(app);
  const day = dayAhead(5);
  const nav = page.getByRole('navigation', { name: 'Register sections' });

  // The coordinator arranges the meeting through the form.
  await nav.getByRole('link', { name: 'Meetings' }).click();
  await expect(page.getByText('No meetings are arranged from today on.')).toBeVisible();
  await page.getByRole('button', { name: 'Arrange a meeting' }).click();
  // The service names each problem next to its field.
  await page.getByRole('button', { name: 'Arrange the meeting' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose at least one person to discuss');
  await expect(page.getByRole('alert')).toContainText('Minute-taker: Enter the person’s full name');
  await expectNoAxeViolations(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Arrange a meeting' })).toBeVisible();
  await page.getByLabel('Level 2 MAPPA meeting').check();
  await page.getByLabel('Day').fill(day);
  await page.getByLabel('Time').fill('10:00');
  await page.getByLabel('Place', { exact: true }).fill('Wigan Police Station, conference room 2');
  await page.getByLabel('The chair chairs as').selectOption({ label: 'Detective Inspector' });
  const chair = page.getByRole('group', { name: 'Chair' });
  await chair.getByLabel('Register user').selectOption(DINA.name);
  await chair.getByLabel('Full name').fill('Dina Shah');
  await chair.getByLabel('Job title').fill('Detective Inspector');
  await page.getByRole('group', { name: 'Coordinator' }).getByLabel('Job title').fill('MAPPA coordinator');
  const taker = page.getByRole('group', { name: 'Minute-taker' });
  await taker.getByLabel('Register user').selectOption(PAT.name);
  await taker.getByLabel('Full name').fill('Pat Probation');
  await taker.getByLabel('Job title').fill('Probation officer');
  await page.getByLabel('Darren Hollis').check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Arrange the meeting' }).click();
  const title = /Level 2 MAPPA meeting, initial meeting/;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('is arranged');

  await expect(page.getByRole('region', { name: 'Papers about Darren Hollis' })).toContainText('Locked');
  await nav.getByRole('link', { name: 'Meetings' }).click();
  const week = page.getByRole('region', { name: /^Week beginning/ });
  await expect(week.getByRole('link', { name: title })).toBeVisible();
  await expect(week).toContainText('10:00');
  await expectNoAxeViolations(page);
  // The minute-taker signs and hands in his report (through the channels, as Pat), while the
  // coordinator's screen rests on Home, asking the service nothing.
  await nav.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wigan Probation Delivery Unit' })).toBeVisible();
  const meetingId = (await app.service['meetings.list']({ from: null, to: null }))[0]!.id;
  await app.service['register.lock']({});
  await app.service['register.unlock']({ folder, userName: PAT.name, passphrase: PAT.passphrase });
  let meeting = await app.service['meetings.get']({ id: meetingId });
  const pat = meeting.attendees.find((a) => a.fullName === 'Pat Probation')!;
  meeting = await app.service['undertaking.sign']({ meetingId, attendeeId: pat.id, subjectId: null, version: meeting.undertakingVersion, typedName: 'Pat Probation', agreed: true });
  await app.service['papers.add']({
    meetingId,
    subjectId: meeting.subjectList[0]!.subjectId,
    attendeeId: pat.id,
    title: 'Report to panel: probation',
    report: { involvement: 'Supervised on licence since June.', currentSituation: 'Two missed appointments in November.', riskFactors: 'Alcohol; contact with his former partner.', protectiveFactors: null, victims: 'His former partner.', recommendations: 'Keep the curfew.' },
    itemIds: [],
    classification: 'OFFICIAL-SENSITIVE',
  });
  await app.service['register.lock']({});
  await app.service['register.unlock']({ folder, userName: 'Casey Coordinator', passphrase: PASSPHRASE });

  // Before she signs, the papers are locked, and the screen says why in the service's words.
  await openMeeting(page, title);
  const attendees = page.getByRole('table', { name: /attendees/ });
  await expect(attendees.getByRole('row', { name: /Pat Probation/ })).toContainText('Signed');
  await expect(attendees.getByRole('row', { name: /Casey Coordinator/ })).toContainText('Not signed');
  await expect(page.getByRole('region', { name: 'Papers and minutes locked' })).toContainText('locked for you until you sign the confidentiality undertaking');
  const papers = page.getByRole('region', { name: 'Papers about Darren Hollis' });
  await expect(papers).toContainText('Locked');
  await expect(papers).toContainText('Sign the confidentiality undertaking for this meeting before opening its papers or minutes: no signed undertaking, no access (MAPPA D).');
  await expect(papers).not.toContainText('Report to panel');
  await expectNoAxeViolations(page);
  await screenshot(page, 'meeting-locked');

  // The signing screen: the statement and the form, nothing else.
  await page.getByRole('region', { name: 'Papers and minutes locked' }).getByRole('button', { name: 'Sign the undertaking' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Confidentiality and Diversity Statement/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Register sections' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /The statement, version 1/ })).toContainText('the need to protect the public outweighs the duty of confidentiality');
  // Only the skip link, which stays on the page.
  await expect(page.getByRole('link')).toHaveText(['Skip to main content']);
  await expectNoAxeViolations(page);
  await screenshot(page, 'signing');
  // The service checks the name and the agreement.
  await page.getByLabel('Your full name').fill('C. Coordinator');
  await page.getByRole('button', { name: 'Sign the undertaking' }).click();
  await expect(page.getByRole('alert')).toContainText('Tick to confirm that you agree to keep to the statement');
  await page.getByLabel('I have read this statement and I agree to keep to it').check();
  await page.getByRole('button', { name: 'Sign the undertaking' }).click();
  await expect(page.getByRole('alert')).toContainText('Type your full name as the meeting has it: Casey Coordinator.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Your full name').fill('Casey Coordinator');
  await page.getByRole('button', { name: 'Sign the undertaking' }).click();

  // Signed; handing back locks the register: the attendee at the keyboard reaches nothing of the host's.
  await expect(page.getByRole('status')).toContainText('Thank you, Casey Coordinator: you signed the confidentiality undertaking (version 1) for this meeting.');
  await expect(page.getByRole('navigation', { name: 'Register sections' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Hand back' }).click();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expect(page.getByLabel('Passphrase')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Register sections' })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('Darren Hollis');
  await expect(page.locator('body')).not.toContainText('Report to panel');
  await expect(page.locator('body')).not.toContainText('Level 2 MAPPA meeting');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('banner')).toContainText('Casey Coordinator');

  // The host's meeting page: signed; the papers open once she says why she is opening them.
  await openMeeting(page, title);
  await expect(attendees.getByRole('row', { name: /Casey Coordinator/ })).toContainText(/Version 1, for the whole meeting, .*in the room \(recorded by Casey Coordinator\)/);
  await expect(page.getByRole('region', { name: 'Papers and minutes locked' })).toHaveCount(0);
  await expect(papers).not.toContainText('Report to panel');
  await papers.getByLabel('Meeting preparation').check();
  await papers.getByRole('button', { name: 'Open' }).click();
  await expect(papers).toContainText('Report to panel: probation, by Pat Probation');
  await papers.getByRole('link', { name: 'Open Report to panel: probation' }).click();
  await expect(papers).toContainText('Alcohol; contact with his former partner.');
  await expect(papers).toContainText('Wigan Probation Delivery Unit');
  await expectNoAxeViolations(page);

  // As coordinator she changes the report, then withdraws it: listed as withdrawn, with the reason, its text gone.
  await papers.getByRole('link', { name: 'Change or withdraw Report to panel: probation' }).click();
  await papers.getByLabel('Current situation').fill('Three missed appointments in November.');
  await papers.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(papers).toContainText('Three missed appointments in November.');
  await expect(papers).toContainText('version 2 (changed');
  await papers.getByRole('link', { name: 'Change or withdraw Report to panel: probation' }).click();
  await papers.getByRole('button', { name: 'Withdraw the paper' }).click();
  await expect(page.getByRole('alert')).toContainText('Say why the paper is withdrawn');
  await papers.getByLabel('Why is the paper withdrawn?').fill('Written about the wrong case.');
  await papers.getByRole('button', { name: 'Withdraw the paper' }).click();
  await expect(papers).toContainText('Withdrawn');
  await expect(papers).toContainText('Written about the wrong case.');
  await expect(papers).not.toContainText('Three missed appointments');
  await expect(papers.getByRole('link', { name: /Open Report to panel/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the coordinator reschedules a meeting, and is told in one sentence why a signed attendee stays on it', async ({ page, app }) => {
  const folder = await createSetUpRegister(page, app);
  const team = await theTeam(app, folder);
  const subjectId = await hollis(app);
  const meeting = await aSignedMeeting(app, team, subjectId, 4);
  await app.service['meetings.addAttendee']({ meetingId: meeting.id, fullName: 'Siân Llŷr', officeId: team.offices.childrens, jobTitle: 'Team manager', userName: null, subjectIds: null });
  await app.service['meetings.addAttendee']({ meetingId: meeting.id, fullName: 'Rhys Evans', officeId: team.offices.childrens, jobTitle: 'Social worker', userName: null, subjectIds: null });
  const signed = await app.service['meetings.get']({ id: meeting.id });
  const sian = signed.attendees.find((a) => a.fullName === 'Siân Llŷr')!;
  await app.service['undertaking.sign']({ meetingId: meeting.id, attendeeId: sian.id, subjectId: null, version: 1, typedName: 'Siân Llŷr', agreed: true });

  await openMeeting(page, /Level 2 MAPPA meeting, review 1/);
  await page.getByText('Edit the arrangements').click();
  const form = page.getByRole('form', { name: 'The meeting’s arrangements' });
  await form.getByLabel('Time').fill('14:30');
  await form.getByLabel('Place', { exact: true }).fill('Wigan Town Hall, committee room 1');
  await form.getByRole('button', { name: 'Save the arrangements' }).click();
  await expect(page.getByRole('status')).toContainText('The arrangements were changed.');
  await expect(page.locator('.govuk-summary-list').first()).toContainText('14:30');
  await expect(page.locator('.govuk-summary-list').first()).toContainText('Wigan Town Hall, committee room 1');
  await expectNoAxeViolations(page);

  // Siân signed: she stays, and the service says so in one sentence.
  await page.getByText('Take an attendee off the meeting').click();
  const takeOff = page.getByRole('form', { name: 'Take an attendee off the meeting' });
  await takeOff.getByLabel('Attendee').selectOption({ label: 'Siân Llŷr, Wigan Children’s Services' });
  await takeOff.getByLabel('Why are they taken off the meeting?').fill('Sent apologies.');
  await takeOff.getByRole('button', { name: 'Take off the meeting' }).click();
  await expect(page.getByRole('alert')).toContainText('Siân Llŷr has signed the confidentiality undertaking for this meeting, so they stay on it: mark their apologies instead.');
  await expectNoAxeViolations(page);
  // Rhys has neither signed nor written anything: he goes, with the reason recorded.
  await takeOff.getByLabel('Attendee').selectOption({ label: 'Rhys Evans, Wigan Children’s Services' });
  await takeOff.getByLabel('Why are they taken off the meeting?').fill('Invited by mistake.');
  await takeOff.getByRole('button', { name: 'Take off the meeting' }).click();
  await expect(page.getByRole('table', { name: /attendees/ })).not.toContainText('Rhys Evans');
  await expect(page.getByRole('table', { name: /attendees/ })).toContainText('Siân Llŷr');
});

test('the chair is refused final minutes without the disclosure consideration, amends them, and approves them', async ({ page, app }) => {
  const folder = await createSetUpRegister(page, app);
  const team = await theTeam(app, folder);
  const subjectId = await hollis(app);
  const meeting = await aSignedMeeting(app, team, subjectId, 2);
  const day = meeting.startsAt.slice(0, 10);
  // The coordinator's draft, with the disclosure consideration not yet written.
  await app.service['minutes.save']({ meetingId: meeting.id, subjectId, ...minutes(team, day, { disclosureKind: null, disclosureReason: null }) });

  const item = await app.service['items.add']({ ...anItem(subjectId, team.offices.police), value: 'Seen outside his former partner’s house on 20 November at night.', receivedOn: dayAhead(-3) });
  await openMeeting(page, /Level 2 MAPPA meeting, review 1/);
  await page.getByRole('link', { name: 'Minutes for Darren Hollis', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Minutes: Darren Hollis' })).toBeVisible();
  // The minutes show his case: opening them asks why, as his record does.
  await page.getByLabel('Case management').check();
  await page.getByRole('button', { name: 'Open' }).click();
  // The information shared links his register items chosen from a list, not typed.
  const link = page.getByLabel(/Seen outside his former partner’s house/);
  await expect(link).toBeVisible();
  await expect(link.locator('..')).toContainText('Wigan Public Protection Unit');
  await link.check();
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await expect(page.getByRole('status')).toContainText('The draft minutes were saved.');
  expect((await app.service['minutes.get']({ meetingId: meeting.id, subjectId, reason: { code: 'meeting_preparation' } })).parts.informationItemIds).toEqual([item.id]);
  await expect(page.getByRole('region', { name: 'Still missing before the minutes can be final' })).toContainText('Record the disclosure consideration');
  await expect(page.getByRole('textbox', { name: 'Risk assessment' })).toHaveValue('High risk of serious harm to his former partner; imminent when drinking.');
  await expect(page.getByRole('group', { name: 'Action 1' }).getByLabel('Person who will do it')).toHaveValue('PC Jordan Reid');
  await expectNoAxeViolations(page);
  await screenshot(page, 'minutes-editor');
  await page.getByRole('button', { name: 'Save and send to the chair' }).click();
  await expect(page.getByRole('status')).toContainText('The minutes were sent to the chair. The chair’s answer is due');

  // The chair signs in after the deadline has passed.
  await page.getByRole('button', { name: 'Lock register' }).click();
  app.clock.advance(14 * 86_400_000);
  await page.getByLabel('Your name').fill(DINA.name);
  await page.getByLabel('Passphrase').fill(DINA.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('banner')).toContainText(DINA.name);
  await openMeeting(page, /Level 2 MAPPA meeting, review 1/);
  await expect(page.getByRole('row', { name: /Darren Hollis/ })).toContainText('Overdue');
  await page.getByRole('link', { name: 'Minutes for Darren Hollis', exact: true }).click();
  await page.getByLabel('Meeting preparation').check();
  await page.getByRole('button', { name: 'Open' }).click();
  const approval = page.getByRole('region', { name: 'The chair’s approval' });
  await expect(approval).toContainText('Overdue');
  await expect(approval).toContainText(/Overdue ?Due \d+ \w+ \d{4} \(received \d+ \w+ \d{4}\)\. Confirm the minutes/);

  // Finalising with a required part empty: the service refuses, in its words.
  await approval.getByRole('button', { name: 'Confirm the minutes' }).click();
  await expect(page.getByRole('alert')).toContainText('These minutes cannot be final yet: one part is still missing. Record the disclosure consideration');
  await expectNoAxeViolations(page);

  // The chair amends: the earlier text is kept, with who changed what.
  await approval.getByRole('button', { name: 'Amend the minutes' }).click();
  await page.getByLabel('No disclosure is needed').check();
  await page.getByLabel('Why no disclosure is needed').fill('the former partner already knows his history and is supported by the IDVA.');
  await page.getByRole('textbox', { name: 'Risk assessment' }).fill('High risk of serious harm to his former partner and to her new partner; imminent when drinking.');
  await page.getByLabel('What you changed and why').fill('Health’s report named the new partner as at risk too; disclosure was considered in the meeting.');
  await page.getByRole('button', { name: 'Save the amendment' }).click();
  await expect(page.getByRole('status')).toContainText('Your amendment was saved.');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const changes = page.getByRole('table', { name: 'What DI Dina Shah changed' });
  await expect(changes.getByRole('row', { name: /Risk assessment/ })).toContainText('High risk of serious harm to his former partner; imminent when drinking.');
  await expect(changes.getByRole('row', { name: /Risk assessment/ })).toContainText('and to her new partner');
  await expect(changes.getByRole('row', { name: /Disclosure consideration/ })).toContainText('No disclosure needed');
  await expect(page.getByRole('region', { name: 'Still missing before the minutes can be final' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, 'approval');

  await approval.getByRole('button', { name: 'Confirm the minutes' }).click();
  await expect(page.getByRole('status')).toContainText('The minutes are confirmed and final.');
  await expect(page.locator('.govuk-summary-list').first()).toContainText('Final');
  await expect(page.locator('.govuk-summary-list').first()).toContainText(`Approved`);
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Confirmed as final by DI Dina Shah');

  // The minutes' action is on the actions list; its status changes are recorded.
  await page.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Actions' }).click();
  const row = page.getByRole('row', { name: /Flag the former partner’s address/ });
  await expect(row).toContainText('PC Jordan Reid');
  await row.getByLabel(/New status of/).selectOption({ label: 'In progress' });
  await row.getByLabel(/Note on the change/).fill('Marker requested.');
  await row.getByRole('button', { name: /Save/ }).click();
  await expect(page.getByRole('status')).toContainText('is now in progress');
  await expectNoAxeViolations(page);
});

test('a numbered copy is made with the chair’s permission, and refused in the service’s words without one', async ({ page, app }) => {
  const folder = await createSetUpRegister(page, app);
  const team = await theTeam(app, folder);
  const subjectId = await hollis(app);
  const meeting = await aSignedMeeting(app, team, subjectId, 1);
  await app.service['minutes.save']({ meetingId: meeting.id, subjectId, ...minutes(team, meeting.startsAt.slice(0, 10)) });
  await app.service['minutes.send']({ meetingId: meeting.id, subjectId });

  await openMeeting(page, /Level 2 MAPPA meeting, review 1/);
  await page.getByRole('link', { name: 'Copies of the minutes for Darren Hollis' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Copies of the minutes: Darren Hollis' })).toBeVisible();
  await expect(page.getByText('No permission from the chair is recorded yet.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByText('Record the chair’s permission for a recipient').click();
  await page.getByLabel('Recipient’s name').fill('Siân Llŷr');
  await page.getByLabel('Recipient’s agency office').selectOption({ label: 'Wigan Children’s Services (Children’s services)' });
  await page.getByLabel('Recipient’s role (optional)').fill('Team manager');
  await page.getByLabel('Why the recipient needs a copy').fill('Child protection plan for the children in the household.');
  await page.getByLabel('Date the chair gave permission').fill(meeting.startsAt.slice(0, 10));
  await page.getByLabel('How the chair gave permission').fill('In the meeting');
  await page.getByRole('button', { name: 'Record the permission' }).click();
  await expect(page.getByRole('status')).toContainText('The chair’s permission for a copy for Siân Llŷr is recorded.');

  const file = path.join(app.dataDir, 'minutes-copy-1.pdf');
  app.host.picksFile(file);
  await page.getByRole('button', { name: 'Make the copy' }).click();
  await expect(page.getByRole('status')).toContainText(`Copy 1 for Siân Llŷr was saved to ${file}.`);
  expect(existsSync(file)).toBe(true);
  const log = page.getByRole('table', { name: 'Distribution log' });
  await expect(log.getByRole('row', { name: /Siân Llŷr/ })).toContainText('Casey Coordinator');
  await expect(page.getByRole('table', { name: 'The chair’s permissions' })).toContainText('Copy 1 made');

  // A second copy with the same permission: the service refuses, and no file is made.
  const second = path.join(app.dataDir, 'minutes-copy-2.pdf');
  app.host.picksFile(second);
  await page.getByRole('button', { name: 'Make the copy' }).click();
  await expect(page.getByRole('alert')).toContainText('This permission was used for copy 1: each copy needs the chair’s permission of its own.');
  expect(existsSync(second)).toBe(false);
  await expect(log.getByRole('row')).toHaveCount(2);
  await expectNoAxeViolations(page);
  await screenshot(page, 'distribution-log');
});

test('a coordinator sets the chair’s working days, and an administrator writes a new version of the undertaking, every earlier version kept', async ({ page, app }) => {
  await createSetUpRegister(page, app);
  const home = (await app.service['offices.list']({})).find((o) => o.isHome)!;
  const ADA = { name: 'Ada Admin', passphrase: 'ada keeps the register itself' };
  await app.service['users.add']({ userName: ADA.name, passphrase: ADA.passphrase, confirmPassphrase: ADA.passphrase, administrator: true, role: 'administrator', officeId: home.id });
  const nav = page.getByRole('navigation', { name: 'Register sections' });

  await nav.getByRole('link', { name: 'Undertaking' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confidentiality undertaking' })).toBeVisible();
  await expect(page.getByText('Write a new version of the statement')).toHaveCount(0);
  await page.getByLabel('Working days the chair has to confirm or amend draft minutes').fill('31');
  await page.getByRole('button', { name: 'Save the working days' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter 30 working days or fewer.');
  await page.getByLabel('Working days the chair has to confirm or amend draft minutes').fill('7');
  await page.getByRole('button', { name: 'Save the working days' }).click();
  await expect(page.getByRole('status')).toContainText('The chair now has 7 working days to confirm or amend draft minutes.');

  await signInAs(page, ADA);
  await expect(nav.getByRole('link', { name: 'Meetings' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Undertaking' }).click();
  await page.getByText('Write a new version of the statement').click();
  const body = page.getByLabel('The statement', { exact: true });
  await body.fill(`${await body.inputValue()}\n\nThe Wigan MAPPA panel adds: mobile telephones stay outside the room.`);
  await page.getByLabel('What changed in this version and why').fill('Local addition agreed by the Strategic Management Board.');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByRole('status')).toContainText('Version 2 of the statement is now the one attendees sign. Earlier versions are kept.');
  await expect(page.getByRole('heading', { level: 3 })).toHaveText([/^Version 2 \(current\): Confidentiality and Diversity Statement/, /^Version 1: Confidentiality and Diversity Statement/]);
  await expect(page.getByRole('region', { name: /Version 2/ })).toContainText('by Ada Admin');
  await expect(page.getByRole('region', { name: /Version 2/ })).toContainText('Local addition agreed by the Strategic Management Board.');
  await expectNoAxeViolations(page);
});
