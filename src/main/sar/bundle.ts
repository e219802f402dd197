import { formatLondonDate, formatLondonDateTime, type PlainDate } from '../../shared/calendar';
import { CLASSIFICATION, PRODUCT_NAME } from '../../shared/classification';
import { MappaError } from '../../shared/errors';
import {
  ACCESS_RIGHT,
  complaintWords,
  EXEMPTION_CODES,
  OTHER_RIGHTS,
  RESPONSE_CONTENTS,
  restrictionNotice,
  type ExemptionCodeKey,
  type ResponseContentKey,
} from '../../shared/sarVocabulary';
import { AGENCY_KINDS, type AgencyKindCode, type DataProtectionRegime } from '../../shared/vocabulary';
import { csvRow } from '../audit/exportCsv';
import { makeDocument, pageCount, type Block } from '../documents';

// The files a subject access request ends with (issue 13), each made by the one document
// maker from plain data: the response to the requester (a letter with what Art. 15 or
// s45(2) requires, then the released items, already redacted), and, separately, never
// inside it, the redaction log (CSV and PDF) and the internal schedule (referrals to owners,
// withheld items, the reasons for a restriction kept for the Commissioner: s45(7)).
// The response's input holds no referral and no withheld item: it cannot print them.

export interface MadeDocument {
  bytes: Uint8Array;
  pages: number;
}

export interface SarOffice {
  name: string;
  agency: AgencyKindCode;
  addressLines: readonly string[];
}

/** Whoever signs the letter (the IG lead) and how to reach them. */
export interface Signatory {
  name: string;
  role: string;
  contact: string;
}

/** The person the letter goes to: the data subject, or their representative. */
export interface Addressee {
  name: string;
  addressLines: readonly string[];
  /** The data subject's name when a representative asked on their behalf; otherwise null. */
  representing: string | null;
}

/** What Art. 15(1) and s45(2) require besides the copy, in this office's words. */
export interface ResponseFacts {
  purposes: string;
  legalBasis: string;
  categories: readonly string[];
  recipients: readonly string[];
  retention: string;
  source: string;
  /** UK GDPR Art. 15(1)(h); ignored under Part 3. */
  automatedDecisions: string;
}

/**
 * What the letter says about information not given: nothing was withheld; the exemptions
 * or restrictions relied on, with reasons; or (s45(6), or a UK GDPR exemption that would
 * be prejudiced by telling) nothing at all, so the letter reads as one with no withholding.
 */
export type WithholdingNotice = { kind: 'none' } | { kind: 'explained'; codes: readonly ExemptionCodeKey[]; reasons: string } | { kind: 'not_told' };

/** One of this office's items, released. Its text has been through applyRedactions. */
export interface ReleasedItem {
  ref: string;
  date: PlainDate;
  /** What kind of record it is, in words ("Contact note", "Risk assessment"). */
  kind: string;
  owner: { name: string; agency: AgencyKindCode };
  text: string;
}

export interface ResponseInput {
  reference: string;
  regime: DataProtectionRegime;
  office: SarOffice;
  signatory: Signatory;
  addressee: Addressee;
  receivedOn: PlainDate;
  facts: ResponseFacts;
  withholding: WithholdingNotice;
  items: readonly ReleasedItem[];
  madeAt: Date;
}

const refuse = (code: string, message: string): never => {
  throw new MappaError(code, message);
};
const blank = (s: string) => s.trim() === '';
const agencyOf = (o: { name: string; agency: AgencyKindCode }) => `${o.name} (${AGENCY_KINDS[o.agency].label})`;
const bullets = (lines: readonly string[]) => lines.map((l) => `• ${l}`).join('\n');
const MARKER = /\[REDACTED: ([^\]]+)\]/g;

function checkResponse(input: ResponseInput): void {
  if (blank(input.addressee.name)) refuse('sar_no_addressee', 'The response needs the name of the person it is sent to.');
  if (blank(input.reference)) refuse('sar_no_reference', 'The response needs the request’s reference.');
  const f = input.facts;
  const missing = (['purposes', 'legalBasis', 'retention', 'source'] as const).find((k) => blank(f[k])) ?? (f.categories.length === 0 ? 'categories' : null);
  if (missing !== null) refuse('sar_facts_missing', `The response must say ${missing === 'legalBasis' ? 'the legal basis' : missing}: the law requires it in every response.`);
  const w = input.withholding;
  if (w.kind === 'explained') {
    if (w.codes.length === 0 || blank(w.reasons)) refuse('sar_withholding_unexplained', 'An explained withholding needs at least one code and the reasons.');
    const foreign = w.codes.find((c) => EXEMPTION_CODES[c].regime !== input.regime);
    if (foreign !== undefined) refuse('sar_wrong_regime', `${EXEMPTION_CODES[foreign].short} does not apply under this office’s regime.`);
  }
  const allowed = new Set<string>(w.kind === 'explained' ? w.codes.map((c) => EXEMPTION_CODES[c].short) : []);
  for (const item of input.items) {
    // Leaflet: the owning agency answers for its own items; another agency's are referred.
    if (item.owner.name !== input.office.name || item.owner.agency !== input.office.agency) {
      refuse('sar_not_owner', `Item ${item.ref} is owned by ${agencyOf(item.owner)}: only its owner can release it, so refer it instead.`);
    }
    for (const m of item.text.matchAll(MARKER)) {
      if (!allowed.has(m[1] ?? '')) {
        refuse(
          'sar_marker_untold',
          w.kind === 'explained'
            ? `Item ${item.ref} is redacted under ${m[1]}, which the letter does not explain: add it to the codes relied on.`
            : `Item ${item.ref} shows a redaction, which would tell the requester that information was ${w.kind === 'none' ? 'withheld although the letter says nothing was' : 'withheld when telling them would undermine it'}.`,
        );
      }
    }
  }
}

