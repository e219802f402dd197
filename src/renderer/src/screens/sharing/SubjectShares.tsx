import { useMemo, useState, type FormEvent } from 'react';
import type { ShareSummary } from '../../../../shared/channels/sharing';
import type { SubjectDetail } from '../../../../shared/registerSchemas';
import { SHARE_PURPOSES, WITHDRAWAL_LIMIT, type SharePurpose } from '../../../../shared/sharingVocabulary';
import { FIELD_KINDS } from '../../../../shared/vocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, HintAndError, Radios, Select, SuccessBanner, Textarea, TextInput } from '../../components/forms';
import { DecisionFields, RowDecision, type DecisionForm } from '../../components/RowDecision';
import { formatDate } from '../../components/tags';
import { useErrors, useLoad } from '../useLoad';
import { useSubmit } from '../useSubmit';
import { ActionLink, namesList, prefixErrors, purposeText, recipientsText, ShareStatusTag } from './parts';

// The subject page's "Shares and decisions not to share" (issue 10): each share with its
// status and a link to it (a draft carries on where it was left), Withdraw for a confirmed
// one, and the form that records a decision not to share, with its reason.

const PURPOSE_OPTIONS = (Object.keys(SHARE_PURPOSES) as SharePurpose[]).map((code) => ({ value: code, label: SHARE_PURPOSES[code] }));

const about = (share: ShareSummary) => `the share of ${formatDate(share.confirmedAt ?? share.createdAt)} to ${namesList(share.recipients.map((o) => o.name))}`;

export function SubjectShares({ subject }: { subject: SubjectDetail }) {
  const { can, navigate } = useSession();
  const loaded = useLoad(() => api().shares.list({ subjectId: subject.id }), [subject.id]);
  const shares = loaded.data;
  const [notice, setNotice] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const mayShare = can('share.make');
  const name = `${subject.givenName} ${subject.familyName}`;

  return (
    <section aria-labelledby="shares-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="shares-heading">
        Shares and decisions not to share
      </h2>
      <ErrorSummary errors={loaded.errors} />
      <SuccessBanner message={notice} title="Done" />
      {shares === undefined ? null : (
        <RowDecision
          caption={shares.length === 1 ? '1 share or decision' : `${shares.length} shares and decisions`}
          empty={`Nothing about ${name} has been shared from this register, and no decision not to share has been recorded.`}
          rows={shares}
          rowKey={(s) => s.id}
          columns={[
            { header: 'Status', cell: (s) => <ShareStatusTag status={s.status} /> },
            { header: 'Purpose', cell: (s) => purposeText(s) },
            { header: 'Recipients', cell: (s) => recipientsText(s) },
            { header: 'Date', cell: (s) => formatDate(s.confirmedAt ?? s.createdAt) },
            {
              header: 'Share',
              cell: (s) => (
                <ActionLink onClick={() => navigate({ name: 'share', id: s.id, subjectId: s.subjectId })}>
                  {s.status === 'draft' ? 'Continue this draft' : 'Open'}
                  <span className="govuk-visually-hidden">
                    {' '}
                    {s.status === 'declined' ? 'the decision not to share' : 'the share'} of {formatDate(s.createdAt)}
                  </span>
                </ActionLink>
              ),
            },
          ]}
          action="Withdraw"
          about={about}
          choosable={(s) => mayShare && s.status === 'confirmed'}
          onResult={setNotice}
          renderForm={(s, form) => <WithdrawForm share={s} form={form} onWithdrawn={() => void loaded.reload()} />}
        />
      )}
      {mayShare && !declining ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            setNotice(null);
            setDeclining(true);
          }}
        >
          Record a decision not to share
        </button>
      ) : null}
      {declining ? (
        <DeclineForm
          subject={subject}
          onCancel={() => setDeclining(false)}
          onDeclined={() => {
            setDeclining(false);
            setNotice('The decision not to share and its reason have been recorded.');
            void loaded.reload();
          }}
        />
      ) : null}
    </section>
  );
}

function WithdrawForm({ share, form, onWithdrawn }: { share: ShareSummary; form: DecisionForm; onWithdrawn: () => void }) {
  const [reason, setReason] = useState('');
  const decide = async () => {
    const { file } = await api().shares.withdraw({ id: share.id, reason });
    // No file chosen: nothing was withdrawn, the form stays open.
    if (file === null) return null;
    onWithdrawn();
    return `The share was withdrawn. The withdrawal notice was saved to ${file}: send it to ${namesList(share.recipients.map((o) => o.name))}.`;
  };
  return (
    <>
      <div className="govuk-inset-text">{WITHDRAWAL_LIMIT}</div>
      <p className="govuk-body">You will choose where to save the signed withdrawal notice, to send to the recipients like the share itself.</p>
      <DecisionFields form={form} submitLabel="Withdraw and save the notice" warning decide={decide}>
        <Textarea id="reason" label="Why is the share being withdrawn?" hint="The recipients see this reason." value={reason} onChange={setReason} error={errorFor(form.errors, 'reason')} />
      </DecisionFields>
    </>
  );
}

