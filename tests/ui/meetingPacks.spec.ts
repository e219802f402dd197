// Issue 11, "with their own register", driven like two people on two registers: the meetings
// team's coordinator sends the invitation and papers to an attendee from the health trust (and
// is told, in the service's words, why nothing can go to an office without a confirmed key);
// on the trust's register Dr Siân Llŷr opens the pack, reads the statement with the papers
// locked, signs it with her name typed and her agreement ticked, reads the paper, and saves the
// acknowledgement; back on the host, the coordinator imports it and she shows as signed with
// her own register. Then a copy of the minutes, with the chair's permission, goes the same way
// from the copies screen and opens on her register once she signs.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { aMeetingTeam, type MeetingTeam } from '../support/meetings';
import { aCopyPermittedForHer, anOutsideAttendeeWithHerRegister, PACK_PAPER } from '../support/meetingPacks';
import type { PartnerRegister } from '../support/partners';
import { bridgePage, serveRenderer } from '../support/rendererServer';
import { expect, expectNoAxeViolations, test } from './harness';

const SHOTS = path.resolve(__dirname, '../../docs/screenshots');

/** The pictures in docs/screenshots, taken again when MAPPA_SCREENSHOTS=1 (an ordinary run leaves them alone). */
async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.MAPPA_SCREENSHOTS !== '1') return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `meetings-pack-${name}.png`), fullPage: true });
}

let registers: (MeetingTeam | PartnerRegister)[] = [];
test.afterEach(() => {
  for (const r of registers) if (r.api.session.status().state === 'unlocked') r.api.session.lock();
  registers = [];
});

/** The meetings team's register (signed in as Casey) and Dr Siân Llŷr's at the health trust, with the meeting she attends. */
async function theTwoRegisters() {
  const team = await aMeetingTeam();
  registers.push(team);
  const built = await anOutsideAttendeeWithHerRegister(team);
  registers.push(built.trust);
  return { team, ...built };
}

/** Two registers on two desks: a window each, each on its own service. */
async function twoDesks(page: Page, team: MeetingTeam, trust: PartnerRegister, work: (host: Page, attendee: Page) => Promise<void>): Promise<void> {
  const { server, url } = await serveRenderer();
  const host = await page.context().newPage();
  const attendee = await page.context().newPage();
  try {
    await bridgePage(host, team.api.service, url);
    await bridgePage(attendee, trust.api.service, url);
    await host.goto(`${url}/index.html`);
    await attendee.goto(`${url}/index.html`);
    await work(host, attendee);
  } finally {
    await host.close();
    await attendee.close();
    server.close();
  }
}

/** On her register: Meetings, Meeting packs, and the file opened from there. */
async function openThePack(attendee: Page, trust: PartnerRegister, file: string): Promise<void> {
  await attendee.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Meetings' }).click();
  await attendee.getByRole('button', { name: 'Meeting packs' }).click();
  await expect(attendee.getByRole('heading', { level: 1, name: 'Meeting packs' })).toBeVisible();
  trust.api.host.picksFile(file);
  await attendee.getByRole('button', { name: 'Open a meeting pack' }).click();
  await expect(attendee.getByRole('heading', { level: 1, name: /Confidentiality and Diversity Statement/ })).toBeFocused();
}

async function signAs(attendee: Page, name: string): Promise<void> {
  await attendee.getByLabel('Your full name').fill(name);
  await attendee.getByLabel('I have read this statement and I agree to keep to it').check();
  await attendee.getByRole('button', { name: 'Sign the undertaking' }).click();
}

async function openMeeting(host: Page): Promise<void> {
  await host.getByRole('navigation', { name: 'Register sections' }).getByRole('link', { name: 'Meetings' }).click();
  await host.getByRole('link', { name: /Level 2 MAPPA meeting/ }).click();
  await expect(host.getByRole('heading', { level: 1, name: /Level 2 MAPPA meeting/ })).toBeVisible();
}

