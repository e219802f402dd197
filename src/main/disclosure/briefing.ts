import { formatLondonDate } from '../../shared/calendar';
import type { DisclosureRecipient, DisclosureView } from '../../shared/disclosureSchemas';
import {
  BRIEFING_CONFIDENTIAL,
  BRIEFING_DO_NOT_PASS_ON,
  BRIEFING_OFFENDER_NOT_TOLD,
  BRIEFING_OFFENDER_TOLD,
  RECIPIENT_UNDERTAKING,
} from '../../shared/disclosureVocabulary';
import { SUBJECT_FIELDS } from '../../shared/sharingVocabulary';
import { FIELD_KINDS } from '../../shared/vocabulary';
import { makeDocument, type Block } from '../documents';

// The briefing a recipient is given (issue 12): only the approved words, the triggers, whom
// to contact and where to get support, the confidentiality note and the rule not to pass it
// on, whether the person knows, and the undertaking to sign. Discreet and minimal, as in the
// PPU case study: nothing of the decision record (the risk to the offender, alternatives,
// meetings, other agencies' reasoning) and nothing that was not approved. The one document
// maker marks every page OFFICIAL-SENSITIVE and watermarks it with the recipient's name.

export const BRIEFING_TITLE = 'Confidential briefing';

const or = (text: string | null, none: string) => (text === null || text.trim() === '' ? none : text);

function offenderKnowsText(view: DisclosureView): string {
  const answer = view.offenderKnows.answer;
  // Leaflet: where the offender is not told, the recipient is told that the offender does not know.
  return answer === null || answer === 'not_told' ? BRIEFING_OFFENDER_NOT_TOLD : BRIEFING_OFFENDER_TOLD[answer];
}

export function briefingContent(view: DisclosureView, recipient: DisclosureRecipient): Block[] {
  const given = view.arrangements.disclosingOffices.map((o) => o.name).join(' and ');
  const when = view.made.madeOn ?? view.arrangements.plannedOn;
  return [
    {
      kind: 'summary',
      rows: [
        { key: 'For', value: [recipient.fullName, recipient.organisation].filter((x) => x !== null).join(', ') },
        { key: 'Given by', value: [view.arrangements.disclosers, given].filter((x) => x !== null && x !== '').join(', ') },
        ...(when === null ? [] : [{ key: 'Date', value: formatLondonDate(when) }]),
      ],
    },
    { kind: 'paragraph', text: BRIEFING_CONFIDENTIAL },
    { kind: 'heading', text: 'What you have been told' },
    {
      kind: 'summary',
      rows: view.lines.map((l) => ({
        key: l.ref.kind === 'subject' ? SUBJECT_FIELDS[l.ref.field].label : FIELD_KINDS[l.fieldKind].label,
        value: l.approvedText ?? '',
      })),
    },
    { kind: 'paragraph', text: offenderKnowsText(view) },
    { kind: 'heading', text: 'What to look out for' },
    {
      kind: 'table',
      columns: [{ title: 'If you see', width: 1 }, { title: 'You need to', width: 1 }],
      rows: view.triggers.map((t) => [t.ifYouSee, t.youNeedTo]),
    },
    { kind: 'heading', text: 'Using this information' },
    { kind: 'paragraph', text: or(recipient.howToUse, 'Use it only to protect the people it is meant to protect.') },
    { kind: 'heading', text: 'If something happens', level: 2 },
    { kind: 'paragraph', text: or(recipient.ifSomethingHappens, 'Call 999 if anyone is in immediate danger.') },
    { kind: 'heading', text: 'Contacts and support', level: 2 },
    { kind: 'paragraph', text: or(recipient.contactAndSupport, 'Contact the person who gave you this information.') },
    { kind: 'heading', text: 'Keeping it confidential' },
    { kind: 'paragraph', text: BRIEFING_DO_NOT_PASS_ON },
    { kind: 'paragraph', text: `This information is given to you under the ${view.authorityLabel}.` },
    { kind: 'heading', text: 'Your undertaking' },
    { kind: 'paragraph', text: RECIPIENT_UNDERTAKING },
    {
      kind: 'summary',
      rows: [
        { key: 'Name', value: recipient.fullName },
        { key: 'Signature', value: '\n\n\n\n' },
        { key: 'Date', value: '\n' },
      ],
    },
  ];
}

export function briefingPdf(view: DisclosureView, recipient: DisclosureRecipient, madeAt: Date): Promise<Uint8Array> {
  return makeDocument({ title: BRIEFING_TITLE, madeFor: recipient.fullName, madeAt, content: briefingContent(view, recipient) });
}
