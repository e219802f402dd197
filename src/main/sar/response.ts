import { londonDayOf } from '../../shared/calendar';
import type { ResponseDetails } from '../../shared/channels/sar';
import { MappaError } from '../../shared/errors';
import { isExemptionCode, type ExemptionCodeKey } from '../../shared/sarVocabulary';
import { FIELD_KINDS } from '../../shared/vocabulary';
import { requireOffice } from '../access/offices';
import type { Reader } from '../db/types';
import { getItem } from '../register/items';
import type { InternalRecordInput, RedactionLogEntry, Referral, ReleasedItem, ResponseInput, ScheduleInput, WithholdingNotice } from './bundle';
import { holdingsOf } from './holdings';
import { minutesExtracts, type MinutesExtract } from './minutesExtracts';
import { applyRedactions, type Redaction } from './redaction';
import { confirmedSubjectIds, deadlineOf, requestRow, type RequestRow } from './requests';

// What the response and the separate records are made from, read from the register: the
// released items (this office's, released or redacted, the text made again without the
// redacted words), the redaction log, and the internal schedule (referrals and withheld
// items). The response's input is built from released items only, so nothing withheld or
// referred can reach it. What still stops a response is said in one sentence each.

type DecisionRow = { item_id: string; item_version: number; decision: 'release' | 'redact' | 'withhold'; code: string | null; reason: string | null; health_opinion: string | null; redactions: string; decided_at: string; decided_by: string };