test('an attendee from another office signs the undertaking on her own register, reads the papers there, and the host records her acknowledgement', async ({ page }) => {
  const { team, meeting, trust } = await theTwoRegisters();
  // Someone from children's services, whose office has no confirmed key on this register.
  await team.api.service['meetings.addAttendee']({ meetingId: meeting.id, fullName: 'Ștefan Ionescu', officeId: team.offices.childrens, jobTitle: 'Social worker', userName: null, subjectIds: null });

  await twoDesks(page, team, trust, async (host, attendee) => {
    // The coordinator, on the meeting's page.
    await openMeeting(host);
    const toSend = host.getByRole('table', { name: 'Send the invitation and papers' });
    await expect(toSend.getByRole('row', { name: /Dr Siân Llŷr/ })).toContainText('Not sent');
    await expect(toSend.getByRole('row', { name: /Casey Coordinator/ })).toHaveCount(0);
    await expect(host.getByText('No meeting packs have been sent for this meeting.')).toBeVisible();

    // No confirmed key for children's services: refused before any dialog, in the service's words.
    const dialogs = team.api.host.opened.length;
    await host.getByRole('button', { name: 'Send the invitation and papers to Ștefan Ionescu' }).click();
    await expect(host.getByRole('alert')).toContainText('Wigan Children’s Services has no confirmed key on this register, so nothing can be sent to Ștefan Ionescu there.');
    expect(team.api.host.opened).toHaveLength(dialogs);

    const packFile = team.file('mappa-meeting-pack.mappa');
    team.api.host.picksFile(packFile);
    await host.getByRole('button', { name: 'Send the invitation and papers to Dr Siân Llŷr' }).click();
    await expect(host.getByRole('status')).toContainText(`The invitation and papers for Dr Siân Llŷr were saved to ${packFile}. Send the file to North West Mental Health Trust by secure email`);
    await expect(host.getByRole('alert')).toHaveCount(0);
    const sentToHer = host.getByRole('table', { name: 'Meeting packs sent' }).getByRole('row', { name: /Dr Siân Llŷr/ });
    await expect(sentToHer).toContainText('North West Mental Health Trust');
    await expect(sentToHer).toContainText('Invitation and 1 paper');
    await expect(sentToHer).toContainText('by Casey Coordinator');
    await expect(sentToHer).toContainText('Not yet acknowledged');
    await expectNoAxeViolations(host);
    await screenshot(host, 'sent');

    // Her own register: the statement first, large; the papers locked, and why.
    await openThePack(attendee, trust, packFile);
    await expect(attendee.getByText('For Dr Siân Llŷr, Consultant forensic psychiatrist, from Wigan Probation Delivery Unit (Probation Service). Read the statement, then sign below to open the papers.')).toBeVisible();
    await expect(attendee.getByRole('region', { name: 'The statement, version 1' })).toContainText('the need to protect the public outweighs the duty of confidentiality');
    const locked = attendee.getByRole('region', { name: 'Papers locked' });
    await expect(locked).toContainText('Read the confidentiality undertaking and sign it to open the papers: no signed undertaking, no access (MAPPA D).');
    await expect(locked.getByRole('listitem')).toHaveText([/^Locked Report to panel: probation.*Owned by Wigan Probation Delivery Unit \(Probation Service\)\. About Darren Hollis\./]);
    await expect(attendee.locator('main')).not.toContainText(PACK_PAPER.involvement);
    await expectNoAxeViolations(attendee);
    await screenshot(attendee, 'statement');

    // Her name as the pack has it, and her agreement: the service checks both.
    await attendee.getByLabel('Your full name').fill('Sian Lloyd');
    await attendee.getByRole('button', { name: 'Sign the undertaking' }).click();
    await expect(attendee.getByRole('alert')).toContainText('Confirm that you agree to the undertaking');
    await signAs(attendee, 'Sian Lloyd');
    await expect(attendee.getByRole('alert')).toContainText('This pack was made for Dr Siân Llŷr: only they can sign for it. Type your full name as the meeting has it.');
    await expectNoAxeViolations(attendee);
    await signAs(attendee, 'Dr Siân Llŷr');

    // The paper opens, with its marking and its owner.
    await expect(attendee.getByRole('heading', { level: 1, name: /Level 2 MAPPA meeting/ })).toBeFocused();
    await expect(attendee.getByRole('status')).toContainText('You signed the confidentiality undertaking (version 1). The papers are open below');
    await expect(attendee.getByRole('region', { name: 'Papers locked' })).toHaveCount(0);
    const paper = attendee.getByRole('article', { name: PACK_PAPER.title });
    await expect(paper).toContainText('OFFICIAL-SENSITIVE');
    await expect(paper).toContainText('Owned by Wigan Probation Delivery Unit (Probation Service).');
    await expect(paper).toContainText(PACK_PAPER.involvement);
    await expect(paper).toContainText(PACK_PAPER.riskFactors);
    await expect(attendee.locator('.govuk-summary-list').first()).toContainText('Version 1, signed by Dr Siân Llŷr on');
    await expectNoAxeViolations(attendee);
    await screenshot(attendee, 'open');

    // The acknowledgement, saved to go back by secure email.
    const ackFile = trust.file('acknowledgement.mappa');
    trust.api.host.picksFile(ackFile);
    await attendee.getByRole('button', { name: 'Send the acknowledgement' }).click();
    await expect(attendee.getByRole('status')).toContainText(`The acknowledgement was saved to ${ackFile}. Send it back to the meeting’s coordinator at Wigan Probation Delivery Unit by secure email`);
    await attendee.getByRole('link', { name: 'Back to meeting packs' }).click();
    const received = attendee.getByRole('table', { name: 'Packs received' }).getByRole('row', { name: /Level 2 MAPPA meeting/ });
    await expect(received).toContainText('Wigan Probation Delivery Unit');
    await expect(received).toContainText('Signed by Dr Siân Llŷr on');
    await expect(received).toContainText('Sent');
    await expectNoAxeViolations(attendee);
    await screenshot(attendee, 'received');

    // Back at the host: the acknowledgement imported, her signature shown with how it was made.
    team.api.host.picksFile(ackFile);
    await host.getByRole('button', { name: 'Import an acknowledgement' }).click();
    await expect(host.getByRole('status')).toContainText('Dr Siân Llŷr signed the confidentiality undertaking (version 1) on their own register on');
    await expect(sentToHer).toContainText('Signed on their own register by Dr Siân Llŷr on');
    await expect(sentToHer).toContainText('Imported');
    const attendees = host.getByRole('table', { name: /attendees/ });
    await expect(attendees.getByRole('row', { name: /Dr Siân Llŷr/ })).toContainText(/Version 1, for the whole meeting, .*with their own register/);
    await expectNoAxeViolations(host);
    await screenshot(host, 'acknowledged');
  });
});

