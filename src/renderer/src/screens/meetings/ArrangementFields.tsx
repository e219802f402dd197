import { useMemo } from 'react';
import type { MeetingEditInput, MeetingView } from '../../../../shared/channels/meetings';
import type { UserRow } from '../../../../shared/channels/access';
import { formatLondonTime, londonDayOf } from '../../../../shared/calendar';
import { CHAIR_ROLES, MEETING_KINDS, type ChairRole, type MeetingKind } from '../../../../shared/meetingsVocabulary';
import type { OfficeView } from '../../../../shared/registerSchemas';
import { Checkbox, errorFor, HintAndError, Radios, Select, TextInput } from '../../components/forms';
import type { FieldError } from '../../mappa';
import { londonInstant } from './parts';
import { NO_PERSON, officeOptions, PersonFields, toPerson, type PersonDraft } from './PersonFields';

// How a meeting is arranged, as arranging it and editing the arrangements both ask: the
// kind, initial or review, when and where, the chair by role (procedures §7, §9 and §21 say
// who may chair which: the service checks), the chair, coordinator and minute-taker.

const KIND_OPTIONS = (Object.keys(MEETING_KINDS) as MeetingKind[]).map((k) => ({ value: k, label: MEETING_KINDS[k] }));
const PEOPLE: Record<string, string> = { chair: 'Chair', coordinator: 'Coordinator', minuteTaker: 'Minute-taker' };
const ROLE_OPTIONS = (Object.keys(CHAIR_ROLES) as ChairRole[]).map((k) => ({ value: k, label: CHAIR_ROLES[k] }));

export interface ArrangementDraft {
  kind: string;
  reviewNumber: string;
  day: string;
  time: string;
  place: string;
  remote: boolean;
  remoteDetails: string;
  chairRole: string;
  requestingOfficeId: string;
  chair: PersonDraft;
  coordinator: PersonDraft;
  minuteTaker: PersonDraft;
}

export const newArrangement = (coordinator: PersonDraft): ArrangementDraft => ({
  kind: 'level2',
  reviewNumber: '0',
  day: '',
  time: '10:00',
  place: '',
  remote: false,
  remoteDetails: '',
  chairRole: '',
  requestingOfficeId: '',
  chair: NO_PERSON,
  coordinator,
  minuteTaker: NO_PERSON,
});

/** The meeting's arrangements as the form holds them. */
export function arrangementOf(m: MeetingView): ArrangementDraft {
  const holder = (part: string): PersonDraft => {
    const a = m.attendees.find((x) => x.part === part);
    return a ? { fullName: a.fullName, officeId: a.office.id, jobTitle: a.jobTitle, userName: a.userName ?? '' } : NO_PERSON;
  };
  return {
    kind: m.kind,
    reviewNumber: String(m.reviewNumber),
    day: londonDayOf(m.startsAt),
    time: formatLondonTime(m.startsAt),
    place: m.place ?? '',
    remote: m.remote,
    remoteDetails: m.remoteDetails ?? '',
    chairRole: m.chairRole,
    requestingOfficeId: m.requestingOffice?.id ?? '',
    chair: holder('chair'),
    coordinator: holder('coordinator'),
    minuteTaker: holder('minute_taker'),
  };
}

/** What the service takes; what it cannot read is sent as written, and it answers next to the field. */
export function arrangementInput(d: ArrangementDraft): Omit<MeetingEditInput, 'id'> {
  const input = {
    kind: d.kind as MeetingKind,
    reviewNumber: d.reviewNumber.trim() === '' ? (null as unknown as number) : Number(d.reviewNumber),
    startsAt: londonInstant(d.day, d.time) ?? `${d.day} ${d.time}`,
    place: d.place.trim() === '' ? null : d.place,
    remote: d.remote,
    remoteDetails: d.remote && d.remoteDetails.trim() !== '' ? d.remoteDetails : null,
    chairRole: d.chairRole as ChairRole,
    requestingOfficeId: d.kind === 'arm' && d.requestingOfficeId !== '' ? d.requestingOfficeId : null,
    chair: toPerson(d.chair),
    coordinator: toPerson(d.coordinator),
    minuteTaker: toPerson(d.minuteTaker),
  };
  return input satisfies Record<keyof Omit<MeetingEditInput, 'id'>, unknown>;
}

