import type { Service } from '../shared/contract';
import { CLASSIFICATION, PRODUCT_NAME } from '../shared/classification';
import { MappaError } from '../shared/errors';
import { accessReasonsRequired, declareAssociation, findPatterns, grantException, listAssociations, queryAudit, recordSubjectView, setAccessReasonsRequired, verifyAuditChain, withdrawAssociation, closeAlert, appendAudit } from './audit';
import { autoLockMinutes, setAutoLockMinutes } from './access/autoLock';
import { createRegisterSession, type RegisterSession, type SessionOptions } from './access/registerSession';
import { alertViews, entryView, exportAudit, toFilter } from './access/review';
import { addUser, listUsers, removeUser, updateUser } from './access/users';
import type { Ctx } from './access/context';
import { addItem, deleteItem, itemHistory, updateItem } from './register/items';
import { addOffice, listOffices } from './access/offices';
import { listProfiles } from './access/people';
import { decideRetention, listRetentionRules, retentionDue, setRetentionRule } from './register/retention';
import { reviewWeeks, setReviewWeeks } from './register/registerSettings';
import { searchSubjects } from './register/search';
import { createSubject, deleteSubject, getSubject, requireLiveSubject, reviewsDue, updateSubject } from './register/subjects';

export interface ApiOptions extends SessionOptions {
  /** The app's version, as the shell reads it from Electron (or the tests from package.json). */
  version: string;
}

export interface Api {
  service: Service;
  /** For the shell's lifecycle (lock on quit, suspend, screen lock). */
  session: RegisterSession;
}

const done = { done: true as const };

/** Calls that are not the person doing something: they do not hold off the auto-lock. */
const NOT_ACTIVITY = new Set<string>(['register.status', 'register.progress', 'app.info']);

const actorOf = (ctx: Ctx) => ({ userId: ctx.actor.userId, userName: ctx.actor.userName, role: ctx.actor.role, officeId: ctx.actor.officeId, agency: ctx.actor.agency });

