import { useState, type FormEvent } from 'react';
import type { RetentionDue, RetentionRule } from '../../../shared/registerSchemas';
import { AGENCY_GROUPS, AGENCY_KINDS, FIELD_KINDS, type AgencyKindCode } from '../../../shared/vocabulary';
import { api } from '../mappa';
import { useSession } from '../session';
import { ErrorSummary, errorFor, Radios, Select, SuccessBanner, Textarea, TextInput } from '../components/forms';
import { AgencyTag, formatDate, Tag } from '../components/tags';
import { AGENCY_OPTIONS } from './SetupScreen';
import { useSubmit } from './useSubmit';
import { TableHead } from '../components/TableHead';
import { DecisionFields, RowDecision, type DecisionForm } from '../components/RowDecision';
import { useErrors, useLoad } from './useLoad';

// DOMAIN.md "Markings and retention": retention is per owning agency (police MoPI
// review, HMPPS records policy, local authority schedules), with recorded decisions.

const monthsText = (n: number) => (n === 1 ? '1 month' : `${n} months`);

/** The form's text as the contract's number; empty text is sent as missing so the contract's own sentence comes back. */
const asMonths = (text: string): number => (text.trim() === '' ? (null as unknown as number) : Number(text));

/** 'the address item about Daniel Hartley' */
const describeItem = (item: RetentionDue) => `${FIELD_KINDS[item.fieldKind].label.toLowerCase()} item about ${item.subjectName}`;