function factText(key: ResponseContentKey, f: ResponseFacts): string | null {
  switch (key) {
    case 'purposes':
      return f.purposes;
    case 'legal_basis':
      return f.legalBasis;
    case 'categories':
      return bullets(f.categories);
    case 'recipients':
      return f.recipients.length === 0 ? 'We have not shared your information with anyone outside this office.' : bullets(f.recipients);
    case 'retention':
      return f.retention;
    case 'source':
      return f.source;
    case 'automated_decisions':
      return f.automatedDecisions;
    default:
      return null;
  }
}

function withheldBlocks(input: ResponseInput): Block[] {
  const w = input.withholding;
  if (w.kind !== 'explained') return [];
  const text =
    input.regime === 'dpa2018_part3'
      ? restrictionNotice(w.codes, w.reasons)
      : [
          'We have not given you some of the information we hold about you, because the law allows us to withhold it. Where we have removed words from a record, you will see [REDACTED: …] in their place, with the provision we relied on. We relied on:',
          bullets(w.codes.map((c) => `${EXEMPTION_CODES[c].meaning} (${EXEMPTION_CODES[c].source})`)),
          `Our reasons: ${w.reasons.trim()}`,
        ];
  return [{ kind: 'heading', text: 'Information we have not given you' }, ...text.map((t): Block => ({ kind: 'paragraph', text: t }))];
}

function letterBlocks(input: ResponseInput): Block[] {
  const { addressee: to, office, signatory: me, regime } = input;
  const count = input.items.length;
  const about = to.representing === null ? 'you' : to.representing;
  const contents = RESPONSE_CONTENTS[regime];
  const heading = (key: ResponseContentKey) => contents.find((c) => c.key === key)?.heading ?? '';
  return [
    { kind: 'paragraph', text: [to.name, ...to.addressLines].join('\n') },
    {
      kind: 'summary',
      rows: [
        { key: 'Our reference', value: input.reference },
        { key: 'Date', value: formatLondonDate(input.madeAt.toISOString()) },
        { key: 'From', value: [agencyOf(office), ...office.addressLines].join('\n') },
        { key: 'Contact', value: `${me.name}, ${me.role}\n${me.contact}` },
      ],
    },
    { kind: 'paragraph', text: `Dear ${to.name},` },
    {
      kind: 'paragraph',
      text: `Thank you for your request of ${formatLondonDate(input.receivedOn)} for a copy of the personal information ${office.name} holds about ${to.representing === null ? 'you' : `${to.representing}, made on their behalf`}. This letter is our response under ${ACCESS_RIGHT[regime].provision}.`,
    },
    {
      kind: 'paragraph',
      text:
        count === 0
          ? `We have searched our records and have no personal information about ${about} that we can give you.`
          : `We hold personal information about ${about}. A copy of it is in Part 2 of this letter: ${count === 1 ? 'one record, with its date' : `${count} records, each with its date`}, what kind of record it is and the agency that holds it. Part 1 tells you about how we use the information and about your rights.`,
    },
    { kind: 'heading', text: 'Part 1: about the information we hold' },
    ...contents.flatMap((c): Block[] => {
      const text = factText(c.key, input.facts);
      return text === null ? [] : [{ kind: 'heading', text: c.heading, level: 2 }, { kind: 'paragraph', text }];
    }),
    ...withheldBlocks(input),
    { kind: 'heading', text: heading('rights') },
    ...OTHER_RIGHTS[regime].map((t): Block => ({ kind: 'paragraph', text: t })),
    { kind: 'heading', text: heading('complaint') },
    ...complaintWords(regime).map((t): Block => ({ kind: 'paragraph', text: t })),
    { kind: 'paragraph', text: `If you have any questions about this response, please contact me, quoting our reference ${input.reference}.` },
    { kind: 'paragraph', text: `Yours sincerely,\n\n${me.name}\n${me.role}\n${office.name}` },
    { kind: 'paragraph', text: `This letter is marked ${CLASSIFICATION} because it contains personal information. Please keep it somewhere safe.` },
  ];
}

