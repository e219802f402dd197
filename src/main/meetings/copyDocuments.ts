import type { MeetingView, MinutesView, PaperView, UndertakingView } from '../../shared/channels/meetings';
import { formatLondonDate, formatLondonDateTime } from '../../shared/calendar';
import { ACTION_STATUSES, ATTENDEE_PARTS, LEVEL_DECISIONS, MINUTES_STATUSES, REPORT_HEADINGS, SIGNED_HOW, SUBJECT_ATTENDANCE, ATTENDANCE } from '../../shared/meetingsVocabulary';
import { AGENCY_KINDS, RMP_HEADINGS } from '../../shared/vocabulary';
import { makeDocument, pageCount, type Block } from '../documents';
import type { CopyPermission } from './copies';

// The documents a coordinator files: a numbered copy of one subject's minutes, made for its
// recipient (the one document maker watermarks every page with their name and the date and
// marks it OFFICIAL-SENSITIVE), and the attendance sheet: who signed which version of the
// undertaking, when and how.

const or = (text: string | null, none = 'Not recorded.') => (text === null || text.trim() === '' ? none : text);
const agencyOf = (office: { name: string; agency: keyof typeof AGENCY_KINDS }) => `${office.name} (${AGENCY_KINDS[office.agency].label})`;

function meetingRows(meeting: MeetingView): { key: string; value: string }[] {
  const chair = meeting.attendees.find((a) => a.part === 'chair');
  return [
    { key: 'Meeting', value: meeting.title },
    { key: 'Date and time', value: formatLondonDateTime(meeting.startsAt) },
    { key: 'Place', value: [meeting.place, meeting.remote ? `Remote${meeting.remoteDetails ? `: ${meeting.remoteDetails}` : ''}` : null].filter((x) => x !== null).join('; ') },
    { key: 'Chair', value: chair ? `${chair.fullName}, ${meeting.chairRoleLabel}, ${agencyOf(chair.office)}` : 'Not recorded.' },
    ...(meeting.requestingOffice ? [{ key: 'Requested by', value: agencyOf(meeting.requestingOffice) }] : []),
  ];
}


export interface CopyInput {
  meeting: MeetingView;
  minutes: MinutesView;
  permission: CopyPermission;
  copyNumber: number;
  madeBy: string;
  madeAt: Date;
}

/** A numbered copy of the minutes as a PDF for its recipient. */
export async function minutesCopyPdf(input: CopyInput): Promise<{ bytes: Uint8Array; pages: number }> {
  const bytes = await makeDocument({ title: `MAPPA minutes, copy ${input.copyNumber}`, madeFor: input.permission.recipientName, madeAt: input.madeAt, content: minutesCopyBlocks(input) });
  return { bytes, pages: pageCount(bytes) };
}

