import { describe, expect, it } from 'vitest';
import {
  internalSchedulePdf,
  redactionLogCsv,
  redactionLogPdf,
  responsePdf,
  type RedactionLogEntry,
  type Referral,
  type ReleasedItem,
  type ResponseInput,
  type ScheduleInput,
} from '../../../src/main/sar/bundle';
import { applyRedactions, proposeNameRedactions, type Redaction } from '../../../src/main/sar/redaction';
import { MappaError } from '../../../src/shared/errors';
import { pageCount, pageTexts, squashed } from '../documents/pdfText';
import { everywhere, foundIn } from '../documents/pdfEverywhere';

// The response is checked the way an adversary would read the file: pdftotext's text, the
// raw bytes in every encoding a string can take in a PDF, every stream inflated, and the
// text of every content stream decoded through its font's ToUnicode map. The released words
// are found by the same decoder, so finding nothing of the redacted words means something.

const REQUESTER = 'Siân Llŷr';
const OTHERS = ['Łukasz Wiśniewski', 'Ștefan Ionescu', 'Şükrü Yılmaz'];
const OFFICE = { name: 'Wigan Probation Delivery Unit', agency: 'probation' as const, addressLines: ['Wigan Life Centre', 'The Wiend', 'Wigan WN1 1NH'] };
const madeAt = new Date('2026-10-20T10:15:00Z');

// Words that must never be in the response, and words that must.
const REDACTED = ['Quokkafield', 'Zanzibarite', ...OTHERS];
const WITHHELD_TEXT = 'Informant Marlowgrange reported the address on Thistlewick Lane.';
const REFERRED_TEXT = 'Pellucidor ward notes: Vexmoor assessment.';
const RELEASED = ['Hostelgate', 'curfew', 'Tuesdays'];

const item = (over: Partial<ReleasedItem> & { text: string }): ReleasedItem => ({ ref: 'I-1', date: '2026-05-03', kind: 'Contact note', owner: { name: OFFICE.name, agency: OFFICE.agency }, ...over });

/** One raw item with spans over the words to redact, the way the screen would record them. */
function redacted(raw: string, words: readonly string[]): string {
  const redactions: Redaction[] = words.map((w) => {
    const start = raw.indexOf(w);
    return { start, end: start + w.length, code: 'p3_rights_of_others', reason: 'Identifies a witness.' };
  });
  return applyRedactions(raw, redactions, 'dpa2018_part3');
}

function aResponse(over: Partial<ResponseInput> = {}): ResponseInput {
  const raw = `Met ${REQUESTER} at Hostelgate with Łukasz Wiśniewski; curfew kept on Tuesdays. Quokkafield was told.`;
  const names = proposeNameRedactions(raw, OTHERS).map((p) => ({ start: p.start, end: p.end, code: 'p3_rights_of_others', reason: 'Another person.' }));
  const q = raw.indexOf('Quokkafield');
  const first = applyRedactions(raw, [...names, { start: q, end: q + 'Quokkafield'.length, code: 'p3_crime', reason: 'Open investigation.' }], 'dpa2018_part3');
  return {
    reference: 'SAR-2026-0042',
    regime: 'dpa2018_part3',
    office: OFFICE,
    signatory: { name: 'Priya Shah', role: 'Information Governance Lead', contact: 'dataprotection@wigan-pdu.example, 01942 000 000' },
    addressee: { name: REQUESTER, addressLines: ['12 Heol y Bont', 'Bangor', 'LL57 1AB'], representing: null },
    receivedOn: '2026-10-02',
    facts: {
      purposes: 'We hold your information to manage the risk of serious harm under the Multi-Agency Public Protection Arrangements (MAPPA), and to supervise your licence.',
      legalBasis: 'Law enforcement processing under Part 3 of the Data Protection Act 2018; the Criminal Justice Act 2003, section 325; the Offender Management Act 2007, section 14.',
      categories: ['Your name, date of birth and references', 'Addresses', 'Offence history and licence conditions', 'Risk assessments and contact notes'],
      recipients: ['Greater Manchester Police', 'MAPPA meeting members (agency representatives)'],
      retention: 'Until your 100th birthday, reviewed every 10 years (HMPPS records policy).',
      source: 'You, the courts, the police and other MAPPA agencies.',
      automatedDecisions: 'We do not make decisions about you by automated means alone.',
    },
    withholding: { kind: 'explained', codes: ['p3_crime', 'p3_rights_of_others'], reasons: 'Some of the information would identify other people, and some would prejudice an open investigation.' },
    items: [
      item({ ref: 'I-1', text: first }),
      item({ ref: 'I-2', date: '2026-06-11', kind: 'Risk assessment', text: redacted(`Zanzibarite sighting near the hostel; ${OTHERS[1]} and ${OTHERS[2]} present. Hostelgate staff content.`, ['Zanzibarite', OTHERS[1] as string, OTHERS[2] as string]) }),
      ...Array.from({ length: 40 }, (_, i) => item({ ref: `I-${i + 3}`, date: '2026-07-01', kind: 'Office visit', text: `Visit ${i + 1}: reported on time, curfew kept. Discussed work on Tuesdays with ${REQUESTER}.` })),
    ],
    madeAt,
    ...over,
  };
}

