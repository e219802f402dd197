import { useState, type FormEvent } from 'react';
import type { MeetingView } from '../../../../shared/channels/meetings';
import { api } from '../../mappa';
import { ErrorSummary, errorFor, Select, SuccessBanner, Textarea } from '../../components/forms';
import { useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { ArrangementFields, arrangementInput, arrangementOf, usePeopleErrors, type ArrangementDraft } from './ArrangementFields';
import type { MeetingPartProps } from './MeetingScreen';
import { prefixErrors } from '../sharing/parts';

// Changing a meeting once arranged (issue 11): its arrangements, an attendee taken off it,
// a person taken off its agenda. The service refuses what the meeting's record rests on, in
// one sentence; the screen shows it next to the field.

/** Arrangements change until the meeting is cancelled or minutes of it are final. */
export const arrangementsOpen = (m: MeetingView) => m.status !== 'cancelled' && !m.subjectList.some((s) => s.minutesStatus === 'final');

export function EditArrangements({ meeting, onChange }: MeetingPartProps) {
  const people = useLoad(async () => {
    const [offices, users] = await Promise.all([api().offices.list({}), api().users.list({})]);
    return { offices, users };
  }, []);
  const [draft, setDraft] = useState<ArrangementDraft>(() => arrangementOf(meeting));
  const [saved, setSaved] = useState<string | null>(null);
  const { errors: raw, busy, submit } = useSubmit();
  const errors = usePeopleErrors(raw);
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      setSaved(null);
      const view = await api().meetings.edit({ id: meeting.id, ...arrangementInput(draft) });
      onChange(view);
      setDraft(arrangementOf(view));
      setSaved('The arrangements were changed. The change is recorded in the audit log.');
    });
  };
  return (
    <details className="govuk-details" open={errors.length > 0 || saved !== null || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Edit the arrangements</span>
      </summary>
      <div className="govuk-details__text">
        <SuccessBanner message={saved} />
        <ErrorSummary errors={errors} />
        {people.data ? (
          <form onSubmit={save} noValidate aria-label="The meeting’s arrangements">
            <ArrangementFields draft={draft} onChange={setDraft} offices={people.data.offices} users={people.data.users} errors={errors} kindFixed={meeting.subjectList.some((s) => s.minutesStatus !== null)} />
            <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
              Save the arrangements
            </button>
          </form>
        ) : null}
      </div>
    </details>
  );
}

/** Takes someone off the meeting with the reason; the service says when the record keeps them. */
function TakeOff({ title, field, label, options, reasonLabel, button, take }: { title: string; field: string; label: string; options: { value: string; label: string }[]; reasonLabel: string; button: string; take: (id: string, reason: string) => Promise<void> }) {
  const [chosen, setChosen] = useState('');
  const [reason, setReason] = useState('');
  const { errors: raw, setErrors, busy, submit } = useSubmit();
  // Two of these forms share the page with others: their fields' ids say which form.
  const prefix = `take-${field}`;
  const errors = prefixErrors(raw, prefix);
  if (options.length === 0) return null;
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === '') {
      setErrors([{ field, message: `${label}: choose one.` }]);
      return;
    }
    void submit(async () => {
      await take(chosen, reason);
      setChosen('');
      setReason('');
    });
  };
  return (
    <details className="govuk-details" open={errors.length > 0 || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{title}</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary errors={errors} />
        <form onSubmit={send} noValidate aria-label={title}>
          <Select id={`${prefix}-${field}`} label={label} value={chosen} placeholder="Choose" options={options} onChange={setChosen} error={errorFor(errors, `${prefix}-${field}`)} />
          <Textarea id={`${prefix}-reason`} label={reasonLabel} hint="Kept in the audit log." value={reason} onChange={setReason} error={errorFor(errors, `${prefix}-reason`)} rows={2} />
          <button type="submit" className="govuk-button govuk-button--warning" disabled={busy} aria-disabled={busy}>
            {button}
          </button>
        </form>
      </div>
    </details>
  );
}

/** Who can be taken off, and what the form asks, for each of the two kinds of taking off. */
const TAKE_OFF = {
  attendee: {
    title: 'Take an attendee off the meeting',
    field: 'attendeeId',
    label: 'Attendee',
    reasonLabel: 'Why are they taken off the meeting?',
    button: 'Take off the meeting',
    options: (m: MeetingView) => m.attendees.filter((a) => a.part === 'member').map((a) => ({ value: a.id, label: `${a.fullName}, ${a.office.name}` })),
    take: (m: MeetingView, attendeeId: string, reason: string) => api().meetings.removeAttendee({ meetingId: m.id, attendeeId, reason }),
  },
  subject: {
    title: 'Take a person off the agenda',
    field: 'subjectId',
    label: 'Person',
    reasonLabel: 'Why are they taken off the agenda?',
    button: 'Take off the agenda',
    options: (m: MeetingView) => m.subjectList.flatMap((s) => (s.name === null ? [] : [{ value: s.subjectId, label: s.name }])),
    take: (m: MeetingView, subjectId: string, reason: string) => api().meetings.removeSubject({ meetingId: m.id, subjectId, reason }),
  },
} as const;

export function TakeOffMeeting({ meeting, onChange, who }: MeetingPartProps & { who: keyof typeof TAKE_OFF }) {
  const t = TAKE_OFF[who];
  return <TakeOff title={t.title} field={t.field} label={t.label} options={t.options(meeting)} reasonLabel={t.reasonLabel} button={t.button} take={async (id, reason) => onChange(await t.take(meeting, id, reason))} />;
}