/** A decision not to share, recorded like a share: who asked, for what, which items, and why not. */
function DeclineForm({ subject, onCancel, onDeclined }: { subject: SubjectDetail; onCancel: () => void; onDeclined: () => void }) {
  const offices = useLoad(() => api().offices.list({}), []);
  const [requestedBy, setRequestedBy] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [purposeOther, setPurposeOther] = useState('');
  const [itemIds, setItemIds] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const { errors: submitted, busy, submit } = useSubmit();
  const mine = useMemo(() => prefixErrors(submitted, 'decline'), [submitted]);
  const errors = useErrors(offices.errors, mine);
  const items = subject.itemGroups.flatMap((g) => g.items);

  const record = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      await api().shares.decline({
        subjectId: subject.id,
        requestedBy,
        requestedByOfficeId: officeId === '' ? null : officeId,
        purpose: purpose as SharePurpose,
        purposeOther: purpose === 'other' ? purposeOther : null,
        itemIds: items.filter((i) => itemIds.has(i.id)).map((i) => i.id),
        reason,
      });
      onDeclined();
    });
  };

  return (
    <form onSubmit={record} noValidate className="govuk-!-margin-top-4">
      <ErrorSummary errors={errors} />
      <h3 className="govuk-heading-m">Record a decision not to share</h3>
      <p className="govuk-body">A decision not to share is recorded like a share, with its reason (leaflet: the reasons for not sharing must be recorded).</p>
      <TextInput id="decline-requestedBy" label="Who asked for the information" hint="Their name and organisation" value={requestedBy} onChange={setRequestedBy} error={errorFor(errors, 'decline-requestedBy')} width="govuk-input--width-30" />
      <Select
        id="decline-requestedByOfficeId"
        label="Their office, if it is in this register (optional)"
        value={officeId}
        placeholder="Not one of the offices in this register"
        options={(offices.data ?? []).filter((o) => !o.isHome).map((o) => ({ value: o.id, label: `${o.name}, ${o.area}` }))}
        onChange={setOfficeId}
        error={errorFor(errors, 'decline-requestedByOfficeId')}
      />
      <Radios id="decline-purpose" legend="What did they ask for it for?" value={purpose} options={PURPOSE_OPTIONS} onChange={setPurpose} error={errorFor(errors, 'decline-purpose')} />
      {purpose === 'other' ? <TextInput id="decline-purposeOther" label="Which MAPPA purpose?" value={purposeOther} onChange={setPurposeOther} error={errorFor(errors, 'decline-purposeOther')} width="govuk-!-width-two-thirds" /> : null}
      {items.length > 0 ? (
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="decline-itemIds-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Which items were asked for (optional)</legend>
            <HintAndError id="decline-itemIds" hint="Leave them all unticked if the request was not for particular items." error={errorFor(errors, 'decline-itemIds')} />
            <div className="govuk-checkboxes govuk-checkboxes--small">
              {items.map((item, index) => {
                const id = index === 0 ? 'decline-itemIds' : `decline-itemIds-${item.id}`;
                return (
                  <div className="govuk-checkboxes__item" key={item.id}>
                    <input
                      className="govuk-checkboxes__input"
                      id={id}
                      type="checkbox"
                      checked={itemIds.has(item.id)}
                      aria-describedby={`${id}-value`}
                      onChange={(e) =>
                        setItemIds((before) => {
                          const next = new Set(before);
                          if (e.target.checked) next.add(item.id);
                          else next.delete(item.id);
                          return next;
                        })
                      }
                    />
                    <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                      {FIELD_KINDS[item.fieldKind].label} ({item.owner.name})
                    </label>
                    <div className="govuk-hint govuk-checkboxes__hint app-choice__value" id={`${id}-value`}>
                      {item.value}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
      ) : null}
      <Textarea id="decline-reason" label="Why is the information not being shared?" value={reason} onChange={setReason} error={errorFor(errors, 'decline-reason')} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Record the decision
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Starts a draft share of this person's information and opens its task list. */
export function StartShareButton({ subjectId }: { subjectId: string }) {
  const { navigate, reasonFor } = useSession();
  const { errors, busy, submit } = useSubmit();
  const start = () =>
    void submit(async () => {
      // The reason given when the record was opened: starting a share shows its contents again.
      const share = await api().shares.start({ subjectId, reason: reasonFor(subjectId) });
      navigate({ name: 'share', id: share.id, subjectId, step: 'tasks' });
    });
  return (
    <>
      {errors.length > 0 ? <p className="govuk-error-message">{errors.map((e) => e.message).join(' ')}</p> : null}
      <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={start}>
        Share information
      </button>
    </>
  );
}
