import { isSpecialCategory, purposeNeeds, SHARE_PURPOSES, type SharePurpose } from '../../shared/sharingVocabulary';
import type { Reader } from '../db/types';
import { officesWithKeys, ownKeys } from '../exchange/keys';
import type { Candidate, Context } from './shareFields';
import type { LineRow } from './shareRows';

// What stops a share being confirmed, written once: the wizard shows these sentences and
// shares.confirm refuses while any remains.

const purposeWords = (p: SharePurpose) => SHARE_PURPOSES[p].charAt(0).toLowerCase() + SHARE_PURPOSES[p].slice(1);

/** What stops one line being shared: the three tests, the purpose table, special categories, ownership. */
export function lineProblems(ctx: Context, line: LineRow, candidate: Candidate | undefined, label: string): string[] {
  const problems: string[] = [];
  if (candidate === undefined) {
    problems.push(`${label} has been deleted or changed since it was chosen: remove it from the share.`);
    return problems;
  }
  const f = candidate.field;
  if (f.withdrawn) problems.push(`${label} was withdrawn by the agency that sent it: it cannot be shared on. Remove it from the share.`);
  const missing = [line.necessary === null && 'necessary', line.proportionate === null && 'proportionate', line.relevant === null && 'relevant'].filter((x): x is string => typeof x === 'string');
  if (missing.length > 0) problems.push(`Answer the three tests for ${label}: still to answer, ${missing.join(', ')}.`);
  if (candidate.version !== null && line.item_version !== null && line.answered_at !== null && candidate.version !== line.item_version) {
    problems.push(`${label} has been changed since you answered the tests for it: check your answers again.`);
  }
  if (ctx.purpose !== null && !isSpecialCategory(f.fieldKind) && !purposeNeeds(ctx.purpose, f.fieldKind) && line.outside_purpose_reason === null) {
    problems.push(`${label} is not information that ${purposeWords(ctx.purpose)} normally needs: say why it is needed, or remove it from the share.`);
  }
  if (isSpecialCategory(f.fieldKind) && line.special_justification === null) {
    problems.push(`${label} is special category information (${f.specialCategory ?? ''}): give its own justification, or remove it from the share.`);
  }
  const permission: Record<string, string> = {
    none: `${label} belongs to ${f.owner.name}: record their permission to share it with these recipients for this purpose before it can go.`,
    requested: `${label} belongs to ${f.owner.name}: their permission has been asked for but not yet recorded.`,
    refused: `${label} belongs to ${f.owner.name}, who refused permission to share it with these recipients for this purpose: remove it from the share.`,
  };
  const sentence = permission[f.permission];
  if (sentence !== undefined) problems.push(sentence);
  return problems;
}

export function shareProblems(r: Reader, ctx: Context, lineCount: number): string[] {
  const row = ctx.row;
  const problems: string[] = [];
  if (ctx.purpose === null) problems.push('Choose the purpose of the share.');
  if (ctx.purpose === 'other' && row.purpose_other === null) problems.push('Say which MAPPA purpose the share serves.');
  if (row.gateway === null) problems.push('Choose the lawful gateway the share relies on.');
  if (row.gateway === 'other' && row.gateway_other === null) problems.push('Say which lawful gateway the share relies on.');
  if (row.regime === null) problems.push('Choose the data protection regime the information is shared under.');
  if (ctx.recipients.length === 0) problems.push('Choose at least one partner office to share with.');
  const keyed = new Set(officesWithKeys(r).map((o) => o.id));
  for (const id of ctx.recipients) {
    if (!keyed.has(id)) problems.push('A recipient no longer has a confirmed key: choose the recipients again.');
  }
  if (lineCount === 0) problems.push('Choose at least one field to share.');
  if (!ownKeys(r)) problems.push('This office has no keys for sharing yet: a MAPPA coordinator or an administrator makes them on the Partner keys page.');
  return problems;
}

