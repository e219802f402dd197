import type { ReactNode } from 'react';
import type { DisclosureView } from '../../../../shared/channels/disclosure';
import { DISCLOSURE_METHODS, OFFENDER_KNOWS, UNDERTAKING_ANSWERS } from '../../../../shared/disclosureVocabulary';
import { AGENCY_KINDS } from '../../../../shared/vocabulary';
import { SummaryRow } from '../../components/SummaryRow';
import { formatDate } from '../../components/tags';
import { useSession } from '../../session';
import { ActionLink, namesList, SingleAgencyTag, type TaskProps } from './parts';
import { minutesText } from './DecisionPage';
import type { DisclosureTask } from './tasks';

// A disclosure set out as GOV.UK summary lists: the recipients, exactly what is disclosed
// with the three tests, who makes it where, when and how, and the decision record's nine
// criteria. "Check your answers" shows it with Change links; the record, without.

type Go = TaskProps['go'] | undefined;

function Row({ label, children, go, page, what }: { label: string; children: ReactNode; go: Go; page: DisclosureTask; what: string }) {
  return (
    <SummaryRow label={label} change={go ? { onClick: () => go(page), what } : undefined}>
      {children}
    </SummaryRow>
  );
}

const or = (s: string | null | undefined, none = 'Not recorded') => (s === null || s === undefined || s.trim() === '' ? none : s);

function Lines({ items }: { items: string[] }) {
  if (items.length === 0) return <>Not recorded</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
}

export function RecipientsSummary({ view, go }: { view: DisclosureView; go?: Go }) {
  if (view.recipientList.length === 0) return <p className="govuk-body">No recipient has been added yet.</p>;
  return (
    <>
      {view.recipientList.map((r) => (
        <section key={r.id} aria-labelledby={`recipient-${r.id}`}>
          <h3 className="govuk-heading-s" id={`recipient-${r.id}`}>
            {r.fullName}
          </h3>
          <dl className="govuk-summary-list">
            <Row label="Who they are" go={go} page="recipients" what={`who ${r.fullName} is`}>
              {r.kind === 'other' ? or(r.kindOther) : r.kindLabel}
              {r.organisation ? `, ${r.organisation}` : ''}
            </Row>
            <Row label="How they were identified" go={go} page="identification" what={`how ${r.fullName} was identified`}>
              {or(r.identifiedHow)}
            </Row>
            <Row label="Preparation" go={go} page="preparation" what={`the preparation with ${r.fullName}`}>
              <Lines
                items={[
                  `Already knows: ${or(r.alreadyKnows)}`,
                  r.understandsConfidential ? 'Understands the information is confidential and sensitive' : 'Not yet confirmed that they understand it is confidential',
                  `How to use it: ${or(r.howToUse)}`,
                  `If something happens: ${or(r.ifSomethingHappens)}`,
                  `Contact and support: ${or(r.contactAndSupport)}`,
                ]}
              />
            </Row>
            {r.undertaking ? (
              <SummaryRow label="Undertaking">
                {UNDERTAKING_ANSWERS[r.undertaking]}
                {r.undertakingNote ? `: ${r.undertakingNote}` : ''}
              </SummaryRow>
            ) : null}
          </dl>
        </section>
      ))}
    </>
  );
}

export function LinesSummary({ view, go }: { view: DisclosureView; go?: Go }) {
  if (view.lines.length === 0) return <p className="govuk-body">Nothing has been chosen yet.</p>;
  return (
    <>
      {view.lines.map((l) => (
        <section key={l.lineId} aria-labelledby={`line-${l.lineId}`}>
          <h3 className="govuk-heading-s" id={`line-${l.lineId}`}>
            {l.ref.kind === 'subject' ? l.label : l.label.replace(/:.*$/, '')}
          </h3>
          <dl className="govuk-summary-list">
            <Row label={l.approvedText === null ? 'What the recipient is told' : 'Approved words'} go={go} page="tests" what={`the words for ${l.label}`}>
              <span className="app-item__value">{l.approvedText ?? l.answers.wording ?? l.value}</span>
            </Row>
            <Row label="Necessary" go={go} page="tests" what={`why ${l.label} is necessary`}>
              {or(l.answers.necessary)}
            </Row>
            <Row label="Proportionate" go={go} page="tests" what={`why ${l.label} is proportionate`}>
              {or(l.answers.proportionate)}
            </Row>
            <Row label="Relevant" go={go} page="tests" what={`why ${l.label} is relevant`}>
              {or(l.answers.relevant)}
            </Row>
            {l.specialCategory ? (
              <Row label={`Special category (${l.specialCategory})`} go={go} page="tests" what={`the justification for ${l.label}`}>
                {or(l.answers.specialJustification)}
              </Row>
            ) : null}
            {l.needsOwnerAgreement ? (
              <Row label={`Agreed by ${l.owner.name}`} go={go} page="tests" what={`the owner’s agreement for ${l.label}`}>
                {or(l.answers.ownerAgreement)}
              </Row>
            ) : null}
          </dl>
        </section>
      ))}
    </>
  );
}

