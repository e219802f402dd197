import type { DisclosableField, DisclosureLine } from '../../shared/disclosureSchemas';
import type { FieldRef } from '../../shared/channels/sharing';
import { MappaError } from '../../shared/errors';
import type { OfficeView } from '../../shared/registerSchemas';
import { isSpecialCategory, SUBJECT_FIELD_CODES, SUBJECT_FIELDS, type SubjectField } from '../../shared/sharingVocabulary';
import { FIELD_KINDS, specialCategoryOf } from '../../shared/vocabulary';
import { homeOffice } from '../access/offices';
import type { Reader } from '../db/types';
import { itemGroupsFor } from '../register/items';
import { subjectFieldValue, subjectRecord } from '../register/subjectRecord';
import type { LineRow } from './rows';

// What a disclosure can carry (the person's own details and their items, each with its
// owner and conditions), and what still stops each chosen field being disclosed: the three
// tests as in sharing (leaflet), a special category's own justification, and, for another
// agency's item or one not to be shared on, its owner's agreement (leaflet: information
// received from another agency is not disclosed further except as the provider agreed).

export const refKey = (ref: FieldRef): string => (ref.kind === 'subject' ? `subject:${ref.field}` : `item:${ref.itemId}`);
export const refOfLine = (l: LineRow): FieldRef => (l.item_id !== null ? { kind: 'item', itemId: l.item_id } : { kind: 'subject', field: l.subject_field as SubjectField });

const short = (text: string) => (text.length > 48 ? `${text.slice(0, 47).trimEnd()}…` : text);

export interface Candidate {
  field: DisclosableField;
  version: number | null;
}

/** Every field of the subject that could be disclosed, by refKey. */
export function candidatesOf(r: Reader, subjectId: string): Map<string, Candidate> {
  const home = homeOffice(r);
  if (!home) throw new MappaError('no_home_office', 'Set up the office this register belongs to first.');
  const subject = subjectRecord(r, subjectId);
  const out = new Map<string, Candidate>();
  for (const field of SUBJECT_FIELD_CODES) {
    const value = subjectFieldValue(subject, field);
    if (value === null) continue;
    const kind = SUBJECT_FIELDS[field].kind;
    const ref: FieldRef = { kind: 'subject', field };
    out.set(refKey(ref), {
      version: null,
      field: { ref, label: SUBJECT_FIELDS[field].label, fieldKind: kind, value, owner: home, specialCategory: specialCategoryOf(kind), noOnwardDisclosure: false, withdrawn: false },
    });
  }
  for (const group of itemGroupsFor(r, subjectId)) {
    for (const item of group.items) {
      const ref: FieldRef = { kind: 'item', itemId: item.id };
      out.set(refKey(ref), {
        version: item.version,
        field: {
          ref,
          label: `${FIELD_KINDS[item.fieldKind].label}: “${short(item.value)}”`,
          fieldKind: item.fieldKind,
          value: item.value,
          owner: item.owner,
          specialCategory: item.specialCategory,
          noOnwardDisclosure: item.noOnwardDisclosure,
          withdrawn: item.received?.withdrawnAt != null,
        },
      });
    }
  }
  return out;
}

const needsOwnerAgreement = (f: DisclosableField, home: OfficeView | undefined) => f.noOnwardDisclosure || (home !== undefined && f.owner.id !== home.id);

/** What stops one chosen field being disclosed, one sentence each. */
function lineProblems(line: LineRow, c: Candidate | undefined, label: string, ownerAgreement: boolean): string[] {
  if (c === undefined) return [`${label} has been deleted since it was chosen: remove it from the disclosure.`];
  const f = c.field;
  const out: string[] = [];
  if (f.withdrawn) out.push(`${label} was withdrawn by the agency that sent it: it cannot be disclosed. Remove it from the disclosure.`);
  const missing = [line.necessary === null && 'necessary', line.proportionate === null && 'proportionate', line.relevant === null && 'relevant'].filter((x): x is string => typeof x === 'string');
  if (missing.length > 0) out.push(`Answer the three tests for ${label}: still to answer, ${missing.join(', ')}.`);
  if (c.version !== null && line.answered_at !== null && line.item_version !== c.version) out.push(`${label} has been changed since you answered the tests for it: check your answers again.`);
  if (isSpecialCategory(f.fieldKind) && line.special_justification === null) {
    out.push(`${label} is special category information (${f.specialCategory ?? ''}): give its own justification, or remove it from the disclosure.`);
  }
  if (ownerAgreement && line.owner_agreement === null) {
    out.push(
      f.noOnwardDisclosure
        ? `${label} is not to be shared on without its owner’s permission: record who at ${f.owner.name} agreed to its disclosure, and when.`
        : `${label} belongs to ${f.owner.name}: record who there agreed to its disclosure, and when.`,
    );
  }
  return out;
}

export function lineViews(r: Reader, lines: readonly LineRow[], candidates: Map<string, Candidate>): DisclosureLine[] {
  const home = homeOffice(r);
  return lines.map((l) => {
    const ref = refOfLine(l);
    const c = candidates.get(refKey(ref));
    const label = c?.field.label ?? (ref.kind === 'subject' ? SUBJECT_FIELDS[ref.field].label : 'An item');
    const field: DisclosableField = c?.field ?? {
      ref,
      label,
      fieldKind: ref.kind === 'subject' ? SUBJECT_FIELDS[ref.field].kind : 'other',
      value: '',
      owner: home ?? { id: '', name: '', agency: 'probation', area: '', isHome: true },
      specialCategory: null,
      noOnwardDisclosure: false,
      withdrawn: false,
    };
    const agreement = needsOwnerAgreement(field, home);
    return {
      ...field,
      lineId: l.id,
      needsOwnerAgreement: agreement,
      answers: {
        necessary: l.necessary,
        proportionate: l.proportionate,
        relevant: l.relevant,
        specialJustification: l.special_justification,
        wording: l.wording,
        ownerAgreement: l.owner_agreement,
        answeredBy: l.answered_by,
        answeredAt: l.answered_at,
      },
      approvedText: l.approved_text,
      problems: lineProblems(l, c, label, agreement),
    };
  });
}
