import type { MinutesParts, MinutesView } from '../../../../shared/channels/meetings';
import { LEVEL_DECISIONS, MINUTES_TEXT_PARTS, type LevelDecision, type MinutesTextPart } from '../../../../shared/meetingsVocabulary';

// The minutes as the form holds them (text boxes hold strings) and back to the parts the
// service takes; and each part's name in words, for the history of amendments.

export interface ActionDraft {
  id: string | null;
  description: string;
  rationale: string;
  ownerOfficeId: string;
  ownerPerson: string;
  dueOn: string;
}

export interface MinutesDraft {
  statementRead: '' | 'yes' | 'no';
  informationShared: string;
  informationItemIds: string[];
  riskAssessment: string;
  decisions: { decision: string; rationale: string }[];
  actions: ActionDraft[];
  dissentingViews: string;
  disclosureKind: '' | 'none_needed' | 'disclosure_record';
  disclosureReason: string;
  /** The disclosure record chosen, or '' for none yet. */
  disclosureRecordId: string;
  rmpSupervision: string;
  rmpMonitoringControl: string;
  rmpInterventionsTreatment: string;
  rmpVictimSafety: string;
  contingencies: string;
  licenceConditions: string;
  inCustody: boolean;
  levelDecision: '' | LevelDecision;
  levelDecisionReason: string;
  nextReview: string;
}

export const TEXT_PARTS = Object.keys(MINUTES_TEXT_PARTS) as MinutesTextPart[];

export const EMPTY_DRAFT: MinutesDraft = {
  statementRead: '',
  informationShared: '',
  informationItemIds: [],
  riskAssessment: '',
  decisions: [],
  actions: [],
  dissentingViews: '',
  disclosureKind: '',
  disclosureReason: '',
  disclosureRecordId: '',
  rmpSupervision: '',
  rmpMonitoringControl: '',
  rmpInterventionsTreatment: '',
  rmpVictimSafety: '',
  contingencies: '',
  licenceConditions: '',
  inCustody: false,
  levelDecision: '',
  levelDecisionReason: '',
  nextReview: '',
};

export function draftOf(view: MinutesView): MinutesDraft {
  const p = view.parts;
  const text = Object.fromEntries(TEXT_PARTS.map((k) => [k, p[k] ?? ''])) as Record<MinutesTextPart, string>;
  return {
    ...text,
    statementRead: p.statementRead === null ? '' : p.statementRead ? 'yes' : 'no',
    informationItemIds: p.informationItemIds,
    decisions: p.decisions.map((d) => ({ ...d })),
    actions: view.actions.map((a) => ({ id: a.id, description: a.description, rationale: a.rationale, ownerOfficeId: a.owner.id, ownerPerson: a.ownerPerson, dueOn: a.dueOn })),
    disclosureKind: p.disclosureKind ?? '',
    disclosureReason: p.disclosureReason ?? '',
    disclosureRecordId: p.disclosureRecordId ?? '',
    inCustody: p.inCustody === true,
    levelDecision: p.levelDecision ?? '',
    nextReview: p.nextReview ?? '',
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v);

export function partsOf(d: MinutesDraft): MinutesParts {
  const text = Object.fromEntries(TEXT_PARTS.map((k) => [k, orNull(d[k])])) as Record<MinutesTextPart, string | null>;
  return {
    ...text,
    statementRead: d.statementRead === '' ? null : d.statementRead === 'yes',
    informationItemIds: d.informationItemIds,
    decisions: d.decisions,
    actions: d.actions,
    disclosureKind: d.disclosureKind === '' ? null : d.disclosureKind,
    disclosureReason: d.disclosureKind === 'none_needed' ? orNull(d.disclosureReason) : null,
    disclosureRecordId: d.disclosureKind === 'disclosure_record' ? orNull(d.disclosureRecordId) : null,
    inCustody: d.inCustody,
    levelDecision: d.levelDecision === '' ? null : d.levelDecision,
    nextReview: orNull(d.nextReview),
  };
}

export const PART_LABELS: Record<string, string> = {
  ...MINUTES_TEXT_PARTS,
  statementRead: 'Confidentiality statement read',
  informationItemIds: 'Register items referred to',
  decisions: 'Decisions',
  actions: 'Actions',
  disclosureKind: 'Disclosure consideration',
  disclosureReason: 'Why no disclosure is needed',
  disclosureRecordId: 'The disclosure record',
  inCustody: 'In custody',
  levelDecision: 'Level decision',
  nextReview: 'Next review date',
};

/** A part's value in words, as the history shows what it was. */
export function valueText(part: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (part === 'levelDecision' && typeof value === 'string' && value in LEVEL_DECISIONS) return LEVEL_DECISIONS[value as LevelDecision];
  if (part === 'disclosureKind') return value === 'none_needed' ? 'No disclosure needed' : 'A disclosure record';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value
      .map((v: unknown) => {
        const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
        if ('decision' in o) return `${String(o.decision)} Reasons: ${String(o.rationale)}`;
        if ('description' in o) return `${String(o.description)} (${String(o.ownerPerson ?? '')}, due ${String(o.dueOn ?? '')})`;
        return String(v);
      })
      .join('\n');
  }
  return JSON.stringify(value);
}
