import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { HoldingItem, HoldingsView } from '../../../../shared/channels/sar';
import { codesFor, EXEMPTION_CODES, isExemptionCode, type ExemptionCodeKey } from '../../../../shared/sarVocabulary';
import type { DataProtectionRegime } from '../../../../shared/vocabulary';
import { api } from '../../mappa';
import { ErrorSummary, errorFor, Radios, Select, Textarea, TextInput } from '../../components/forms';
import { formatDate, Tag } from '../../components/tags';
import { useSubmit } from '../useSubmit';
import { orNull, prefixErrors } from './parts';
import { codeShort, RedactableText } from './RedactableText';

/** An item by its kind and the day it was received; the minutes of a meeting by the meeting (handled as an extract about the person). */
const titleOf = (item: HoldingItem) => (item.source === 'minutes' ? `${item.fieldLabel} (an extract about them)` : `${item.fieldLabel}, received ${formatDate(item.receivedOn)}`);

// One of this office's items in a subject access request (issue 13): its text, what the
// register proposes (an item marked not to be disclosed to the subject arrives proposed as
// withheld, with its recorded reason), and the IG lead's decision: release, release with
// redactions, or withhold. The redaction tool: select words in the text with the mouse (or
// type them), choose the exemption, give the reason, and see them struck through with the
// code; other people's names the register found are offered as one-click suggestions; a
// redaction can be taken off before saving. Every rule is the service's, refused in its words.

type Choice = 'release' | 'redact' | 'withhold';
interface Draft {
  start: number;
  end: number;
  code: string;
  reason: string;
}

const DECISION_WORDS: Record<Choice, string> = { release: 'Release', redact: 'Release with redactions', withhold: 'Withhold' };

/** The code for another person's name under the regime: the rights of others. */
const THIRD_PARTY: Record<DataProtectionRegime, ExemptionCodeKey> = { dpa2018_part3: 'p3_rights_of_others', uk_gdpr: 'uk_third_party' };
const NAME_REASON = 'The name of another person, who has not agreed to its release.';

function codeOptions(regime: DataProtectionRegime) {
  return codesFor(regime).map((k) => ({ value: k, label: `${EXEMPTION_CODES[k].label} (${EXEMPTION_CODES[k].short})` }));
}

/** The chosen code's statutory source and what it allows, under its box. */
function codeHint(code: string): string | undefined {
  return isExemptionCode(code) ? `${EXEMPTION_CODES[code].source}. ${EXEMPTION_CODES[code].meaning}` : undefined;
}

const needsOpinion = (code: string) => isExemptionCode(code) && EXEMPTION_CODES[code].needsHealthOpinion;

function DecisionSummary({ item }: { item: HoldingItem }) {
  const d = item.decision;
  if (!d) return null;
  return (
    <p className="govuk-body govuk-!-margin-bottom-2">
      <strong>{DECISION_WORDS[d.decision]}</strong>
      {d.decision === 'redact' ? ` (${d.redactions.length === 1 ? '1 redaction' : `${d.redactions.length} redactions`})` : ''}
      {d.decision === 'withhold' ? ` under ${codeShort(d.code ?? '')}: ${d.reason ?? ''}` : ''}
      <span className="govuk-hint govuk-!-margin-bottom-0">
        {' '}
        Decided by {d.decidedBy}, {formatDate(d.decidedAt)}.{d.healthOpinion ? ` Health professional’s opinion: ${d.healthOpinion}` : ''}
      </span>
    </p>
  );
}

