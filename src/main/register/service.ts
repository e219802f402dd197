import type { registerContract } from '../../shared/channels/register';
import type { SliceService } from '../../shared/channels/slice';
import type { RetentionDue, SearchInput } from '../../shared/registerSchemas';
import { auditActorOf, type Who } from '../access/acting';
import type { Actor, Ctx } from '../access/context';
import type { ServiceDeps } from '../access/registerSession';
import { acted, hasOpenAlert, readEntries, recordAssociationAlert, viewSubject, type Acted, type ActEntry, type AuditDetails } from '../audit';
import type { Writer } from '../db/types';
import { blocked, blockedSubjects, BLOCKED_CHANGE, BLOCKED_OPEN } from './associationBlock';
import { actOnSubject as guardedAct, liveSubject, subjectOfItem } from './guard';
import { addItem, deleteItem, getItem, itemHistory, updateItem } from './items';
import { requireOwningAgency, requireRetentionDuty } from './ownership';
import { reviewWeeks, setReviewWeeks } from './registerSettings';
import { decideRetention, listRetentionRules, retentionDue, setRetentionRule } from './retention';
import { searchWithholding, type SearchResult } from './search';
import { createSubject, deleteSubject, getSubject, requireLiveSubject, reviewsDue, updateSubject } from './subjects';

// The register capability's channels: subjects, their items, review intervals and
// retention. Each act returns what it did with its audit entries; session.act commits both.
//
// Reads are acts too (issue 9): a search, a list or a history that shows a subject's data
// is committed with its audit entry, and obeys the declared-association block.

const done = { done: true as const };

/** The search as recorded: the person's words and filters, what came back and what was withheld. */
function searchHead(input: SearchInput, found: SearchResult & { withheld: string[] }): AuditDetails {
  const query = input.query.trim();
  return {
    ...(query === '' ? {} : { query }),
    matchedBy: found.matchedBy,
    ...(found.matchedBy === 'words' ? { itemText: input.includeItemText } : {}),
    ...(input.kind === null ? {} : { kind: input.kind }),
    ...(input.category === null ? {} : { category: input.category }),
    ...(input.level === null ? {} : { level: input.level }),
    ...(input.reviewDue ? { reviewDue: true } : {}),
    ...(input.ownerAgency === null ? {} : { ownerAgency: input.ownerAgency }),
    offset: input.offset,
    total: found.total,
    returned: found.subjects.length,
    ...(found.withheld.length === 0 ? {} : { withheld: found.withheld }),
  };
}

