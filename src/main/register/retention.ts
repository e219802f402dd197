import { MappaError } from '../../shared/errors';
import type { RetentionDue, RetentionRule } from '../../shared/registerSchemas';
import type { AgencyKindCode, FieldKind } from '../../shared/vocabulary';
import type { Reader, Writer } from '../db/types';
import { disposeOfItemData } from '../db/personalData';
import { iso, newId, type Ctx } from '../access/context';
import { addMonths, today } from '../../shared/calendar';
import { getItem } from './items';

// Retention is per owning agency (police MoPI review, HMPPS records policy, local
// authority schedules): a period after which each item is reviewed, and a recorded
// decision to retain it (until the next review) or dispose of it. Disposal removes the
// item and its history from the register; only the decision (no content) remains.

export function listRetentionRules(r: Reader): RetentionRule[] {
  return r
    .all<{ agency: string; retain_months: number; review_months: number }>('SELECT agency, retain_months, review_months FROM retention_rules ORDER BY agency')
    .map((row) => ({ agency: row.agency as AgencyKindCode, retainMonths: row.retain_months, reviewMonths: row.review_months }));
}

export function setRetentionRule(w: Writer, ctx: Ctx, rule: RetentionRule): void {
  w.run(
    `INSERT INTO retention_rules (agency, retain_months, review_months, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (agency) DO UPDATE SET retain_months = excluded.retain_months, review_months = excluded.review_months,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [rule.agency, rule.retainMonths, rule.reviewMonths, iso(ctx.now), ctx.actor.userName],
  );
}

interface DueRow extends Record<string, string | number | null> {
  item_id: string;
  subject_id: string;
  given_name: string;
  family_name: string;
  field_kind: string;
  office_id: string;
  office_name: string;
  agency: string;
  area: string;
  is_home: number;
  received_on: string;
  retain_months: number;
  last_decision: string | null;
  last_next_review: string | null;
}

/** Items whose retention review has come: past the owner's period, or past a retain decision's review date. */
export function retentionDue(r: Reader, now: Date): RetentionDue[] {
  const day = today(now);
  const rows = r.all<DueRow>(
    `SELECT i.id AS item_id, i.subject_id, s.given_name, s.family_name, i.field_kind, o.id AS office_id, o.name AS office_name, o.agency,
        o.area, o.is_home, i.received_on, rr.retain_months,
        (SELECT decision FROM retention_decisions d WHERE d.item_id = i.id ORDER BY d.decided_at DESC LIMIT 1) AS last_decision,
        (SELECT next_review FROM retention_decisions d WHERE d.item_id = i.id ORDER BY d.decided_at DESC LIMIT 1) AS last_next_review
     FROM items i
     JOIN offices o ON o.id = i.owner_office_id
     JOIN retention_rules rr ON rr.agency = o.agency
     JOIN subjects s ON s.id = i.subject_id
     WHERE i.deleted_at IS NULL`,
  );
  const due: RetentionDue[] = [];
  for (const row of rows) {
    const dueOn = row.last_next_review ?? addMonths(row.received_on, row.retain_months);
    if (dueOn > day) continue;
    due.push({
      itemId: row.item_id,
      subjectId: row.subject_id,
      subjectName: `${row.given_name} ${row.family_name}`,
      fieldKind: row.field_kind as FieldKind,
      owner: { id: row.office_id, name: row.office_name, agency: row.agency as AgencyKindCode, area: row.area, isHome: row.is_home === 1 },
      receivedOn: row.received_on,
      dueOn,
      lastDecision: row.last_decision === 'retain' || row.last_decision === 'dispose' ? row.last_decision : null,
    });
  }
  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.subjectName.localeCompare(b.subjectName));
}

export function decideRetention(w: Writer, ctx: Ctx, input: { itemId: string; decision: 'retain' | 'dispose'; reason: string }): { subjectId: string; ownerOfficeId: string; nextReview: string | null } {
  const item = getItem(w, input.itemId);
  const rule = w.get<{ review_months: number }>('SELECT review_months FROM retention_rules WHERE agency = ?', [item.owner.agency]);
  if (!rule) {
    throw new MappaError('no_retention_rule', `There is no retention rule for ${item.owner.name}'s agency yet: set one before deciding.`);
  }
  const nextReview = input.decision === 'retain' ? addMonths(today(ctx.now), rule.review_months) : null;
  w.run(
    `INSERT INTO retention_decisions (id, item_id, subject_id, owner_office_id, decision, reason, next_review, decided_at, decided_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [newId(), item.id, item.subjectId, item.owner.id, input.decision, input.reason, nextReview, iso(ctx.now), ctx.actor.userName],
  );
  // Removes the item, its history and its search document: every place the map in
  // db/personalData.ts lists for an item's data.
  if (input.decision === 'dispose') disposeOfItemData(w, item.id);
  return { subjectId: item.subjectId, ownerOfficeId: item.owner.id, nextReview };
}