// The released items as one table whose header repeats on every page. (A heading per item
// reads well but costs the document maker a fresh layout each time one would fall at a page
// foot: 29 s for 500 items against under 2 s for the table.)
function itemBlocks(items: readonly ReleasedItem[]): Block[] {
  if (items.length === 0) return [];
  return [
    { kind: 'heading', text: 'Part 2: the information we hold' },
    {
      kind: 'paragraph',
      text: 'Each record is shown with its date, what kind of record it is and the agency that holds it. Where words have been removed you will see [REDACTED: …] in their place, with the provision of the law we relied on.',
    },
    {
      kind: 'table',
      columns: [{ title: 'No.', width: 0.9 }, { title: 'Date', width: 1.7 }, { title: 'Kind of record', width: 2.1 }, { title: 'Held by', width: 3 }, { title: 'What the record says', width: 7.5 }],
      rows: items.map((item, i) => [String(i + 1), formatLondonDate(item.date), item.kind, agencyOf(item.owner), item.text]),
    },
  ];
}

async function made(title: string, madeFor: string, madeAt: Date, content: Block[], orientation: 'portrait' | 'landscape' = 'portrait'): Promise<MadeDocument> {
  const bytes = await makeDocument({ title, madeFor, madeAt, content, orientation });
  return { bytes, pages: pageCount(bytes) };
}

/** The response: the letter, then the released items. Watermarked on every page for the addressee. */
export async function responsePdf(input: ResponseInput): Promise<MadeDocument> {
  checkResponse(input);
  return made(`Your subject access request ${input.reference}`, input.addressee.name, input.madeAt, [...letterBlocks(input), ...itemBlocks(input.items)]);
}

/** One redaction or withholding as the log keeps it. */
export interface RedactionLogEntry {
  itemRef: string;
  /** The item in words, e.g. "Contact note, 3 May 2026". */
  item: string;
  action: 'redacted' | 'withheld';
  code: ExemptionCodeKey;
  reason: string;
  decidedBy: string;
  /** ISO time. */
  decidedAt: string;
  /** Required where the code needs the appropriate health professional's opinion (Sch 3 Pt 2). */
  healthOpinion: string | null;
}

export interface InternalRecordInput {
  reference: string;
  regime: DataProtectionRegime;
  /** The data subject's name, so the internal record says whose request it is. */
  requesterName: string;
  /** The IG lead making it: internal records are watermarked for them, not the requester. */
  madeBy: string;
  madeAt: Date;
}

function checkEntries(input: InternalRecordInput, entries: readonly RedactionLogEntry[]): void {
  for (const e of entries) {
    const code = EXEMPTION_CODES[e.code];
    if (code.regime !== input.regime) refuse('sar_wrong_regime', `Item ${e.itemRef}: ${code.short} does not apply under this office’s regime.`);
    if (blank(e.reason)) refuse('sar_no_reason', `Item ${e.itemRef}: a ${e.action === 'redacted' ? 'redaction' : 'withholding'} needs a reason.`);
    if (code.needsHealthOpinion && (e.healthOpinion === null || blank(e.healthOpinion))) {
      refuse('sar_no_health_opinion', `Item ${e.itemRef}: ${code.short} needs the appropriate health professional’s opinion recorded.`);
    }
  }
}

const LOG_COLUMNS = ['Item', 'Reference', 'Action', 'Code', 'Source', 'Reason', 'Health professional’s opinion', 'Decided by', 'When'] as const;

function logCells(e: RedactionLogEntry): string[] {
  const code = EXEMPTION_CODES[e.code];
  return [e.item, e.itemRef, e.action === 'redacted' ? 'Redacted' : 'Withheld', code.short, code.source, e.reason, e.healthOpinion ?? '', e.decidedBy, formatLondonDateTime(e.decidedAt)];
}

const logHeading = (input: InternalRecordInput, count: number) =>
  `${CLASSIFICATION}. ${PRODUCT_NAME}: redaction log of subject access request ${input.reference} (${input.requesterName}), made by ${input.madeBy}, ${formatLondonDateTime(input.madeAt.toISOString())}. ${count} entr${count === 1 ? 'y' : 'ies'}. Internal: never sent with the response.`;

/** The redaction log as CSV (RFC 4180, CRLF, marked at top and bottom, no cell a formula). */
export function redactionLogCsv(input: InternalRecordInput, entries: readonly RedactionLogEntry[]): string {
  checkEntries(input, entries);
  const lines = [csvRow([logHeading(input, entries.length)]), csvRow([...LOG_COLUMNS]), ...entries.map((e) => csvRow(logCells(e))), csvRow([CLASSIFICATION])];
  return `${lines.join('\r\n')}\r\n`;
}

