import { useState, type FormEvent } from 'react';
import { systemClock, today } from '../../../../shared/calendar';
import type { HoldingsView, ReferralView, SarView } from '../../../../shared/channels/sar';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, Textarea, TextInput } from '../../components/forms';
import { AgencyTag, formatDate, Tag } from '../../components/tags';
import { useSubmit } from '../useSubmit';
import { prefixErrors } from './parts';

// Another agency's items in a subject access request (issue 13): this office never releases
// them (leaflet: the owning agency answers). They are listed for what they are, without any
// release control, referred to their owner (when, to whom, how) and the owner's answer
// recorded; the referral goes in the internal schedule only, never in the response.

type Group = HoldingsView['groups'][number];

function ReferralAnswer({ view, referral, onAnswered }: { view: SarView; referral: ReferralView; onAnswered: (v: SarView) => void }) {
  const { notify } = useSession();
  const { errors, busy, submit } = useSubmit();
  const [answer, setAnswer] = useState('');
  const [answeredOn, setAnsweredOn] = useState(today(systemClock()));
  const p = `answer-${referral.id}`;
  const shown = prefixErrors(errors, p);
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const next = await api().sar.referralAnswer({ id: view.id, referralId: referral.id, answer, answeredOn });
      onAnswered(next);
      notify(`${referral.owner.name}’s answer is recorded.`);
    });
  };
  return (
    <form onSubmit={save} noValidate aria-label={`Record the answer from ${referral.owner.name}`}>
      <ErrorSummary errors={shown} />
      <Textarea id={`${p}-answer`} label={`${referral.owner.name}’s answer`} hint="For example: they will answer the requester directly by 4 December." value={answer} onChange={setAnswer} error={errorFor(shown, `${p}-answer`)} rows={2} />
      <TextInput id={`${p}-answeredOn`} label="The day they answered" type="date" width="govuk-input--width-10" value={answeredOn} onChange={setAnsweredOn} error={errorFor(shown, `${p}-answeredOn`)} />
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy}>
        Record their answer
      </button>
    </form>
  );
}

/** The referral as an exchange file to the owner's own register (the service refuses an office without a confirmed key, saying what to do). */
function SendAsFile({ view, referral, onSent }: { view: SarView; referral: ReferralView; onSent: (v: SarView) => void }) {
  const { notify } = useSession();
  const { errors, busy, submit } = useSubmit();
  const send = () =>
    void submit(async () => {
      const made = await api().sar.sendReferral({ id: view.id, referralId: referral.id });
      if (made.file === null) return;
      onSent(await api().sar.get({ id: view.id }));
      notify(`The referral is saved as ${made.file}. Send it to ${referral.owner.name}: their register opens it under Subject access requests.`);
    });
  return (
    <>
      <ErrorSummary errors={errors} />
      <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} aria-disabled={busy} onClick={send}>
        Send as an exchange file<span className="govuk-visually-hidden"> to {referral.owner.name}</span>
      </button>
    </>
  );
}

export function OwnerReferral({ view, group, onReferred, onAnswered }: { view: SarView; group: Group; onReferred: (v: SarView) => void; onAnswered: (v: SarView) => void }) {
  const { notify } = useSession();
  const { errors, busy, submit } = useSubmit();
  const owner = group.owner;
  const [referredOn, setReferredOn] = useState(today(systemClock()));
  const [toWhom, setToWhom] = useState('');
  const [how, setHow] = useState('');
  const unreferred = group.items.filter((i) => i.referralId === null);
  const referrals = view.referrals.filter((r) => r.owner.id === owner.id);
  const p = `refer-${owner.id}`;
  const shown = prefixErrors(errors, p);
  const refer = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const next = await api().sar.refer({ id: view.id, ownerOfficeId: owner.id, itemIds: unreferred.map((i) => i.id), referredOn, toWhom, how });
      onReferred(next);
      notify(`${unreferred.length === 1 ? 'One item is' : `${unreferred.length} items are`} referred to ${owner.name}.`);
    });
  };
  return (
    <section aria-labelledby={`owner-${owner.id}`}>
      <h2 className="govuk-heading-l" id={`owner-${owner.id}`}>
        {owner.name}: their items
      </h2>
      <p className="govuk-body app-tag-row">
        <AgencyTag agency={owner.agency} name={owner.name} /> {owner.name} owns {group.items.length === 1 ? 'this item' : `these ${group.items.length} items`}. This office never releases another agency’s information: refer {group.items.length === 1 ? 'it' : 'them'} to {owner.name}, who
        answers for {group.items.length === 1 ? 'it' : 'them'}. Referrals are listed in the internal schedule only, never in the response.
      </p>
      <ul className="govuk-list">
        {group.items.map((i) => (
          <li key={i.id} className="app-item app-item--theirs">
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
              {i.fieldLabel}, received {formatDate(i.receivedOn)} {i.referralId ? <Tag colour="green">Referred</Tag> : <Tag colour="orange">Not referred yet</Tag>}
            </p>
            <p className="govuk-body app-item__value govuk-!-margin-bottom-0">{i.value}</p>
          </li>
        ))}
      </ul>
      {referrals.map((r) => (
        <div className="govuk-!-margin-bottom-6" key={r.id}>
          <h3 className="govuk-heading-s">
            Referred on {formatDate(r.referredOn)} to {r.toWhom}
          </h3>
          <p className="govuk-body">
            By {r.how}; {r.itemIds.length === 1 ? '1 item' : `${r.itemIds.length} items`}.{' '}
            {r.answer ? (
              <>
                Their answer, {formatDate(r.answeredOn)}: {r.answer}
              </>
            ) : (
              'No answer recorded yet.'
            )}
          </p>
          {r.exchangeSentAt ? <p className="govuk-body-s">Sent as an exchange file to their register on {formatDate(r.exchangeSentAt)}.</p> : <SendAsFile view={view} referral={r} onSent={onAnswered} />}
          {r.answer ? null : <ReferralAnswer view={view} referral={r} onAnswered={onAnswered} />}
        </div>
      ))}
      {unreferred.length > 0 ? (
        <form onSubmit={refer} noValidate aria-labelledby={`${p}-title`}>
          <ErrorSummary errors={shown} />
          <h3 className="govuk-heading-m" id={`${p}-title`}>
            Refer to {owner.name}
          </h3>
          <TextInput id={`${p}-referredOn`} label="The day it was referred" type="date" width="govuk-input--width-10" value={referredOn} onChange={setReferredOn} error={errorFor(shown, `${p}-referredOn`)} />
          <TextInput id={`${p}-toWhom`} label="Whom it went to" hint="Their data protection officer or information governance lead, by name." value={toWhom} onChange={setToWhom} error={errorFor(shown, `${p}-toWhom`)} width="govuk-input--width-30" />
          <TextInput id={`${p}-how`} label="How it was sent" hint="For example, secure email." value={how} onChange={setHow} error={errorFor(shown, `${p}-how`)} width="govuk-input--width-30" />
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            Refer {unreferred.length === 1 ? 'the item' : `the ${unreferred.length} items`} to {owner.name}
          </button>
        </form>
      ) : null}
    </section>
  );
}
