import type { ReactNode } from 'react';
import type { OfficeView } from '../../../../shared/registerSchemas';
import { LEVEL_DECISIONS, MINUTES_TEXT_PARTS, type LevelDecision } from '../../../../shared/meetingsVocabulary';
import { Checkbox, errorFor, Radios, Select, Textarea, TextInput } from '../../components/forms';
import type { FieldError } from '../../mappa';
import { officeOptions } from './PersonFields';
import type { ActionDraft, MinutesDraft } from './minutesDraft';
import { LinkItems } from './LinkItems';
import { LinkDisclosure } from './LinkDisclosure';

// The minutes of one person's discussion in the MAPPA C structure (national guidance
// ch.13b): the statement read, the information shared, the risk assessment, decisions and
// actions each with its reasons, dissenting views, the disclosure consideration (procedures
// §18), the risk management plan under its four headings with contingencies and licence
// conditions, the level decision and the next review (§8). The service says what is missing.

const LEVEL_OPTIONS = (Object.keys(LEVEL_DECISIONS) as LevelDecision[]).map((k) => ({ value: k, label: LEVEL_DECISIONS[k] }));
const NO_ACTION: ActionDraft = { id: null, description: '', rationale: '', ownerOfficeId: '', ownerPerson: '', dueOn: '' };

