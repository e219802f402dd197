import { useState, type FormEvent } from 'react';
import { api } from '../../mappa';
import { Checkbox, ErrorSummary, errorFor, SuccessBanner, TextInput } from '../../components/forms';
import { useSubmit } from '../useSubmit';
import { useEdits } from '../useEdits';
import { useErrors, useLoad } from '../useLoad';

// The register-wide access settings an IG lead or administrator decides: whether opening a
// subject asks for a reason (DOMAIN.md "Integrity and misuse") and when it locks itself.

/** Empty text is sent as missing so the contract's own sentence comes back. */
const asMinutes = (text: string): number => (text.trim() === '' ? (null as unknown as number) : Number(text));

export function SettingsSection() {
  const settings = useLoad(() => api().access.settings({}), []);
  const { form, set, discard } = useEdits({ reasons: settings.data?.accessReasonsRequired ?? true, minutes: String(settings.data?.autoLockMinutes ?? '') });
  const { reasons, minutes } = form;
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(settings.errors, submitted);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void submit(async () => {
      const s = await api().access.setSettings({ accessReasonsRequired: reasons, autoLockMinutes: asMinutes(minutes) });
      settings.setData(s);
      discard();
      setNotice(
        `The settings have been saved. ${s.accessReasonsRequired ? 'Everyone is asked why before a subject’s record opens' : 'Subjects’ records open without asking why'}; the register locks after ${s.autoLockMinutes === 1 ? '1 minute' : `${s.autoLockMinutes} minutes`} without activity.`,
      );
    });
  };

  return (
    <section aria-labelledby="settings-heading">
      <ErrorSummary errors={errors} />
      <SuccessBanner message={notice} title="Done" />
      <h2 className="govuk-heading-l" id="settings-heading">
        Settings
      </h2>
      {settings.data ? (
        <form onSubmit={save} noValidate>
          <Checkbox
            id="accessReasonsRequired"
            label="Ask for a reason when someone opens a subject"
            hint="The reason is kept in the audit log with the view. Declared associations are checked either way."
            checked={reasons}
            onChange={set('reasons')}
          />
          <TextInput
            id="autoLockMinutes"
            label="Lock the register after (minutes) without activity"
            hint="Between 1 and 60 minutes. Everyone then needs their passphrase again."
            type="number"
            width="govuk-input--width-10"
            value={minutes}
            onChange={set('minutes')}
            error={errorFor(errors, 'autoLockMinutes')}
          />
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Save settings
          </button>
        </form>
      ) : null}
    </section>
  );
}
