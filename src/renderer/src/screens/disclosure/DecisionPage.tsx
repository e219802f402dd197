import { useState } from 'react';
import type { DecisionInput, LinkedMinutes } from '../../../../shared/channels/disclosure';
import { formatLondonDateTime } from '../../../../shared/calendar';
import { DECISION_BASES, type DecisionBasis } from '../../../../shared/disclosureVocabulary';
import { MEETING_KINDS, MINUTES_STATUSES, type MinutesStatus } from '../../../../shared/meetingsVocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { errorFor, Radios, Select, Textarea, TextInput } from '../../components/forms';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { officeOptions } from '../meetings/PersonFields';
import { ActionLink, problemsOf, Repeating, TaskPage, WarningText, type TaskProps } from './parts';

// Criterion 5: whose decision it is. Leaflet: the informed decision of a Level 2 or 3
// meeting; even in an emergency, multi-agency wherever possible, with the agencies
// consulted; a single-agency decision is strongly discouraged, needs its own reason, and is
// shown as such everywhere.

const BASIS_OPTIONS = (Object.keys(DECISION_BASES) as DecisionBasis[]).map((b) => ({ value: b, label: DECISION_BASES[b] }));

export const minutesText = (m: LinkedMinutes) =>
  `${MEETING_KINDS[m.meetingKind]}, ${formatLondonDateTime(m.startsAt)} (minutes: ${m.minutesStatus in MINUTES_STATUSES ? MINUTES_STATUSES[m.minutesStatus as MinutesStatus].toLowerCase() : m.minutesStatus})`;

interface Consulted {
  officeId: string;
  personName: string;
  consultedOn: string;
}

export function DecisionPage({ view, onChange, go }: TaskProps) {
  const { navigate } = useSession();
  const d = view.decision;
  const [basis, setBasis] = useState<string>(d.basis ?? '');
  const [minutesId, setMinutesId] = useState(d.minutes?.minutesId ?? '');
  const [emergencyReason, setEmergencyReason] = useState(d.emergencyReason ?? '');
  const [consulted, setConsulted] = useState<Consulted[]>(() => (d.consulted.length > 0 ? d.consulted.map((c) => ({ officeId: c.office.id, personName: c.personName, consultedOn: c.consultedOn })) : [{ officeId: '', personName: '', consultedOn: '' }]));
  const [singleAgencyReason, setSingle] = useState(d.singleAgencyReason ?? '');
  const offices = useLoad(() => api().offices.list({}), []);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(offices.errors, submitted);

  const input = (): DecisionInput => {
    if (basis === 'meeting') return { id: view.id, basis, minutesId };
    if (basis === 'emergency') return { id: view.id, basis, emergencyReason, consulted };
    return { id: view.id, basis: basis as 'single_agency', singleAgencyReason };
  };
  const save = () =>
    void submit(async () => {
      onChange(await api().disclosures.setDecision(input()));
      go('tasks');
    });

  return (
    <TaskPage view={view} go={go} title="5. Whose decision it is" errors={errors} busy={busy} onSave={save} problems={problemsOf(view, 'decision')}>
      <Radios id="basis" legend="Who decided on the disclosure?" hint="Leaflet: an informed decision of a Level 2 or 3 meeting; multi-agency even in an emergency." value={basis} options={BASIS_OPTIONS} onChange={setBasis} error={errorFor(errors, 'basis')} />
      {basis === 'meeting' ? (
        view.minutesChoices.length === 0 ? (
          <div className="govuk-inset-text" id="minutesId">
            <p className="govuk-body">There are no minutes of a Level 2 or Level 3 meeting about {view.subjectName} in this register yet.</p>
            <ActionLink onClick={() => navigate({ name: 'meetings' })}>Go to meetings</ActionLink>
          </div>
        ) : (
          <Radios
            id="minutesId"
            legend="The minutes of the meeting that decided"
            value={minutesId}
            options={view.minutesChoices.map((m) => ({ value: m.minutesId, label: minutesText(m) }))}
            onChange={setMinutesId}
            error={errorFor(errors, 'minutesId')}
          />
        )
      ) : null}
      {basis === 'emergency' ? (
        <>
          <Textarea id="emergencyReason" label="Why could the decision not wait for a Level 2 or Level 3 meeting?" value={emergencyReason} onChange={setEmergencyReason} error={errorFor(errors, 'emergencyReason')} rows={3} />
          <Repeating id="consulted" noun="agency consulted" rows={consulted} setRows={setConsulted} blank={{ officeId: '', personName: '', consultedOn: '' }}>
            {(c, i, edit) => (
              <>
                <Select id={`consulted.${i}.officeId`} label="Office" value={c.officeId} placeholder="Choose the office" options={officeOptions(offices.data ?? [])} onChange={(v) => edit({ officeId: v })} error={errorFor(errors, `consulted.${i}.officeId`)} />
                <TextInput id={`consulted.${i}.personName`} label="Person consulted" value={c.personName} onChange={(v) => edit({ personName: v })} error={errorFor(errors, `consulted.${i}.personName`)} width="govuk-input--width-30" />
                <TextInput id={`consulted.${i}.consultedOn`} label="Date consulted" type="date" value={c.consultedOn} onChange={(v) => edit({ consultedOn: v })} error={errorFor(errors, `consulted.${i}.consultedOn`)} width="govuk-input--width-10" />
              </>
            )}
          </Repeating>
        </>
      ) : null}
      {basis === 'single_agency' ? (
        <>
          <WarningText>Single-agency decisions are strongly discouraged (leaflet). The disclosure will be shown as a single-agency decision everywhere it is listed.</WarningText>
          <Textarea id="singleAgencyReason" label="Why is the decision made by one agency alone?" value={singleAgencyReason} onChange={setSingle} error={errorFor(errors, 'singleAgencyReason')} rows={3} />
        </>
      ) : null}
    </TaskPage>
  );
}