test('a copy of the minutes goes to the recipient’s register as an exchange file, with the chair’s permission, and opens there once she signs', async ({ page }) => {
  const { team, meeting, hollis, trust } = await theTwoRegisters();
  // Minutes the chair has confirmed, and her permission for a copy for Dr Llŷr at the trust.
  await aCopyPermittedForHer(team, meeting, hollis);

  await twoDesks(page, team, trust, async (host, attendee) => {
    await openMeeting(host);
    await host.getByRole('link', { name: 'Copies of the minutes for Darren Hollis' }).click();
    await expect(host.getByRole('heading', { level: 1, name: 'Copies of the minutes: Darren Hollis' })).toBeVisible();
    const copyFile = team.file('mappa-minutes-copy-1.mappa');
    team.api.host.picksFile(copyFile);
    await host.getByRole('button', { name: 'Send as an exchange file' }).click();
    await expect(host.getByRole('status')).toContainText(`Copy 1 for Dr Siân Llŷr was saved as an exchange file to ${copyFile}. Send it to North West Mental Health Trust by secure email`);
    await expect(host.getByRole('table', { name: 'Distribution log' }).getByRole('row', { name: /Dr Siân Llŷr/ })).toContainText('Exchange file');
    await expectNoAxeViolations(host);

    await openThePack(attendee, trust, copyFile);
    await expect(attendee.getByRole('region', { name: 'Papers locked' })).toContainText(/Locked Minutes, copy 1/);
    await signAs(attendee, 'Dr Siân Llŷr');
    const minutes = attendee.getByRole('article', { name: 'Minutes, copy 1' });
    await expect(minutes).toContainText('Copy 1 of these minutes, for Dr Siân Llŷr');
    await expect(minutes).toContainText('Weekly appointments with the offender manager.');
    await expect(minutes.getByRole('heading', { name: 'Risk management plan' })).toBeVisible();
    await expectNoAxeViolations(attendee);
    await screenshot(attendee, 'minutes-copy');
  });
});