export function registerService({ session }: ServiceDeps): SliceService<typeof registerContract> {
  const read = () => session.vault().reader;
  const intervals = () => ({ level2Weeks: reviewWeeks(read(), 2), level3Weeks: reviewWeeks(read(), 3) });

  const actOnSubject = <T>(who: Who, subjectOf: (w: Writer) => string, refusal: string, work: (w: Writer, ctx: Ctx) => Acted<T>): T =>
    guardedAct(session, who, subjectOf, refusal, work);

  /** Items due for a retention review that this IG lead decides on: their own agency's, none they are blocked from. */
  const dueFor = (w: Writer, actor: Actor, now: Date): { due: RetentionDue[]; audit: ActEntry[] } => {
    const hidden = blockedSubjects(w, actor.userId);
    const due = retentionDue(w, now).filter((d) => d.owner.agency === actor.agency && !hidden.has(d.subjectId));
    const subjectIds = [...new Set(due.map((d) => d.subjectId))];
    return { due, audit: readEntries('subject_list', { list: 'retention_due', returned: due.length }, subjectIds) };
  };

  return {
    'subjects.search': (input) =>
      session.act('subject.view', (w, ctx) => {
        const hidden = blockedSubjects(w, ctx.actor.userId);
        const found = searchWithholding(w, input, ctx.now, new Set(hidden.keys()));
        const audit: ActEntry[] = readEntries('subject_search', searchHead(input, found), found.subjects.map((s) => s.id));
        // A typed query that finds a declared person is an attempt to reach them: the IG lead
        // is alerted (once while an alert is open), and the person is not told, as telling
        // would say the person is in the register. Listing everything, or the next pages of
        // a result, is not an attempt.
        if (found.matchedBy !== 'everything' && input.offset === 0) {
          for (const subjectId of found.withheld) {
            if (hasOpenAlert(w, ctx.actor.userId, subjectId)) continue;
            const association = hidden.get(subjectId);
            if (association === undefined) continue;
            audit.push(...recordAssociationAlert(w, { actor: auditActorOf(ctx.actor), subjectId, associationId: association.id, at: ctx.now.toISOString() }).audit);
          }
        }
        return { value: { subjects: found.subjects, total: found.total, matchedBy: found.matchedBy }, audit };
      }),
    'subjects.get': ({ id, reason }) => {
      const ctx = session.context('subject.view');
      requireLiveSubject(read(), id); // an unknown subject is refused before anything is recorded
      const access = session.act('subject.view', (w, c) =>
        viewSubject(w, { actor: auditActorOf(c.actor), subjectId: id, reason, at: c.now.toISOString() }),
      );
      // Counter-corruption case study: the alert is committed; the record stays closed.
      if (!access.allowed) throw blocked(BLOCKED_OPEN);
      return getSubject(read(), id, ctx.now);
    },
    'subjects.create': (input) => ({
      id: session.act('subject.create', (w, ctx) => {
        const id = createSubject(w, ctx, input);
        return acted(id, { action: 'subject_create', subjectId: id });
      }),
    }),
    'subjects.update': ({ id, subject }) => {
      // Blocked on the record as it is now: changing a declared person's date of birth so
      // that it no longer matches is itself refused.
      actOnSubject('subject.edit', liveSubject(id), BLOCKED_CHANGE, (w, ctx) => acted(updateSubject(w, ctx, id, subject), { action: 'subject_edit', subjectId: id }));
      return { id };
    },
    'subjects.delete': ({ id, reason }) => {
      actOnSubject('subject.delete', liveSubject(id), BLOCKED_CHANGE, (w, ctx) => acted(deleteSubject(w, ctx, id, reason), { action: 'subject_delete', subjectId: id, reason }));
      return done;
    },
    'subjects.reviewsDue': () =>
      session.act('subject.view', (w, ctx) => {
        const hidden = blockedSubjects(w, ctx.actor.userId);
        const due = reviewsDue(w, ctx.now).filter((s) => !hidden.has(s.id));
        return { value: due, audit: readEntries('subject_list', { list: 'reviews_due', returned: due.length }, due.map((s) => s.id)) };
      }),
    'subjects.reviewIntervals': () => {
      session.context('self');
      return intervals();
    },
    'subjects.setReviewIntervals': (input) => {
      session.act('reviews.configure', (w) => {
        const before = { level2Weeks: reviewWeeks(w, 2), level3Weeks: reviewWeeks(w, 3) };
        setReviewWeeks(w, 2, input.level2Weeks);
        setReviewWeeks(w, 3, input.level3Weeks);
        return acted(undefined, {
          action: 'settings_change',
          details: { key: 'review_weeks', fromLevel2: before.level2Weeks, fromLevel3: before.level3Weeks, toLevel2: input.level2Weeks, toLevel3: input.level3Weeks },
        });
      });
      return intervals();
    },

    // Adding information to a declared person's record is refused like changing it; any
    // agency may record what it received (the owner is whoever provided it).
    'items.add': (input) =>
      actOnSubject('item.add', liveSubject(input.subjectId), BLOCKED_CHANGE, (w, ctx) => {
        const item = addItem(w, ctx, input);
        return acted(item, { action: 'item_create', subjectId: item.subjectId, itemIds: [item.id], details: { fieldKind: item.fieldKind, ownerOfficeId: item.owner.id } });
      }),
    'items.update': (input) =>
      actOnSubject('item.edit', subjectOfItem(input.itemId), BLOCKED_CHANGE, (w, ctx) => {
        requireOwningAgency(getItem(w, input.itemId), ctx.actor, 'change');
        const item = updateItem(w, ctx, input);
        return acted(item, { action: 'item_edit', subjectId: item.subjectId, itemIds: [item.id], reason: input.changeReason, details: { version: item.version } });
      }),
    'items.delete': ({ id, reason }) => {
      actOnSubject('item.delete', subjectOfItem(id), BLOCKED_CHANGE, (w, ctx) => {
        requireOwningAgency(getItem(w, id), ctx.actor, 'delete');
        const item = deleteItem(w, ctx, id, reason);
        return acted(item, { action: 'item_delete', subjectId: item.subjectId, itemIds: [item.id], reason });
      });
      return done;
    },
    'items.history': ({ id }) =>
      actOnSubject('subject.view', subjectOfItem(id), BLOCKED_OPEN, (w) => {
        const versions = itemHistory(w, id);
        return acted(versions, { action: 'item_history', subjectId: getItem(w, id).subjectId, itemIds: [id], details: { versions: versions.length } });
      }),

    'retention.rules': () => listRetentionRules(read()),
    'retention.setRule': (input) => {
      session.act('retention.configure', (w, ctx) =>
        acted(setRetentionRule(w, ctx, input), { action: 'retention_rule', details: { agency: input.agency, retainMonths: input.retainMonths, reviewMonths: input.reviewMonths } }),
      );
      return listRetentionRules(read());
    },
    // The list names subjects, so reading it is recorded; each IG lead sees the items their own agency decides on.
    'retention.due': () =>
      session.act('retention.decide', (w, ctx) => {
        const { due, audit } = dueFor(w, ctx.actor, ctx.now);
        return acted(due, ...audit);
      }),
    'retention.decide': (input) => {
      const after = actOnSubject('retention.decide', subjectOfItem(input.itemId), BLOCKED_CHANGE, (w, ctx) => {
        // Only the owning agency's IG lead, and only on an item whose review has come.
        const item = getItem(w, input.itemId);
        requireRetentionDuty(item, ctx.actor, retentionDue(w, ctx.now).find((d) => d.itemId === input.itemId));
        const d = decideRetention(w, ctx, input);
        const list = dueFor(w, ctx.actor, ctx.now);
        return acted(
          list.due,
          { action: 'retention_decision', subjectId: d.subjectId, itemIds: [input.itemId], reason: input.reason, details: { decision: input.decision, ownerOfficeId: d.ownerOfficeId } },
          ...list.audit,
        );
      });
      // A disposal must also leave the journal and the fallback snapshot, which still hold the data.
      if (input.decision === 'dispose') session.vault().purgeHistory();
      return after;
    },
  };
}
