import { useState, type ReactNode } from 'react';
import type { ImportPreview } from '../../../../shared/channels/sharing';
import { formatLondonDate, formatLondonDateTime } from '../../../../shared/calendar';
import { WITHDRAWAL_LIMIT } from '../../../../shared/sharingVocabulary';
import { api } from '../../mappa';
import { useSession } from '../../session';
import { ErrorSummary, errorFor, Radios } from '../../components/forms';
import { Tag } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { useSubmit } from '../useSubmit';
import { agencyLabel, BackLink, ConfirmationPanel, Fingerprint, PageHeading, WarningText } from './parts';

// Importing a partner's exchange file (issue 10). The service verifies the file before
// anything is shown (signed by a confirmed partner, made for this office, in date, not
// imported before); the preview says who sent it and what it holds, and nothing is
// imported until the person says so. A refusal is shown in the service's words.

type ImportResult = Awaited<ReturnType<ReturnType<typeof api>['exchange']['import']>>;

const ITEM_STATUS: Record<ImportPreview['items'][number]['status'], { label: string; colour: 'green' | 'grey' | 'blue' | 'yellow' }> = {
  new: { label: 'New', colour: 'green' },
  same: { label: 'Already held', colour: 'grey' },
  newer: { label: 'Newer version of an item held', colour: 'blue' },
  older: { label: 'Older than the version held', colour: 'yellow' },
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function ImportScreen() {
  const { navigate } = useSession();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<{ preview: ImportPreview; result: ImportResult } | null>(null);
  const { errors, busy, submit } = useSubmit();

  const open = () => {
    setResult(null);
    void submit(async () => {
      const opened = await api().exchange.open({});
      if (!('cancelled' in opened)) setPreview(opened);
    });
  };
  const importIt = (p: ImportPreview, subjectId: string | null) =>
    void submit(async () => {
      const done = await api().exchange.import({ token: p.token, subjectId });
      setPreview(null);
      setResult({ preview: p, result: done });
    });

  if (preview) return <PreviewPage preview={preview} errors={errors} busy={busy} onImport={(subjectId) => importIt(preview, subjectId)} onCancel={() => setPreview(null)} />;

  return (
    <>
      <BackLink onClick={() => navigate({ name: 'shares' })}>Back to shares</BackLink>
      <ErrorSummary errors={errors} />
      {result ? <Imported {...result} onOpen={(id) => navigate({ name: 'subject', id })} /> : null}
      {result ? null : <PageHeading>Import a file from a partner</PageHeading>}
      <p className="govuk-body">
        Open a <code>.mappa</code> exchange file a partner office sent you. It is checked before anything is shown: it must be signed by an office whose key you have confirmed,
        made for this office, and still in date. Nothing is imported until you have seen what it holds.
      </p>
      <button type="button" className="govuk-button" disabled={busy} aria-disabled={busy} onClick={open}>
        Open an exchange file
      </button>
    </>
  );
}

function Imported({ preview, result, onOpen }: { preview: ImportPreview; result: ImportResult; onOpen: (subjectId: string) => void }) {
  const withdrawal = preview.kind === 'withdrawal';
  // A withdrawal of items this register never held touches no one.
  const subjectId = result.subjectId;
  return (
    <>
      <ConfirmationPanel title={withdrawal ? 'Withdrawal recorded' : 'File imported'}>
        {withdrawal
          ? `${count(result.withdrawn, 'item', 'items')} marked as withdrawn by ${preview.sender.name}`
          : `${count(result.added, 'item', 'items')} added, ${count(result.matched, 'item', 'items')} already held, ${count(result.updated, 'item', 'items')} updated`}
      </ConfirmationPanel>
      {subjectId ? (
        <p className="govuk-body">
          <a
            href="#subject"
            className="govuk-link"
            onClick={(event) => {
              event.preventDefault();
              onOpen(subjectId);
            }}
          >
            Go to {preview.subject.names}
          </a>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Import another file</h2>
    </>
  );
}

const NEW_RECORD = 'new';

function PreviewPage({ preview, errors, busy, onImport, onCancel }: { preview: ImportPreview; errors: ReturnType<typeof useSubmit>['errors']; busy: boolean; onImport: (subjectId: string | null) => void; onCancel: () => void }) {
  const withdrawal = preview.kind === 'withdrawal';
  const s = preview.sender;
  const candidates = preview.subject.matchedSubjectId === null ? preview.subject.candidates : [];
  const [choice, setChoice] = useState('');
  return (
    <>
      <BackLink onClick={onCancel}>Back</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption={`From ${s.name}`}>{withdrawal ? 'A withdrawal notice' : 'Check the file before importing it'}</PageHeading>
      <p className="govuk-body app-tag-row">
        <Tag colour="green">Signature checked</Tag> This file was signed with the key you confirmed for {s.name}, and made for this office.
      </p>
      {withdrawal ? (
        <>
          <WarningText>
            {s.name} has withdrawn what it shared. The items below will be marked as withdrawn by the sender and cannot be shared on.
          </WarningText>
          <div className="govuk-inset-text">{WITHDRAWAL_LIMIT}</div>
        </>
      ) : null}
      <dl className="govuk-summary-list">
        <Row label="Sent by">
          {s.name}
          <span className="govuk-!-display-block">
            {s.agencyLabel}, {s.area}
          </span>
        </Row>
        <Row label="Sender’s fingerprint">
          <Fingerprint value={s.fingerprint} size="small" />
        </Row>
        {withdrawal ? (
          <Row label="Reason for the withdrawal">{preview.withdrawalReason}</Row>
        ) : (
          <>
            <Row label="Purpose">{preview.purpose}</Row>
            <Row label="Lawful gateway">{preview.gateway}</Row>
            <Row label="Data protection regime">{preview.regime}</Row>
          </>
        )}
        <Row label="Made">{formatLondonDateTime(preview.createdAt)}</Row>
        <Row label="Can be imported until">{formatLondonDateTime(preview.expiresAt)}</Row>
        <Row label="The person">
          {preview.subject.names}
          {preview.subject.dateOfBirth ? `, born ${formatLondonDate(preview.subject.dateOfBirth)}` : ''}
          <span className="govuk-!-display-block">
            {preview.subject.matchedSubjectId
              ? `Already in this register (matched by ${preview.subject.matchedBy ?? 'their details'}): the items are added to their record.`
              : candidates.length > 0
                ? 'Nothing in the file identifies them for certain (no date of birth or reference matched): say below whether they are someone already here.'
                : 'Not in this register yet: a new record will be made for them.'}
          </span>
        </Row>
      </dl>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{withdrawal ? `Items withdrawn (${preview.items.length})` : `Items in the file (${preview.items.length})`}</caption>
        <TableHead columns={['Information', 'Owned by', 'Conditions', 'Status']} />
        <tbody className="govuk-table__body">
          {preview.items.map((item, index) => (
            <tr className="govuk-table__row" key={index}>
              <td className="govuk-table__cell">
                <strong>{item.label}</strong>
                <span className="govuk-!-display-block app-item__value">{item.value}</span>
              </td>
              <td className="govuk-table__cell">
                {item.owner.name}
                <span className="govuk-!-display-block">
                  <strong className="govuk-tag govuk-tag--turquoise app-tag">{agencyLabel(item.owner.agency)}</strong>
                </span>
              </td>
              <td className="govuk-table__cell">
                {item.noOnwardDisclosure ? <Tag colour="orange">No onward disclosure without the owner’s permission</Tag> : null}
                {item.notToSubject ? <Tag colour="purple">Not to be disclosed to the subject</Tag> : null}
                {!item.noOnwardDisclosure && !item.notToSubject ? 'None' : null}
              </td>
              <td className="govuk-table__cell">
                <Tag colour={ITEM_STATUS[item.status].colour}>{ITEM_STATUS[item.status].label}</Tag>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {candidates.length > 0 ? (
        <Radios
          id="subjectId"
          legend={`Is ${preview.subject.names} someone already in this register?`}
          hint="People here with the same name. Check the file’s items against their record before you choose."
          value={choice}
          error={errorFor(errors, 'subjectId')}
          onChange={setChoice}
          options={[
            ...candidates.map((c) => ({ value: c.id, label: `Yes: ${c.names}${c.dateOfBirth ? `, born ${formatLondonDate(c.dateOfBirth)}` : ', date of birth not recorded'}` })),
            { value: NEW_RECORD, label: 'No: make a new record for them' },
          ]}
        />
      ) : null}
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button"
          disabled={busy || (candidates.length > 0 && choice === '')}
          aria-disabled={busy || (candidates.length > 0 && choice === '')}
          onClick={() => onImport(choice === '' || choice === NEW_RECORD ? null : choice)}
        >
          {withdrawal ? 'Record the withdrawal' : 'Import'}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
