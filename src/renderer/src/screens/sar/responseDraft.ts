import type { ResponseDetails, SarView } from '../../../../shared/channels/sar';

// The response letter's details as boxes to edit (issue 13). Empty ones are filled with
// wording a MAPPA agency would write, for its regime, so the IG lead edits rather than
// types from nothing; nothing is saved until they save it.

export interface DetailsDraft {
  officeAddress: string;
  signatoryName: string;
  signatoryRole: string;
  signatoryContact: string;
  addresseeAddress: string;
  purposes: string;
  legalBasis: string;
  categories: string;
  recipients: string;
  retention: string;
  source: string;
  automatedDecisions: string;
  tellWithholding: 'yes' | 'no';
  withholdingReasons: string;
}

const LEGAL_BASIS = {
  dpa2018_part3: 'Section 325 of the Criminal Justice Act 2003, which requires the MAPPA agencies to co-operate in assessing and managing risk, and the law enforcement purposes of Part 3 of the Data Protection Act 2018.',
  uk_gdpr:
    'Article 6(1)(e) of the UK GDPR (a task carried out in the public interest), and Article 9(2)(g) with the Data Protection Act 2018 for special category information; our duty to co-operate with the MAPPA agencies under section 325 of the Criminal Justice Act 2003.',
} as const;

const CATEGORIES = ['Your name, date of birth and addresses', 'Your offending, sentence and licence or order conditions', 'Assessments of risk and plans to manage it', 'Notes of contact with you and of MAPPA meetings about you'];

/** The address the response goes to, one line to a row, from what the request gave. */
const addressLines = (contact: string) =>
  contact
    .split(/\n|,\s*/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');

export function draftOf(view: SarView, userName: string): DetailsDraft {
  const d: ResponseDetails | null = view.responseDetails;
  return {
    // The letter names the office above its address: the address itself is not known here.
    officeAddress: d ? d.officeAddress.join('\n') : '',
    signatoryName: d?.signatory.name ?? userName,
    signatoryRole: d?.signatory.role ?? 'Information governance lead',
    signatoryContact: d?.signatory.contact ?? '',
    addresseeAddress: d ? d.addresseeAddress.join('\n') : addressLines(view.contact),
    purposes: d?.purposes ?? 'To assess and manage the risk of serious harm you may pose, with the other agencies of the Multi-Agency Public Protection Arrangements (MAPPA), and to protect the public.',
    legalBasis: d?.legalBasis ?? LEGAL_BASIS[view.regime],
    categories: (d?.categories ?? CATEGORIES).join('\n'),
    recipients: (d?.recipients ?? ['The other MAPPA agencies in our area: police, probation, prisons, and the duty to co-operate agencies where a case needed them']).join('\n'),
    retention: d?.retention ?? 'Until your management under MAPPA ends, then for the period our retention schedule sets, after which it is reviewed and deleted.',
    source: d?.source ?? 'You, our own staff, and the other MAPPA agencies.',
    automatedDecisions: d?.automatedDecisions ?? 'No decisions about you are made by automated means.',
    tellWithholding: d === null || d.tellWithholding ? 'yes' : 'no',
    withholdingReasons: d?.withholdingReasons ?? '',
  };
}
