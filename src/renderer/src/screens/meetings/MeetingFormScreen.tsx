import { useMemo, useState, type FormEvent } from 'react';
import type { MeetingInput } from '../../../../shared/channels/meetings';
import { CHAIR_ROLES, MEETING_KINDS, type ChairRole, type MeetingKind } from '../../../../shared/meetingsVocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { Checkbox, ErrorSummary, errorFor, HintAndError, Radios, Select, TextInput } from '../../components/forms';
import { CategoryTag, LevelTag } from '../../components/tags';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { BackLink, londonInstant, PageHeading } from './parts';
import { NO_PERSON, officeOptions, PersonFields, toPerson, type PersonDraft } from './PersonFields';

// Arranging a meeting (issue 11): the kind, initial or review, when and where, the chair by
// role (procedures §7, §9 and §21 say who may chair which: the service checks), the
// coordinator and minute-taker, and the people to discuss.

const KIND_OPTIONS = (Object.keys(MEETING_KINDS) as MeetingKind[]).map((k) => ({ value: k, label: MEETING_KINDS[k] }));
const PEOPLE: Record<string, string> = { chair: 'Chair', coordinator: 'Coordinator', minuteTaker: 'Minute-taker' };
const ROLE_OPTIONS = (Object.keys(CHAIR_ROLES) as ChairRole[]).map((k) => ({ value: k, label: CHAIR_ROLES[k] }));