export function ItemDecision({ requestId, item, regime, onDecided }: { requestId: string; item: HoldingItem; regime: DataProtectionRegime; onDecided: (holdings: HoldingsView) => void }) {
  const d = item.decision;
  const [editing, setEditing] = useState(d === null || d.stale);
  const [choice, setChoice] = useState<string>(d?.decision ?? (item.proposal.decision === 'withhold' ? 'withhold' : ''));
  const [code, setCode] = useState(d?.code ?? '');
  const [reason, setReason] = useState(d?.reason ?? item.proposal.reason ?? '');
  const [opinion, setOpinion] = useState(d?.healthOpinion ?? '');
  const [spans, setSpans] = useState<Draft[]>(d?.redactions ?? []);
  // The redaction tool: the words selected (or typed), and the code and reason for them.
  const [picked, setPicked] = useState<{ start: number; end: number } | null>(null);
  const [words, setWords] = useState('');
  const [spanCode, setSpanCode] = useState('');
  const [spanReason, setSpanReason] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { errors, busy, submit } = useSubmit();
  const p = `${item.id}`;
  const shown = prefixErrors(errors, p);
  const err = (field: string) => errorFor(shown, `${p}-${field}`);

  const onSelect = useCallback(
    (start: number, end: number) => {
      setPicked({ start, end });
      setWords(item.value.slice(start, end));
    },
    [item.value],
  );
  const add = (next: Draft[]) => setSpans((all) => [...all, ...next].sort((a, b) => a.start - b.start || a.end - b.end));
  const redactPicked = () => {
    let found: { start: number; end: number }[] = [];
    if (picked && item.value.slice(picked.start, picked.end) === words) found = [picked];
    else if (words.trim() !== '') {
      // Typed words: every place they appear in the text.
      const needle = words.trim();
      for (let at = item.value.indexOf(needle); at !== -1; at = item.value.indexOf(needle, at + needle.length)) found.push({ start: at, end: at + needle.length });
    }
    if (found.length === 0) return;
    add(found.map((f) => ({ ...f, code: spanCode, reason: spanReason })));
    setPicked(null);
    setWords('');
    window.getSelection()?.removeAllRanges();
  };
  const suggestions = item.proposedRedactions.filter((s) => !spans.some((x) => x.start < s.end && s.start < x.end));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const withhold = choice === 'withhold';
    const redact = choice === 'redact';
    const opinionNeeded = (withhold && needsOpinion(code)) || (redact && spans.some((s) => needsOpinion(s.code)));
    void submit(async () => {
      const holdings = await api().sar.decide({
        id: requestId,
        itemId: item.id,
        decision: choice as Choice,
        code: withhold ? orNull(code) : null,
        reason: withhold ? orNull(reason) : null,
        healthOpinion: opinionNeeded ? orNull(opinion) : null,
        redactions: redact ? spans : [],
      });
      onDecided(holdings);
      setEditing(false);
      headingRef.current?.focus();
    });
  };

  const selecting = editing && choice === 'redact';
  return (
    <section className={`app-item${item.notToSubject ? ' app-item--special' : ''}`} aria-labelledby={`${p}-title`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2 app-page-heading" id={`${p}-title`} ref={headingRef} tabIndex={-1}>
        {titleOf(item)}
      </h3>
      <p className="govuk-body-s app-tag-row govuk-!-margin-bottom-2">
        <Tag colour={item.classification === 'OFFICIAL-SENSITIVE' ? 'orange' : 'grey'}>{item.classification}</Tag>
        {item.notToSubject ? <Tag colour="red">Not to be disclosed to the subject</Tag> : null}
        {d?.stale ? <Tag colour="red">Changed since decided: decide again</Tag> : null}
      </p>
      {selecting ? (
        <p className="govuk-hint govuk-!-margin-bottom-1" id={`${p}-text-hint`}>
          Select the words to redact in the text below with the mouse, or type them under “Words to redact”.
        </p>
      ) : null}
      <RedactableText id={`${p}-text`} text={item.value} spans={selecting ? spans : d?.decision === 'redact' && !editing ? d.redactions : []} onSelect={selecting ? onSelect : undefined} />

      {!editing ? (
        <>
          <DecisionSummary item={item} />
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setEditing(true)}>
            Change the decision<span className="govuk-visually-hidden"> on the {titleOf(item).toLowerCase()}</span>
          </button>
        </>
      ) : (
        <form onSubmit={save} noValidate className="govuk-!-margin-top-4">
          <ErrorSummary errors={shown} />
          <p className="govuk-inset-text govuk-!-margin-top-0">
            {item.proposal.decision === 'withhold' ? (
              <>
                Proposed: withhold. It is marked not to be disclosed to the subject{item.proposal.reason ? `: ${item.proposal.reason}` : '.'} Decide whether that still applies.
              </>
            ) : (
              <>Proposed: release{item.proposedRedactions.length > 0 ? ', with the other people’s names the register found redacted' : ''}.</>
            )}
          </p>
          <Radios
            id={`${p}-decision`}
            legend="Your decision"
            value={choice}
            options={[
              { value: 'release', label: DECISION_WORDS.release, hint: 'The text goes into the response as it is.' },
              { value: 'redact', label: DECISION_WORDS.redact, hint: 'Chosen words are removed from the response, each with its exemption and reason.' },
              { value: 'withhold', label: DECISION_WORDS.withhold, hint: 'None of it goes into the response.' },
            ]}
            onChange={setChoice}
            error={err('decision')}
          />
          {choice === 'redact' ? (
            <fieldset className="govuk-fieldset app-redaction-tool" id={`${p}-redactions`} tabIndex={-1}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Redactions</legend>
              {err('redactions') ? (
                <p className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {err('redactions')}
                </p>
              ) : null}
              {suggestions.length > 0 ? (
                <div className="govuk-!-margin-bottom-4">
                  <p className="govuk-body govuk-!-margin-bottom-1">Other people’s names found in the text:</p>
                  <div className="govuk-button-group govuk-!-margin-bottom-0">
                    {suggestions.map((s) => (
                      <button key={`${s.start}-${s.end}`} type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1" onClick={() => add([{ start: s.start, end: s.end, code: THIRD_PARTY[regime], reason: NAME_REASON }])}>
                        Redact this name: {s.name}
                      </button>
                    ))}
                  </div>
                </div>
              ) : null}
              <TextInput
                id={`${p}-words`}
                label="Words to redact"
                hint="Filled in when you select words in the text; or type them, and every place they appear is redacted."
                value={words}
                onChange={(v) => {
                  setWords(v);
                  setPicked(null);
                }}
                width="govuk-!-width-two-thirds"
              />
              <Select id={`${p}-span-code`} label="Exemption for these words" value={spanCode} placeholder="Choose an exemption" options={codeOptions(regime)} onChange={setSpanCode} hint={codeHint(spanCode)} />
              <Textarea id={`${p}-span-reason`} label="Why these words are redacted" value={spanReason} onChange={setSpanReason} rows={2} />
              <button type="button" className="govuk-button govuk-button--secondary" onClick={redactPicked}>
                Redact these words
              </button>
              {spans.length > 0 ? (
                <table className="govuk-table app-table--small">
                  <caption className="govuk-table__caption govuk-table__caption--s">Redactions to save</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        Words
                      </th>
                      <th scope="col" className="govuk-table__header">
                        Exemption
                      </th>
                      <th scope="col" className="govuk-table__header">
                        Reason
                      </th>
                      <th scope="col" className="govuk-table__header">
                        <span className="govuk-visually-hidden">Remove</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {spans.map((s, i) => (
                      <tr className="govuk-table__row" key={`${s.start}-${s.end}-${i}`}>
                        <td className="govuk-table__cell">
                          <del className="app-redaction">{item.value.slice(s.start, s.end)}</del>
                        </td>
                        <td className="govuk-table__cell">{codeShort(s.code)}</td>
                        <td className="govuk-table__cell">{s.reason || 'No reason given yet'}</td>
                        <td className="govuk-table__cell">
                          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setSpans((all) => all.filter((_, j) => j !== i))}>
                            Remove<span className="govuk-visually-hidden"> the redaction of “{item.value.slice(s.start, s.end)}”</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </fieldset>
          ) : null}
          {choice === 'withhold' ? (
            <>
              <Select id={`${p}-code`} label="The exemption that allows it to be withheld" value={code} placeholder="Choose an exemption" options={codeOptions(regime)} onChange={setCode} hint={codeHint(code)} error={err('code')} />
              <Textarea id={`${p}-reason`} label="Why the exemption applies to this item" value={reason} onChange={setReason} error={err('reason')} rows={2} />
            </>
          ) : null}
          {(choice === 'withhold' && needsOpinion(code)) || (choice === 'redact' && spans.some((s) => needsOpinion(s.code))) ? (
            <Textarea
              id={`${p}-healthOpinion`}
              label="The appropriate health professional’s opinion"
              hint="Who gave it, when, and what it was."
              value={opinion}
              onChange={setOpinion}
              error={err('healthOpinion')}
              rows={3}
            />
          ) : null}
          <div className="govuk-button-group govuk-!-margin-bottom-0">
            <button type="submit" className="govuk-button govuk-!-margin-bottom-0" disabled={busy} aria-disabled={busy}>
              Save the decision<span className="govuk-visually-hidden"> on the {titleOf(item).toLowerCase()}</span>
            </button>
            {d !== null && !d.stale ? (
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => setEditing(false)}>
                Keep the decision as it was
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
