import { CRITERIA, CRITERION_CODES, type Criterion } from './disclosureVocabulary';
import type { CriterionState, DisclosureView } from './disclosureSchemas';

// The nine criteria of a disclosure's decision record (leaflet, "Disclosure - Proportionality";
// issue 12), and the one sentence for each thing still to answer. The service refuses
// approval while any remains; the task list shows the same sentences. Pure: it reads the
// record as the view has it, so the screen and the service cannot disagree.

export type CriteriaFacts = Pick<DisclosureView, 'recipientList' | 'riskToOffender' | 'alternatives' | 'decision' | 'triggers' | 'breakdown' | 'youth' | 'offenderKnows' | 'under18' | 'arrangements'>;

const blank = (s: string | null): boolean => s === null || s.trim() === '';

function missing(c: Criterion, f: CriteriaFacts): string[] {
  const out: string[] = [];
  switch (c) {
    case 'risk_to_offender':
      if (blank(f.riskToOffender.text)) out.push('Record the potential risk to the offender of making this disclosure.');
      else if (!f.riskToOffender.weighed) out.push('Confirm that the risk to the offender does not outweigh the real risk to others were the disclosure not made.');
      break;
    case 'identification':
      if (f.recipientList.length === 0) out.push('Add at least one recipient, and record how they were identified.');
      for (const r of f.recipientList) if (blank(r.identifiedHow)) out.push(`Record how ${r.fullName} was correctly identified, and how that was checked.`);
      break;
    case 'alternatives':
      if (f.alternatives.length === 0) out.push('Record at least one alternative to disclosure and why it was rejected.');
      break;
    case 'preparation':
      if (f.recipientList.length === 0) out.push('Add at least one recipient, and record the preparation with them.');
      for (const r of f.recipientList) {
        const still = [
          blank(r.alreadyKnows) && 'what they already know',
          !r.understandsConfidential && 'that they understand the information is confidential and sensitive',
          blank(r.howToUse) && 'how they are to use it',
          blank(r.ifSomethingHappens) && 'what to do if something happens',
          blank(r.contactAndSupport) && 'whom to contact and where to get support',
        ].filter((x): x is string => typeof x === 'string');
        if (still.length > 0) out.push(`Record the preparation with ${r.fullName}: ${still.join('; ')}.`);
      }
      break;
    case 'decision':
      out.push(...decisionProblems(f));
      break;
    case 'triggers':
      if (f.triggers.length === 0) out.push('Record at least one key trigger: if you see this, you need to do that.');
      break;
    case 'breakdown_support':
      if (blank(f.breakdown.victimSupport)) out.push('Record the support for victims if the process breaks down.');
      if (blank(f.breakdown.offenderSupport)) out.push('Record the support for the offender if the process breaks down.');
      break;
    case 'youth_consultation':
      // Leaflet: for young people under 18, no decision on disclosure without this consultation.
      if (f.under18 !== false && (blank(f.youth.consultedName) || f.youth.consultedOffice === null || blank(f.youth.consultedOn) || blank(f.youth.advice))) {
        out.push(
          f.under18 === null
            ? 'The person’s date of birth is not recorded, so the register cannot tell whether they are under 18: record their date of birth, or the senior Youth Offending Service or Children’s Services person consulted.'
            : 'The person is under 18: record the senior Youth Offending Service or Children’s Services person consulted, and their advice.',
        );
      }
      break;
    case 'offender_knows':
      if (f.offenderKnows.answer === null) out.push('Say whether the offender knows, will be told, or makes the disclosure themself.');
      else if (f.offenderKnows.answer === 'not_told' && blank(f.offenderKnows.notToldReason)) out.push('Say why the offender is not told about the disclosure.');
      break;
  }
  return out;
}

function decisionProblems(f: CriteriaFacts): string[] {
  const d = f.decision;
  switch (d.basis) {
    case null:
      return ['Record the informed decision of a Level 2 or Level 3 meeting, or in an emergency the agencies consulted, or the reason for a single-agency decision.'];
    case 'meeting': {
      const m = d.minutes;
      if (m === null) return ['Link the minutes of the Level 2 or Level 3 meeting that decided on the disclosure.'];
      if (m.meetingKind === 'arm') return ['An Assessment of Risk Meeting does not decide on disclosure: link the minutes of a Level 2 or Level 3 meeting.'];
      if (m.meetingCancelled) return ['The meeting whose minutes are linked was cancelled: link the minutes of the meeting that decided.'];
      if (!m.sameSubject) return ['The linked minutes are about someone else: link the minutes about this person.'];
      return [];
    }
    case 'emergency': {
      const out: string[] = [];
      if (blank(d.emergencyReason)) out.push('Say why the decision could not wait for a Level 2 or Level 3 meeting.');
      if (d.consulted.length === 0) out.push('Record the agencies consulted in the emergency.');
      const own = new Set(f.arrangements.disclosingOffices.map((o) => o.agency));
      // Leaflet: even in an emergency the decision is multi-agency wherever possible.
      if (d.consulted.length > 0 && own.size > 0 && d.consulted.every((c) => own.has(c.office.agency))) {
        out.push('Every agency consulted is an agency making the disclosure: that is a single-agency decision. Consult another agency, or record it as a single-agency decision with its reason.');
      }
      return out;
    }
    case 'single_agency':
      return blank(d.singleAgencyReason) ? ['Record why the decision is made by one agency alone.'] : [];
  }
}

/** The criteria as a task list: each with its number, title, and what is still to answer. */
export function criteriaOf(facts: CriteriaFacts): CriterionState[] {
  return CRITERION_CODES.map((c, i) => {
    const problems = missing(c, facts);
    return { criterion: c, number: i + 1, title: CRITERIA[c], answered: problems.length === 0, problems };
  });
}

/** Every sentence that stops approval, criterion by criterion. */
export function unansweredCriteria(facts: CriteriaFacts): string[] {
  return criteriaOf(facts).flatMap((c) => c.problems);
}
