import type { ReactNode } from 'react';
import type { MinutesView } from '../../../../shared/channels/meetings';
import { formatLondonDateTime } from '../../../../shared/calendar';
import { LEVEL_DECISIONS, MINUTES_TEXT_PARTS } from '../../../../shared/meetingsVocabulary';
import { AgencyTag, formatDate } from '../../components/tags';
import { TableHead } from '../../components/TableHead';
import { ActionStatusTag, OverdueTag } from './parts';
import { PART_LABELS, valueText } from './minutesDraft';

// The minutes as written, part by part in the MAPPA C order, and their history: who
// started, edited, sent, amended and confirmed them, and for each amendment the text each
// changed part had before and after.

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value app-item__value">{children}</dd>
    </div>
  );
}

const orEmpty = (v: string | null) => (v === null || v.trim() === '' ? 'Not written' : v);

export function MinutesRecord({ minutes }: { minutes: MinutesView }) {
  const p = minutes.parts;
  return (
    <div className="app-minutes-record">
      <dl className="govuk-summary-list">
        <Row label="Confidentiality statement read">{p.statementRead === null ? 'Not recorded' : p.statementRead ? 'Yes' : 'No'}</Row>
        <Row label={MINUTES_TEXT_PARTS.informationShared}>{orEmpty(p.informationShared)}</Row>
        <Row label={MINUTES_TEXT_PARTS.riskAssessment}>{orEmpty(p.riskAssessment)}</Row>
        <Row label="Decisions">
          {p.decisions.length === 0 ? (
            'None recorded'
          ) : (
            <ol className="govuk-list govuk-list--number">
              {p.decisions.map((d, i) => (
                <li key={i}>
                  {d.decision}
                  <br />
                  <span className="govuk-body-s">Reasons: {d.rationale}</span>
                </li>
              ))}
            </ol>
          )}
        </Row>
        <Row label={MINUTES_TEXT_PARTS.dissentingViews}>{orEmpty(p.dissentingViews)}</Row>
        <Row label="Disclosure consideration">
          {p.disclosureKind === null
            ? 'Not recorded'
            : p.disclosureKind === 'none_needed'
              ? `No disclosure is needed, because ${p.disclosureReason ?? '(no reason given)'}`
              : minutes.linkedDisclosure === null
                ? 'A disclosure is to be made: no disclosure record chosen yet'
                : `A disclosure is to be made: the disclosure record started on ${formatDate(minutes.linkedDisclosure.createdOn)}, to ${minutes.linkedDisclosure.recipients} (${minutes.linkedDisclosure.statusLabel.toLowerCase()})`}
        </Row>
        <Row label={MINUTES_TEXT_PARTS.rmpSupervision}>{orEmpty(p.rmpSupervision)}</Row>
        <Row label={MINUTES_TEXT_PARTS.rmpMonitoringControl}>{orEmpty(p.rmpMonitoringControl)}</Row>
        <Row label={MINUTES_TEXT_PARTS.rmpInterventionsTreatment}>{orEmpty(p.rmpInterventionsTreatment)}</Row>
        <Row label={MINUTES_TEXT_PARTS.rmpVictimSafety}>{orEmpty(p.rmpVictimSafety)}</Row>
        <Row label={MINUTES_TEXT_PARTS.contingencies}>{orEmpty(p.contingencies)}</Row>
        <Row label={MINUTES_TEXT_PARTS.licenceConditions}>{orEmpty(p.licenceConditions)}</Row>
        <Row label="Level decision">
          {p.levelDecision === null ? 'Not recorded' : LEVEL_DECISIONS[p.levelDecision]}
          {p.levelDecisionReason ? `. ${p.levelDecisionReason}` : ''}
          {p.inCustody ? ' (in custody)' : ''}
        </Row>
        <Row label="Next review">{p.nextReview ? formatDate(p.nextReview) : 'Not set'}</Row>
      </dl>
      {minutes.actions.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Actions</caption>
          <TableHead columns={['Action', 'Owner', 'Due', 'Status']} />
          <tbody className="govuk-table__body">
            {minutes.actions.map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <td className="govuk-table__cell">
                  {a.description}
                  <br />
                  <span className="govuk-body-s">Why: {a.rationale}</span>
                </td>
                <td className="govuk-table__cell">
                  {a.ownerPerson}, {a.owner.name} <AgencyTag agency={a.owner.agency} name={a.owner.name} />
                </td>
                <td className="govuk-table__cell">
                  {formatDate(a.dueOn)} {a.overdue ? <OverdueTag /> : null}
                </td>
                <td className="govuk-table__cell">
                  <ActionStatusTag status={a.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

const EVENTS: Record<MinutesView['history'][number]['event'], string> = {
  started: 'Started',
  edited: 'Edited',
  sent: 'Sent to the chair',
  amended: 'Amended by the chair',
  confirmed: 'Confirmed as final',
};

/** What a part read after the change at `index`: the earlier text of the next change to it, or the text now. */
function after(minutes: MinutesView, index: number, part: string): unknown {
  const later = minutes.history.slice(index + 1).find((h) => h.changedParts.includes(part));
  if (later) return later.earlier[part];
  if (part === 'actions') return minutes.actions;
  return (minutes.parts as Record<string, unknown>)[part];
}

export function MinutesHistory({ minutes }: { minutes: MinutesView }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 className="govuk-heading-l" id="history-heading">
        History
      </h2>
      <ol className="govuk-list app-history">
        {minutes.history.map((h, index) => (
          <li key={h.seq} className={h.event === 'amended' ? 'app-history__amendment' : undefined}>
            <p className="govuk-body govuk-!-margin-bottom-1">
              <span className="govuk-!-font-weight-bold">{EVENTS[h.event]}</span> by {h.by}, {formatLondonDateTime(h.at)} (version {h.version})
            </p>
            {h.note ? <p className="govuk-body-s govuk-!-margin-bottom-1">{h.note}</p> : null}
            {h.event === 'amended' && h.changedParts.length > 0 ? (
              <table className="govuk-table app-changes">
                <caption className="govuk-table__caption govuk-table__caption--s">What {h.by} changed</caption>
                <TableHead columns={['Part', 'Before', 'After']} />
                <tbody className="govuk-table__body">
                  {h.changedParts.map((part) => (
                    <tr className="govuk-table__row" key={part}>
                      <th scope="row" className="govuk-table__header">
                        {PART_LABELS[part] ?? part}
                      </th>
                      <td className="govuk-table__cell app-item__value">
                        <del>{valueText(part, h.earlier[part])}</del>
                      </td>
                      <td className="govuk-table__cell app-item__value">
                        <ins>{valueText(part, after(minutes, index, part))}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
