import { ageOn, today } from '../../shared/calendar';
import { criteriaOf } from '../../shared/disclosureCriteria';
import type { DisclosureSummary, DisclosureView } from '../../shared/disclosureSchemas';
import { ALTERNATIVES, authorityLabel, RECIPIENT_KINDS, type Alternative, type DisclosureStatus, type RecipientKind, type UndertakingAnswer } from '../../shared/disclosureVocabulary';
import type { LawfulGateway } from '../../shared/sharingVocabulary';
import { findOffice } from '../access/offices';
import type { Reader, SqlValue } from '../db/types';
import { decisionOf, minutesChoices } from './decisionBasis';
import { candidatesOf, lineViews } from './fields';
import { getDisclosureRow, lineRows, parseIds, recipientRows, type DisclosureRow } from './rows';

// A disclosure as the screens read it: the record, the nine criteria as a task list with
// their sentences (src/shared/disclosureCriteria.ts), and what else stops approval.

const officesOf = (r: Reader, ids: readonly string[]) => ids.flatMap((id) => findOffice(r, id) ?? []);

const undertakingOf = (u: string | null): UndertakingAnswer | null => (u === 'signed' || u === 'declined' ? u : null);

/** The day the decision is taken for: the day of approval once approved, else today (London). */
export const decisionDayOf = (row: DisclosureRow, now: Date): string => row.decision_day ?? today(now);

/** What stops approval besides the criteria (which say when there is no recipient). */
function arrangementProblems(v: Pick<DisclosureView, 'arrangements' | 'lines'>): string[] {
  const a = v.arrangements;
  const out: string[] = [];
  if (v.lines.length === 0) out.push('Choose exactly what is disclosed: at least one field.');
  if (a.disclosingOffices.length === 0 || a.disclosers === null) out.push('Say who makes the disclosure: the agency, or the agencies jointly, and the people.');
  if (a.place === null || a.plannedOn === null || a.method === null) out.push('Say where, when and how the disclosure is made.');
  return out;
}

type SummaryRow = Pick<DisclosureRow, 'id' | 'subject_id' | 'status' | 'decision_basis' | 'planned_on' | 'created_at' | 'created_by' | 'approved_at' | 'approved_by' | 'made_on' | 'withdrawn_at'> & {
  given_name: string;
  family_name: string;
};

function summaryOf(r: Reader, row: SummaryRow): DisclosureSummary {
  return {
    id: row.id,
    subjectId: row.subject_id,
    subjectName: `${row.given_name} ${row.family_name}`,
    status: row.status,
    recipients: r.all<{ kind: RecipientKind; full_name: string }>('SELECT kind, full_name FROM disclosure_recipients WHERE disclosure_id = ? ORDER BY position', [row.id]).map((x) => ({ kind: x.kind, fullName: x.full_name })),
    singleAgency: row.decision_basis === 'single_agency',
    plannedOn: row.planned_on,
    createdAt: row.created_at,
    createdBy: row.created_by,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    madeOn: row.made_on,
    withdrawnAt: row.withdrawn_at,
    addenda: r.get<{ n: number }>('SELECT count(*) AS n FROM disclosure_addenda WHERE disclosure_id = ?', [row.id])?.n ?? 0,
  };
}

const SUMMARY_SQL = `SELECT d.id, d.subject_id, d.status, d.decision_basis, d.planned_on, d.created_at, d.created_by, d.approved_at, d.approved_by, d.made_on, d.withdrawn_at,
  s.given_name, s.family_name FROM disclosures d JOIN subjects s ON s.id = d.subject_id`;

/** Disclosures about one subject, or across the register (live subjects only), newest first, less the subjects `hidden` from this user. */
export function listDisclosures(r: Reader, filter: { subjectId: string | null; status: DisclosureStatus | null }, hidden: ReadonlySet<string>): DisclosureSummary[] {
  const where = ['s.deleted_at IS NULL'];
  const params: SqlValue[] = [];
  if (filter.subjectId !== null) {
    where.push('d.subject_id = ?');
    params.push(filter.subjectId);
  }
  if (filter.status !== null) {
    where.push('d.status = ?');
    params.push(filter.status);
  }
  return r
    .all<SummaryRow & Record<string, SqlValue>>(`${SUMMARY_SQL} WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC`, params)
    .filter((row) => !hidden.has(row.subject_id))
    .map((row) => summaryOf(r, row));
}