export async function redactionLogPdf(input: InternalRecordInput, entries: readonly RedactionLogEntry[]): Promise<MadeDocument> {
  checkEntries(input, entries);
  return made(
    `Redaction log, subject access request ${input.reference}`,
    input.madeBy,
    input.madeAt,
    [
      { kind: 'paragraph', text: `${logHeading(input, entries.length)}` },
      {
        kind: 'table',
        size: 'small',
        columns: [{ title: 'Item', width: 3 }, { title: 'Reference', width: 2 }, { title: 'Action', width: 1.5 }, { title: 'Code', width: 2.5 }, { title: 'Source', width: 3 }, { title: 'Reason', width: 5 }, { title: 'Health opinion', width: 3 }, { title: 'Decided by', width: 2 }, { title: 'When', width: 2 }],
        rows: entries.map(logCells),
        whenEmpty: 'Nothing was redacted or withheld.',
      },
    ],
    'landscape',
  );
}

/** Another agency's items, referred to their owner (never released here, never in the response). */
export interface Referral {
  items: string;
  owner: { name: string; agency: AgencyKindCode };
  referredOn: PlainDate;
  toWhom: string;
  how: string;
  answer: string | null;
  answeredOn: PlainDate | null;
}

export interface ScheduleInput extends InternalRecordInput {
  receivedOn: PlainDate;
  released: number;
  referrals: readonly Referral[];
  withheld: readonly RedactionLogEntry[];
  /** What the letter said; a restriction not told still has its reasons recorded here (s45(7)). */
  withholding: WithholdingNotice;
  /** For a restriction not told: the recorded reasons, for the Commissioner. */
  untoldReasons: string | null;
}

/** The internal schedule: what was released, referred and withheld, and why. For the register's file only. */
export async function internalSchedulePdf(input: ScheduleInput): Promise<MadeDocument> {
  checkEntries(input, input.withheld);
  const w = input.withholding;
  if (w.kind === 'not_told' && (input.untoldReasons === null || blank(input.untoldReasons))) {
    refuse('sar_untold_reasons', 'A restriction the requester is not told of still needs its reasons recorded for the Commissioner.');
  }
  const told =
    w.kind === 'none'
      ? 'The response says nothing was withheld.'
      : w.kind === 'explained'
        ? `The response explains the withholding under ${w.codes.map((c) => EXEMPTION_CODES[c].short).join(', ')}. Reasons given: ${w.reasons}`
        : `The response does not tell the requester of the restriction, because telling would undermine it. Reasons recorded: ${input.untoldReasons ?? ''}`;
  return made(
    `Internal schedule, subject access request ${input.reference}`,
    input.madeBy,
    input.madeAt,
    [
      { kind: 'paragraph', text: 'Internal: for the register’s file and the Information Commissioner on request. Never sent with the response.' },
      {
        kind: 'summary',
        rows: [
          { key: 'Request', value: `${input.reference}, from ${input.requesterName}, received ${formatLondonDate(input.receivedOn)}` },
          { key: 'Items released', value: String(input.released) },
          { key: 'Items referred to their owners', value: String(input.referrals.length) },
          { key: 'Items withheld', value: String(input.withheld.length) },
          { key: 'What the requester was told', value: told },
        ],
      },
      { kind: 'heading', text: 'Referred to the owning agency' },
      {
        kind: 'table',
        size: 'small',
        columns: [{ title: 'Items', width: 4 }, { title: 'Owner', width: 3 }, { title: 'Referred', width: 2 }, { title: 'To whom, how', width: 3 }, { title: 'Their answer', width: 4 }],
        rows: input.referrals.map((r) => [r.items, agencyOf(r.owner), formatLondonDate(r.referredOn), `${r.toWhom}; ${r.how}`, r.answer === null ? 'Awaited' : `${r.answer} (${formatLondonDate(r.answeredOn)})`]),
        whenEmpty: 'No items were referred.',
      },
      { kind: 'heading', text: 'Withheld' },
      {
        kind: 'table',
        size: 'small',
        columns: [{ title: 'Item', width: 3 }, { title: 'Code', width: 2.5 }, { title: 'Source', width: 3 }, { title: 'Reason', width: 5 }, { title: 'Decided by', width: 2.5 }],
        rows: input.withheld.map((e) => [`${e.item} (${e.itemRef})`, EXEMPTION_CODES[e.code].short, EXEMPTION_CODES[e.code].source, e.reason + (e.healthOpinion ? `\nHealth professional: ${e.healthOpinion}` : ''), `${e.decidedBy}, ${formatLondonDateTime(e.decidedAt)}`]),
        whenEmpty: 'No items were withheld.',
      },
    ],
    'landscape',
  );
}
