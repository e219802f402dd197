import { useState, type ReactNode } from 'react';
import type { ItemView, SubjectDetail } from '../../../shared/registerSchemas';
import { FIELD_KINDS, RMP_HEADINGS } from '../../../shared/vocabulary';
import { ACCESS_REASONS, type AccessReason, type AccessReasonCode } from '../../../shared/accessReasons';
import { MappaError } from '../../../shared/errors';
import { api, toFieldErrors, type FieldError } from '../mappa';
import { useSession } from '../session';
import { ErrorSummary, errorFor, Radios, Textarea } from '../components/forms';
import { AgencyTag, CategoryTag, formatDate, LevelTag, RiskTag, Tag } from '../components/tags';
import { useSubmit } from './useSubmit';
import { TableHead } from '../components/TableHead';
import { useLoad } from './useLoad';
import { StartShareButton, SubjectShares } from './sharing/SubjectShares';
import { SubjectDisclosures } from './disclosure/SubjectDisclosures';
import { WITHDRAWAL_LIMIT } from '../../../shared/sharingVocabulary';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** A recorded deletion: the reason is required and kept. */
function DeleteForm({ id, what, onDelete, onCancel }: { id: string; what: string; onDelete: (reason: string) => Promise<void>; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const { errors, busy, submit } = useSubmit();
  return (
    <div className="govuk-!-margin-top-4">
      <ErrorSummary errors={errors} />
      <Textarea id={`reason-${id}`} label={`Why are you deleting ${what}?`} hint="The deletion and its reason are recorded." value={reason} onChange={setReason} error={errorFor(errors, 'reason')} rows={2} />
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--warning" disabled={busy} onClick={() => void submit(() => onDelete(reason))}>
          Delete {what}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function History({ itemId }: { itemId: string }) {
  const { data: versions, errors } = useLoad(() => api().items.history({ id: itemId }), [itemId]);
  // Said where the history would be, not as an empty table that looks like no history.
  if (errors.length > 0) return <p className="govuk-error-message govuk-!-margin-top-2">{errors.map((e) => e.message).join(' ')}</p>;
  if (versions === undefined) return <p className="govuk-body-s">Loading history…</p>;
  return (
    <table className="govuk-table govuk-!-margin-top-2">
      <caption className="govuk-table__caption govuk-table__caption--s">Versions of this item, newest first</caption>
      <TableHead columns={['Version', 'Information', 'Changed']} />
      <tbody className="govuk-table__body">
        {versions.map((v) => (
          <tr className="govuk-table__row" key={v.version}>
            <td className="govuk-table__cell">{v.version}</td>
            <td className="govuk-table__cell app-item__value">{v.value}</td>
            <td className="govuk-table__cell">
              {formatDate(v.changedAt)} by {v.changedBy}
              {v.changeReason ? `: ${v.changeReason}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Item({ item, onChanged }: { item: ItemView; onChanged: () => void }) {
  const { can, navigate, notify, status } = useSession();
  // Leaflet: information stays the responsibility of the agency that owns it; only its users change or delete it.
  const owned = status.profile?.agency === item.owner.agency;
  const [showHistory, setShowHistory] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const label = FIELD_KINDS[item.fieldKind].label;
  return (
    <article className={`app-item${item.specialCategory ? ' app-item--special' : ''}`} aria-labelledby={`item-${item.id}-title`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={`item-${item.id}-title`}>
        {label}
        {item.rmpHeading ? `: ${RMP_HEADINGS[item.rmpHeading]}` : ''}
      </h3>
      <div className="govuk-!-margin-bottom-2">
        <AgencyTag agency={item.owner.agency} name={item.owner.name} />
        {item.specialCategory ? <Tag colour="red">{`Special category: ${item.specialCategory}`}</Tag> : null}
        {item.noOnwardDisclosure ? <Tag colour="orange">No onward disclosure without the owner’s permission</Tag> : null}
        {item.notToSubject ? <Tag colour="purple">Not to be disclosed to the subject</Tag> : null}
        <Tag colour="grey">{item.classification}</Tag>
        {item.received ? <Tag colour="blue">{`Received from ${item.received.fromOfficeName}`}</Tag> : null}
        {item.received?.withdrawnAt ? <Tag colour="red">Withdrawn by sender</Tag> : null}
      </div>
      <p className="govuk-body app-item__value">{item.value}</p>
      {item.received?.withdrawnAt ? (
        <p className="govuk-body-s">
          {item.received.fromOfficeName} withdrew this on {formatDate(item.received.withdrawnAt)}
          {item.received.withdrawnReason ? `: ${item.received.withdrawnReason}` : ''}. It cannot be shared on. {WITHDRAWAL_LIMIT}
        </p>
      ) : null}
      {item.notToSubject && item.notToSubjectReason ? <p className="govuk-body-s">Not to be disclosed to the subject because: {item.notToSubjectReason}</p> : null}
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        Provided by {item.providerName} ({item.providerOffice.name}), received {formatDate(item.receivedOn)}. Version {item.version}, last changed {formatDate(item.updatedAt)} by {item.updatedBy}.
      </p>
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        {can('item.edit') && owned ? (
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => navigate({ name: 'itemForm', subjectId: item.subjectId, itemId: item.id })}>
            Edit <span className="govuk-visually-hidden">{label}</span>
          </button>
        ) : null}
        {item.version > 1 ? (
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
            {showHistory ? 'Hide history' : 'Show history'} <span className="govuk-visually-hidden">of {label}</span>
          </button>
        ) : null}
        {can('item.delete') && owned && !deleting ? (
          <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => setDeleting(true)}>
            Delete <span className="govuk-visually-hidden">{label}</span>
          </button>
        ) : null}
      </div>
      {showHistory ? <History itemId={item.id} /> : null}
      {deleting ? (
        <DeleteForm
          id={item.id}
          what="this item"
          onCancel={() => setDeleting(false)}
          onDelete={async (reason) => {
            await api().items.delete({ id: item.id, reason });
            notify(`The ${label.toLowerCase()} item was deleted. The deletion and its reason are recorded.`);
            onChanged();
          }}
        />
      ) : null}
    </article>
  );
}

/** Asked before a record opens, when the register requires a reason (DOMAIN.md "Integrity and misuse"). */
function ReasonPrompt({ errors, whose, onGive, onCancel }: { errors: FieldError[]; whose: string | undefined; onGive: (reason: AccessReason) => void; onCancel: () => void }) {
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  return (
    <>
      <ErrorSummary errors={errors} />
      {/* Whose record: among many people with the same name, the person says why for the right one. */}
      {whose ? <span className="govuk-caption-l">{whose}</span> : null}
      <h1 className="govuk-heading-xl">Why are you opening this record?</h1>
      <p className="govuk-body">Every time a record is opened, who opened it and why is recorded for your information governance lead.</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onGive(code === 'other' ? { code: 'other', text } : ({ code: code as AccessReasonCode } as AccessReason));
        }}
      >
        <Radios id="reason.code" legend="Reason" value={code} options={(Object.keys(ACCESS_REASONS) as AccessReasonCode[]).map((c) => ({ value: c, label: ACCESS_REASONS[c] }))} onChange={setCode} error={errorFor(errors, 'reason.code')} />
        {code === 'other' ? <Textarea id="reason.text" label="Say why" value={text} onChange={setText} error={errorFor(errors, 'reason.text')} rows={2} /> : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button">
            Open record
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Go back
          </button>
        </div>
      </form>
    </>
  );
}

type Opening = { state: 'loading' } | { state: 'reason'; errors: FieldError[] } | { state: 'blocked'; message: string } | { state: 'failed'; errors: FieldError[] } | { state: 'open'; subject: SubjectDetail };

/** What a refusal to open means for the screen: ask why, say it is blocked, or show the error. */
function refused(error: unknown, reasonGiven: boolean): Opening {
  if (error instanceof MappaError && error.code === 'reason_needed') return { state: 'reason', errors: reasonGiven ? toFieldErrors(error) : [] };
  // A reason the contract itself refused (none chosen, "Other" without words): ask again.
  if (error instanceof MappaError && error.code === 'invalid_input' && error.field?.startsWith('reason')) return { state: 'reason', errors: toFieldErrors(error) };
  if (error instanceof MappaError && error.code === 'association_block') return { state: 'blocked', message: error.message };
  return { state: 'failed', errors: toFieldErrors(error) };
}

export function SubjectScreen({ id, whose }: { id: string; whose?: string | undefined }) {
  const { can, navigate, notify, reasonFor, rememberReason } = useSession();
  const [deleting, setDeleting] = useState(false);
  // The reason given for opening this record in this session, or the one the person gives when asked.
  const [reason, setReason] = useState(() => reasonFor(id));
  // While it asks again, the reason prompt stays on screen (with what the person chose) until the answer comes.
  const loaded = useLoad(async (): Promise<Opening> => {
    try {
      const subject = await api().subjects.get({ id, reason });
      if (reason) rememberReason(id, reason);
      return { state: 'open', subject };
    } catch (error) {
      return refused(error, reason !== null);
    }
  }, [id, reason, rememberReason]);
  const opening = loaded.data ?? { state: 'loading' };

  if (opening.state === 'reason') return <ReasonPrompt errors={opening.errors} whose={whose} onGive={setReason} onCancel={() => navigate({ name: 'subjects' })} />;
  if (opening.state === 'blocked') {
    return (
      <>
        <h1 className="govuk-heading-xl">You cannot open this record</h1>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {opening.message}
          </strong>
        </div>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'subjects' })}>
          Back to subjects
        </button>
      </>
    );
  }
  if (opening.state !== 'open') {
    return (
      <>
        <ErrorSummary errors={opening.state === 'failed' ? opening.errors : []} />
        {opening.state === 'loading' ? <p className="govuk-body">Opening the record…</p> : null}
      </>
    );
  }
  const subject = opening.subject;
  const name = `${subject.givenName} ${subject.familyName}`;
  const itemCount = subject.itemGroups.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      <a
        href="#subjects"
        className="govuk-back-link"
        onClick={(e) => {
          e.preventDefault();
          navigate({ name: 'subjects' });
        }}
      >
        Back to subjects
      </a>
      <span className="govuk-caption-l">{subject.kind === 'pdp' ? 'Potentially Dangerous Person' : 'MAPPA nominal'}</span>
      <h1 className="govuk-heading-xl govuk-!-margin-bottom-2">{name}</h1>
      <div className="govuk-!-margin-bottom-6">
        <CategoryTag category={subject.category} />
        <LevelTag level={subject.level} />
        <RiskTag risk={subject.risk} />
        {subject.under18 ? <Tag colour="red">Under 18</Tag> : null}
        {subject.reviewDue ? <Tag colour="yellow">{`Review due ${formatDate(subject.nextReview)}`}</Tag> : null}
      </div>
      {subject.under18 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This person is under 18: no disclosure decision without a senior Youth Offending Service or Children’s Services person consulted.
          </strong>
        </div>
      ) : null}
      <div className="govuk-button-group">
        {can('item.add') ? (
          <button type="button" className="govuk-button" onClick={() => navigate({ name: 'itemForm', subjectId: subject.id })}>
            Add information
          </button>
        ) : null}
        {can('subject.edit') ? (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => navigate({ name: 'subjectForm', id: subject.id })}>
            Edit details
          </button>
        ) : null}
        {can('share.make') ? <StartShareButton subjectId={subject.id} /> : null}
        {can('subject.delete') && !deleting ? (
          <button type="button" className="govuk-button govuk-button--warning" onClick={() => setDeleting(true)}>
            Delete subject
          </button>
        ) : null}
      </div>
      {deleting ? (
        <DeleteForm
          id={subject.id}
          what="this subject"
          onCancel={() => setDeleting(false)}
          onDelete={async (reason) => {
            await api().subjects.delete({ id: subject.id, reason });
            notify(`${name} was deleted from the register. The deletion and its reason are recorded.`);
            navigate({ name: 'subjects' });
          }}
        />
      ) : null}
      <h2 className="govuk-heading-m">Details</h2>
      <dl className="govuk-summary-list">
        <Row label="Also known as">{subject.aliases.length > 0 ? subject.aliases.join(', ') : 'None recorded'}</Row>
        <Row label="Date of birth">{subject.dateOfBirth ? formatDate(subject.dateOfBirth) : 'Not known'}</Row>
        <Row label="Ethnicity (as stated)">{subject.ethnicity ?? 'Not stated'}</Row>
        <Row label="References">
          {[subject.pnc ? `PNC ${subject.pnc}` : '', subject.ndelius ? `nDelius ${subject.ndelius}` : '', subject.visor ? `ViSOR ${subject.visor}` : ''].filter(Boolean).join(', ') || 'None recorded'}
        </Row>
        <Row label="Address">{subject.noFixedAbode ? `No fixed abode; closest links to ${subject.areaOfClosestLinks ?? 'an unknown area'}` : subject.address}</Row>
        <Row label="Index offence">{subject.indexOffence ?? 'Not recorded'}</Row>
        <Row label="Sentence">{subject.sentence ?? 'Not recorded'}</Row>
        <Row label="Lead agency">{subject.leadOfficeName ?? 'Not set'}</Row>
        <Row label="Next review">{subject.nextReview ? formatDate(subject.nextReview) : 'Not set'}</Row>
        {subject.exceptionalReason ? <Row label="Exceptional reason">{subject.exceptionalReason}</Row> : null}
        <Row label="Record">
          Created {formatDate(subject.createdAt)} by {subject.createdBy}; last changed {formatDate(subject.updatedAt)} by {subject.updatedBy}
        </Row>
      </dl>
      <h2 className="govuk-heading-l">Information ({itemCount})</h2>
      {itemCount === 0 ? <p className="govuk-body">No information has been recorded for {name} yet.</p> : null}
      {subject.itemGroups.map((group) => (
        <section key={group.owner.id} aria-labelledby={`owner-${group.owner.id}`}>
          <h2 className="govuk-heading-m" id={`owner-${group.owner.id}`}>
            Owned by {group.owner.name}
            {group.owner.isHome ? ' (this register’s office)' : ''}
          </h2>
          {group.items.map((item) => (
            <Item key={item.id} item={item} onChanged={() => void loaded.reload()} />
          ))}
        </section>
      ))}
      <SubjectShares subject={subject} />
      <SubjectDisclosures subject={subject} />
    </>
  );
}
