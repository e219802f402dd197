import { useState, type FormEvent } from 'react';
import type { MeetingInput } from '../../../../shared/channels/meetings';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, HintAndError } from '../../components/forms';
import { CategoryTag, LevelTag } from '../../components/tags';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { ArrangementFields, arrangementInput, newArrangement, usePeopleErrors, type ArrangementDraft } from './ArrangementFields';
import { BackLink, PageHeading } from './parts';
import { NO_PERSON } from './PersonFields';

// Arranging a meeting (issue 11): the kind, initial or review, when and where, the chair by
// role (procedures §7, §9 and §21 say who may chair which: the service checks), the
// coordinator and minute-taker, and the people to discuss.

export function MeetingFormScreen() {
  const { navigate, notify, status } = useSession();
  const loaded = useLoad(async () => {
    const [offices, users, found] = await Promise.all([api().offices.list({}), api().users.list({}), api().subjects.search({ query: '', limit: 500, offset: 0 })]);
    return { offices, users, subjects: found.subjects };
  }, []);
  const me = status.profile ? { fullName: status.userName, officeId: status.profile.officeId, jobTitle: '', userName: status.userName } : NO_PERSON;
  const [draft, setDraft] = useState<ArrangementDraft>(() => newArrangement(me));
  const [subjectIds, setSubjectIds] = useState<Set<string>>(new Set());
  const { errors: raw, busy, submit } = useSubmit();
  const submitted = usePeopleErrors(raw);
  const errors = useErrors(loaded.errors, submitted);
  const data = loaded.data;

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const input = {
        ...arrangementInput(draft),
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
          <ArrangementFields draft={draft} onChange={setDraft} offices={data.offices} users={data.users} errors={errors} />
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
