import { useState, type FormEvent } from 'react';
import type { MinutesView } from '../../../../shared/channels/meetings';
import { MappaError } from '../../../../shared/errors';
import { SUBJECT_ATTENDANCE } from '../../../../shared/meetingsVocabulary';
import { api, toFieldErrors, type FieldError } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, SuccessBanner, Textarea } from '../../components/forms';
import { AgencyTag, formatDate, Tag } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { BackLink, ChairDue, MinutesStatusTag, myAttendee, PageHeading, WarningText } from './parts';
import { MinutesForm } from './MinutesForm';
import { MinutesHistory, MinutesRecord } from './MinutesRecord';
import { draftOf, EMPTY_DRAFT, partsOf, type MinutesDraft } from './minutesDraft';
import { needsReason, ReasonForRead } from './ReasonForRead';

// The minutes of one person's discussion (issue 11): the minute-taker's editor while they
// are a draft; the chair's approval once sent (the deadline in working days, the overdue
// tag, confirm or amend, each amendment keeping the earlier text and who changed it); and
// the record for everyone else. The service refuses to make them final while a required
// part is empty: the screen shows its sentence.

export function MinutesScreen({ meetingId, subjectId }: { meetingId: string; subjectId: string }) {
  const { navigate, status, reasonFor, rememberReason } = useSession();
  const loaded = useLoad(async () => {
    const meeting = await api().meetings.get({ id: meetingId });
    const offices = await api().offices.list({});
    const reason = reasonFor(subjectId);
    // None started yet is not a refusal: the minute-taker starts them here. Nor is a reason not yet given: it is asked.
    const minutes = await api()
      .minutes.get({ meetingId, subjectId, reason })
      .catch((error: unknown): MinutesView | null | { reason: FieldError[] } => {
        if (error instanceof MappaError && error.code === 'no_minutes') return null;
        if (needsReason(error)) return { reason: reason === null ? [] : toFieldErrors(error) };
        throw error;
      });
    return { meeting, offices, minutes };
  }, [meetingId, subjectId, reasonFor]);
  const [banner, setBanner] = useState<string | null>(null);
  const back = <BackLink onClick={() => navigate({ name: 'meeting', id: meetingId })}>Back to the meeting</BackLink>;
  const data = loaded.data;
  if (!data) {
    return (
      <>
        {back}
        <ErrorSummary errors={loaded.errors} />
        {loaded.loading ? <p className="govuk-body">Opening the minutes…</p> : null}
      </>
    );
  }
  if (data.minutes !== null && 'reason' in data.minutes) {
    const name = data.meeting.subjectList.find((s) => s.subjectId === subjectId)?.name ?? 'this person';
    return (
      <>
        {back}
        <PageHeading caption={data.meeting.title}>Minutes: {name}</PageHeading>
        <ReasonForRead
          id="minutes"
          what={`the minutes about ${name}`}
          errors={data.minutes.reason}
          onGive={(reason) => {
            rememberReason(subjectId, reason);
            void loaded.reload();
          }}
        />
      </>
    );
  }
  const { meeting } = data;
  const minutes = data.minutes;
  const me = myAttendee(meeting, status.userName);
  const subjectName = meeting.subjectList.find((s) => s.subjectId === subjectId)?.name ?? minutes?.subjectName ?? 'this person';
  const writes = me !== undefined && (me.part === 'minute_taker' || me.part === 'coordinator');
  const chair = meeting.attendees.find((a) => a.part === 'chair');
  // The chair answers; the coordinator records the answer of a chair who is not a user of this register.
  const answers = me !== undefined && (me.part === 'chair' || (me.part === 'coordinator' && chair?.userName === null));
  const onChange = (view: MinutesView, message: string) => {
    loaded.setData({ ...data, minutes: view });
    setBanner(message);
    window.scrollTo(0, 0);
  };
  const mode = minutes === null || minutes.status === 'draft' ? (writes ? 'edit' : 'read') : minutes.status === 'final' ? 'read' : answers ? 'approve' : 'read';

  return (
    <>
      {back}
      <SuccessBanner message={banner} />
      <PageHeading caption={meeting.title}>Minutes: {subjectName}</PageHeading>
      {minutes === null && mode !== 'edit' ? (
        <p className="govuk-inset-text">No minutes have been started for {subjectName} at this meeting yet. The minute-taker writes them.</p>
      ) : null}
      {minutes ? (
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">
              <MinutesStatusTag status={minutes.status} /> version {minutes.version}
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">The chair’s answer</dt>
            <dd className="govuk-summary-list__value">
              {minutes.status === 'final' ? `Approved ${formatDate(minutes.approvedAt)} by ${minutes.approvedBy ?? ''}` : <ChairDue due={minutes.chairDue} />}
            </dd>
          </div>
        </dl>
      ) : null}
      {minutes ? <AttendeesAndApologies minutes={minutes} /> : null}
      {minutes && minutes.status !== 'final' && minutes.missing.length > 0 ? (
        <div className="app-missing" role="region" aria-label="Still missing before the minutes can be final">
          <h2 className="govuk-heading-s">Still missing before the minutes can be final</h2>
          <ul className="govuk-list govuk-list--bullet">
            {minutes.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {mode === 'edit' ? <Editor meetingId={meetingId} subjectId={subjectId} minutes={minutes} offices={data.offices} onChange={onChange} /> : null}
      {mode === 'approve' && minutes ? <Approval minutes={minutes} offices={data.offices} recordingForChair={me?.part === 'coordinator'} chairName={chair?.fullName ?? 'the chair'} onChange={onChange} /> : null}
      {mode === 'read' && minutes ? <MinutesRecord minutes={minutes} /> : null}
      {minutes ? <MinutesHistory minutes={minutes} /> : null}
    </>
  );
}

function AttendeesAndApologies({ minutes }: { minutes: MinutesView }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Attendees and apologies</caption>
      <TableHead columns={['Name', 'Agency', 'Job title', 'Attendance']} />
      <tbody className="govuk-table__body">
        {minutes.attendees.map((a) => (
          <tr className="govuk-table__row" key={`${a.fullName}-${a.agency}`}>
            <td className="govuk-table__cell">{a.fullName}</td>
            <td className="govuk-table__cell">{a.agency}</td>
            <td className="govuk-table__cell">{a.jobTitle}</td>
            <td className="govuk-table__cell">{SUBJECT_ATTENDANCE[a.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type ChangeHandler = (view: MinutesView, message: string) => void;

function LinkedItems({ minutes }: { minutes: MinutesView }) {
  if (minutes.linkedItems.length === 0) return null;
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">The information shared refers to these register items, each still owned by its agency:</p>
      <ul className="govuk-list">
        {minutes.linkedItems.map((i) => (
          <li key={i.itemId}>
            {i.fieldLabel}, {i.owner.name} <AgencyTag agency={i.owner.agency} name={i.owner.name} />
            {i.noOnwardDisclosure ? <Tag colour="orange">Not to be shared on without the owner’s permission</Tag> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Editor({ meetingId, subjectId, minutes, offices, onChange }: { meetingId: string; subjectId: string; minutes: MinutesView | null; offices: Parameters<typeof MinutesForm>[0]['offices']; onChange: ChangeHandler }) {
  const [draft, setDraft] = useState<MinutesDraft>(() => (minutes ? draftOf(minutes) : EMPTY_DRAFT));
  const { errors, busy, submit } = useSubmit();
  const save = (send: boolean) =>
    void submit(async () => {
      let view = await api().minutes.save({ meetingId, subjectId, ...partsOf(draft) });
      if (send) view = await api().minutes.send({ meetingId, subjectId });
      setDraft(draftOf(view));
      onChange(view, send ? `The minutes were sent to the chair. The chair’s answer is due ${formatDate(view.chairDue.dueOn)}.` : 'The draft minutes were saved.');
    });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="The draft minutes">
      <ErrorSummary errors={errors} />
      {minutes ? <LinkedItems minutes={minutes} /> : null}
      <MinutesForm draft={draft} onChange={setDraft} offices={offices} errors={errors} where={{ meetingId, subjectId }} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Save the draft
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={() => save(true)}>
          Save and send to the chair
        </button>
      </div>
    </form>
  );
}

function Approval({ minutes, offices, recordingForChair, chairName, onChange }: { minutes: MinutesView; offices: Parameters<typeof MinutesForm>[0]['offices']; recordingForChair: boolean; chairName: string; onChange: ChangeHandler }) {
  const [amending, setAmending] = useState(false);
  const [draft, setDraft] = useState<MinutesDraft>(() => draftOf(minutes));
  const [note, setNote] = useState('');
  const confirm = useSubmit();
  const amend = useSubmit();
  const errors = useErrors(confirm.errors, amend.errors);
  const where = { meetingId: minutes.meetingId, subjectId: minutes.subjectId };
  const doConfirm = () =>
    void confirm.submit(async () => {
      const view = await api().minutes.confirm(where);
      onChange(view, 'The minutes are confirmed and final.');
    });
  const doAmend = (event: FormEvent) => {
    event.preventDefault();
    void amend.submit(async () => {
      const view = await api().minutes.amend({ ...where, ...partsOf(draft), note });
      // The refusal to confirm the minutes as they were no longer stands.
      confirm.setErrors([]);
      setAmending(false);
      setNote('');
      setDraft(draftOf(view));
      onChange(view, 'Your amendment was saved. The earlier text is kept in the history below. Confirm the minutes when they are right.');
    });
  };
  return (
    <section aria-labelledby="approval-heading">
      <h2 className="govuk-heading-l" id="approval-heading">
        The chair’s approval
      </h2>
      <ErrorSummary errors={errors} />
      {recordingForChair ? <WarningText>{`You are recording the answer of ${chairName}, who is not a user of this register. The history says so.`}</WarningText> : null}
      <p className="govuk-body">
        <ChairDue due={minutes.chairDue} />. Confirm the minutes as they are, or amend them: each amendment keeps the earlier text and says who changed what.
      </p>
      {amending ? (
        <form onSubmit={doAmend} noValidate aria-label="Amend the minutes">
          <LinkedItems minutes={minutes} />
          <MinutesForm draft={draft} onChange={setDraft} offices={offices} errors={amend.errors} where={where} />
          <Textarea id="note" label="What you changed and why" hint="Kept in the history with the earlier text." value={note} onChange={setNote} error={errorFor(amend.errors, 'note')} rows={3} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={amend.busy} aria-disabled={amend.busy}>
              Save the amendment
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAmending(false)}>
              Stop amending
            </button>
          </div>
        </form>
      ) : (
        <>
          <MinutesRecord minutes={minutes} />
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" disabled={confirm.busy} aria-disabled={confirm.busy} onClick={doConfirm}>
              Confirm the minutes
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setAmending(true)}>
              Amend the minutes
            </button>
          </div>
        </>
      )}
    </section>
  );
}
