import { useState, type FormEvent } from 'react';
import type { AttendeeView, MeetingView, PaperView } from '../../../../shared/channels/meetings';
import { REPORT_HEADINGS, type ReportHeading } from '../../../../shared/meetingsVocabulary';
import { api, toFieldErrors, type FieldError } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, Select, Textarea, TextInput } from '../../components/forms';
import { AgencyTag, formatDate, Tag } from '../../components/tags';
import { useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { ActionLink } from './parts';
import { prefixErrors } from '../sharing/parts';
import { needsReason, ReasonForRead } from './ReasonForRead';

// The papers: each attendee's report to the panel, per person discussed, owned by the
// attendee's agency. The service opens them only to an attendee who has signed the
// undertaking for the meeting (or before that person); when it refuses, the screen shows
// its sentence, so the person knows why the papers are locked and what to do.

type PaperList = Awaited<ReturnType<ReturnType<typeof api>['papers']['list']>>;
type SubjectPapers = { subjectId: string; papers: PaperList } | { subjectId: string; locked: string } | { subjectId: string; reason: FieldError[] };

const HEADINGS = Object.keys(REPORT_HEADINGS) as ReportHeading[];

export function PapersSection({ meeting, me, subjectName }: { meeting: MeetingView; me: AttendeeView | undefined; subjectName: (id: string) => string }) {
  const { reasonFor, rememberReason } = useSession();
  const named = meeting.subjectList
    .filter((s) => s.name !== null)
    .map((s) => s.subjectId)
    .join(' ');
  // Signing or adding a paper changes what is open: load again.
  const signatures = meeting.attendees.map((a) => a.signatures.length).join(',');
  const meetingId = meeting.id;
  const loaded = useLoad(
    () =>
      Promise.all(
        named
          .split(' ')
          .filter(Boolean)
          .map((subjectId): Promise<SubjectPapers> => {
            const reason = reasonFor(subjectId);
            return api()
              .papers.list({ meetingId, subjectId, reason })
              .then(
                (papers) => ({ subjectId, papers }),
                (error: unknown) => (needsReason(error) ? { subjectId, reason: reason === null ? [] : toFieldErrors(error) } : { subjectId, locked: toFieldErrors(error)[0]?.message ?? '' }),
              );
          }),
      ),
    // The service opens more once someone signs: `signatures` is in the deps for that alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [meetingId, named, signatures, reasonFor],
  );
  const [opened, setOpened] = useState<Record<string, PaperView>>({});
  const [changing, setChanging] = useState<string | null>(null);
  const { errors, submit } = useSubmit();
  const open = (paper: PaperList[number]) =>
    submit(async () => {
      const view = await api().papers.open({ meetingId: meeting.id, paperId: paper.id, reason: reasonFor(paper.subjectId) });
      setOpened((before) => ({ ...before, [paper.id]: view }));
    });
  const readable = (loaded.data ?? []).filter((s): s is Extract<SubjectPapers, { papers: unknown }> => 'papers' in s);
  const final = (subjectId: string) => meeting.subjectList.find((s) => s.subjectId === subjectId)?.minutesStatus === 'final';
  // The writer changes or withdraws their paper; the coordinator or minute-taker any paper.
  const mayChange = (p: PaperList[number]) => me !== undefined && (me.id === p.attendeeId || me.part === 'coordinator' || me.part === 'minute_taker') && p.withdrawn === null && !final(p.subjectId) && meeting.status !== 'cancelled';
  const changed = (paper: PaperView | null) => {
    setChanging(null);
    if (paper) setOpened((before) => ({ ...before, [paper.id]: paper }));
    void loaded.reload();
  };

  return (
    <section aria-labelledby="papers-heading">
      <h2 className="govuk-heading-l" id="papers-heading">
        Papers
      </h2>
      <ErrorSummary errors={errors} />
      {(loaded.data ?? []).map((entry) => (
        <section className="app-papers" key={entry.subjectId} aria-label={`Papers about ${subjectName(entry.subjectId)}`}>
          <h3 className="govuk-heading-m">{subjectName(entry.subjectId)}</h3>
          {'locked' in entry ? (
            <div className="app-locked">
              <p className="govuk-body">
                <Tag colour="red">Locked</Tag>
              </p>
              <p className="govuk-body">{entry.locked}</p>
            </div>
          ) : 'reason' in entry ? (
            <ReasonForRead
              id={`papers-${entry.subjectId}`}
              what={`the papers about ${subjectName(entry.subjectId)}`}
              errors={entry.reason}
              onGive={(reason) => {
                rememberReason(entry.subjectId, reason);
                void loaded.reload();
              }}
            />
          ) : entry.papers.length === 0 ? (
            <p className="govuk-body">No papers yet.</p>
          ) : (
            <ul className="govuk-list">
              {entry.papers.map((p) => (
                <li key={p.id} className="app-paper">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <span className="govuk-!-font-weight-bold">{p.title}</span>, by {p.author}, {formatDate(p.createdAt)}
                    {p.version > 1 ? `, version ${p.version} (changed ${formatDate(p.updatedAt)} by ${p.updatedBy})` : ''}. Owned by {p.owner.name} <AgencyTag agency={p.owner.agency} name={p.owner.name} />
                  </p>
                  {p.withdrawn ? (
                    <p className="govuk-body">
                      <Tag colour="grey">Withdrawn</Tag> {`Withdrawn ${formatDate(p.withdrawn.at)} by ${p.withdrawn.by}: ${p.withdrawn.reason}`}
                    </p>
                  ) : changing === p.id && opened[p.id] ? (
                    <ChangePaper meeting={meeting} paper={opened[p.id]!} onDone={changed} />
                  ) : opened[p.id] ? (
                    <>
                      <PaperReport paper={opened[p.id]!} />
                      {mayChange(p) ? (
                        <ActionLink onClick={() => setChanging(p.id)}>
                          Change or withdraw<span className="govuk-visually-hidden"> {p.title}</span>
                        </ActionLink>
                      ) : null}
                    </>
                  ) : (
                    <ActionLink onClick={() => void open(p)}>
                      Open<span className="govuk-visually-hidden"> {p.title}</span>
                    </ActionLink>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {me && readable.length > 0 && meeting.status !== 'cancelled' ? <AddPaper meeting={meeting} me={me} subjects={readable.map((s) => s.subjectId)} subjectName={subjectName} onAdded={() => void loaded.reload()} /> : null}
    </section>
  );
}

type ReportDraft = Record<ReportHeading, string>;
const reportDraftOf = (report: Record<string, string | null>): ReportDraft => Object.fromEntries(HEADINGS.map((h) => [h, report[h] ?? ''])) as ReportDraft;
const reportOf = (draft: ReportDraft) => Object.fromEntries(HEADINGS.map((h) => [h, draft[h].trim() === '' ? null : draft[h]])) as Record<ReportHeading, string | null>;

/** The report's title and its parts under the report-to-panel headings. */
function ReportFields({ prefix, title, onTitle, report, onReport, errors }: { prefix: string; title: string; onTitle: (v: string) => void; report: ReportDraft; onReport: (next: ReportDraft) => void; errors: FieldError[] }) {
  return (
    <>
      <TextInput id={`${prefix}-title`} label="Title" value={title} onChange={onTitle} error={errorFor(errors, `${prefix}-title`)} width="govuk-!-width-two-thirds" />
      <div id={`${prefix}-report`} tabIndex={-1}>
        {errorFor(errors, `${prefix}-report`) ? (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {errorFor(errors, `${prefix}-report`)}
          </p>
        ) : null}
        {HEADINGS.map((h) => (
          <Textarea key={h} id={`${prefix}-report.${h}`} label={REPORT_HEADINGS[h]} value={report[h]} onChange={(v) => onReport({ ...report, [h]: v })} error={errorFor(errors, `${prefix}-report.${h}`)} rows={3} />
        ))}
      </div>
    </>
  );
}

/** A new version of the paper, or its withdrawal with the reason: the service says who may. */
function ChangePaper({ meeting, paper, onDone }: { meeting: MeetingView; paper: PaperView; onDone: (paper: PaperView | null) => void }) {
  const { reasonFor } = useSession();
  const [title, setTitle] = useState(paper.title);
  const [report, setReport] = useState<ReportDraft>(() => reportDraftOf(paper.report));
  const [why, setWhy] = useState('');
  const edit = useSubmit();
  const withdraw = useSubmit();
  const errors = prefixErrors([...edit.errors, ...withdraw.errors], 'change');
  const save = (event: FormEvent) => {
    event.preventDefault();
    void edit.submit(async () => {
      await api().papers.edit({ meetingId: meeting.id, paperId: paper.id, title, report: reportOf(report), itemIds: paper.itemIds, classification: paper.classification });
      onDone(await api().papers.open({ meetingId: meeting.id, paperId: paper.id, reason: reasonFor(paper.subjectId) }));
    });
  };
  const doWithdraw = () =>
    void withdraw.submit(async () => {
      await api().papers.withdraw({ meetingId: meeting.id, paperId: paper.id, reason: why });
      onDone(null);
    });
  return (
    <div className="app-item">
      <ErrorSummary errors={errors} />
      <form onSubmit={save} noValidate aria-label={`Change ${paper.title}`}>
        <ReportFields prefix="change" title={title} onTitle={setTitle} report={report} onReport={setReport} errors={errors} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={edit.busy} aria-disabled={edit.busy}>
            Save as version {paper.version + 1}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onDone(paper)}>
            Keep it as it is
          </button>
        </div>
      </form>
      <Textarea id="change-reason" label="Why is the paper withdrawn?" hint="A withdrawn paper stays listed, with this reason; its text no longer opens." value={why} onChange={setWhy} error={errorFor(errors, 'change-reason')} rows={2} />
      <button type="button" className="govuk-button govuk-button--warning" disabled={withdraw.busy} aria-disabled={withdraw.busy} onClick={doWithdraw}>
        Withdraw the paper
      </button>
    </div>
  );
}

function ReportText({ report }: { report: PaperView['report'] }) {
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border">
      {HEADINGS.filter((h) => report[h]).map((h) => (
        <div className="govuk-summary-list__row" key={h}>
          <dt className="govuk-summary-list__key">{REPORT_HEADINGS[h]}</dt>
          <dd className="govuk-summary-list__value app-item__value">{report[h]}</dd>
        </div>
      ))}
    </dl>
  );
}

function PaperReport({ paper }: { paper: PaperView }) {
  return (
    <div className="app-item">
      <p className="govuk-body-s">
        <Tag colour="grey">{paper.classification}</Tag> Version {paper.version}
      </p>
      <ReportText report={paper.report} />
      {paper.earlier.length > 0 ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Earlier versions ({paper.earlier.length})</span>
          </summary>
          <div className="govuk-details__text">
            {paper.earlier.map((v) => (
              <section key={v.version} aria-label={`Version ${v.version}`}>
                <h4 className="govuk-heading-s">{`Version ${v.version}: ${v.title}`}</h4>
                <p className="govuk-body-s">{`Written by ${v.writtenBy}, ${formatDate(v.writtenAt)}; replaced by ${v.replacedBy}, ${formatDate(v.replacedAt)}.`}</p>
                <ReportText report={v.report} />
              </section>
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}

function AddPaper({ meeting, me, subjects, subjectName, onAdded }: { meeting: MeetingView; me: AttendeeView; subjects: string[]; subjectName: (id: string) => string; onAdded: () => void }) {
  // The coordinator or minute-taker records the reports handed in on the day; others add their own.
  const forOthers = me.part === 'coordinator' || me.part === 'minute_taker';
  const [subjectId, setSubjectId] = useState(subjects[0] ?? '');
  const [attendeeId, setAttendeeId] = useState(me.id);
  const [title, setTitle] = useState('');
  const [report, setReport] = useState<ReportDraft>(() => reportDraftOf({}));
  const { errors: raw, busy, submit } = useSubmit();
  const errors = prefixErrors(raw, 'paper');
  const [added, setAdded] = useState<string | null>(null);
  const add = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const paper = await api().papers.add({ meetingId: meeting.id, subjectId, attendeeId, title, report: reportOf(report), itemIds: [], classification: 'OFFICIAL-SENSITIVE' });
      setAdded(`${paper.title} was added to the papers about ${subjectName(paper.subjectId)}.`);
      setTitle('');
      setReport(reportDraftOf({}));
      onAdded();
    });
  };
  return (
    <details className="govuk-details" open={errors.length > 0 || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Add a report to the panel</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary errors={errors} />
        <p className="govuk-body" aria-live="polite">
          {added ?? ''}
        </p>
        <form onSubmit={add} noValidate>
          <Select id="paper-subjectId" label="About" value={subjectId} options={subjects.map((id) => ({ value: id, label: subjectName(id) }))} onChange={setSubjectId} error={errorFor(errors, 'paper-subjectId')} />
          {forOthers ? (
            <Select
              id="paper-attendeeId"
              label="Written by"
              hint="The report belongs to the writer’s agency."
              value={attendeeId}
              options={meeting.attendees.map((a) => ({ value: a.id, label: `${a.fullName}, ${a.office.name}` }))}
              onChange={setAttendeeId}
              error={errorFor(errors, 'paper-attendeeId')}
            />
          ) : null}
          <ReportFields prefix="paper" title={title} onTitle={setTitle} report={report} onReport={setReport} errors={errors} />
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
            Add the report
          </button>
        </form>
      </div>
    </details>
  );
}
