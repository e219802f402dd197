import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { formatLondonDateTime, londonDayOf } from '../../shared/calendar';
import type { sharingContract, ShareView } from '../../shared/channels/sharing';
import type { SliceService } from '../../shared/channels/slice';
import { MappaError } from '../../shared/errors';
import type { Who } from '../access/acting';
import type { Ctx } from '../access/context';
import type { ServiceDeps } from '../access/registerSession';
import { accessReasonFor, acted, readEntries, type Acted, type ActEntry } from '../audit';
import type { Writer } from '../db/types';
import { blocked, blockedSubjects, BLOCKED_CHANGE, BLOCKED_OPEN } from '../register/associationBlock';
import { actOnSubject, liveSubject, subjectOfItem } from '../register/guard';
import { REFUSED, sealExchange, type Opened } from '../exchange/exchangeFile';
import { openExchangeFile, requireKind, writeThenCommit } from '../exchange/files';
import {
  confirmPartnerKey,
  listPartnerKeys,
  newOfficeKeys,
  ownKeyFile,
  ownKeyView,
  parseKeyFile,
  previewPartnerKey,
  requireOwnKeys,
  saveOwnKeys,
  type PartnerKeyFile,
} from '../exchange/keys';
import { answerPermission, listPermissions, requestPermission, sharingAgency, subjectOfPermission } from './ownerPermissions';
import { createPending } from '../exchange/pending';
import {
  answerLine,
  declineShare,
  discardShare,
  listShares,
  markConfirmed,
  markWithdrawn,
  removeLine,
  setDetails,
  setFields,
  shareSummaryOf,
  shareView,
  startShare,
} from './shares';
import { getShareRow } from './shareRows';
import { applyImport, declarationMatching, previewOf, receivedOn, subjectTouched } from './incoming';
import { buildShare, buildWithdrawal } from './outgoing';

// The sharing capability's channels (issue 10). Every act on a subject's information goes
// through the association guard and writes its audit entry in the same commit; files are
// written only where the person chose in the host's dialog; a file opened for import is
// verified before anything is shown and held (decrypted, in memory only) until it is
// imported, the register locks, or half an hour passes.

const day = (now: Date) => londonDayOf(now.toISOString());

/** A file about a person the user has declared an association with. */
export const BLOCKED_FILE =
  'You cannot open this file: it is about a person you have declared a personal association with. Ask a colleague to import it; the attempt has been recorded for your information governance lead.';