/** The service says "Enter the person’s full name" for each of three people: the summary says whose. */
export function usePeopleErrors(raw: FieldError[]): FieldError[] {
  return useMemo(() => raw.map((e) => (e.field && e.field.split('.')[0]! in PEOPLE ? { ...e, message: `${PEOPLE[e.field.split('.')[0]!]}: ${e.message}` } : e)), [raw]);
}

export function ArrangementFields({
  draft,
  onChange,
  offices,
  users,
  errors,
  kindFixed = false,
}: {
  draft: ArrangementDraft;
  onChange: (next: ArrangementDraft) => void;
  offices: OfficeView[];
  users: UserRow[];
  errors: FieldError[];
  /** Once minutes exist the kind no longer changes: shown, not offered. */
  kindFixed?: boolean;
}) {
  const set =
    <K extends keyof ArrangementDraft>(key: K) =>
    (value: ArrangementDraft[K]) =>
      onChange({ ...draft, [key]: value });
  return (
    <>
      {kindFixed ? (
        <p className="govuk-body">
          {MEETING_KINDS[draft.kind as MeetingKind]}. Minutes have been started, so the kind of meeting stays as it is.
        </p>
      ) : (
        <Radios id="kind" legend="Kind of meeting" value={draft.kind} options={KIND_OPTIONS} onChange={set('kind')} error={errorFor(errors, 'kind')} />
      )}
      <TextInput id="reviewNumber" label="Review number" hint="0 for an initial meeting; else the number of this review." type="number" width="govuk-input--width-10" value={draft.reviewNumber} onChange={set('reviewNumber')} error={errorFor(errors, 'reviewNumber')} />
      <div className={`govuk-form-group${errorFor(errors, 'startsAt') ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby={`startsAt-hint${errorFor(errors, 'startsAt') ? ' startsAt-error' : ''}`}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">When</legend>
          <HintAndError id="startsAt" hint="The day and the time in England (24-hour clock, for example 14:30)." error={errorFor(errors, 'startsAt')} />
          <div className="app-inline-fields">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="startsAt">
                Day
              </label>
              <input className="govuk-input govuk-input--width-10" id="startsAt" type="date" value={draft.day} onChange={(e) => set('day')(e.target.value)} />
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="startsAt-time">
                Time
              </label>
              <input className="govuk-input govuk-input--width-5" id="startsAt-time" type="text" inputMode="numeric" value={draft.time} onChange={(e) => set('time')(e.target.value)} />
            </div>
          </div>
        </fieldset>
      </div>
      <TextInput id="place" label="Place" hint="Leave empty for a meeting held only remotely." value={draft.place} onChange={set('place')} error={errorFor(errors, 'place')} width="govuk-!-width-two-thirds" />
      <Checkbox id="remote" label="Held remotely (or attendees can join remotely)" checked={draft.remote} onChange={set('remote')} />
      {draft.remote ? <TextInput id="remoteDetails" label="How to join remotely" value={draft.remoteDetails} onChange={set('remoteDetails')} error={errorFor(errors, 'remoteDetails')} width="govuk-!-width-two-thirds" /> : null}
      <Select id="chairRole" label="The chair chairs as" hint="Procedures §7 and §9 say who chairs which meeting; an Assessment of Risk Meeting is chaired by the agency that asked for it (§21)." value={draft.chairRole} placeholder="Choose the chair’s role" options={ROLE_OPTIONS} onChange={set('chairRole')} error={errorFor(errors, 'chairRole')} />
      {draft.kind === 'arm' ? (
        <Select id="requestingOfficeId" label="Agency that asked for the meeting" value={draft.requestingOfficeId} placeholder="Choose the office" options={officeOptions(offices)} onChange={set('requestingOfficeId')} error={errorFor(errors, 'requestingOfficeId')} />
      ) : null}
      <PersonFields prefix="chair" legend="Chair" value={draft.chair} onChange={set('chair')} offices={offices} users={users} errors={errors} />
      <PersonFields prefix="coordinator" legend="Coordinator" value={draft.coordinator} onChange={set('coordinator')} offices={offices} users={users} errors={errors} />
      <PersonFields prefix="minuteTaker" legend="Minute-taker" value={draft.minuteTaker} onChange={set('minuteTaker')} offices={offices} users={users} errors={errors} />
    </>
  );
}