function Part({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  return (
    <section className="app-minutes-part" aria-labelledby={`part-${number}`}>
      <h2 className="govuk-heading-m" id={`part-${number}`}>
        {number}. {title}
      </h2>
      {children}
    </section>
  );
}

export function MinutesForm({ draft, onChange, offices, errors, where }: { draft: MinutesDraft; onChange: (next: MinutesDraft) => void; offices: OfficeView[]; errors: FieldError[]; where: { meetingId: string; subjectId: string } }) {
  const set = <K extends keyof MinutesDraft>(key: K) => (value: MinutesDraft[K]) => onChange({ ...draft, [key]: value });
  const text = (key: keyof typeof MINUTES_TEXT_PARTS, hint?: string, rows = 4) => (
    <Textarea id={key} label={MINUTES_TEXT_PARTS[key]} hint={hint} value={draft[key]} onChange={set(key)} error={errorFor(errors, key)} rows={rows} />
  );
  const setDecision = (i: number, field: 'decision' | 'rationale', v: string) => onChange({ ...draft, decisions: draft.decisions.map((d, j) => (j === i ? { ...d, [field]: v } : d)) });
  const setAction = (i: number, field: keyof ActionDraft, v: string) => onChange({ ...draft, actions: draft.actions.map((a, j) => (j === i ? { ...a, [field]: v } : a)) });

  return (
    <>
      <Part number={1} title="Confidentiality statement">
        <Radios
          id="statementRead"
          legend="Was the confidentiality statement read to the meeting, or drawn to its attention?"
          inline
          value={draft.statementRead}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          onChange={(v) => set('statementRead')(v as MinutesDraft['statementRead'])}
          error={errorFor(errors, 'statementRead')}
        />
      </Part>
      <Part number={2} title="Information shared">
        {text('informationShared', 'What each agency told the meeting, with its source and date, readable by someone who was not there.', 6)}
        <LinkItems meetingId={where.meetingId} subjectId={where.subjectId} chosen={draft.informationItemIds} onChange={set('informationItemIds')} />
      </Part>
      <Part number={3} title="Risk assessment">
        {text('riskAssessment', 'Who is at risk, of what, how imminent, and the factors that raise or lower it.', 6)}
      </Part>
      <Part number={4} title="Decisions">
        <p className="govuk-body">Every decision with its reasons (national guidance ch.13b).</p>
        {draft.decisions.map((d, i) => (
          <fieldset className="govuk-fieldset app-repeat" key={i}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Decision {i + 1}</legend>
            <Textarea id={`decisions.${i}.decision`} label="The decision" value={d.decision} onChange={(v) => setDecision(i, 'decision', v)} error={errorFor(errors, `decisions.${i}.decision`)} rows={2} />
            <Textarea id={`decisions.${i}.rationale`} label="The reasons for it" value={d.rationale} onChange={(v) => setDecision(i, 'rationale', v)} error={errorFor(errors, `decisions.${i}.rationale`)} rows={3} />
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onChange({ ...draft, decisions: draft.decisions.filter((_, j) => j !== i) })}>
              Remove decision {i + 1}
            </button>
          </fieldset>
        ))}
        <button type="button" className="govuk-button govuk-button--secondary" id="decisions" onClick={() => onChange({ ...draft, decisions: [...draft.decisions, { decision: '', rationale: '' }] })}>
          Add a decision
        </button>
      </Part>
      <Part number={5} title="Actions">
        <p className="govuk-body">Each action with the agency that owns it, the person who will do it, when, and why. They appear on the actions list across meetings.</p>
        {draft.actions.map((a, i) => (
          <fieldset className="govuk-fieldset app-repeat" key={a.id ?? `new-${i}`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Action {i + 1}</legend>
            <Textarea id={`actions.${i}.description`} label="What is to be done" value={a.description} onChange={(v) => setAction(i, 'description', v)} error={errorFor(errors, `actions.${i}.description`)} rows={2} />
            <Textarea id={`actions.${i}.rationale`} label="Why" value={a.rationale} onChange={(v) => setAction(i, 'rationale', v)} error={errorFor(errors, `actions.${i}.rationale`)} rows={2} />
            <Select id={`actions.${i}.ownerOfficeId`} label="Owning agency" value={a.ownerOfficeId} placeholder="Choose the office" options={officeOptions(offices)} onChange={(v) => setAction(i, 'ownerOfficeId', v)} error={errorFor(errors, `actions.${i}.ownerOfficeId`)} />
            <TextInput id={`actions.${i}.ownerPerson`} label="Person who will do it" value={a.ownerPerson} onChange={(v) => setAction(i, 'ownerPerson', v)} error={errorFor(errors, `actions.${i}.ownerPerson`)} />
            <TextInput id={`actions.${i}.dueOn`} label="Due" type="date" width="govuk-input--width-10" value={a.dueOn} onChange={(v) => setAction(i, 'dueOn', v)} error={errorFor(errors, `actions.${i}.dueOn`)} />
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onChange({ ...draft, actions: draft.actions.filter((_, j) => j !== i) })}>
              Remove action {i + 1}
            </button>
          </fieldset>
        ))}
        <button type="button" className="govuk-button govuk-button--secondary" id="actions" onClick={() => onChange({ ...draft, actions: [...draft.actions, { ...NO_ACTION }] })}>
          Add an action
        </button>
      </Part>
      <Part number={6} title="Dissenting views">
        {text('dissentingViews', 'Every different view, and whose it was (national guidance ch.13b).', 3)}
      </Part>
      <Part number={7} title="Disclosure">
        <Radios
          id="disclosureKind"
          legend="How was disclosure considered?"
          hint="Every Level 2 and 3 meeting considers disclosure (procedures §18)."
          value={draft.disclosureKind}
          options={[
            { value: 'none_needed', label: 'No disclosure is needed' },
            { value: 'disclosure_record', label: 'A disclosure is to be made (recorded as a disclosure record)' },
          ]}
          onChange={(v) => set('disclosureKind')(v as MinutesDraft['disclosureKind'])}
          error={errorFor(errors, 'disclosureKind')}
        />
        {draft.disclosureKind === 'none_needed' ? (
          <Textarea id="disclosureReason" label="Why no disclosure is needed" value={draft.disclosureReason} onChange={set('disclosureReason')} error={errorFor(errors, 'disclosureReason')} rows={3} />
        ) : null}
        {draft.disclosureKind === 'disclosure_record' ? <LinkDisclosure subjectId={where.subjectId} chosen={draft.disclosureRecordId} onChange={set('disclosureRecordId')} error={errorFor(errors, 'disclosureRecordId')} /> : null}
      </Part>
      <Part number={8} title="Risk management plan">
        {text('rmpSupervision')}
        {text('rmpMonitoringControl')}
        {text('rmpInterventionsTreatment')}
        {text('rmpVictimSafety')}
        {text('contingencies', 'What happens if the plan fails or the risk rises.', 3)}
        {text('licenceConditions', undefined, 3)}
      </Part>
      <Part number={9} title="Level and next review">
        <Radios id="levelDecision" legend="Level decision" value={draft.levelDecision} options={LEVEL_OPTIONS} onChange={(v) => set('levelDecision')(v as MinutesDraft['levelDecision'])} error={errorFor(errors, 'levelDecision')} />
        {text('levelDecisionReason', undefined, 3)}
        <Checkbox id="inCustody" label="The person is in custody" hint="A Level 3 case in the community is reviewed every 4 to 6 weeks (procedures §8)." checked={draft.inCustody} onChange={set('inCustody')} />
        <TextInput id="nextReview" label="Next review date" type="date" width="govuk-input--width-10" value={draft.nextReview} onChange={set('nextReview')} error={errorFor(errors, 'nextReview')} />
      </Part>
    </>
  );
}
