// Subject access requests (issue 13), run once in its own process. Prints one JSON line.
// Usage: node --import tsx bench/sar.ts
//
// The response bundle for a subject with 500 released items, made by responsePdf end to end
// from plain data (the letter with what s45(2) requires, then every item, each redacted by
// applyRedactions: a third party's name proposed by proposeNameRedactions in every fifth item,
// a sentence under s45(4)(b) in every seventh), and the redaction log as PDF and CSV. Item text
// is 300 to 900 characters of case-note prose. No database: the service's reads are not what
// is measured here.
import { internalSchedulePdf, redactionLogCsv, redactionLogPdf, responsePdf, type RedactionLogEntry, type ReleasedItem, type ResponseInput } from '../src/main/sar/bundle';
import { applyRedactions, proposeNameRedactions, type Redaction } from '../src/main/sar/redaction';
import { pct, round } from './figures';

const ITEMS = 500;
const RUNS = 3; // after one warm-up

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

const OFFICE = { name: 'Wigan Probation Delivery Unit', agency: 'probation' as const, addressLines: ['Wigan Life Centre', 'The Wiend', 'Wigan WN1 1NH'] };
const KINDS = ['Office appointment', 'Home visit', 'Telephone contact', 'Risk assessment', 'Licence review', 'MAPPA minutes extract'];
const SENTENCES = [
  'Reported on time and was open about the week.',
  'Discussed the job search and the curfew; no concerns raised.',
  'Łukasz Wiśniewski, a neighbour, was present for part of the visit.',
  'Intelligence suggests contact with a known associate near the school.',
  'Accommodation remains stable at the approved premises.',
  'Reminded of the exclusion zone and the reporting requirement.',
  'Engaged well with the programme session and completed the homework.',
];

function itemText(i: number): string {
  const length = 300 + ((i * 97) % 600);
  let text = '';
  for (let k = i; text.length < length; k++) text += `${SENTENCES[k % SENTENCES.length]} `;
  return text.trim();
}

function released(): { items: ReleasedItem[]; log: RedactionLogEntry[] } {
  const items: ReleasedItem[] = [];
  const log: RedactionLogEntry[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const raw = itemText(i);
    const redactions: Redaction[] = [];
    if (i % 5 === 0) for (const p of proposeNameRedactions(raw, ['Łukasz Wiśniewski'])) redactions.push({ start: p.start, end: p.end, code: 'p3_rights_of_others', reason: 'A neighbour who has not agreed to release.' });
    const intel = raw.indexOf('Intelligence');
    if (i % 7 === 0 && intel >= 0) redactions.push({ start: intel, end: raw.indexOf('.', intel) + 1, code: 'p3_crime', reason: 'An open investigation.' });
    const ref = `I-${i + 1}`;
    const date = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const kind = KINDS[i % KINDS.length] as string;
    items.push({ ref, date, kind, owner: { name: OFFICE.name, agency: OFFICE.agency }, text: applyRedactions(raw, redactions, 'dpa2018_part3') });
    for (const r of redactions) log.push({ itemRef: ref, item: `${kind}, ${date}`, action: 'redacted', code: r.code as RedactionLogEntry['code'], reason: r.reason, decidedBy: 'Priya Shah', decidedAt: '2026-10-18T09:00:00Z', healthOpinion: null });
  }
  return { items, log };
}

async function main(): Promise<void> {
  const madeAt = new Date('2026-10-20T10:15:00Z');
  const tPrepare = now();
  const { items, log } = released();
  const prepareMs = now() - tPrepare;
  const input: ResponseInput = {
    reference: 'SAR-2026-0500',
    regime: 'dpa2018_part3',
    office: OFFICE,
    signatory: { name: 'Priya Shah', role: 'Information Governance Lead', contact: 'dataprotection@wigan-pdu.example' },
    addressee: { name: 'Siân Llŷr', addressLines: ['12 Heol y Bont', 'Bangor', 'LL57 1AB'], representing: null },
    receivedOn: '2026-10-02',
    facts: {
      purposes: 'To supervise your licence and, with the other MAPPA agencies, to assess and manage the risk of serious harm.',
      legalBasis: 'Law enforcement processing under Part 3 of the Data Protection Act 2018; the Criminal Justice Act 2003, section 325.',
      categories: ['Identity and references', 'Addresses', 'Offences and licence conditions', 'Risk assessments and contact notes'],
      recipients: ['Greater Manchester Police', 'MAPPA meeting members'],
      retention: 'Until your 100th birthday, reviewed every 10 years.',
      source: 'You, the courts, the police and other MAPPA agencies.',
      automatedDecisions: 'None.',
    },
    withholding: { kind: 'explained', codes: ['p3_crime', 'p3_rights_of_others'], reasons: 'Other people are named, and an investigation is open.' },
    items,
    madeAt,
  };
  const response: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    const t = now();
    const made = await responsePdf(input);
    if (run > 0) response.push(now() - t);
    pages = made.pages;
    bytes = made.bytes.length;
  }
  const record = { reference: input.reference, regime: input.regime, requesterName: 'Siân Llŷr', madeBy: 'Priya Shah', madeAt };
  const t1 = now();
  const logPdf = await redactionLogPdf(record, log);
  const logPdfMs = now() - t1;
  const t2 = now();
  const csv = redactionLogCsv(record, log);
  const csvMs = now() - t2;
  const t3 = now();
  await internalSchedulePdf({ ...record, receivedOn: input.receivedOn, released: ITEMS, referrals: [], withheld: [], withholding: input.withholding, untoldReasons: null });
  const scheduleMs = now() - t3;
  const figures: Record<string, number> = {
    sar_items: ITEMS,
    sar_redactions: log.length,
    sar_prepare_ms: prepareMs,
    sar_response_p50_ms: pct(response, 50),
    sar_response_runs: response.length,
    sar_response_pages: pages,
    sar_response_kb: bytes / 1024,
    sar_log_pdf_ms: logPdfMs,
    sar_log_pdf_pages: logPdf.pages,
    sar_log_csv_ms: csvMs,
    sar_log_csv_kb: Buffer.byteLength(csv) / 1024,
    sar_schedule_ms: scheduleMs,
    sar_peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, round(v)])))}\n`);
}

void main();
