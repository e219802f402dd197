import type { ReactNode } from 'react';
import type { ShareLine, ShareView } from '../../../../shared/channels/sharing';
import { formatLondonDateTime } from '../../../../shared/calendar';
import { LAWFUL_GATEWAYS, REGIMES } from '../../../../shared/sharingVocabulary';
import { AgencyTag, Tag } from '../../components/tags';
import { ActionLink, namesList, purposeText } from './parts';

// A share set out as GOV.UK summary lists: what it is for and whom, then each field with
// its owner and the three tests' answers. Used by "Check your answers" (with Change links)
// and by a confirmed share's record (without).

function Row({ label, children, change }: { label: string; children: ReactNode; change?: { onClick: () => void; what: string } | undefined }) {
  return (
    // Every row of a list has a Change link, or none has: no row needs the "no actions" filler.
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
      {change ? (
        <dd className="govuk-summary-list__actions">
          <ActionLink onClick={change.onClick}>
            Change<span className="govuk-visually-hidden"> {change.what}</span>
          </ActionLink>
        </dd>
      ) : null}
    </div>
  );
}

const gatewayText = (share: ShareView) => (share.gateway === null ? 'Not chosen yet' : share.gateway === 'other' && share.gatewayOther ? share.gatewayOther : LAWFUL_GATEWAYS[share.gateway]);

export function ShareDetailsList({ share, onChange }: { share: ShareView; onChange?: (() => void) | undefined }) {
  const change = (what: string) => (onChange ? { onClick: onChange, what } : undefined);
  const conditions = [share.noOnwardDisclosure ? 'No onward disclosure without the owner’s permission' : '', share.notToSubject ? 'Not to be disclosed to the subject' : '', 'Kept under the owner’s retention rules'].filter(Boolean);
  return (
    <dl className="govuk-summary-list">
      <Row label="Purpose" change={change('the purpose')}>
        {purposeText(share)}
      </Row>
      <Row label="Recipients" change={change('the recipients')}>
        {share.recipients.length === 0 ? 'Not chosen yet' : namesList(share.recipients.map((o) => o.name))}
      </Row>
      <Row label="Lawful gateway" change={change('the lawful gateway')}>
        {gatewayText(share)}
      </Row>
      <Row label="Data protection regime" change={change('the data protection regime')}>
        {share.regime === null ? 'Not chosen yet' : REGIMES[share.regime]}
      </Row>
      <Row label="The file can be imported for" change={change('how long the file can be imported for')}>
        {share.expiryDays === 1 ? '1 day' : `${share.expiryDays} days`}
      </Row>
      <Row label="Conditions" change={change('the conditions')}>
        <ul className="govuk-list govuk-!-margin-bottom-0">
          {conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </Row>
    </dl>
  );
}

function LineCard({ line, onChange }: { line: ShareLine; onChange?: (() => void) | undefined }) {
  const a = line.answers;
  const titleId = `card-${line.lineId}`;
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={titleId}>
          {line.label}
        </h3>
        {onChange ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <ActionLink onClick={onChange}>
                Change<span className="govuk-visually-hidden"> the answers for {line.label}</span>
              </ActionLink>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <Row label="Information">
            <span className="app-item__value">{line.value}</span>
          </Row>
          <Row label="Owned by">
            {line.owner.name}
            <span className="app-tag-row govuk-!-display-block">
              <AgencyTag agency={line.owner.agency} />
              {line.specialCategory ? <Tag colour="red">{`Special category: ${line.specialCategory}`}</Tag> : null}
              {line.permission === 'granted' ? <Tag colour="green">Owner’s permission recorded</Tag> : null}
            </span>
          </Row>
          <Row label="Necessary">{a.necessary ?? 'Not answered'}</Row>
          <Row label="Proportionate">{a.proportionate ?? 'Not answered'}</Row>
          <Row label="Relevant">{a.relevant ?? 'Not answered'}</Row>
          {line.outsidePurpose ? <Row label="Why it is needed for this purpose">{a.outsidePurposeReason ?? 'Not answered'}</Row> : null}
          {line.specialCategory ? <Row label="Special category justification">{a.specialJustification ?? 'Not answered'}</Row> : null}
          {a.answeredBy ? (
            <Row label="Answered by">
              {a.answeredBy}, {formatLondonDateTime(a.answeredAt)}
            </Row>
          ) : null}
        </dl>
      </div>
    </div>
  );
}

export function ShareLines({ share, onChange }: { share: ShareView; onChange?: (() => void) | undefined }) {
  return (
    <>
      {share.lines.map((line) => (
        <LineCard key={line.lineId} line={line} onChange={onChange} />
      ))}
    </>
  );
}
