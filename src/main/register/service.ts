import type { registerContract } from '../../shared/channels/register';
import type { SliceService } from '../../shared/channels/slice';
import { MappaError } from '../../shared/errors';
import { auditActorOf } from '../access/acting';
import type { ServiceDeps } from '../access/registerSession';
import { acted, viewSubject } from '../audit';
import { addItem, deleteItem, itemHistory, updateItem } from './items';
import { reviewWeeks, setReviewWeeks } from './registerSettings';
import { decideRetention, listRetentionRules, retentionDue, setRetentionRule } from './retention';
import { searchSubjects } from './search';
import { createSubject, deleteSubject, getSubject, requireLiveSubject, reviewsDue, updateSubject } from './subjects';

// The register capability's channels: subjects, their items, review intervals and
// retention. Each act returns what it did with its audit entries; session.act commits both.

const done = { done: true as const };

export function registerService({ session }: ServiceDeps): SliceService<typeof registerContract> {
  const read = () => session.vault().reader;
  const intervals = () => ({ level2Weeks: reviewWeeks(read(), 2), level3Weeks: reviewWeeks(read(), 3) });
  return {
    'subjects.search': (input) => searchSubjects(read(), input, session.context('subject.view').now),
    'subjects.get': ({ id, reason }) => {
      const ctx = session.context('subject.view');
      requireLiveSubject(read(), id); // an unknown subject is refused before anything is recorded
      const access = session.act('subject.view', (w, c) =>
        viewSubject(w, { actor: auditActorOf(c.actor), subjectId: id, reason, at: c.now.toISOString() }),
      );
      if (!access.allowed) {
        // Counter-corruption case study: the alert is committed; the record stays closed.
        throw new MappaError(
          'association_block',
          'You cannot open this record: it matches a person you have declared a personal association with. Your information governance lead has been alerted and can grant an exception if your work needs it.',
        );
      }
      return getSubject(read(), id, ctx.now);
    },
    'subjects.create': (input) => ({
      id: session.act('subject.create', (w, ctx) => {
        const id = createSubject(w, ctx, input);
        return acted(id, { action: 'subject_create', subjectId: id });
      }),
    }),
    'subjects.update': ({ id, subject }) => {
      session.act('subject.edit', (w, ctx) => acted(updateSubject(w, ctx, id, subject), { action: 'subject_edit', subjectId: id }));
      return { id };
    },
    'subjects.delete': ({ id, reason }) => {
      session.act('subject.delete', (w, ctx) => acted(deleteSubject(w, ctx, id, reason), { action: 'subject_delete', subjectId: id, reason }));
      return done;
    },
    'subjects.reviewsDue': () => reviewsDue(read(), session.context('subject.view').now),
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

    'items.add': (input) =>
      session.act('item.add', (w, ctx) => {
        const item = addItem(w, ctx, input);
        return acted(item, { action: 'item_create', subjectId: item.subjectId, itemIds: [item.id], details: { fieldKind: item.fieldKind, ownerOfficeId: item.owner.id } });
      }),
    'items.update': (input) =>
      session.act('item.edit', (w, ctx) => {
        const item = updateItem(w, ctx, input);
        return acted(item, { action: 'item_edit', subjectId: item.subjectId, itemIds: [item.id], reason: input.changeReason, details: { version: item.version } });
      }),
    'items.delete': ({ id, reason }) => {
      session.act('item.delete', (w, ctx) => {
        const item = deleteItem(w, ctx, id, reason);
        return acted(item, { action: 'item_delete', subjectId: item.subjectId, itemIds: [item.id], reason });
      });
      return done;
    },
    'items.history': ({ id }) => {
      session.context('subject.view');
      return itemHistory(read(), id);
    },

    'retention.rules': () => listRetentionRules(read()),
    'retention.setRule': (input) => {
      session.act('retention.configure', (w, ctx) =>
        acted(setRetentionRule(w, ctx, input), { action: 'retention_rule', details: { agency: input.agency, retainMonths: input.retainMonths, reviewMonths: input.reviewMonths } }),
      );
      return listRetentionRules(read());
    },
    'retention.due': () => retentionDue(read(), session.context('retention.decide').now),
    'retention.decide': (input) => {
      session.act('retention.decide', (w, ctx) => {
        const d = decideRetention(w, ctx, input);
        return acted(d, { action: 'retention_decision', subjectId: d.subjectId, itemIds: [input.itemId], reason: input.reason, details: { decision: input.decision, ownerOfficeId: d.ownerOfficeId } });
      });
      // A disposal must also leave the journal and the fallback snapshot, which still hold the data.
      if (input.decision === 'dispose') session.vault().purgeHistory();
      return retentionDue(read(), session.now());
    },
  };
}