/** The copy's content: what its PDF prints, and what a meeting pack carries to the recipient's own register. */
export function minutesCopyBlocks(input: CopyInput): Block[] {
  const { meeting, minutes: m, permission: p, copyNumber } = input;
  const parts = m.parts;
  const subject = meeting.subjectList.find((s) => s.subjectId === m.subjectId);
  const recipient = [p.recipientName, p.recipientRole, p.recipientOffice ? agencyOf(p.recipientOffice) : null].filter((x) => x !== null).join(', ');
  const text = (heading: string, value: string | null, none?: string): Block[] => [
    { kind: 'heading', text: heading, level: 2 },
    { kind: 'paragraph', text: or(value, none) },
  ];
  const content: Block[] = [
    {
      kind: 'summary',
      rows: [
        { key: 'Copy', value: `Copy ${copyNumber} of these minutes, for ${recipient}` },
        { key: 'Chair’s permission', value: `Given by ${p.chairName} on ${formatLondonDate(p.grantedOn)} (${p.grantedHow}). Reason: ${p.reason}` },
        { key: 'Made by', value: `${input.madeBy}, ${formatLondonDateTime(input.madeAt.toISOString())}` },
      ],
    },
    {
      kind: 'paragraph',
      text:
        'This copy is for the named recipient only. Do not photocopy it or share its contents without the Chair’s permission. Keep it in a restricted part of your agency’s files and do not take it outside a secure location (MAPPA D). Exempt from disclosure under the Freedom of Information Act 2000, sections 30(1)(b), 38, 40 and 41.',
    },
    { kind: 'heading', text: 'The meeting' },
    {
      kind: 'summary',
      rows: [
        ...meetingRows(meeting),
        {
          key: 'Person discussed',
          value: `${m.subjectName}${m.subjectDateOfBirth ? `, born ${formatLondonDate(m.subjectDateOfBirth)}` : ''}${subject?.category ? `, Category ${subject.category}` : ''}${subject?.level ? `, Level ${subject.level}` : ''}`,
        },
        { key: 'Minutes', value: `${MINUTES_STATUSES[m.status]}, version ${m.version}${m.approvedAt ? `; confirmed by ${m.approvedBy ?? 'the chair'} on ${formatLondonDateTime(m.approvedAt)}` : ''}` },
      ],
    },
    { kind: 'heading', text: 'Attendees and apologies' },
    {
      kind: 'table',
      columns: [{ title: 'Name', width: 3 }, { title: 'Agency', width: 4 }, { title: 'Role', width: 3 }, { title: 'Attendance', width: 2 }],
      rows: m.attendees.map((a) => [a.fullName, a.agency, a.jobTitle, SUBJECT_ATTENDANCE[a.status]]),
    },
    {
      kind: 'paragraph',
      text: parts.statementRead === true ? 'The confidentiality statement (MAPPA D) was read to the meeting or drawn to its attention.' : 'The minutes do not record that the confidentiality statement was read.',
    },
    { kind: 'heading', text: 'Information shared' },
    { kind: 'paragraph', text: or(parts.informationShared) },
    // Promise 4: information keeps its owning agency wherever it goes.
    ...(m.linkedItems.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            columns: [{ title: 'Register information referred to', width: 3 }, { title: 'Owned by', width: 3 }, { title: 'Handling', width: 3 }],
            rows: m.linkedItems.map((i) => [i.fieldLabel, agencyOf(i.owner), i.noOnwardDisclosure ? 'Not to be shared on without the owner’s permission' : '']),
          },
        ]),
    { kind: 'heading', text: 'Risk assessment' },
    { kind: 'paragraph', text: or(parts.riskAssessment) },
    { kind: 'heading', text: 'Decisions and actions' },
    {
      kind: 'table',
      columns: [{ title: 'Decision', width: 1 }, { title: 'Reasons', width: 1 }],
      rows: parts.decisions.map((d) => [d.decision, d.rationale]),
      whenEmpty: 'No decisions recorded.',
    },
    {
      kind: 'table',
      columns: [{ title: 'Action', width: 4 }, { title: 'Owner', width: 3 }, { title: 'Due', width: 2 }, { title: 'Status', width: 1.5 }],
      rows: m.actions.map((a) => [`${a.description}\nWhy: ${a.rationale}`, `${a.ownerPerson}, ${agencyOf(a.owner)}`, formatLondonDate(a.dueOn), ACTION_STATUSES[a.status]]),
      whenEmpty: 'No actions recorded.',
    },
    ...text('Dissenting views', parts.dissentingViews, 'None recorded.'),
    { kind: 'heading', text: 'Disclosure' },
    {
      kind: 'paragraph',
      text:
        parts.disclosureKind === 'none_needed'
          ? `Disclosure was considered. No disclosure is needed, because ${or(parts.disclosureReason)}`
          : m.linkedDisclosure !== null
            ? `Disclosure was considered: see the disclosure record started on ${formatLondonDate(m.linkedDisclosure.createdOn)}, to ${m.linkedDisclosure.recipients} (${m.linkedDisclosure.statusLabel.toLowerCase()}). What it discloses is in that record, not in these minutes.`
            : 'Not recorded.',
    },
    { kind: 'heading', text: 'Risk management plan' },
    ...text(RMP_HEADINGS.supervision, parts.rmpSupervision),
    ...text(RMP_HEADINGS.monitoring_control, parts.rmpMonitoringControl),
    ...text(RMP_HEADINGS.interventions_treatment, parts.rmpInterventionsTreatment),
    ...text(RMP_HEADINGS.victim_safety, parts.rmpVictimSafety),
    ...text('Contingencies', parts.contingencies),
    ...text('Licence conditions', parts.licenceConditions, 'None recorded.'),
    { kind: 'heading', text: 'Level and review' },
    {
      kind: 'summary',
      rows: [
        { key: 'Level decision', value: parts.levelDecision ? LEVEL_DECISIONS[parts.levelDecision] : 'Not recorded.' },
        { key: 'Reasons', value: or(parts.levelDecisionReason) },
        { key: 'Next review', value: parts.nextReview ? formatLondonDate(parts.nextReview) : 'None set.' },
      ],
    },
  ];
  return content;
}

