import type { DecisionView, HoldingItem, HoldingsView, SarCandidate } from '../../shared/channels/sar';
import type { SubjectSummary } from '../../shared/registerSchemas';
import { MappaError } from '../../shared/errors';
import { EXEMPTION_CODES, isExemptionCode } from '../../shared/sarVocabulary';
import { FIELD_KINDS } from '../../shared/vocabulary';
import { iso, newId, type Ctx } from '../access/context';
import { findOffice, requireOffice } from '../access/offices';
import { PERSONAL_DATA } from '../db/personalDataMap';
import type { Reader, Writer } from '../db/types';
import { getItem } from '../register/items';
import { searchWithholding } from '../register/search';
import { checkRedactions, type Redaction } from './redaction';
import { minutesExtract, minutesExtracts } from './minutesExtracts';
import { confirmedSubjectIds, requestRow, requireOpen, type RequestRow } from './requests';

// Finding what the register holds about the requester, and what is done with each part.
// The owning agency answers (leaflet; MAPPA owns nothing): this office decides on its own
// items only; another agency's items are referred to their owner, recorded, and listed in
// the internal schedule, never in the response.

/** The register's subjects who may be the requester: by each name they gave, their date of birth, and their references. */
export function candidates(r: Reader, row: RequestRow, now: Date, hidden: ReadonlySet<string>): SarCandidate[] {
  const queries = [...(JSON.parse(row.names) as string[]), ...(row.date_of_birth === null ? [] : [row.date_of_birth]), ...(row.identifiers ?? '').split(/[\s,;]+/).filter((t) => t.length >= 6)];
  const found = new Map<string, SubjectSummary>();
  for (const query of queries) {
    const result = searchWithholding(r, { query, ownerAgency: null, category: null, level: null, reviewDue: false, kind: null, includeItemText: false, limit: 50, offset: 0 }, now, hidden);
    for (const s of result.subjects) found.set(s.id, s);
  }
  return [...found.values()].map((s) => {
    const refs = r.get<{ pnc: string | null; ndelius: string | null; visor: string | null }>('SELECT pnc, ndelius, visor FROM subjects WHERE id = ?', [s.id]);
    return { ...s, pnc: refs?.pnc ?? null, ndelius: refs?.ndelius ?? null, visor: refs?.visor ?? null };
  });
}

export function confirmSubject(w: Writer, ctx: Ctx, id: string, subjectId: string, how: string): void {
  requireOpen(w, id);
  const live = w.get<{ x: number }>('SELECT 1 AS x FROM subjects WHERE id = ? AND deleted_at IS NULL', [subjectId]);
  if (!live) throw new MappaError('unknown_subject', 'That person is not in this register (they may have been deleted).', 'subjectId');
  if (w.get('SELECT 1 AS x FROM sar_subjects WHERE request_id = ? AND subject_id = ?', [id, subjectId])) throw new MappaError('already_confirmed', 'This person is already confirmed as the requester.');
  w.run('INSERT INTO sar_subjects (request_id, subject_id, how, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?)', [id, subjectId, how, iso(ctx.now), ctx.actor.userName]);
}

export function removeSubject(w: Writer, id: string, subjectId: string): void {
  requireOpen(w, id);
  if (w.get('SELECT 1 AS x FROM sar_decisions WHERE request_id = ? AND subject_id = ?', [id, subjectId])) {
    throw new MappaError('decided', 'Items of this person have been decided for this request: they stay confirmed. Change those decisions instead if they were about someone else.');
  }
  w.run('DELETE FROM sar_subjects WHERE request_id = ? AND subject_id = ?', [id, subjectId]);
}

type DecisionRow = { item_id: string; item_version: number; decision: 'release' | 'redact' | 'withhold'; code: string | null; reason: string | null; health_opinion: string | null; redactions: string; decided_at: string; decided_by: string };

function decisionOf(row: DecisionRow | undefined, version: number): DecisionView | null {
  if (!row) return null;
  return {
    decision: row.decision,
    code: row.code,
    reason: row.reason,
    healthOpinion: row.health_opinion,
    redactions: JSON.parse(row.redactions) as DecisionView['redactions'],
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    stale: row.item_version !== version,
  };
}