export function sharingService({ session, host }: ServiceDeps): SliceService<typeof sharingContract> {
  const read = () => session.vault().reader;
  const keyFiles = createPending<PartnerKeyFile>(session);
  const exchanges = createPending<Opened>(session);

  const subjectOfShare = (id: string) => (w: Writer) => getShareRow(w, id).subject_id;
  /** A step of the wizard on a draft: the change, its audit entry, and the share as it now stands. */
  const draftStep = (id: string, step: string, work: (w: Writer, ctx: Ctx) => ActEntry['details'] | void, itemIds: string[] = []): ShareView =>
    actOnSubject(session, 'share.make', subjectOfShare(id), BLOCKED_CHANGE, (w, ctx) => {
      const details = work(w, ctx) ?? {};
      const view = shareView(w, id);
      return acted(view, { action: 'share_draft', subjectId: view.subjectId, itemIds, details: { shareId: id, step, ...details } });
    });
  const itemIdsOf = (view: ShareView) => view.lines.flatMap((l) => (l.ref.kind === 'item' ? [l.ref.itemId] : []));

  /**
   * A file about someone this register does not hold (yet) is checked against the user's
   * own declarations by the file's names and date of birth: a declared person is not shown
   * to them from a file either. There is no subject to raise an alert about, so the attempt
   * is recorded as an association_alert entry in the audit log, and a colleague imports it.
   */
  function refuseDeclaredPerson(opened: Opened): void {
    const declared = session.act('share.import', (w, ctx) => {
      const d = declarationMatching(w, ctx.actor.userId, opened);
      return d === null
        ? acted(null)
        : acted(d, { action: 'association_alert', details: { associationId: d.id, exchangeId: opened.header.exchangeId, inRegister: false } });
    });
    if (declared !== null) throw blocked(BLOCKED_FILE);
  }

  function notReady(view: ShareView): MappaError {
    const all = [...view.problems, ...view.lines.flatMap((l) => l.problems)];
    return new MappaError('not_ready', `This share cannot be confirmed yet: ${all.length === 1 ? 'one thing is' : `${all.length} things are`} still to do. ${all.join(' ')}`);
  }

  return {
    'keys.own': () => {
      session.context('self');
      return ownKeyView(read());
    },
    'keys.create': async () => {
      session.context('keys.manage');
      const material = await newOfficeKeys();
      session.act('keys.manage', (w, ctx) => {
        const keys = saveOwnKeys(w, ctx, material);
        return acted(keys, { action: 'office_keys', details: { officeId: keys.office.id, fingerprint: keys.fingerprint } });
      });
      return ownKeyView(read());
    },
    'keys.exportOwn': async () => {
      const ctx = session.context('keys.manage');
      const keys = requireOwnKeys(read());
      const file = await host.dialogs.chooseExchangeFile('save', 'key', `mappa-office-key-${day(ctx.now)}.mappa-key`);
      if (file === null) return { file: null };
      writeThenCommit(file, Buffer.from(ownKeyFile(keys), 'utf8'), () =>
        session.act('keys.manage', () => acted(undefined, { action: 'export', details: { what: 'office_key', officeId: keys.office.id, fingerprint: keys.fingerprint } })),
      );
      return { file };
    },
    'keys.partners': () => {
      session.context('self');
      return listPartnerKeys(read());
    },
    'keys.openPartnerKey': async () => {
      session.context('keys.manage');
      const file = await host.dialogs.chooseExchangeFile('open', 'key', '');
      if (file === null) return { cancelled: true as const };
      if (statSync(file).size > 100_000) throw new MappaError('bad_key_file', 'This is not a MAPPA Register office key file: it is far too large to be one.');
      const parsed = parseKeyFile(readFileSync(file, 'utf8'));
      const token = keyFiles.hold(parsed);
      return previewPartnerKey(read(), parsed, token);
    },
    'keys.confirmPartnerKey': ({ token, confirmedWith, confirmedHow }) => {
      session.context('keys.manage');
      const parsed = keyFiles.take(token, 'key file');
      session.act('keys.manage', (w, ctx) => {
        const done = confirmPartnerKey(w, ctx, parsed, { confirmedWith, confirmedHow });
        return acted(done, {
          action: 'partner_key',
          reason: `Fingerprint compared with ${confirmedWith} (${confirmedHow}).`,
          details: { officeId: done.office.id, fingerprint: parsed.fingerprint, status: done.status, remoteOfficeId: parsed.office.officeId },
        });
      });
      return listPartnerKeys(read());
    },

    'shares.start': ({ subjectId, reason }) =>
      actOnSubject(session, 'share.make', liveSubject(subjectId), BLOCKED_CHANGE, (w, ctx) => {
        const why = accessReasonFor(w, reason);
        const id = startShare(w, ctx, subjectId);
        return acted(shareView(w, id), { action: 'share_draft', subjectId, reason: why, details: { shareId: id, step: 'start' } });
      }),
    'shares.get': ({ id, reason }) =>
      actOnSubject(session, 'subject.view', subjectOfShare(id), BLOCKED_OPEN, (w) => {
        const why = accessReasonFor(w, reason);
        const view = shareView(w, id);
        return acted(view, { action: 'share_view', subjectId: view.subjectId, itemIds: itemIdsOf(view), reason: why, details: { shareId: id, status: view.status } });
      }),
    'shares.setFields': ({ id, fields }) =>
      draftStep(id, 'fields', (w) => {
        setFields(w, id, fields);
        return { fields: fields.length };
      }),
    'shares.setDetails': (input) =>
      draftStep(input.id, 'details', (w) => {
        setDetails(w, input.id, input);
        return { purpose: input.purpose, gateway: input.gateway, regime: input.regime, recipients: [...input.recipientOfficeIds], expiryDays: input.expiryDays };
      }),
    'shares.answer': (input) =>
      draftStep(input.id, 'answer', (w, ctx) => {
        answerLine(w, ctx, input.id, input.lineId, input);
        return { lineId: input.lineId };
      }),
    'shares.removeField': ({ id, lineId }) =>
      draftStep(id, 'remove_field', (w) => ({ lineId, fieldKind: removeLine(w, id, lineId) })),
    'shares.discard': ({ id }) => {
      draftStep(id, 'discard', (w) => {
        discardShare(w, id);
      });
      return { done: true as const };
    },
    'shares.confirm': async ({ id }) => {
      const ctx = session.context('share.make');
      // The rules, checked by the service on the share as it is now (the wizard only shows them).
      const before = actOnSubject(session, 'share.make', subjectOfShare(id), BLOCKED_CHANGE, (w) => acted(shareView(w, id)));
      if (before.status !== 'draft') throw new MappaError('not_draft', 'This share has already been confirmed, withdrawn or discarded: start a new share instead.');
      if (!before.ready) throw notReady(before);
      const own = requireOwnKeys(read());
      const built = buildShare(read(), id, own, ctx.actor.userName, ctx.now);
      const file = await host.dialogs.chooseExchangeFile('save', 'exchange', `mappa-share-${day(ctx.now)}-${built.draft.exchangeId.slice(0, 8)}.mappa`);
      if (file === null) return { share: before, file: null };
      const bytes = await sealExchange(built.draft, built.payload, own, built.recipientAgeKeys);
      const fileSha256 = sha256(bytes);
      writeThenCommit(file, bytes, () =>
        actOnSubject(session, 'share.make', subjectOfShare(id), BLOCKED_CHANGE, (w, c) => {
          const now = shareView(w, id);
          if (!now.ready) throw notReady(now);
          markConfirmed(w, c, id, built.revision, { exchangeId: built.draft.exchangeId, fileSha256, expiresAt: built.expiresAt });
          return acted(undefined, {
            action: 'share',
            subjectId: now.subjectId,
            itemIds: itemIdsOf(now),
            details: {
              shareId: id,
              exchangeId: built.draft.exchangeId,
              purpose: now.purpose,
              gateway: now.gateway,
              regime: now.regime,
              recipients: now.recipients.map((o) => o.id),
              // The kinds of field shared, each once: the details hold codes, and stay small for a share of any size.
              fieldKinds: [...new Set(now.lines.map((l) => l.fieldKind))],
              fields: now.lines.length,
              fileSha256,
            },
          });
        }),
      );
      return { share: shareView(read(), id), file };
    },
    'shares.decline': (input) =>
      actOnSubject(session, 'share.make', liveSubject(input.subjectId), BLOCKED_CHANGE, (w, ctx) => {
        const id = declineShare(w, ctx, input);
        return acted(shareSummaryOf(w, id), {
          action: 'share_declined',
          subjectId: input.subjectId,
          itemIds: input.itemIds,
          reason: input.reason,
          details: { shareId: id, purpose: input.purpose, ...(input.requestedByOfficeId === null ? {} : { requestedByOfficeId: input.requestedByOfficeId }) },
        });
      }),
    'shares.list': ({ subjectId }) => {
      if (subjectId !== null) {
        return actOnSubject(session, 'subject.view', liveSubject(subjectId), BLOCKED_OPEN, (w, ctx) => {
          const list = listShares(w, subjectId, new Set(blockedSubjects(w, ctx.actor.userId).keys()));
          return acted(list, ...readEntries('subject_list', { list: 'shares', returned: list.length }, [subjectId]));
        });
      }
      return session.act('subject.view', (w, ctx) => {
        const list = listShares(w, null, new Set(blockedSubjects(w, ctx.actor.userId).keys()));
        return acted(list, ...readEntries('subject_list', { list: 'shares', returned: list.length }, [...new Set(list.map((s) => s.subjectId))]));
      });
    },
    'shares.withdraw': async ({ id, reason }) => {
      const ctx = session.context('share.make');
      // The association block first: a blocked user sees nothing of the share, and no dialog opens.
      actOnSubject(session, 'share.make', subjectOfShare(id), BLOCKED_CHANGE, () => acted(undefined));
      const row = getShareRow(read(), id);
      if (row.status !== 'confirmed') {
        throw new MappaError('not_confirmed', row.status === 'withdrawn' ? 'This share has already been withdrawn.' : 'Only a confirmed share can be withdrawn: a draft can be discarded instead.');
      }
      const own = requireOwnKeys(read());
      const built = buildWithdrawal(read(), row, own, ctx.actor.userName, reason, ctx.now);
      const file = await host.dialogs.chooseExchangeFile('save', 'exchange', `mappa-withdrawal-${day(ctx.now)}-${built.draft.exchangeId.slice(0, 8)}.mappa`);
      if (file === null) return { share: shareView(read(), id), file: null }; // the block was checked above, in this call
      const bytes = await sealExchange(built.draft, { values: {} }, own, built.recipientAgeKeys);
      writeThenCommit(file, bytes, () =>
        actOnSubject(session, 'share.make', subjectOfShare(id), BLOCKED_CHANGE, (w, c) => {
          markWithdrawn(w, c, id, reason);
          return acted(undefined, {
            action: 'share_withdraw',
            subjectId: row.subject_id,
            reason,
            details: { shareId: id, exchangeId: row.exchange_id, withdrawalExchangeId: built.draft.exchangeId, fileSha256: sha256(bytes) },
          });
        }),
      );
      return { share: shareView(read(), id), file };
    },

    'permissions.request': (input) =>
      actOnSubject(session, 'share.make', subjectOfItem(input.itemId), BLOCKED_CHANGE, (w, ctx) => {
        const home = sharingAgency(w);
        const view = requestPermission(w, ctx, home, input);
        return acted(view, {
          action: 'owner_permission',
          subjectId: view.subjectId,
          itemIds: [view.itemId],
          details: { step: 'request', permissionId: view.id, ownerOfficeId: view.owner.id, recipients: view.recipients.map((o) => o.id), purpose: view.purpose },
        });
      }),
    'permissions.answer': (input) =>
      actOnSubject(session, 'share.make', (w) => subjectOfPermission(w, input.id), BLOCKED_CHANGE, (w, ctx) => {
        const view = answerPermission(w, ctx, input);
        return acted(view, {
          action: 'owner_permission',
          subjectId: view.subjectId,
          itemIds: [view.itemId],
          reason: input.note,
          details: { step: 'answer', permissionId: view.id, answer: input.answer, answeredOn: input.answeredOn, ownerOfficeId: view.owner.id },
        });
      }),
    'permissions.list': ({ subjectId }) =>
      actOnSubject(session, 'subject.view', liveSubject(subjectId), BLOCKED_OPEN, (w) => {
        const list = listPermissions(w, subjectId);
        return acted(list, ...readEntries('subject_list', { list: 'owner_permissions', returned: list.length }, [subjectId]));
      }),

    'exchange.open': async () => {
      const ctx = session.context('share.import');
      const file = await host.dialogs.chooseExchangeFile('open', 'exchange', '');
      if (file === null) return { cancelled: true as const };
      const opened = await openExchangeFile(file, read, ctx.now, receivedOn);
      requireKind(opened, 'share', 'withdrawal');
      const subjectId = subjectTouched(read(), opened);
      if (subjectId === null) refuseDeclaredPerson(opened);
      const token = exchanges.hold(opened);
      const preview = (w: Writer, c: Ctx): Acted<ReturnType<typeof previewOf>> => {
        const view = previewOf(w, opened, token, new Set(blockedSubjects(w, c.actor.userId).keys()));
        const candidates = view.subject.candidates.map((x) => x.id);
        return acted(view, {
          action: 'import',
          subjectId,
          details: {
            step: 'preview',
            exchangeId: opened.header.exchangeId,
            kind: opened.header.kind,
            senderOfficeId: opened.header.sender.officeId,
            items: view.items.length,
            ...(candidates.length === 0 ? {} : { candidates }),
          },
        });
      };
      // A person this user is blocked from is not shown to them, even from a file.
      return subjectId === null ? session.act('share.import', preview) : actOnSubject(session, 'share.import', () => subjectId, BLOCKED_OPEN, preview);
    },
    'exchange.import': ({ token, subjectId: chosen }) => {
      const ctx = session.context('share.import');
      const opened = exchanges.peek(token, 'exchange file');
      // Checked again at import: a preview can wait, the file's expiry does not.
      if (Date.parse(opened.header.expiresAt) <= ctx.now.getTime()) {
        exchanges.drop(token);
        throw new MappaError('exchange_expired', REFUSED.expired(formatLondonDateTime(opened.header.expiresAt)));
      }
      const hidden = new Set(blockedSubjects(read(), ctx.actor.userId).keys());
      const subjectId = subjectTouched(read(), opened, chosen, hidden);
      if (subjectId === null) refuseDeclaredPerson(opened);
      const work = (w: Writer, ctx: Ctx) => {
        const outcome = applyImport(w, ctx, opened, chosen, hidden);
        const audit: ActEntry[] = [
          {
            action: 'import',
            subjectId: outcome.subjectId,
            itemIds: outcome.itemIds,
            details: {
              step: 'import',
              exchangeId: opened.header.exchangeId,
              kind: opened.header.kind,
              senderOfficeId: opened.header.sender.officeId,
              added: outcome.added,
              matched: outcome.matched,
              updated: outcome.updated,
              withdrawn: outcome.withdrawn,
              subjectAdded: outcome.subjectAdded,
              fileSha256: opened.fileSha256,
            },
          },
        ];
        if (outcome.subjectAdded) audit.push({ action: 'subject_create', subjectId: outcome.subjectId, details: { from: 'exchange', exchangeId: opened.header.exchangeId } });
        for (const officeId of outcome.officesAdded) audit.push({ action: 'office_create', details: { officeId, from: 'exchange' } });
        return acted({ subjectId: outcome.subjectId, added: outcome.added, matched: outcome.matched, updated: outcome.updated, withdrawn: outcome.withdrawn }, ...audit);
      };
      const who: Who = 'share.import';
      const result = subjectId === null ? session.act(who, work) : actOnSubject(session, who, () => subjectId, BLOCKED_CHANGE, work);
      exchanges.drop(token);
      return result;
    },
  };
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