export function disclosureView(r: Reader, id: string, now: Date): DisclosureView {
  const row = getDisclosureRow(r, id);
  const subject = r.get<SummaryRow & Record<string, SqlValue>>(`${SUMMARY_SQL} WHERE d.id = ?`, [id]);
  const dob = r.get<{ date_of_birth: string | null }>('SELECT date_of_birth FROM subjects WHERE id = ?', [row.subject_id])?.date_of_birth ?? null;
  const decisionDay = decisionDayOf(row, now);
  const draft = row.status === 'draft';
  const candidates = candidatesOf(r, row.subject_id);
  const lines = lineViews(r, lineRows(r, id), candidates).map((l) => (draft ? l : { ...l, problems: [] }));
  const recipientList = recipientRows(r, id).map((x) => ({
    id: x.id,
    kind: x.kind as RecipientKind,
    kindLabel: RECIPIENT_KINDS[x.kind as RecipientKind],
    kindOther: x.kind_other,
    fullName: x.full_name,
    organisation: x.organisation,
    identifiedHow: x.identified_how,
    alreadyKnows: x.already_knows,
    understandsConfidential: x.understands_confidential === 1,
    howToUse: x.how_to_use,
    ifSomethingHappens: x.if_something_happens,
    contactAndSupport: x.contact_and_support,
    undertaking: undertakingOf(x.undertaking),
    undertakingNote: x.undertaking_note,
  }));
  const disclosingOffices = officesOf(r, parseIds(row.discloser_office_ids));
  const arrangements = {
    disclosingOffices,
    joint: disclosingOffices.length > 1,
    disclosers: row.disclosers,
    place: row.place,
    plannedOn: row.planned_on,
    method: row.method as DisclosureView['arrangements']['method'],
    methodDetails: row.method_details,
  };
  const facts = {
    recipientList,
    riskToOffender: { text: row.risk_to_offender, weighed: row.risk_weighed === 1 },
    alternatives: r
      .all<{ kind: Alternative; other: string | null; why_rejected: string }>('SELECT kind, other, why_rejected FROM disclosure_alternatives WHERE disclosure_id = ? ORDER BY position', [id])
      .map((a) => ({ kind: a.kind, label: a.kind === 'other' ? (a.other ?? ALTERNATIVES.other) : ALTERNATIVES[a.kind], other: a.other, whyRejected: a.why_rejected })),
    decision: decisionOf(r, row),
    triggers: r.all<{ if_you_see: string; you_need_to: string }>('SELECT if_you_see, you_need_to FROM disclosure_triggers WHERE disclosure_id = ? ORDER BY position', [id]).map((t) => ({ ifYouSee: t.if_you_see, youNeedTo: t.you_need_to })),
    breakdown: { victimSupport: row.breakdown_victim_support, offenderSupport: row.breakdown_offender_support },
    youth: {
      consultedName: row.youth_consulted_name,
      consultedRole: row.youth_consulted_role,
      consultedOffice: row.youth_consulted_office_id === null ? null : (findOffice(r, row.youth_consulted_office_id) ?? null),
      consultedOn: row.youth_consulted_on,
      advice: row.youth_advice,
    },
    offenderKnows: { answer: row.offender_knows as DisclosureView['offenderKnows']['answer'], notToldReason: row.not_told_reason },
    under18: dob === null ? null : ageOn(dob, decisionDay) < 18,
    arrangements,
  };
  const criteria = criteriaOf(facts);
  const problems = [...arrangementProblems({ arrangements, lines }), ...lines.flatMap((l) => l.problems)];
  return {
    ...summaryOf(r, subject ?? { ...row, given_name: '', family_name: '' }),
    ...facts,
    subjectDateOfBirth: dob,
    decisionDay,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    authority: row.authority as LawfulGateway,
    authorityOther: row.authority_other,
    authorityLabel: authorityLabel(row.authority as LawfulGateway, row.authority_other),
    lines,
    minutesChoices: draft ? minutesChoices(r, row.subject_id) : [],
    available: [...candidates.values()].map((c) => c.field),
    criteria,
    problems,
    ready: draft && problems.length === 0 && criteria.every((c) => c.answered),
    made: { madeOn: row.made_on, madeBy: row.made_by, outcome: row.outcome, recordedAt: row.made_recorded_at, recordedBy: row.made_recorded_by },
    withdrawnBy: row.withdrawn_by,
    withdrawnReason: row.withdrawn_reason,
    addendumList: r
      .all<{ seq: number; text: string; reason: string; added_at: string; added_by: string }>('SELECT seq, text, reason, added_at, added_by FROM disclosure_addenda WHERE disclosure_id = ? ORDER BY seq', [id])
      .map((a) => ({ seq: a.seq, text: a.text, reason: a.reason, addedAt: a.added_at, addedBy: a.added_by })),
    briefings: r
      .all<{ recipient_id: string; recipient_name: string; pages: number; file_sha256: string; made_at: string; made_by: string }>(
        'SELECT recipient_id, recipient_name, pages, file_sha256, made_at, made_by FROM disclosure_briefings WHERE disclosure_id = ? ORDER BY made_at',
        [id],
      )
      .map((b) => ({ recipientId: b.recipient_id, recipientName: b.recipient_name, pages: b.pages, fileSha256: b.file_sha256, madeAt: b.made_at, madeBy: b.made_by })),
  };
}
