// MAPPA meetings (issue 11), run once in its own process. Prints one JSON line.
// Usage: node --import tsx bench/meetings.ts
//
// A register made through the app's own channels (tests/support/meetings.ts; TEST_KDF: the
// KDF is not what is measured) with 50 people and 500 meetings arranged over two years.
//  - the meetings list: meetings.list of all 500 as the coordinator (the calendar screen).
//  - a 20-page copy: copies.make end to end (the rule checked, the minutes read, the PDF laid
//    out by the one document maker, the copy recorded with its audit entry, the file written),
//    each run on a new permission of the chair's, for minutes long enough to fill 20 pages.
import { readFileSync } from 'node:fs';
import { pageCount } from '../src/main/documents';
import { aLevel2Meeting, aMeetingTeam, aNominal, attendeeOf, completeMinutes, signInRoom } from '../tests/support/meetings';
import { pct, round, runBench } from './figures';

const MEETINGS = 500;
const PEOPLE = 50;
const LIST_RUNS = 25;
const COPY_RUNS = 5; // after one warm-up

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** About `chars` characters of minute-taking, in sentences. */
const prose = (what: string, chars: number) => {
  const sentence = `${what}: the panel heard the agencies’ accounts in turn, checked each against the records held, and agreed what it means for the risk he poses to his former partner and her children. `;
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars).trim();
};

async function main(): Promise<void> {
  const setupStart = now();
  const t = await aMeetingTeam('2025-01-06T09:00:00Z');
  const s = t.api.service;
  const people: string[] = [];
  for (let i = 0; i < PEOPLE; i++) people.push(await aNominal(t, { familyName: `Hollis${String.fromCharCode(65 + (i % 26))}${i}`, dateOfBirth: `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 9}` }));
  const first = new Date('2025-01-06T10:00:00Z').getTime();
  const meetings: string[] = [];
  for (let i = 0; i < MEETINGS; i++) {
    const startsAt = new Date(first + Math.floor(i / 5) * 7 * 86_400_000 + (i % 5) * 3_600_000).toISOString();
    const subjects = [people[i % PEOPLE]!, people[(i * 7 + 3) % PEOPLE]!].filter((x, j, all) => all.indexOf(x) === j);
    meetings.push((await aLevel2Meeting(t, subjects, { startsAt, reviewNumber: Math.floor(i / PEOPLE) })).id);
  }
  const setupS = (now() - setupStart) / 1000;

  const listMs: number[] = [];
  let listed = 0;
  for (let i = 0; i <= LIST_RUNS; i++) {
    const t0 = now();
    listed = (await s['meetings.list']({ from: null, to: null })).length;
    if (i > 0) listMs.push(now() - t0);
  }

  // Long minutes for the last meeting's first person, signed, confirmed.
  const meetingId = meetings.at(-1)!;
  let meeting = await s['meetings.get']({ id: meetingId });
  for (const name of ['Casey Coordinator', 'Dina Shah', 'Pat Probation']) meeting = await signInRoom(t, meeting, attendeeOf(meeting, name).id);
  const where = { meetingId, subjectId: meeting.subjectList[0]!.subjectId };
  const long = 14_500;
  await t.as('pat');
  await s['minutes.save']({
    ...where,
    ...completeMinutes(t, {
      informationShared: prose('Information shared', long),
      riskAssessment: prose('Risk assessment', long),
      dissentingViews: prose('Dissenting view', long / 2),
      rmpSupervision: prose('Supervision', long),
      rmpMonitoringControl: prose('Monitoring and control', long),
      rmpInterventionsTreatment: prose('Interventions and treatment', long),
      rmpVictimSafety: prose('Victim safety', long),
      contingencies: prose('Contingency', long / 2),
      nextReview: '2027-01-01',
    }),
  });
  await s['minutes.send'](where);
  await t.as('dina');
  await s['minutes.confirm'](where);
  await t.as('casey');
  const copyMs: number[] = [];
  let pages = 0;
  for (let i = 0; i <= COPY_RUNS; i++) {
    const log = await s['copies.permit']({ ...where, recipientName: `Siân Llŷr ${i}`, recipientOfficeId: t.offices.childrens, recipientRole: 'Team manager', reason: 'Child protection plan.', grantedOn: '2026-12-01', grantedHow: 'By secure email' });
    const permission = log.permissions.at(-1)!;
    const file = t.file(`copy-${i}.pdf`);
    t.api.host.picksFile(file);
    const t0 = now();
    await s['copies.make']({ meetingId, permissionId: permission.id });
    if (i > 0) copyMs.push(now() - t0);
    pages = pageCount(readFileSync(file));
  }
  t.api.session.lock();
  process.stdout.write(
    `${JSON.stringify({
      meetings_listed: listed,
      meetings_list_p50_ms: round(pct(listMs, 50)),
      meetings_list_p95_ms: round(pct(listMs, 95)),
      meetings_list_runs: LIST_RUNS,
      minutes_copy_pages: pages,
      minutes_copy_p50_ms: round(pct(copyMs, 50)),
      minutes_copy_runs: COPY_RUNS,
      meetings_setup_s: round(setupS),
      meetings_peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

runBench(main);