/** Labels for the other records that hold a person's data, by table. */
const RECORD_LABELS: Readonly<Record<string, string>> = {
  shares: 'Shares with partner agencies',
  owner_permissions: 'Owners’ permissions to share',
  minutes: 'Minutes of MAPPA meetings (released as extracts about the requester)',
  meeting_papers: 'Papers for MAPPA meetings',
  meeting_actions: 'Actions from MAPPA meetings',
  meeting_subjects: 'MAPPA meetings that discussed them',
  disclosures: 'Disclosures to third parties',
  retention_decisions: 'Retention decisions',
};
const NOT_LISTED = new Set(['items', 'item_versions', 'item_origins', 'subjects', 'subject_aliases', 'audit_log', 'sar_subjects', 'sar_decisions']);

export interface HoldingsOptions {
  /** Other people's names found in an item's text, proposed for redaction. */
  propose: (text: string, otherPeople: readonly string[]) => HoldingItem['proposedRedactions'];
  /** Names of people other than the requester that may appear in the text. */
  otherPeople: readonly string[];
}

/**
 * Everything the register holds about the confirmed subjects: items by owner, and counts of
 * the other records. With `proposals`, other people's names in this office's items are
 * proposed for redaction (the screens); without, none are looked for (the response's checks).
 */
export function holdingsOf(r: Reader, id: string, proposals: HoldingsOptions | null = null): HoldingsView {
  const propose = (text: string) => (proposals === null ? [] : proposals.propose(text, proposals.otherPeople));
  const row = requestRow(r, id);
  const subjects = confirmedSubjectIds(r, id);
  const decisions = new Map(r.all<DecisionRow>('SELECT * FROM sar_decisions WHERE request_id = ?', [id]).map((d) => [d.item_id, d]));
  const referred = new Map<string, string>();
  for (const f of r.all<{ id: string; item_ids: string }>('SELECT id, item_ids FROM sar_referrals WHERE request_id = ?', [id])) {
    for (const itemId of JSON.parse(f.item_ids) as string[]) referred.set(itemId, f.id);
  }
  const groups = new Map<string, HoldingsView['groups'][number]>();
  for (const subjectId of subjects) {
    const items = r.all<{ id: string }>('SELECT id FROM items WHERE subject_id = ? AND deleted_at IS NULL ORDER BY received_on, created_at', [subjectId]);
    for (const { id: itemId } of items) {
      const item = getItem(r, itemId);
      const ours = item.owner.id === row.office_id;
      const group = groups.get(item.owner.id) ?? { owner: item.owner, ours, items: [] };
      groups.set(item.owner.id, group);
      group.items.push({
        id: item.id,
        source: 'item',
        subjectId,
        fieldKind: item.fieldKind,
        fieldLabel: FIELD_KINDS[item.fieldKind].label,
        value: item.value,
        classification: item.classification,
        receivedOn: item.receivedOn,
        version: item.version,
        notToSubject: item.notToSubject,
        notToSubjectReason: item.notToSubjectReason,
        decision: decisionOf(decisions.get(item.id), item.version),
        proposal: item.notToSubject ? { decision: 'withhold', reason: item.notToSubjectReason } : { decision: 'release', reason: null },
        proposedRedactions: ours ? propose(item.value) : [],
        referralId: referred.get(item.id) ?? null,
      });
    }
  }
  // The minutes of the meetings that discussed them, as extracts this office decides on.
  const extracts = minutesExtracts(r, subjects);
  if (extracts.length > 0) {
    const home = requireOffice(r, row.office_id, 'officeId');
    const group = groups.get(home.id) ?? { owner: home, ours: true, items: [] };
    groups.set(home.id, group);
    for (const m of extracts) {
      group.items.push({
        id: m.id,
        source: 'minutes',
        subjectId: m.subjectId,
        fieldKind: 'other',
        fieldLabel: m.label,
        value: m.text,
        classification: 'OFFICIAL-SENSITIVE',
        receivedOn: m.day,
        version: m.version,
        notToSubject: false,
        notToSubjectReason: null,
        decision: decisionOf(decisions.get(m.id), m.version),
        proposal: { decision: 'release', reason: null },
        proposedRedactions: propose(m.text),
        referralId: null,
      });
    }
  }
  const otherRecords = PERSONAL_DATA.filter((t) => t.subjectColumn !== undefined && !NOT_LISTED.has(t.table) && !t.table.startsWith('sar_'))
    .map((t) => {
      const marks = subjects.map(() => '?').join(', ');
      const rows = subjects.length === 0 ? 0 : (r.get<{ n: number }>(`SELECT count(*) AS n FROM ${t.table} WHERE ${t.subjectColumn ?? 'subject_id'} IN (${marks})`, subjects)?.n ?? 0);
      return { table: t.table, label: RECORD_LABELS[t.table] ?? t.table.replace(/_/g, ' '), rows };
    })
    .filter((t) => t.rows > 0);
  // This office's own items first, then each other agency's.
  const ordered = [...groups.values()].sort((a, b) => Number(b.ours) - Number(a.ours) || a.owner.name.localeCompare(b.owner.name));
  return { requestId: id, regime: row.regime, groups: ordered, otherRecords };
}

