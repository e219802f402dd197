import { useState, type FormEvent } from 'react';
import type { AttendeeView, MeetingView, PaperView } from '../../../../shared/channels/meetings';
import { REPORT_HEADINGS, type ReportHeading } from '../../../../shared/meetingsVocabulary';
import { api, toFieldErrors } from '../../mappa';
import { ErrorSummary, errorFor, Select, Textarea, TextInput } from '../../components/forms';
import { AgencyTag, formatDate, Tag } from '../../components/tags';
import { useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { ActionLink } from './parts';
import { prefixErrors } from '../sharing/parts';

// The papers: each attendee's report to the panel, per person discussed, owned by the
// attendee's agency. The service opens them only to an attendee who has signed the
// undertaking for the meeting (or before that person); when it refuses, the screen shows
// its sentence, so the person knows why the papers are locked and what to do.

type SubjectPapers = { subjectId: string; papers: Awaited<ReturnType<ReturnType<typeof api>['papers']['list']>> } | { subjectId: string; locked: string };

const HEADINGS = Object.keys(REPORT_HEADINGS) as ReportHeading[];

export function PapersSection({ meeting, me, subjectName }: { meeting: MeetingView; me: AttendeeView | undefined; subjectName: (id: string) => string }) {
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
          .map((subjectId): Promise<SubjectPapers> =>
            api()
              .papers.list({ meetingId, subjectId })
              .then(
                (papers) => ({ subjectId, papers }),
                (error: unknown) => ({ subjectId, locked: toFieldErrors(error)[0]?.message ?? '' }),
              ),
          ),
      ),
    // The service opens more once someone signs: `signatures` is in the deps for that alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [meetingId, named, signatures],
  );
  const [opened, setOpened] = useState<Record<string, PaperView>>({});
  const { errors, submit } = useSubmit();
  const open = (paperId: string) =>
    void submit(async () => {
      const paper = await api().papers.open({ meetingId: meeting.id, paperId });
      setOpened((before) => ({ ...before, [paperId]: paper }));
    });
  const readable = (loaded.data ?? []).filter((s): s is Extract<SubjectPapers, { papers: unknown }> => 'papers' in s);

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
          ) : entry.papers.length === 0 ? (
            <p className="govuk-body">No papers yet.</p>
          ) : (
            <ul className="govuk-list">
              {entry.papers.map((p) => (
                <li key={p.id} className="app-paper">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <span className="govuk-!-font-weight-bold">{p.title}</span>, by {p.author}, {formatDate(p.createdAt)}. Owned by {p.owner.name} <AgencyTag agency={p.owner.agency} name={p.owner.name} />
                  </p>
                  {opened[p.id] ? (
                    <PaperReport paper={opened[p.id]!} />
                  ) : (
                    <ActionLink onClick={() => open(p.id)}>
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

function PaperReport({ paper }: { paper: PaperView }) {
  return (
    <div className="app-item">
      <p className="govuk-body-s">
        <Tag colour="grey">{paper.classification}</Tag>
      </p>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        {HEADINGS.filter((h) => paper.report[h]).map((h) => (
          <div className="govuk-summary-list__row" key={h}>
            <dt className="govuk-summary-list__key">{REPORT_HEADINGS[h]}</dt>
            <dd className="govuk-summary-list__value app-item__value">{paper.report[h]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function AddPaper({ meeting, me, subjects, subjectName, onAdded }: { meeting: MeetingView; me: AttendeeView; subjects: string[]; subjectName: (id: string) => string; onAdded: () => void }) {
  // The coordinator or minute-taker records the reports handed in on the day; others add their own.
  const forOthers = me.part === 'coordinator' || me.part === 'minute_taker';
  const [subjectId, setSubjectId] = useState(subjects[0] ?? '');
  const [attendeeId, setAttendeeId] = useState(me.id);
  const [title, setTitle] = useState('');
  const [report, setReport] = useState<Record<ReportHeading, string>>(() => Object.fromEntries(HEADINGS.map((h) => [h, ''])) as Record<ReportHeading, string>);
  const { errors: raw, busy, submit } = useSubmit();
  const errors = prefixErrors(raw, 'paper');
  const [added, setAdded] = useState<string | null>(null);
  const add = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const paper = await api().papers.add({
        meetingId: meeting.id,
        subjectId,
        attendeeId,
        title,
        report: Object.fromEntries(HEADINGS.map((h) => [h, report[h].trim() === '' ? null : report[h]])) as Record<ReportHeading, string | null>,
        itemIds: [],
        classification: 'OFFICIAL-SENSITIVE',
      });
      setAdded(`${paper.title} was added to the papers about ${subjectName(paper.subjectId)}.`);
      setTitle('');
      setReport(Object.fromEntries(HEADINGS.map((h) => [h, ''])) as Record<ReportHeading, string>);
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
          <TextInput id="paper-title" label="Title" value={title} onChange={setTitle} error={errorFor(errors, 'paper-title')} width="govuk-!-width-two-thirds" />
          <div id="paper-report" tabIndex={-1}>
            {errorFor(errors, 'paper-report') ? (
              <p className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errorFor(errors, 'paper-report')}
              </p>
            ) : null}
            {HEADINGS.map((h) => (
              <Textarea key={h} id={`paper-report.${h}`} label={REPORT_HEADINGS[h]} value={report[h]} onChange={(v) => setReport((before) => ({ ...before, [h]: v }))} error={errorFor(errors, `paper-report.${h}`)} rows={3} />
            ))}
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
            Add the report
          </button>
        </form>
      </div>
    </details>
  );
}