export function ArrangementsSummary({ view, go }: { view: DisclosureView; go?: Go }) {
  const a = view.arrangements;
  const agencies = namesList(a.disclosingOffices.map((o) => `${o.name} (${AGENCY_KINDS[o.agency].label})`));
  return (
    <dl className="govuk-summary-list">
      <Row label="Made by" go={go} page="arrangements" what="who makes the disclosure">
        {a.disclosingOffices.length === 0 ? 'Not chosen yet' : `${a.joint ? 'Jointly: ' : ''}${agencies}`}
        {a.disclosers ? <span className="govuk-!-display-block">{a.disclosers}</span> : null}
      </Row>
      <Row label="Where" go={go} page="arrangements" what="where the disclosure is made">
        {or(a.place)}
      </Row>
      <Row label="Planned for" go={go} page="arrangements" what="when the disclosure is made">
        {a.plannedOn ? formatDate(a.plannedOn) : 'Not recorded'}
      </Row>
      <Row label="How" go={go} page="arrangements" what="how the disclosure is made">
        {a.method ? DISCLOSURE_METHODS[a.method] : 'Not recorded'}
        {a.methodDetails ? `: ${a.methodDetails}` : ''}
      </Row>
      <Row label="Authority" go={go} page="authority" what="the authority">
        {view.authorityLabel}
      </Row>
    </dl>
  );
}

function Decision({ view }: { view: DisclosureView }): ReactNode {
  const { navigate } = useSession();
  const d = view.decision;
  switch (d.basis) {
    case null:
      return 'Not recorded';
    case 'meeting': {
      const m = d.minutes;
      if (m === null) return 'The meeting’s minutes are not linked yet';
      return (
        <>
          {minutesText(m)}{' '}
          <ActionLink onClick={() => navigate({ name: 'minutes', meetingId: m.meetingId, subjectId: view.subjectId })}>
            Open the minutes<span className="govuk-visually-hidden"> of the meeting that decided</span>
          </ActionLink>
        </>
      );
    }
    case 'emergency':
      return <Lines items={[`Emergency: ${or(d.emergencyReason)}`, ...d.consulted.map((c) => `Consulted ${c.personName}, ${c.office.name}, on ${formatDate(c.consultedOn)}`)]} />;
    case 'single_agency':
      return (
        <>
          <SingleAgencyTag disclosure={view} /> {or(d.singleAgencyReason)}
        </>
      );
  }
}

export function CriteriaSummary({ view, go }: { view: DisclosureView; go?: Go }) {
  const y = view.youth;
  const answer: Record<DisclosureView['criteria'][number]['criterion'], ReactNode> = {
    risk_to_offender: (
      <>
        {or(view.riskToOffender.text)}
        {view.riskToOffender.weighed ? <span className="govuk-!-display-block">Weighed: it does not outweigh the real risk to others.</span> : null}
      </>
    ),
    identification: <Lines items={view.recipientList.map((r) => `${r.fullName}: ${or(r.identifiedHow)}`)} />,
    alternatives: <Lines items={view.alternatives.map((a) => `${a.label}. Why it was rejected: ${a.whyRejected}`)} />,
    preparation: view.criteria.find((c) => c.criterion === 'preparation')?.answered ? 'Recorded for each recipient, under Recipients above' : 'Not complete: see Recipients above',
    decision: <Decision view={view} />,
    triggers: <Lines items={view.triggers.map((t) => `If you see ${t.ifYouSee}, you need to ${t.youNeedTo}.`)} />,
    breakdown_support: <Lines items={[`For victims: ${or(view.breakdown.victimSupport)}`, `For the offender: ${or(view.breakdown.offenderSupport)}`]} />,
    youth_consultation:
      y.consultedName === null ? (
        view.under18 === false ? 'Not needed: 18 or over' : 'Not recorded'
      ) : (
        <Lines items={[`${y.consultedName}, ${or(y.consultedRole)}, ${y.consultedOffice?.name ?? ''}, on ${formatDate(y.consultedOn)}`, `Advice: ${or(y.advice)}`]} />
      ),
    offender_knows:
      view.offenderKnows.answer === null ? 'Not recorded' : `${OFFENDER_KNOWS[view.offenderKnows.answer]}${view.offenderKnows.notToldReason ? `: ${view.offenderKnows.notToldReason}` : ''}`,
  };
  return (
    <dl className="govuk-summary-list">
      {view.criteria.map((c) => (
        <Row key={c.criterion} label={`${c.number}. ${c.title}`} go={go} page={c.criterion} what={c.title.toLowerCase()}>
          {answer[c.criterion]}
        </Row>
      ))}
    </dl>
  );
}

/** Everything, section by section. */
export function DisclosureSummaryLists({ view, go }: { view: DisclosureView; go?: Go }) {
  return (
    <>
      <h2 className="govuk-heading-m">Recipients</h2>
      <RecipientsSummary view={view} go={go} />
      <h2 className="govuk-heading-m">What is disclosed ({view.lines.length === 1 ? '1 field' : `${view.lines.length} fields`})</h2>
      <LinesSummary view={view} go={go} />
      <h2 className="govuk-heading-m">Who makes it, where, when and how</h2>
      <ArrangementsSummary view={view} go={go} />
      <h2 className="govuk-heading-m">The decision record</h2>
      <CriteriaSummary view={view} go={go} />
    </>
  );
}