/** An item's reference in the response, the log and the schedule. */
export const itemRef = (itemId: string) => `R-${itemId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;

export function detailsOf(row: RequestRow): ResponseDetails | null {
  return row.response_details === null ? null : (JSON.parse(row.response_details) as ResponseDetails);
}

const decisionsOf = (r: Reader, id: string) => new Map(r.all<DecisionRow>('SELECT * FROM sar_decisions WHERE request_id = ?', [id]).map((d) => [d.item_id, d]));

/** What stops the response being made, one sentence each (empty when it can be). */
export function responseProblems(r: Reader, id: string, now: Date): string[] {
  const row = requestRow(r, id);
  const problems: string[] = [];
  if (row.status === 'closed') problems.push(`Request ${row.reference} is closed.`);
  const deadline = deadlineOf(r, row, now);
  if (deadline.state === 'not_started') problems.push(deadline.label === 'Waiting for the fee' ? 'Record the fee received: the request is answered once it is paid.' : 'Verify the requester’s identity first.');
  if (deadline.state === 'stopped') problems.push('Record the answer to the question asked of the requester first.');
  if (confirmedSubjectIds(r, id).length === 0) problems.push('Confirm which people in the register are the requester, or record that the register holds nothing about them by closing the request.');
  const holdings = holdingsOf(r, id);
  const ours = holdings.groups.filter((g) => g.ours).flatMap((g) => g.items);
  const undecided = ours.filter((i) => i.decision === null);
  const stale = ours.filter((i) => i.decision?.stale === true).length;
  const items = undecided.filter((i) => i.source === 'item').length;
  const minutes = undecided.length - items;
  const what = [items > 0 ? (items === 1 ? 'one item' : `${items} items`) + ' of this office’s' : null, minutes > 0 ? (minutes === 1 ? 'the minutes of one meeting' : `the minutes of ${minutes} meetings`) : null].filter((x) => x !== null);
  if (what.length > 0) problems.push(`Decide on ${what.join(' and ')}: release, redact or withhold.`);
  if (stale > 0) problems.push(`${stale === 1 ? 'One item has' : `${stale} items have`} changed since ${stale === 1 ? 'it was' : 'they were'} decided: decide again.`);
  for (const g of holdings.groups.filter((x) => !x.ours)) {
    const unreferred = g.items.filter((i) => i.referralId === null).length;
    if (unreferred > 0) problems.push(`Refer ${unreferred === 1 ? 'one item' : `${unreferred} items`} of ${g.owner.name} to them: another agency’s information is answered for by its owner.`);
  }
  const details = detailsOf(row);
  if (details === null) problems.push('Write the response’s details: the office’s address and who signs, the purposes, legal basis, categories, recipients, retention and source.');
  else {
    if (ours.some((i) => i.decision !== null && i.decision.decision !== 'release') && details.withholdingReasons === null) {
      problems.push('Give the reasons for what is withheld or redacted: they are told to the requester, or, if telling would undermine them, recorded for the Commissioner.');
    }
    // A marker in the text would itself tell the requester (s45(5)–(6)).
    const redacted = ours.filter((i) => i.decision?.decision === 'redact').length;
    if (!details.tellWithholding && redacted > 0) {
      problems.push(`When the requester is not told of a restriction, no released text may show a redaction: withhold ${redacted === 1 ? 'one item' : `${redacted} items`} whole instead of redacting ${redacted === 1 ? 'it' : 'them'}.`);
    }
  }
  return problems;
}

interface Gathered {
  row: RequestRow;
  details: ResponseDetails;
  released: ReleasedItem[];
  /** The released items' ids, in the same order. */
  releasedIds: string[];
  log: RedactionLogEntry[];
  withheld: RedactionLogEntry[];
  codes: ExemptionCodeKey[];
}

function describeItem(kind: string, receivedOn: string) {
  return `${kind}, ${receivedOn}`;
}

/** Everything decided, gathered for the documents; throws the problems while any remain. */
export function gather(r: Reader, id: string, now: Date): Gathered {
  const problems = responseProblems(r, id, now);
  if (problems.length > 0) throw new MappaError('not_ready', `The response cannot be made yet: ${problems.join(' ')}`);
  const row = requestRow(r, id);
  const details = detailsOf(row);
  if (details === null) throw new MappaError('not_ready', 'Write the response’s details first.');
  const decisions = decisionsOf(r, id);
  const released: ReleasedItem[] = [];
  const releasedIds: string[] = [];
  const log: RedactionLogEntry[] = [];
  const withheld: RedactionLogEntry[] = [];
  const codes = new Set<ExemptionCodeKey>();
  const extract = (m: MinutesExtract) => {
    const d = decisions.get(m.id);
    if (!d) throw new MappaError('not_ready', 'The minutes of a meeting are not decided.');
    const ref = itemRef(m.id);
    const kind = `${m.label} (extract)`;
    if (d.decision === 'withhold') {
      if (!isExemptionCode(d.code ?? '')) throw new MappaError('unknown_code', `The minutes ${ref} have a code that is not in the statute table.`);
      const e: RedactionLogEntry = { itemRef: ref, item: kind, action: 'withheld', code: d.code as ExemptionCodeKey, reason: d.reason ?? '', decidedBy: d.decided_by, decidedAt: d.decided_at, healthOpinion: d.health_opinion };
      codes.add(e.code);
      log.push(e);
      withheld.push(e);
      return;
    }
    const spans = JSON.parse(d.redactions) as Redaction[];
    for (const sp of spans) {
      if (!isExemptionCode(sp.code)) throw new MappaError('unknown_code', `The minutes ${ref} have a code that is not in the statute table.`);
      codes.add(sp.code);
      log.push({ itemRef: ref, item: kind, action: 'redacted', code: sp.code, reason: sp.reason, decidedBy: d.decided_by, decidedAt: d.decided_at, healthOpinion: d.health_opinion });
    }
    const office = requireOffice(r, row.office_id, 'officeId');
    released.push({ ref, date: m.day, kind, owner: { name: office.name, agency: office.agency }, text: applyRedactions(m.text, spans, row.regime) });
  };
  for (const subjectId of confirmedSubjectIds(r, id)) {
    const items = r.all<{ id: string }>('SELECT id FROM items WHERE subject_id = ? AND owner_office_id = ? AND deleted_at IS NULL ORDER BY received_on, created_at', [subjectId, row.office_id]);
    for (const { id: itemId } of items) {
      const item = getItem(r, itemId);
      const d = decisions.get(itemId);
      if (!d) throw new MappaError('not_ready', 'An item is not decided.');
      const kind = FIELD_KINDS[item.fieldKind].label;
      const ref = itemRef(itemId);
      const entry = (code: string, reason: string, action: 'redacted' | 'withheld'): RedactionLogEntry => {
        if (!isExemptionCode(code)) throw new MappaError('unknown_code', `Item ${ref} has a code that is not in the statute table.`);
        codes.add(code);
        return { itemRef: ref, item: describeItem(kind, item.receivedOn), action, code, reason, decidedBy: d.decided_by, decidedAt: d.decided_at, healthOpinion: d.health_opinion };
      };
      if (d.decision === 'withhold') {
        const e = entry(d.code ?? '', d.reason ?? '', 'withheld');
        log.push(e);
        withheld.push(e);
        continue;
      }
      const spans = JSON.parse(d.redactions) as Redaction[];
      for (const s of spans) log.push(entry(s.code, s.reason, 'redacted'));
      releasedIds.push(itemId);
      released.push({ ref, date: item.receivedOn, kind, owner: { name: item.owner.name, agency: item.owner.agency }, text: applyRedactions(item.value, spans, row.regime) });
    }
  }
  for (const m of minutesExtracts(r, confirmedSubjectIds(r, id))) extract(m);
  return { row, details, released, releasedIds, log, withheld, codes: [...codes] };
}

function withholdingOf(g: Gathered): WithholdingNotice {
  if (g.codes.length === 0) return { kind: 'none' };
  if (!g.details.tellWithholding) return { kind: 'not_told' };
  return { kind: 'explained', codes: g.codes, reasons: g.details.withholdingReasons ?? '' };
}

export function responseInput(r: Reader, g: Gathered, now: Date): ResponseInput {
  const office = requireOffice(r, g.row.office_id, 'officeId');
  const d = g.details;
  return {
    reference: g.row.reference,
    regime: g.row.regime,
    office: { name: office.name, agency: office.agency, addressLines: d.officeAddress },
    signatory: d.signatory,
    addressee: { name: g.row.representative_name ?? g.row.requester_name, addressLines: d.addresseeAddress, representing: g.row.on_behalf === 1 ? g.row.requester_name : null },
    receivedOn: g.row.received_on,
    facts: { purposes: d.purposes, legalBasis: d.legalBasis, categories: d.categories, recipients: d.recipients, retention: d.retention, source: d.source, automatedDecisions: d.automatedDecisions },
    withholding: withholdingOf(g),
    items: g.released,
    madeAt: now,
  };
}

export function internalInput(g: Gathered, madeBy: string, now: Date): InternalRecordInput {
  return { reference: g.row.reference, regime: g.row.regime, requesterName: g.row.requester_name, madeBy, madeAt: now };
}

export function scheduleInput(r: Reader, g: Gathered, madeBy: string, now: Date): ScheduleInput {
  const referrals: Referral[] = r
    .all<{ owner_office_id: string; item_ids: string; referred_on: string; to_whom: string; how: string; answer: string | null; answered_on: string | null }>('SELECT * FROM sar_referrals WHERE request_id = ? ORDER BY referred_on', [g.row.id])
    .map((f) => {
      const owner = requireOffice(r, f.owner_office_id, 'ownerOfficeId');
      const refs = (JSON.parse(f.item_ids) as string[]).map(itemRef);
      return { items: refs.join(', '), owner: { name: owner.name, agency: owner.agency }, referredOn: f.referred_on, toWhom: f.to_whom, how: f.how, answer: f.answer, answeredOn: f.answered_on };
    });
  const withholding = withholdingOf(g);
  return {
    ...internalInput(g, madeBy, now),
    receivedOn: g.row.received_on,
    released: g.released.length,
    referrals,
    withheld: g.withheld,
    withholding,
    untoldReasons: withholding.kind === 'not_told' ? g.details.withholdingReasons : null,
  };
}

export const fileDay = (now: Date) => londonDayOf(now.toISOString());