const anEntry = (over: Partial<RedactionLogEntry> = {}): RedactionLogEntry => ({
  itemRef: 'I-9',
  item: 'Intelligence report, 1 August 2026',
  action: 'withheld',
  code: 'p3_crime',
  reason: 'An open investigation would be prejudiced.',
  decidedBy: 'Priya Shah',
  decidedAt: '2026-10-18T09:00:00Z',
  healthOpinion: null,
  ...over,
});
const referral: Referral = { items: REFERRED_TEXT, owner: { name: 'North West Mental Health Trust', agency: 'health' }, referredOn: '2026-10-05', toWhom: 'The Trust’s Data Protection Officer', how: 'Exchange file', answer: null, answeredOn: null };
const aSchedule = (over: Partial<ScheduleInput> = {}): ScheduleInput => ({
  reference: 'SAR-2026-0042',
  regime: 'dpa2018_part3',
  requesterName: REQUESTER,
  madeBy: 'Priya Shah',
  madeAt,
  receivedOn: '2026-10-02',
  released: 42,
  referrals: [referral],
  withheld: [anEntry({ item: WITHHELD_TEXT })],
  withholding: { kind: 'explained', codes: ['p3_crime'], reasons: 'Open investigation.' },
  untoldReasons: null,
  ...over,
});

// --- the tests ---------------------------------------------------------------------------