/** What this request may decide on: an item of this office's, or the minutes about the person, of a confirmed subject. */
export interface Decidable {
  id: string;
  source: 'item' | 'minutes';
  subjectId: string;
  version: number;
  text: string;
}

/** The record, if this request may decide on it; otherwise the sentence saying why not. */
export function decidableRecord(r: Reader, id: string, recordId: string): { row: RequestRow; record: Decidable } {
  const row = requireOpen(r, id);
  const minutes = minutesExtract(r, recordId);
  const record: Decidable =
    minutes !== undefined
      ? { id: minutes.id, source: 'minutes', subjectId: minutes.subjectId, version: minutes.version, text: minutes.text }
      : (() => {
          const item = getItem(r, recordId);
          if (item.owner.id !== row.office_id && confirmedSubjectIds(r, id).includes(item.subjectId)) {
            throw new MappaError(
              'not_ours',
              `This item is owned by ${item.owner.name}: this office never releases another agency’s information. Refer it to them instead, and it is listed in the internal schedule only.`,
              'itemId',
            );
          }
          return { id: item.id, source: 'item' as const, subjectId: item.subjectId, version: item.version, text: item.value };
        })();
  if (!confirmedSubjectIds(r, id).includes(record.subjectId)) throw new MappaError('not_requester', 'That record is not about a person confirmed as the requester.', 'itemId');
  return { row, record };
}

/** The names of the register's other people (not those confirmed as the requester): proposed for redaction where they appear. */
export function otherPeople(r: Reader, id: string): string[] {
  const own = new Set(confirmedSubjectIds(r, id));
  const names = new Set<string>();
  for (const s of r.all<{ id: string; given_name: string; family_name: string }>('SELECT id, given_name, family_name FROM subjects WHERE deleted_at IS NULL')) {
    if (!own.has(s.id)) names.add(`${s.given_name} ${s.family_name}`);
  }
  for (const a of r.all<{ subject_id: string; alias: string }>('SELECT subject_id, alias FROM subject_aliases')) {
    if (!own.has(a.subject_id)) names.add(a.alias);
  }
  return [...names];
}

/**
 * A decision on one of this office's items, checked against the regime's statute table:
 * release as it is; release with redactions (each span with its code and reason); or
 * withhold (a code and a reason). A code that needs a health professional's opinion needs
 * it recorded. Returns the codes used.
 */