export function RetentionScreen() {
  const { can } = useSession();
  const mayConfigure = can('retention.configure');
  const mayDecide = can('retention.decide');
  const loaded = useLoad(async () => {
    const [rules, offices, due] = await Promise.all([api().retention.rules({}), api().offices.list({}), mayDecide ? api().retention.due({}) : Promise.resolve(null)]);
    return { rules, offices, due };
  }, [mayDecide]);
  const rules = loaded.data?.rules ?? [];
  const offices = loaded.data?.offices ?? [];
  const due = loaded.data?.due ?? null;
  const setDue = (next: RetentionDue[]) => loaded.setData((d) => d && { ...d, due: next });
  const [notice, setNotice] = useState<string | null>(null);
  const { errors: submitted, busy, submit } = useSubmit();
  const errors = useErrors(loaded.errors, submitted);

  // The rule form.
  const [agency, setAgency] = useState('');
  const [retainMonths, setRetainMonths] = useState('');
  const [reviewMonths, setReviewMonths] = useState('');

  const ruleFor = (code: string) => rules.find((r) => r.agency === code);

  // The agencies whose offices are in this register, and any others that already have a rule.
  const present = new Set<string>([...offices.map((o) => o.agency), ...rules.map((r) => r.agency)]);
  const shown = (Object.keys(AGENCY_KINDS) as AgencyKindCode[]).filter((code) => present.has(code));

  const chooseAgency = (code: string) => {
    setAgency(code);
    const existing = ruleFor(code);
    setRetainMonths(existing ? String(existing.retainMonths) : '');
    setReviewMonths(existing ? String(existing.reviewMonths) : '');
  };

  const saveRule = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    void submit(async () => {
      const saved = await api().retention.setRule({ agency: agency as AgencyKindCode, retainMonths: asMonths(retainMonths), reviewMonths: asMonths(reviewMonths) });
      loaded.setData((d) => d && { ...d, rules: saved });
      // A new or shorter period can bring items due at once.
      if (mayDecide) setDue(await api().retention.due({}));
      setNotice(`The retention rule for ${AGENCY_KINDS[agency as AgencyKindCode].label} has been saved.`);
      setAgency('');
      setRetainMonths('');
      setReviewMonths('');
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={notice} title="Done" />
      <h1 className="govuk-heading-xl">Retention</h1>
      <p className="govuk-body">
        Retention is set per owning agency: each agency’s items are kept for its period and then reviewed. Disposing of an item removes it and its history from the register
        permanently; the decision and its reason are kept.
      </p>

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Retention rules</caption>
        <TableHead columns={['Owning agency', 'Rule']} />
        <tbody className="govuk-table__body">
          {shown.map((code) => {
            const rule = ruleFor(code);
            return (
              <tr className="govuk-table__row" key={code}>
                <td className="govuk-table__cell">
                  {AGENCY_KINDS[code].label}
                  <span className="govuk-!-display-block govuk-body-s govuk-!-margin-bottom-0">{AGENCY_GROUPS[AGENCY_KINDS[code].group]}</span>
                </td>
                <td className="govuk-table__cell">{rule ? `Keep for ${monthsText(rule.retainMonths)}, then review every ${monthsText(rule.reviewMonths)}` : 'No rule set'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {mayConfigure ? (
        <>
          <h2 className="govuk-heading-m">Set a retention rule</h2>
          <form onSubmit={saveRule} noValidate>
            <Select id="agency" label="Owning agency" hint="The rule applies to every item owned by an office of this kind." value={agency} placeholder="Choose the agency" options={AGENCY_OPTIONS} onChange={chooseAgency} error={errorFor(errors, 'agency')} />
            <TextInput id="retainMonths" label="Keep items for (months)" hint="Counted from the date each item was received." type="number" width="govuk-input--width-10" value={retainMonths} onChange={setRetainMonths} error={errorFor(errors, 'retainMonths')} />
            <TextInput id="reviewMonths" label="Review again after (months)" hint="When an item is retained, how long until it is reviewed again." type="number" width="govuk-input--width-10" value={reviewMonths} onChange={setReviewMonths} error={errorFor(errors, 'reviewMonths')} />
            <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
              Save rule
            </button>
          </form>
        </>
      ) : (
        <p className="govuk-inset-text">Only an information governance lead or an administrator can set retention rules.</p>
      )}

      {mayDecide ? (
        <>
          <h2 className="govuk-heading-l">Items due for review</h2>
          {due === null ? null : (
            <RowDecision
              caption={due.length === 1 ? '1 item due for review' : `${due.length} items due for review`}
              empty="No items are due for a retention review."
              rows={due}
              rowKey={(item) => item.itemId}
              columns={[
                { header: 'Subject', cell: (item) => item.subjectName },
                { header: 'Information', cell: (item) => FIELD_KINDS[item.fieldKind].label },
                {
                  header: 'Owned by',
                  cell: (item) => (
                    <>
                      {item.owner.name} <AgencyTag agency={item.owner.agency} />
                    </>
                  ),
                },
                { header: 'Received', cell: (item) => formatDate(item.receivedOn) },
                { header: 'Review due', cell: (item) => formatDate(item.dueOn) },
                { header: 'Last decision', cell: (item) => (item.lastDecision === 'retain' ? <Tag colour="green">Retained</Tag> : 'None yet') },
              ]}
              action="Decide"
              about={(item) => `on the ${describeItem(item)}`}
              onResult={setNotice}
              renderForm={(item, form) => <RetentionDecision item={item} form={form} rule={ruleFor(item.owner.agency)} onDecided={setDue} />}
            />
          )}
        </>
      ) : null}
    </>
  );
}

/** Retain or dispose of one item due for review, with the reason. */
function RetentionDecision({ item, form, rule, onDecided }: { item: RetentionDue; form: DecisionForm; rule: RetentionRule | undefined; onDecided: (due: RetentionDue[]) => void }) {
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');

  const decide = async () => {
    if (
      decision === 'dispose' &&
      !window.confirm(`Dispose of the ${describeItem(item)}? The item and its history will be permanently removed from the register. Only the decision and your reason are kept.`)
    ) {
      return null;
    }
    onDecided(await api().retention.decide({ itemId: item.itemId, decision: decision as 'retain' | 'dispose', reason }));
    return decision === 'dispose'
      ? `The ${describeItem(item)} has been disposed of. Your decision has been recorded.`
      : `The ${describeItem(item)} will be kept${rule ? ` and reviewed again in ${monthsText(rule.reviewMonths)}` : ''}. Your decision has been recorded.`;
  };

  return (
    <>
      <p className="govuk-body">
        Owned by {item.owner.name}, received {formatDate(item.receivedOn)}, review due {formatDate(item.dueOn)}.
      </p>
      <DecisionFields form={form} submitLabel="Record decision" warning={decision === 'dispose'} decide={decide}>
        <Radios
          id="decision"
          legend="Decision"
          value={decision}
          options={[
            { value: 'retain', label: 'Retain' },
            { value: 'dispose', label: 'Dispose' },
          ]}
          hint="Retain keeps the item until its next review. Dispose removes the item and its history permanently."
          onChange={setDecision}
          error={errorFor(form.errors, 'decision')}
        />
        <Textarea id="reason" label="Reason for the decision" hint="For example, the owning agency’s review under its records policy." value={reason} onChange={setReason} error={errorFor(form.errors, 'reason')} />
      </DecisionFields>
    </>
  );
}