// The service: one function per contract channel. Electron's IPC binding and the UI
// test bridge both call exactly this object, after the dispatcher has parsed the input.
// Every register act runs through session.act: the role is checked, then the act and
// its audit entry are one durable commit.
export function createApi(options: ApiOptions): Api {
  const session = createRegisterSession(options);
  const host = options.host;
  const read = () => session.vault().reader;
  const service: Service = {
    'app.info': () => ({ name: PRODUCT_NAME, version: options.version, classification: CLASSIFICATION }),

    'register.status': () => session.status(),
    'register.recent': () => session.recent(),
    'register.chooseFolder': ({ purpose }) => session.chooseFolder(purpose),
    'register.create': (input) => session.create(input),
    'register.unlock': (input) => session.unlock(input),
    'register.lock': () => session.lock(),
    'register.setup': (input) => session.setup(input),
    'register.changePassphrase': async (input) => {
      await session.changePassphrase(input);
      return done;
    },
    'register.chooseBackupFile': ({ mode }) => session.chooseBackupFile(mode),
    'register.backup': ({ file }) => session.backup(file),
    'register.restore': (input) => session.restore(input),
    'register.progress': () => session.progress(),

    'users.list': () => {
      // Anyone signed in may see who else can open the register.
      session.signedIn();
      return listUsers(session);
    },
    'users.add': (input) => addUser(session, input),
    'users.update': (input) => updateUser(session, input),
    'users.remove': ({ userName }) => removeUser(session, userName),

    'offices.list': () => listOffices(read()),
    'offices.add': (input) => {
      session.act(
        'office.manage',
        (w, ctx) => addOffice(w, ctx.now, ctx.actor.userName, input),
        (office) => ({ action: 'office_create', details: { officeId: office.id, agency: office.agency } }),
      );
      return listOffices(read());
    },

    'subjects.search': (input) => searchSubjects(read(), input, session.context('subject.view').now),
    'subjects.get': ({ id, reason }) => {
      const ctx = session.context('subject.view');
      requireLiveSubject(read(), id); // an unknown subject is refused before anything is recorded
      const view = session.act('subject.view', (w) => recordSubjectView(w, { actor: actorOf(ctx), subjectId: id, reason, at: ctx.now.toISOString() }), () => []);
      if (!view.allowed) {
        // Counter-corruption case study: the alert is committed; the record stays closed.
        throw new MappaError(
          'association_block',
          'You cannot open this record: it matches a person you have declared a personal association with. Your information governance lead has been alerted and can grant an exception if your work needs it.',
        );
      }
      return getSubject(read(), id, ctx.now);
    },
    'subjects.create': (input) => ({
      id: session.act('subject.create', (w, ctx) => createSubject(w, ctx, input), (id) => ({ action: 'subject_create', subjectId: id })),
    }),
    'subjects.update': ({ id, subject }) => {
      session.act('subject.edit', (w, ctx) => updateSubject(w, ctx, id, subject), () => ({ action: 'subject_edit', subjectId: id }));
      return { id };
    },
    'subjects.delete': ({ id, reason }) => {
      session.act('subject.delete', (w, ctx) => deleteSubject(w, ctx, id, reason), () => ({ action: 'subject_delete', subjectId: id, reason }));
      return done;
    },
    'subjects.reviewsDue': () => reviewsDue(read(), session.context('subject.view').now),
    'subjects.reviewIntervals': () => {
      session.signedIn();
      return { level2Weeks: reviewWeeks(read(), 2), level3Weeks: reviewWeeks(read(), 3) };
    },
    'subjects.setReviewIntervals': (input) => {
      session.act(
        'reviews.configure',
        (w) => {
          const before = { level2Weeks: reviewWeeks(w, 2), level3Weeks: reviewWeeks(w, 3) };
          setReviewWeeks(w, 2, input.level2Weeks);
          setReviewWeeks(w, 3, input.level3Weeks);
          return before;
        },
        (before) => ({ action: 'settings_change', details: { key: 'review_weeks', fromLevel2: before.level2Weeks, fromLevel3: before.level3Weeks, toLevel2: input.level2Weeks, toLevel3: input.level3Weeks } }),
      );
      return { level2Weeks: reviewWeeks(read(), 2), level3Weeks: reviewWeeks(read(), 3) };
    },

    'items.add': (input) =>
      session.act('item.add', (w, ctx) => addItem(w, ctx, input), (item) => ({ action: 'item_create', subjectId: item.subjectId, itemIds: [item.id], details: { fieldKind: item.fieldKind, ownerOfficeId: item.owner.id } })),
    'items.update': (input) =>
      session.act('item.edit', (w, ctx) => updateItem(w, ctx, input), (item) => ({ action: 'item_edit', subjectId: item.subjectId, itemIds: [item.id], reason: input.changeReason, details: { version: item.version } })),
    'items.delete': ({ id, reason }) => {
      session.act('item.delete', (w, ctx) => deleteItem(w, ctx, id, reason), (item) => ({ action: 'item_delete', subjectId: item.subjectId, itemIds: [item.id], reason }));
      return done;
    },
    'items.history': ({ id }) => {
      session.context('subject.view');
      return itemHistory(read(), id);
    },

    'retention.rules': () => listRetentionRules(read()),
    'retention.setRule': (input) => {
      session.act('retention.configure', (w, ctx) => setRetentionRule(w, ctx, input), () => ({ action: 'retention_rule', details: { agency: input.agency, retainMonths: input.retainMonths, reviewMonths: input.reviewMonths } }));
      return listRetentionRules(read());
    },
    'retention.due': () => retentionDue(read(), session.context('retention.decide').now),
    'retention.decide': (input) => {
      session.act(
        'retention.decide',
        (w, ctx) => decideRetention(w, ctx, input),
        (d) => ({ action: 'retention_decision', subjectId: d.subjectId, itemIds: [input.itemId], reason: input.reason, details: { decision: input.decision, ownerOfficeId: d.ownerOfficeId } }),
      );
      // A disposal must also leave the journal and the fallback snapshot, which still hold the data.
      if (input.decision === 'dispose') session.vault().purgeHistory();
      return retentionDue(read(), session.now());
    },

    'access.settings': () => {
      const r = read();
      return { accessReasonsRequired: accessReasonsRequired(r), autoLockMinutes: autoLockMinutes(r) };
    },
    'access.setSettings': (input) => {
      session.act(
        'settings.manage',
        (w, ctx) => {
          if (accessReasonsRequired(w) !== input.accessReasonsRequired) setAccessReasonsRequired(w, input.accessReasonsRequired, actorOf(ctx), ctx.now.toISOString());
          const before = autoLockMinutes(w);
          if (before !== input.autoLockMinutes) {
            setAutoLockMinutes(w, input.autoLockMinutes);
            appendAudit(w, { actor: actorOf(ctx), action: 'settings_change', details: { key: 'auto_lock_minutes', from: before, to: input.autoLockMinutes } }, ctx.now.toISOString());
          }
        },
        () => [],
      );
      session.refreshAutoLock();
      const r = read();
      return { accessReasonsRequired: accessReasonsRequired(r), autoLockMinutes: autoLockMinutes(r) };
    },
    'access.activity': () => ({ lockInSeconds: session.lockInSeconds() }),

    // Every user declares their own associations, whatever their role.
    'associations.list': () => listAssociations(read(), session.signedIn().actor.userId, { includeWithdrawn: true }),
    'associations.declare': (input) => {
      const ctx = session.signedIn();
      session.vault().commit((w) => declareAssociation(w, { actor: actorOf(ctx), names: input.names, dateOfBirth: input.dateOfBirth, relationship: input.relationship, at: ctx.now.toISOString() }));
      return listAssociations(read(), ctx.actor.userId, { includeWithdrawn: true });
    },
    'associations.withdraw': ({ id, reason }) => {
      const ctx = session.signedIn();
      session.vault().commit((w) => withdrawAssociation(w, { actor: actorOf(ctx), associationId: id, reason, at: ctx.now.toISOString() }));
      return listAssociations(read(), ctx.actor.userId, { includeWithdrawn: true });
    },

    'audit.users': () => {
      session.context('audit.review');
      return listProfiles(read()).map((p) => ({ userId: p.userId, userName: p.userName }));
    },
    'audit.query': (input) => {
      session.context('audit.review');
      const r = read();
      const page = queryAudit(r, toFilter(input));
      return { total: page.total, entries: page.entries.map((e) => entryView(r, e)) };
    },
    'audit.patterns': () => findPatterns(read(), { now: session.context('audit.review').now.toISOString() }),
    'audit.alerts': ({ status }) => {
      session.context('audit.review');
      return alertViews(read(), status);
    },
    'audit.closeAlert': ({ alertId, outcome }) => {
      session.act('audit.review', (w, ctx) => closeAlert(w, { alertId, closedBy: actorOf(ctx), outcome, at: ctx.now.toISOString() }), () => []);
      return alertViews(read(), null);
    },
    'audit.grantException': ({ alertId, reason }) => {
      session.act(
        'audit.review',
        (w, ctx) => {
          const alert = w.get<{ user_id: string; subject_id: string }>('SELECT user_id, subject_id FROM association_alerts WHERE id = ?', [alertId]);
          if (!alert) throw new MappaError('not_found', 'That alert is not in this register.');
          grantException(w, { userId: alert.user_id, subjectId: alert.subject_id, grantedBy: actorOf(ctx), reason, at: ctx.now.toISOString() });
          closeAlert(w, { alertId, closedBy: actorOf(ctx), outcome: `Exception granted: ${reason}`, at: ctx.now.toISOString() });
        },
        () => [],
      );
      return alertViews(read(), null);
    },
    'audit.verify': () => {
      const verdict = session.act('audit.review', (w) => verifyAuditChain(w), (v) => ({ action: 'audit_verify', details: { ok: v.ok, entries: v.entries } }));
      return verdict.ok
        ? { ok: true, entries: verdict.entries, lastHash: verdict.lastHash, firstBroken: null }
        : { ok: false, entries: verdict.entries, lastHash: null, firstBroken: verdict.firstBroken };
    },
    'audit.export': (input) => exportAudit(session, host, input),
  };

  // Every call the person makes counts as activity for the auto-lock.
  for (const name of Object.keys(service) as (keyof Service)[]) {
    if (NOT_ACTIVITY.has(name)) continue;
    const inner = service[name] as (input: unknown) => unknown;
    (service as Record<string, (input: unknown) => unknown>)[name] = (input: unknown) => {
      session.touch();
      return inner(input);
    };
  }
  return { service, session };
}
