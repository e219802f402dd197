import { useState, type FormEvent } from 'react';
import { formatLondonDateTime } from '../../../../shared/calendar';
import { DEFAULT_CHAIR_WORKING_DAYS, MAX_CHAIR_WORKING_DAYS } from '../../../../shared/meetingsVocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, SuccessBanner, Textarea, TextInput } from '../../components/forms';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { PageHeading } from './parts';

// The confidentiality undertaking (MAPPA D) and how meetings are run here (issue 11): every
// version of the statement, the current first, each kept with who made it and why; an
// administrator writes a new version (signatures already made keep the version signed).
// And the working days the chair has to answer the draft minutes (procedures §7: 5 by default).

export function UndertakingScreen() {
  const { can } = useSession();
  const loaded = useLoad(async () => {
    const [versions, settings] = await Promise.all([api().undertaking.versions({}), api().meetings.settings({})]);
    return { versions, settings };
  }, []);
  const [banner, setBanner] = useState<string | null>(null);
  const data = loaded.data;
  const current = data?.versions[0];
  return (
    <>
      <ErrorSummary errors={loaded.errors} />
      <SuccessBanner message={banner} />
      <PageHeading caption="Meetings">Confidentiality undertaking</PageHeading>
      {data && current ? (
        <>
          {can('meetings.configure') ? (
            <ChairDays
              days={data.settings.chairWorkingDays}
              onSaved={(days) => {
                loaded.setData({ ...data, settings: { chairWorkingDays: days } });
                setBanner(`The chair now has ${days} working ${days === 1 ? 'day' : 'days'} to confirm or amend draft minutes.`);
              }}
            />
          ) : null}
          {can('undertaking.edit') ? (
            <EditStatement
              key={current.version}
              current={current}
              onSaved={async (version) => {
                await loaded.reload();
                setBanner(`Version ${version} of the statement is now the one attendees sign. Earlier versions are kept.`);
              }}
            />
          ) : null}
          <h2 className="govuk-heading-l">Versions</h2>
          {data.versions.map((v, index) => (
            <section className="app-version" key={v.version} aria-labelledby={`version-${v.version}`}>
              <h3 className="govuk-heading-m" id={`version-${v.version}`}>
                Version {v.version}
                {index === 0 ? ' (current)' : ''}: {v.title}
              </h3>
              <p className="govuk-body-s">
                Made {formatLondonDateTime(v.createdAt)} by {v.createdBy}. Fingerprint (SHA-256) <span className="app-path">{v.sha256.slice(0, 16)}…</span>
                {v.changeNote ? `. ${v.changeNote}` : ''}
              </p>
              <details className="govuk-details">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">The statement, version {v.version}</span>
                </summary>
                <div className="govuk-details__text app-item__value">{v.body}</div>
              </details>
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}

function ChairDays({ days, onSaved }: { days: number; onSaved: (days: number) => void }) {
  const [value, setValue] = useState(String(days));
  const { errors, busy, submit } = useSubmit();
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => onSaved((await api().meetings.setSettings({ chairWorkingDays: value.trim() === '' ? (null as unknown as number) : Number(value) })).chairWorkingDays));
  };
  return (
    <form onSubmit={save} noValidate>
      <h2 className="govuk-heading-l">The chair’s working days</h2>
      <ErrorSummary errors={errors} />
      <TextInput
        id="chairWorkingDays"
        label="Working days the chair has to confirm or amend draft minutes"
        hint={`Counted from the day the chair receives them, without weekends and England and Wales bank holidays. ${DEFAULT_CHAIR_WORKING_DAYS} by default (local procedures §7); at most ${MAX_CHAIR_WORKING_DAYS}.`}
        type="number"
        width="govuk-input--width-10"
        value={value}
        onChange={setValue}
        error={errorFor(errors, 'chairWorkingDays')}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
        Save the working days
      </button>
    </form>
  );
}

function EditStatement({ current, onSaved }: { current: { version: number; title: string; body: string }; onSaved: (version: number) => Promise<void> }) {
  const [title, setTitle] = useState(current.title);
  const [body, setBody] = useState(current.body);
  const [changeNote, setChangeNote] = useState('');
  const { errors: raw, busy, submit } = useSubmit();
  const errors = useErrors(raw, []);
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const v = await api().undertaking.edit({ title, body, changeNote });
      await onSaved(v.version);
    });
  };
  return (
    <details className="govuk-details" open={errors.length > 0 || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Write a new version of the statement</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary errors={errors} />
        <form onSubmit={save} noValidate>
          <TextInput id="title" label="Title" value={title} onChange={setTitle} error={errorFor(errors, 'title')} width="govuk-!-width-full" />
          <Textarea id="body" label="The statement" hint="Leave a blank line between paragraphs." value={body} onChange={setBody} error={errorFor(errors, 'body')} rows={16} />
          <Textarea id="changeNote" label="What changed in this version and why" value={changeNote} onChange={setChangeNote} error={errorFor(errors, 'changeNote')} rows={2} />
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Save as version {current.version + 1}
          </button>
        </form>
      </div>
    </details>
  );
}