export function MeetingFormScreen() {
  const { navigate, notify, status } = useSession();
  const loaded = useLoad(async () => {
    const [offices, users, found] = await Promise.all([api().offices.list({}), api().users.list({}), api().subjects.search({ query: '', limit: 500, offset: 0 })]);
    return { offices, users, subjects: found.subjects };
  }, []);
  const [kind, setKind] = useState('level2');
  const [reviewNumber, setReviewNumber] = useState('0');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('10:00');
  const [place, setPlace] = useState('');
  const [remote, setRemote] = useState(false);
  const [remoteDetails, setRemoteDetails] = useState('');
  const [chairRole, setChairRole] = useState('');
  const [requestingOfficeId, setRequestingOfficeId] = useState('');
  const [chair, setChair] = useState<PersonDraft>(NO_PERSON);
  const me = status.profile ? { fullName: status.userName, officeId: status.profile.officeId, jobTitle: '', userName: status.userName } : NO_PERSON;
  const [coordinator, setCoordinator] = useState<PersonDraft>(me);
  const [minuteTaker, setMinuteTaker] = useState<PersonDraft>(NO_PERSON);
  const [subjectIds, setSubjectIds] = useState<Set<string>>(new Set());
  const { errors: raw, busy, submit } = useSubmit();
  // The service says "Enter the person’s full name" for each of three people: the summary says whose.
  const submitted = useMemo(() => raw.map((e) => (e.field && e.field.split('.')[0]! in PEOPLE ? { ...e, message: `${PEOPLE[e.field.split('.')[0]!]}: ${e.message}` } : e)), [raw]);
  const errors = useErrors(loaded.errors, submitted);
  const data = loaded.data;

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const input = {
        kind: kind as MeetingKind,
        reviewNumber: reviewNumber.trim() === '' ? (null as unknown as number) : Number(reviewNumber),
        // Sent as written when unreadable: the service answers next to the field.
        startsAt: londonInstant(day, time) ?? `${day} ${time}`,
        place: place.trim() === '' ? null : place,
        remote,
        remoteDetails: remote && remoteDetails.trim() !== '' ? remoteDetails : null,
        chairRole: chairRole as ChairRole,
        requestingOfficeId: kind === 'arm' && requestingOfficeId !== '' ? requestingOfficeId : null,
        chair: toPerson(chair),
        coordinator: toPerson(coordinator),
        minuteTaker: toPerson(minuteTaker),
        subjectIds: (data?.subjects ?? []).filter((s) => subjectIds.has(s.id)).map((s) => s.id),
      } satisfies Record<keyof MeetingInput, unknown>;
      const view = await api().meetings.create(input);
      notify(`${view.title} is arranged. Add the other attendees; each signs the confidentiality undertaking before the papers open.`);
      navigate({ name: 'meeting', id: view.id });
    });
  };
  const toggle = (id: string, on: boolean) =>
    setSubjectIds((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const subjectsError = errorFor(errors, 'subjectIds');

  return (
    <>
      <BackLink onClick={() => navigate({ name: 'meetings' })}>Back to meetings</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption="Meetings">Arrange a meeting</PageHeading>
      {data === undefined ? null : (
        <form onSubmit={save} noValidate>
          <Radios id="kind" legend="Kind of meeting" value={kind} options={KIND_OPTIONS} onChange={setKind} error={errorFor(errors, 'kind')} />
          <TextInput id="reviewNumber" label="Review number" hint="0 for an initial meeting; else the number of this review." type="number" width="govuk-input--width-10" value={reviewNumber} onChange={setReviewNumber} error={errorFor(errors, 'reviewNumber')} />
          <div className={`govuk-form-group${errorFor(errors, 'startsAt') ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={`startsAt-hint${errorFor(errors, 'startsAt') ? ' startsAt-error' : ''}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">When</legend>
              <HintAndError id="startsAt" hint="The day and the time in England (24-hour clock, for example 14:30)." error={errorFor(errors, 'startsAt')} />
              <div className="app-inline-fields">
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="startsAt">
                    Day
                  </label>
                  <input className="govuk-input govuk-input--width-10" id="startsAt" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
                </div>
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="startsAt-time">
                    Time
                  </label>
                  <input className="govuk-input govuk-input--width-5" id="startsAt-time" type="text" inputMode="numeric" value={time} onChange={(e) => setTime(e.target.value)} />
                </div>
              </div>
            </fieldset>
          </div>
          <TextInput id="place" label="Place" hint="Leave empty for a meeting held only remotely." value={place} onChange={setPlace} error={errorFor(errors, 'place')} width="govuk-!-width-two-thirds" />
          <Checkbox id="remote" label="Held remotely (or attendees can join remotely)" checked={remote} onChange={setRemote} />
          {remote ? <TextInput id="remoteDetails" label="How to join remotely" value={remoteDetails} onChange={setRemoteDetails} error={errorFor(errors, 'remoteDetails')} width="govuk-!-width-two-thirds" /> : null}
          <Select id="chairRole" label="The chair chairs as" hint="Procedures §7 and §9 say who chairs which meeting; an Assessment of Risk Meeting is chaired by the agency that asked for it (§21)." value={chairRole} placeholder="Choose the chair’s role" options={ROLE_OPTIONS} onChange={setChairRole} error={errorFor(errors, 'chairRole')} />
          {kind === 'arm' ? (
            <Select id="requestingOfficeId" label="Agency that asked for the meeting" value={requestingOfficeId} placeholder="Choose the office" options={officeOptions(data.offices)} onChange={setRequestingOfficeId} error={errorFor(errors, 'requestingOfficeId')} />
          ) : null}
          <PersonFields prefix="chair" legend="Chair" value={chair} onChange={setChair} offices={data.offices} users={data.users} errors={errors} />
          <PersonFields prefix="coordinator" legend="Coordinator" value={coordinator} onChange={setCoordinator} offices={data.offices} users={data.users} errors={errors} />
          <PersonFields prefix="minuteTaker" legend="Minute-taker" value={minuteTaker} onChange={setMinuteTaker} offices={data.offices} users={data.users} errors={errors} />
          <div className={`govuk-form-group${subjectsError ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={`subjectIds-hint${subjectsError ? ' subjectIds-error' : ''}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">People to discuss</legend>
              <HintAndError id="subjectIds" hint="One meeting can discuss several people. The minutes are written for each." error={subjectsError} />
              {data.subjects.length === 0 ? (
                <p className="govuk-inset-text" id="subjectIds" tabIndex={-1}>
                  There is no one in the register to discuss yet.
                </p>
              ) : (
                <div className="govuk-checkboxes govuk-checkboxes--small">
                  {data.subjects.map((s, index) => {
                    const id = index === 0 ? 'subjectIds' : `subjectIds-${s.id}`;
                    return (
                      <div className="govuk-checkboxes__item" key={s.id}>
                        <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={subjectIds.has(s.id)} onChange={(e) => toggle(s.id, e.target.checked)} />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                          {s.givenName} {s.familyName}
                        </label>
                        <div className="govuk-hint govuk-checkboxes__hint">
                          {s.kind === 'pdp' ? 'Potentially Dangerous Person ' : null}
                          <CategoryTag category={s.category} />
                          <LevelTag level={s.level} />
                        </div>
                      </div>
                    );
                  })}
                </div>
              )}
            </fieldset>
          </div>
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Arrange the meeting
          </button>
        </form>
      )}
    </>
  );
}