export function checkDecision(
  regime: RequestRow['regime'],
  text: string,
  d: { decision: 'release' | 'redact' | 'withhold'; code: string | null; reason: string | null; healthOpinion: string | null; redactions: readonly Redaction[] },
): string[] {
  if (d.decision === 'release') {
    if (d.code !== null || d.redactions.length > 0) throw new MappaError('not_release', 'An item released as it is has no exemption code or redactions: choose “release with redactions” or “withhold” instead.', 'decision');
    return [];
  }
  let codes: string[];
  if (d.decision === 'redact') {
    if (d.redactions.length === 0) throw new MappaError('no_redactions', 'Select the words to redact, each with its exemption code and reason, or release the item as it is.', 'redactions');
    if (d.code !== null) throw new MappaError('code_per_redaction', 'Each redaction has its own exemption code: give the codes with the redactions.', 'code');
    codes = checkRedactions(text, d.redactions, regime).map((x) => x.code);
  } else {
    if (d.redactions.length > 0) throw new MappaError('withheld_whole', 'A withheld item is withheld whole: remove the redactions, or release it with redactions.', 'redactions');
    if (d.code === null || !isExemptionCode(d.code)) throw new MappaError('no_code', 'Choose the exemption that allows the item to be withheld, from the statute table.', 'code');
    if (EXEMPTION_CODES[d.code].regime !== regime) throw new MappaError('wrong_regime', `${EXEMPTION_CODES[d.code].short} does not apply to this office’s agency: choose one of its own regime’s exemptions.`, 'code');
    if (d.reason === null) throw new MappaError('no_reason', 'Say why the exemption applies to this item.', 'reason');
    codes = [d.code];
  }
  const needsOpinion = codes.find((c) => isExemptionCode(c) && EXEMPTION_CODES[c].needsHealthOpinion);
  if (needsOpinion !== undefined && d.healthOpinion === null) {
    throw new MappaError('health_opinion', `${isExemptionCode(needsOpinion) ? EXEMPTION_CODES[needsOpinion].short : needsOpinion} needs the opinion of the appropriate health professional: record who gave it and what it was.`, 'healthOpinion');
  }
  return [...new Set(codes)];
}

export function recordDecision(
  w: Writer,
  ctx: Ctx,
  d: { id: string; itemId: string; subjectId: string; itemVersion: number; decision: 'release' | 'redact' | 'withhold'; code: string | null; reason: string | null; healthOpinion: string | null; redactions: readonly { start: number; end: number; code: string; reason: string }[] },
): void {
  w.run('DELETE FROM sar_decisions WHERE request_id = ? AND item_id = ?', [d.id, d.itemId]);
  w.run(
    `INSERT INTO sar_decisions (request_id, item_id, subject_id, item_version, decision, code, reason, health_opinion, redactions, decided_at, decided_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [d.id, d.itemId, d.subjectId, d.itemVersion, d.decision, d.code, d.reason, d.healthOpinion, JSON.stringify(d.redactions), iso(ctx.now), ctx.actor.userName],
  );
}

export function refer(w: Writer, ctx: Ctx, input: { id: string; ownerOfficeId: string; itemIds: readonly string[]; referredOn: string; toWhom: string; how: string }): string {
  const row = requireOpen(w, input.id);
  const owner = requireOffice(w, input.ownerOfficeId, 'ownerOfficeId');
  if (owner.id === row.office_id) throw new MappaError('ours', 'These items are this office’s own: decide on them here instead of referring them.', 'ownerOfficeId');
  const subjects = confirmedSubjectIds(w, input.id);
  for (const itemId of input.itemIds) {
    const item = getItem(w, itemId);
    if (!subjects.includes(item.subjectId)) throw new MappaError('not_requester', 'An item to refer is not about a person confirmed as the requester.', 'itemIds');
    if (item.owner.id !== owner.id) throw new MappaError('wrong_owner', `An item to refer is owned by ${item.owner.name}, not ${owner.name}: refer each agency’s items to that agency.`, 'itemIds');
  }
  const referralId = newId();
  w.run('INSERT INTO sar_referrals (id, request_id, owner_office_id, item_ids, referred_on, to_whom, how, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    referralId,
    input.id,
    owner.id,
    JSON.stringify([...new Set(input.itemIds)]),
    input.referredOn,
    input.toWhom,
    input.how,
    iso(ctx.now),
    ctx.actor.userName,
  ]);
  return referralId;
}

export function answerReferral(w: Writer, id: string, referralId: string, answer: string, answeredOn: string): string {
  requireOpen(w, id);
  const f = w.get<{ owner_office_id: string; referred_on: string }>('SELECT owner_office_id, referred_on FROM sar_referrals WHERE id = ? AND request_id = ?', [referralId, id]);
  if (!f) throw new MappaError('unknown_referral', 'That referral is not part of this request.');
  if (answeredOn < f.referred_on) throw new MappaError('invalid_date', 'The owner cannot have answered before the referral was made.', 'answeredOn');
  w.run('UPDATE sar_referrals SET answer = ?, answered_on = ? WHERE id = ?', [answer, answeredOn, referralId]);
  return findOffice(w, f.owner_office_id)?.name ?? '';
}