/** A paper's report to the panel, under its headings, as blocks (the pack carries these). */
export function paperBlocks(paper: PaperView): Block[] {
  return [
    { kind: 'summary', rows: [{ key: 'Written by', value: `${paper.author}, ${agencyOf(paper.owner)}` }, { key: 'Version', value: String(paper.version) }] },
    ...(Object.entries(REPORT_HEADINGS) as [keyof typeof REPORT_HEADINGS, string][]).flatMap(([key, heading]): Block[] => {
      const value = paper.report[key] ?? null;
      return value === null || value.trim() === '' ? [] : [{ kind: 'heading', text: heading, level: 2 }, { kind: 'paragraph', text: value }];
    }),
  ];
}

export async function attendanceSheetPdf(meeting: MeetingView, versions: readonly UndertakingView[], madeBy: string, madeAt: Date): Promise<Uint8Array> {
  const subjectName = (id: string | null) => (id === null ? 'Whole meeting' : (meeting.subjectList.find((s) => s.subjectId === id)?.name ?? 'A person on the agenda'));
  const signed = new Set<number>();
  const rows = meeting.attendees.flatMap((a) => {
    const base = [a.fullName, agencyOf(a.office), `${a.jobTitle}${a.part === 'member' ? '' : ` (${ATTENDEE_PARTS[a.part]})`}`, ATTENDANCE[a.status]];
    if (a.signatures.length === 0) return [[...base, 'Not signed', '', '']];
    return a.signatures.map((s) => {
      signed.add(s.version);
      return [...base, `Version ${s.version} (${s.versionSha256.slice(0, 12)}), ${subjectName(s.subjectId)}; signed “${s.typedName}”`, formatLondonDateTime(s.signedAt), SIGNED_HOW[s.how]];
    });
  });
  const statements = versions.filter((v) => signed.has(v.version)).sort((a, b) => a.version - b.version);
  const content: Block[] = [
    { kind: 'summary', rows: [...meetingRows(meeting), { key: 'People discussed', value: meeting.subjectList.map((s) => s.name ?? 'Withheld').join('; ') }] },
    {
      kind: 'paragraph',
      text: 'Signing the attendance record is signing the confidentiality undertaking (MAPPA D). Each signature records the full name the attendee typed, their explicit agreement, the time, and the version of the statement they were shown with the start of its SHA-256 hash.',
    },
    { kind: 'heading', text: 'Attendance and signatures' },
    {
      kind: 'table',
      size: 'small',
      columns: [
        { title: 'Name', width: 3 },
        { title: 'Agency', width: 4 },
        { title: 'Role', width: 3 },
        { title: 'Attendance', width: 2 },
        { title: 'Undertaking signed', width: 5 },
        { title: 'When', width: 3 },
        { title: 'How', width: 2.5 },
      ],
      rows,
    },
    ...statements.flatMap((v): Block[] => [
      { kind: 'heading', text: `${v.title}, version ${v.version}` },
      { kind: 'paragraph', text: `SHA-256 ${v.sha256}` },
      { kind: 'paragraph', text: v.body },
    ]),
  ];
  return makeDocument({ title: 'MAPPA attendance and confidentiality undertaking', madeFor: madeBy, madeAt, orientation: 'landscape', content });
}