describe('the response bundle', () => {
  it('has no redacted word and no withheld or referred text anywhere in its file, and the released words are found', async () => {
    const { bytes } = await responsePdf(aResponse());
    // The internal records are made in the same run, from the same case, and hold the secrets.
    const schedule = await internalSchedulePdf(aSchedule());
    expect(pageTexts(schedule.bytes).join('\n')).toContain('Marlowgrange');
    const where = everywhere(bytes);
    for (const word of RELEASED) expect(where.decoded, `decoder finds the released "${word}"`).toContain(word);
    expect(where.decoded).toContain('[REDACTED: s45(4)(e)]');
    const text = pageTexts(bytes).join('\n');
    for (const secret of [...REDACTED, ...WITHHELD_TEXT.split(' '), ...REFERRED_TEXT.split(' ')].filter((w) => w.length > 5 && !['reported', 'address'].includes(w))) {
      expect(foundIn(where, secret), secret).toEqual([]);
      expect(text, secret).not.toContain(secret);
    }
    for (const word of RELEASED) expect(text).toContain(word);
  });

  it('names the requester on every page, exactly as written', async () => {
    const { bytes, pages } = await responsePdf(aResponse());
    expect(pages).toBe(pageCount(bytes));
    expect(pages).toBeGreaterThan(2);
    const raw = pageTexts(bytes, { raw: true });
    expect(raw).toHaveLength(pages);
    raw.forEach((page, i) => expect(squashed(page), `page ${i + 1}`).toContain(squashed(`Made for ${REQUESTER}`)));
    expect(pageTexts(bytes)[0]).toContain(`Dear ${REQUESTER},`);
  });

  it('prints Welsh, Polish, Romanian and Turkish names exactly', async () => {
    for (const name of [REQUESTER, ...OTHERS]) {
      const { bytes } = await responsePdf(aResponse({ addressee: { name, addressLines: ['1 Station Road'], representing: null }, items: [item({ text: `Seen by ${name}.` })], withholding: { kind: 'none' } }));
      const text = pageTexts(bytes).join('\n');
      expect(text, name).toContain(`Dear ${name},`);
      expect(text, name).toContain(`Seen by ${name}.`);
      expect(text).not.toContain('\uFFFD');
    }
  });

  it('gives what section 45(2) requires, the restriction with its reasons, and the Commissioner’s details', async () => {
    const text = pageTexts((await responsePdf(aResponse())).bytes, { raw: true, withoutDiagonal: true }).join('\n').replace(/\s+/g, ' ');
    for (const words of [
      'under section 45 of the Data Protection Act 2018',
      'Why we hold your information',
      'The law that allows us to hold it',
      'The kinds of information we hold',
      'Who we have shared it with',
      'How long we keep it',
      'Where it came from',
      'correct information about you',
      'delete information about you',
      'We have restricted your right of access under section 45(4)',
      'Our reasons: Some of the information would identify other people',
      'Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF',
      '0303 123 1113',
      'ico.org.uk/make-a-complaint',
      'section 51',
      'Yours sincerely, Priya Shah Information Governance Lead Wigan Probation Delivery Unit',
      'No. Date Kind of record Held by What the record says',
      '3 May 2026',
      'OFFICIAL-SENSITIVE',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('lists a UK GDPR office’s exemptions with their statutory sources, and tells of automated decisions', async () => {
    const trust = { name: 'North West Mental Health Trust', agency: 'health' as const, addressLines: ['Trust HQ'] };
    const { bytes } = await responsePdf(
      aResponse({
        regime: 'uk_gdpr',
        office: trust,
        withholding: { kind: 'explained', codes: ['uk_third_party'], reasons: 'The notes name your neighbours.' },
        items: [item({ owner: { name: trust.name, agency: trust.agency }, text: applyRedactions('Neighbour Jo Bloggs called.', [{ start: 10, end: 19, code: 'uk_third_party', reason: 'Third party.' }], 'uk_gdpr') })],
      }),
    );
    const text = pageTexts(bytes, { raw: true, withoutDiagonal: true }).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Article 15 of the UK General Data Protection Regulation');
    expect(text).toContain('Data Protection Act 2018, Schedule 2, Part 3, paragraph 16');
    expect(text).toContain('Neighbour [REDACTED: Sch2 Pt3 para16 (third party)]');
    expect(text).toContain('Automated decisions');
    expect(text).not.toContain('Jo Bloggs');
  });

  it('reads exactly the same when a restriction cannot be told as when there is none (s45(6))', async () => {
    const clean = [item({ text: 'Curfew kept.' })];
    const none = pageTexts((await responsePdf(aResponse({ withholding: { kind: 'none' }, items: clean }))).bytes);
    const untold = pageTexts((await responsePdf(aResponse({ withholding: { kind: 'not_told' }, items: clean }))).bytes);
    expect(untold).toEqual(none);
    expect(none.join('\n')).not.toMatch(/restrict(ed|ion) your right|withh[oe]ld/i);
  });

  it.each([
    ['another agency’s item', { items: [item({ owner: { name: 'Greater Manchester Police', agency: 'police' }, text: 'Theirs.' })] }, 'sar_not_owner', /owned by Greater Manchester Police \(Police\): only its owner can release it/],
    ['a redaction the letter says nothing about', { withholding: { kind: 'none' } }, 'sar_marker_untold', /would tell the requester/],
    ['a redaction when the restriction cannot be told', { withholding: { kind: 'not_told' } }, 'sar_marker_untold', /would undermine it/],
    ['a redaction under a code the letter does not explain', { withholding: { kind: 'explained', codes: ['p3_crime'], reasons: 'Investigation.' } }, 'sar_marker_untold', /s45\(4\)\(e\), which the letter does not explain/],
    ['another regime’s code', { withholding: { kind: 'explained', codes: ['uk_crime'], reasons: 'Crime.' } }, 'sar_wrong_regime', /does not apply/],
    ['a response without its retention period', { facts: { ...aResponse().facts, retention: ' ' } }, 'sar_facts_missing', /must say retention/],
  ] as const)('refuses %s', async (_, over, code, message) => {
    const error = await responsePdf(aResponse(over)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MappaError);
    expect((error as MappaError).code).toBe(code);
    expect((error as MappaError).message).toMatch(message);
  });
});

describe('the redaction log and the internal schedule', () => {
  const input = { reference: 'SAR-2026-0042', regime: 'dpa2018_part3' as const, requesterName: REQUESTER, madeBy: 'Priya Shah', madeAt };

  it('logs item, code, source, reason, who and when as CSV, marked and safe from formulas', () => {
    const csv = redactionLogCsv(input, [anEntry(), anEntry({ action: 'redacted', reason: '=HYPERLINK("x")', item: 'Contact note, 3 May 2026' })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^"?OFFICIAL-SENSITIVE\. MAPPA Register: redaction log of subject access request SAR-2026-0042 \(Siân Llŷr\)/);
    expect(lines[1]).toBe('Item,Reference,Action,Code,Source,Reason,Health professional’s opinion,Decided by,When');
    expect(lines[2]).toBe('"Intelligence report, 1 August 2026",I-9,Withheld,s45(4)(b),"Data Protection Act 2018, section 45(4)(b)",An open investigation would be prejudiced.,,Priya Shah,"18 October 2026, 10:00"');
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines.at(-2)).toBe('OFFICIAL-SENSITIVE');
  });

  it('refuses a health serious-harm entry without the health professional’s opinion, and a blank reason', () => {
    const health = { ...input, regime: 'uk_gdpr' as const };
    expect(() => redactionLogCsv(health, [anEntry({ code: 'uk_health_serious_harm' })])).toThrow(/appropriate health professional’s opinion/);
    expect(redactionLogCsv(health, [anEntry({ code: 'uk_health_serious_harm', healthOpinion: 'Dr A Patel, consultant psychiatrist, 12 October 2026' })])).toContain('Dr A Patel');
    expect(() => redactionLogCsv(input, [anEntry({ reason: ' ' })])).toThrow(/needs a reason/);
    expect(() => redactionLogCsv(input, [anEntry({ code: 'uk_crime' })])).toThrow(/does not apply/);
  });

  it('prints the log as a PDF for the IG lead, not the requester', async () => {
    const { bytes } = await redactionLogPdf(input, [anEntry()]);
    const text = pageTexts(bytes).join('\n');
    expect(text).toContain('Redaction log, subject access request SAR-2026-0042');
    expect(text).toContain('s45(4)(b)');
    expect(squashed(pageTexts(bytes, { raw: true })[0] as string)).toContain(squashed('Made for Priya Shah'));
  });

  it('schedules referrals and withheld items, and records the reasons for a restriction not told', async () => {
    const text = pageTexts((await internalSchedulePdf(aSchedule({ withholding: { kind: 'not_told' }, untoldReasons: 'Telling would alert the suspect.' }))).bytes, { withoutDiagonal: true }).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Pellucidor ward notes');
    expect(text).toContain('North West Mental Health Trust (Health or mental health trust)');
    expect(text).toContain('Marlowgrange');
    expect(text).toContain('Reasons recorded: Telling would alert the suspect.');
    await expect(internalSchedulePdf(aSchedule({ withholding: { kind: 'not_told' } }))).rejects.toThrow(/reasons recorded for the Commissioner/);
  });
});
