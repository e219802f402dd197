// Disclosure to a third party (issue 12), run once in its own process. Prints one JSON line.
// Usage: node --import tsx bench/disclosure.ts
//
// A register made through the app's own channels (tests/support/meetings.ts; TEST_KDF), one
// person with 199 items, and a disclosure of 200 fields (their names and every item), each
// with the three tests answered and every criterion answered.
//  - the approval check: disclosures.get (the view with the nine criteria and every field's
//    problems, which is what disclosures.approve checks) over the 200 fields.
//  - the briefing: disclosures.briefing end to end (the PDF laid out by the one document
//    maker, recorded with its audit entry, the file written), after approval.
import { readFileSync } from 'node:fs';
import { pageCount } from '../src/main/documents';
import { aReadyDisclosure, REASON } from '../tests/support/disclosures';
import { aMeetingTeam, aNominal } from '../tests/support/meetings';
import { anItem } from '../tests/support/registerBuilders';
import { pct, round, runBench } from './figures';

const ITEMS = 199;
const CHECK_RUNS = 20;
const BRIEFING_RUNS = 5; // after one warm-up

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

async function main(): Promise<void> {
  const setupStart = now();
  const t = await aMeetingTeam('2026-11-25T09:00:00Z');
  const s = t.api.service;
  const subjectId = await aNominal(t, { givenName: 'Lee', familyName: 'Marsh' });
  const itemIds: string[] = [];
  for (let i = 0; i < ITEMS; i++) itemIds.push((await s['items.add'](anItem(subjectId, t.offices.probation, { value: `Observation ${i + 1}: seen near the depot gates at the end of the late shift.` }))).id);
  const view = await aReadyDisclosure(t, subjectId, { fields: [{ kind: 'subject', field: 'names' }, ...itemIds.map((itemId) => ({ kind: 'item' as const, itemId }))] });
  const setupS = (now() - setupStart) / 1000;

  const checkMs: number[] = [];
  let ready = false;
  for (let i = 0; i <= CHECK_RUNS; i++) {
    const t0 = now();
    ready = (await s['disclosures.get']({ id: view.id, reason: REASON })).ready;
    if (i > 0) checkMs.push(now() - t0);
  }
  await t.as('dina');
  const a0 = now();
  await s['disclosures.approve']({ id: view.id });
  const approveMs = now() - a0;
  await t.as('casey');
  const briefingMs: number[] = [];
  let pages = 0;
  for (let i = 0; i <= BRIEFING_RUNS; i++) {
    const file = t.file(`briefing-${i}.pdf`);
    t.api.host.picksFile(file);
    const t0 = now();
    await s['disclosures.briefing']({ id: view.id, recipientId: view.recipientList[0]!.id });
    if (i > 0) briefingMs.push(now() - t0);
    pages = pageCount(readFileSync(file));
  }
  t.api.session.lock();
  process.stdout.write(
    `${JSON.stringify({
      disclosure_fields: view.lines.length,
      disclosure_ready: ready,
      approval_check_p50_ms: round(pct(checkMs, 50)),
      approval_check_p95_ms: round(pct(checkMs, 95)),
      approval_check_runs: CHECK_RUNS,
      approve_ms: round(approveMs),
      briefing_pages: pages,
      briefing_p50_ms: round(pct(briefingMs, 50)),
      briefing_runs: BRIEFING_RUNS,
      disclosure_setup_s: round(setupS),
      disclosure_peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

runBench(main);
