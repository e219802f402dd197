import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { sarContract, SarView } from '../../shared/channels/sar';
import type { SliceService } from '../../shared/channels/slice';
import { MappaError } from '../../shared/errors';
import { iso, newId, type Ctx } from '../access/context';
import type { ServiceDeps } from '../access/registerSession';
import { accessReasonFor, acted, readEntries, type ActEntry } from '../audit';
import type { Writer } from '../db/types';
import { blocked, blockedSubjects, BLOCKED_CHANGE, BLOCKED_OPEN } from '../register/associationBlock';
import { REFUSED, sealExchange } from '../exchange/exchangeFile';
import { openExchangeFile, requireKind, writeThenCommit } from '../exchange/files';
import { requireOwnKeys } from '../exchange/keys';
import { actOnSubject, actOnSubjects } from '../register/guard';
import { answerReferral, candidates, checkDecision, confirmSubject, decidableRecord, holdingsOf, otherPeople, recordDecision, refer, removeSubject } from './holdings';
import { buildReferral, declarationForReferral, intakeFromReferral, linkRequest, markReferralSent, receivedReferral, receivedReferrals, referralReceivedOn, referralRow, storeReceivedReferral } from './referralFiles';
import { internalSchedulePdf, redactionLogCsv, redactionLogPdf, responsePdf } from './bundle';
import { proposeNameRedactions } from './redaction';
import { fileDay, gather, internalInput, responseInput, responseProblems, scheduleInput } from './response';
import { answerClarification, askClarification, changeFacts, notFuture, confirmedSubjectIds, createRequest, listRequests, requestRow, requestView } from './requests';

// The subject access request channels (issue 13), for the information governance lead. A
// request names people before any subject is confirmed, so its record is guarded by the
// association block through the subjects it is confirmed to be about: a lead who declared an
// association with one of them is refused (and the attempt recorded) like anywhere else.
// Every step writes a sar_step entry in the same commit; what reveals a subject's data (the
// candidates, the holdings) is an audited read asking the access reason.

/** A referral about a person the user has declared an association with. */
const BLOCKED_FILE_SAR =
  'You have declared an association with the person this referral is about, so it is not shown to you. A colleague can open it; your attempt has been recorded for your information governance lead.';

export function sarService({ session, host }: ServiceDeps): SliceService<typeof sarContract> {
  const read = () => session.vault().reader;
  const hiddenFor = (w: Writer, ctx: Ctx) => new Set(blockedSubjects(w, ctx.actor.userId).keys());
  /** A step on a request: guarded by its confirmed subjects, audited, returning the request as it now stands. */
  const step = (id: string, name: string, work: (w: Writer, ctx: Ctx) => Record<string, string | number | boolean | readonly string[]> | void, reason?: string): SarView =>
    actOnSubjects(session, 'sar.manage', (w) => confirmedSubjectIds(w, id), BLOCKED_CHANGE, (w, ctx) => {
      requestRow(w, id);
      const details = work(w, ctx) ?? {};
      const view = viewOf(w, id, ctx);
      const entry: Omit<ActEntry, 'subjectId'> = { action: 'sar_step', ...(reason === undefined ? {} : { reason }), details: { requestId: id, reference: view.reference, step: name, ...details } };
      const subjects = view.confirmed.map((c) => c.subjectId);
      return acted(view, ...(subjects.length === 0 ? [entry] : subjects.map((subjectId) => ({ ...entry, subjectId }))));
    });

  /** The request as the screens show it, with what still stops its response. */
  const viewOf = (w: Writer, id: string, ctx: Ctx): SarView => ({ ...requestView(w, id, ctx.now, hiddenFor(w, ctx)), responseProblems: responseProblems(w, id, ctx.now) });

  /**
   * Makes one of the request's files: every check and the document before the dialog opens;
   * then, once a file is chosen, the record (sar_outputs) and its audit entry in one commit
   * before the file exists (promise 3), behind the association block.
   */
  async function makeFile(
    id: string,
    kind: 'response' | 'redaction_log_pdf' | 'redaction_log_csv' | 'internal_schedule',
    format: 'pdf' | 'csv',
    build: (g: ReturnType<typeof gather>, madeBy: string, now: Date) => Promise<{ bytes: Uint8Array; pages: number | null }>,
  ): Promise<{ file: string | null; pages: number | null }> {
    const ctx = session.context('sar.manage');
    const g = actOnSubjects(session, 'sar.manage', (w) => confirmedSubjectIds(w, id), BLOCKED_OPEN, (w) => acted(gather(w, id, ctx.now)));
    const made = await build(g, ctx.actor.userName, ctx.now);
    const names = { response: 'response', redaction_log_pdf: 'redaction-log', redaction_log_csv: 'redaction-log', internal_schedule: 'internal-schedule' } as const;
    const chosen = await host.dialogs.chooseExportFile(format, `${g.row.reference}-${names[kind]}-${fileDay(ctx.now)}.${format}`);
    if (chosen === null) return { file: null, pages: null };
    const fileSha256 = createHash('sha256').update(made.bytes).digest('hex');
    actOnSubjects(session, 'sar.manage', (w) => confirmedSubjectIds(w, id), BLOCKED_OPEN, (w, c) => {
      const again = gather(w, id, c.now);
      if (again.released.length !== g.released.length || again.log.length !== g.log.length) throw new MappaError('changed', 'The request changed while the file was being made: make it again.');
      w.run('INSERT INTO sar_outputs (id, request_id, kind, file_sha256, pages, items_released, made_at, made_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        newId(),
        id,
        kind,
        fileSha256,
        made.pages,
        g.released.length,
        iso(c.now),
        c.actor.userName,
      ]);
      const subjects = confirmedSubjectIds(w, id);
      const entry = { action: 'export' as const, details: { what: `sar_${kind}`, requestId: id, reference: g.row.reference, itemsReleased: g.released.length, fileSha256 } };
      return acted(undefined, ...subjects.map((subjectId) => ({ ...entry, subjectId, ...(kind === 'response' ? { itemIds: g.releasedIds } : {}) })));
    });
    const file = path.resolve(chosen);
    writeFileSync(file, made.bytes, { mode: 0o600 });
    return { file, pages: made.pages };
  }

  /** Other people's names in this office's items, proposed for redaction. */
  const proposals = (w: Writer, id: string) => ({
    otherPeople: otherPeople(w, id),
    propose: (text: string, people: readonly string[]) => proposeNameRedactions(text, people).map((p) => ({ start: p.start, end: p.end, name: p.person })),
  });

  return {
    'sar.list': ({ status }) =>
      session.act('sar.manage', (w, ctx) => {
        const list = listRequests(w, status, ctx.now);
        return acted(list, { action: 'sar_step', details: { step: 'dashboard', status: status ?? 'all', returned: list.length } });
      }),
    'sar.create': (input) =>
      session.act('sar.manage', (w, ctx) => {
        const id = createRequest(w, ctx, input);
        const view = viewOf(w, id, ctx);
        return acted(view, { action: 'sar_step', details: { requestId: id, reference: view.reference, step: 'intake', regime: view.regime, onBehalf: input.representativeName !== null } });
      }),
    'sar.get': ({ id }) => step(id, 'view', () => undefined),
    'sar.setIdentity': ({ id, verifiedOn, how }) =>
      step(id, 'identity', (w, ctx) => {
        notFuture(verifiedOn, 'verifiedOn', 'The day identity was verified', ctx.now);
        changeFacts(w, ctx, id, { identity_verified_on: verifiedOn, identity_how: how });
        return { verifiedOn };
      }),
    'sar.setFee': ({ id, required, reason, receivedOn }) =>
      step(id, 'fee', (w, ctx) => {
        notFuture(receivedOn, 'receivedOn', 'The day the fee was received', ctx.now);
        changeFacts(w, ctx, id, { fee_required: required ? 1 : 0, fee_reason: required ? reason : null, fee_received_on: receivedOn });
        return { required, ...(receivedOn === null ? {} : { receivedOn }) };
      }),
    'sar.askClarification': ({ id, askedOn, what }) =>
      step(id, 'clarification_asked', (w, ctx) => {
        askClarification(w, ctx, id, askedOn, what);
        return { askedOn };
      }),
    'sar.clarificationAnswered': ({ id, answeredOn }) =>
      step(id, 'clarification_answered', (w, ctx) => {
        answerClarification(w, ctx, id, answeredOn);
        return { answeredOn };
      }),
    'sar.extend': ({ id, toldOn, reason }) =>
      step(
        id,
        'extension',
        (w, ctx) => {
          notFuture(toldOn, 'toldOn', 'The day the requester was told of the extension', ctx.now);
          if (requestRow(w, id).extension_told_on !== null) throw new MappaError('already_extended', 'This request has already been extended: it can be extended once, to three months from the start.');
          changeFacts(w, ctx, id, { extension_told_on: toldOn, extension_reason: reason });
          return { toldOn };
        },
        reason,
      ),
    'sar.close': ({ id, closedOn, note }) =>
      step(
        id,
        'close',
        (w, ctx) => {
          notFuture(closedOn, 'closedOn', 'The day the request was closed', ctx.now);
          changeFacts(w, ctx, id, { status: 'closed', closed_on: closedOn, closed_note: note });
          return { closedOn };
        },
        note,
      ),

    'sar.search': ({ id }) =>
      session.act('sar.manage', (w, ctx) => {
        const row = requestRow(w, id);
        const found = candidates(w, row, ctx.now, hiddenFor(w, ctx));
        return acted(found, ...readEntries('subject_search', { list: 'sar_candidates', requestId: id, returned: found.length }, found.map((s) => s.id)));
      }),
    'sar.confirmSubject': ({ id, subjectId, how }) =>
      actOnSubject(session, 'sar.manage', () => subjectId, BLOCKED_CHANGE, (w, ctx) => {
        confirmSubject(w, ctx, id, subjectId, how);
        const view = viewOf(w, id, ctx);
        return acted(view, { action: 'sar_step', subjectId, details: { requestId: id, reference: view.reference, step: 'confirm_subject' } });
      }),
    'sar.removeSubject': ({ id, subjectId }) =>
      actOnSubject(session, 'sar.manage', () => subjectId, BLOCKED_CHANGE, (w, ctx) => {
        removeSubject(w, id, subjectId);
        const view = viewOf(w, id, ctx);
        return acted(view, { action: 'sar_step', subjectId, details: { requestId: id, reference: view.reference, step: 'remove_subject' } });
      }),
    'sar.holdings': ({ id, reason }) =>
      actOnSubjects(session, 'sar.manage', (w) => confirmedSubjectIds(w, id), BLOCKED_OPEN, (w) => {
        const why = accessReasonFor(w, reason);
        const view = holdingsOf(w, id, proposals(w, id));
        const itemIds = view.groups.flatMap((g) => g.items.map((i) => i.id));
        const subjects = confirmedSubjectIds(w, id);
        const entries: ActEntry[] = subjects.map((subjectId) => ({
          action: 'subject_view',
          subjectId,
          itemIds: view.groups.flatMap((g) => g.items.filter((i) => i.subjectId === subjectId).map((i) => i.id)),
          ...(why === null ? {} : { reason: why }),
          details: { via: 'subject_access_request', requestId: id },
        }));
        return acted(view, ...(entries.length === 0 ? [{ action: 'sar_step' as const, details: { requestId: id, step: 'holdings', items: itemIds.length } }] : entries));
      }),
    'sar.decide': (input) => {
      const subjectId = (w: Writer) => decidableRecord(w, input.id, input.itemId).record.subjectId;
      return actOnSubject(session, 'sar.manage', subjectId, BLOCKED_CHANGE, (w, ctx) => {
        const { row, record: item } = decidableRecord(w, input.id, input.itemId);
        const codes = checkDecision(row.regime, item.text, input);
        recordDecision(w, ctx, {
          id: input.id,
          itemId: item.id,
          subjectId: item.subjectId,
          itemVersion: item.version,
          decision: input.decision,
          code: input.code,
          reason: input.reason,
          healthOpinion: input.healthOpinion,
          redactions: input.redactions,
        });
        return acted(holdingsOf(w, input.id, proposals(w, input.id)), {
          action: 'sar_step',
          subjectId: item.subjectId,
          itemIds: item.source === 'item' ? [item.id] : [],
          ...(input.reason === null ? {} : { reason: input.reason }),
          details: { requestId: input.id, reference: row.reference, step: 'decide', source: item.source, ...(item.source === 'minutes' ? { minutesId: item.id } : {}), decision: input.decision, codes, redactions: input.redactions.length, itemVersion: item.version },
        });
      });
    },
    'sar.setResponseDetails': ({ id, ...details }) =>
      step(id, 'response_details', (w, ctx) => {
        changeFacts(w, ctx, id, { response_details: JSON.stringify(details) });
        return { tellWithholding: details.tellWithholding };
      }),
    'sar.makeResponse': ({ id }) =>
      makeFile(id, 'response', 'pdf', async (g, _by, now) => responsePdf(responseInput(read(), g, now))),
    'sar.makeRedactionLog': async ({ id, format }) => {
      const made = await makeFile(id, format === 'csv' ? 'redaction_log_csv' : 'redaction_log_pdf', format, async (g, by, now) =>
        format === 'csv' ? { bytes: Buffer.from(redactionLogCsv(internalInput(g, by, now), g.log), 'utf8'), pages: null } : redactionLogPdf(internalInput(g, by, now), g.log),
      );
      return { file: made.file };
    },
    'sar.makeSchedule': async ({ id }) => {
      const made = await makeFile(id, 'internal_schedule', 'pdf', async (g, by, now) => internalSchedulePdf(scheduleInput(read(), g, by, now)));
      return { file: made.file };
    },
    'sar.sendReferral': async ({ id, referralId }) => {
      const ctx = session.context('sar.manage');
      const own = requireOwnKeys(read());
      const built = actOnSubjects(session, 'sar.manage', (w) => confirmedSubjectIds(w, id), BLOCKED_OPEN, (w) => acted(buildReferral(w, own, id, referralId, ctx.actor.userName, ctx.now)));
      const file = await host.dialogs.chooseExchangeFile('save', 'exchange', `mappa-sar-referral-${fileDay(ctx.now)}-${built.draft.exchangeId.slice(0, 8)}.mappa`);
      if (file === null) return { file: null };
      const bytes = await sealExchange(built.draft, { values: {} }, own, built.recipientAgeKeys);
      const fileSha256 = createHash('sha256').update(bytes).digest('hex');
      writeThenCommit(file, bytes, () =>
        actOnSubjects(session, 'sar.manage', (w) => confirmedSubjectIds(w, id), BLOCKED_OPEN, (w, c) => {
          referralRow(w, id, referralId);
          markReferralSent(w, c, referralId, built.draft.exchangeId);
          const entry = { action: 'export' as const, details: { what: 'sar_referral', requestId: id, referralId, exchangeId: built.draft.exchangeId, ownerOfficeId: built.officeId, items: built.draft.sarReferral?.items.length ?? 0, fileSha256 } };
          return acted(undefined, ...confirmedSubjectIds(w, id).map((subjectId) => ({ ...entry, subjectId })));
        }),
      );
      return { file };
    },
    'sar.openReferral': async () => {
      const ctx = session.context('sar.manage');
      const file = await host.dialogs.chooseExchangeFile('open', 'exchange', '');
      if (file === null) return { cancelled: true as const };
      const opened = await openExchangeFile(file, read, ctx.now, referralReceivedOn);
      requireKind(opened, 'sar_referral');
      const referral = opened.manifest.sarReferral;
      if (!referral) throw new MappaError('exchange_malformed', REFUSED.malformed);
      // A person who declared an association with the requester is not shown them, from a file either; the attempt is recorded.
      const declared = session.act('sar.manage', (w, c) => {
        const d = declarationForReferral(w, c.actor.userId, referral);
        return d === null ? acted(null) : acted(d, { action: 'association_alert', details: { associationId: d.id, exchangeId: opened.header.exchangeId, inRegister: false } });
      });
      if (declared !== null) throw blocked(BLOCKED_FILE_SAR);
      return session.act('sar.manage', (w, c) => {
        storeReceivedReferral(w, c, opened);
        return acted(
          { cancelled: false as const, referral: receivedReferral(w, opened.header.exchangeId) },
          { action: 'import', details: { step: 'import', kind: 'sar_referral', exchangeId: opened.header.exchangeId, senderOfficeId: opened.header.sender.officeId, items: referral.items.length, fileSha256: opened.fileSha256 } },
        );
      });
    },
    'sar.referralsReceived': () =>
      session.act('sar.manage', (w, ctx) => {
        const list = receivedReferrals(w, ctx.actor.userId);
        return acted(list, { action: 'sar_step', details: { step: 'referrals_received', returned: list.length } });
      }),
    'sar.startFromReferral': ({ exchangeId }) =>
      session.act('sar.manage', (w, ctx) => {
        const intake = intakeFromReferral(w, exchangeId);
        const id = createRequest(w, ctx, intake);
        linkRequest(w, exchangeId, id);
        const view = viewOf(w, id, ctx);
        return acted(view, { action: 'sar_step', details: { requestId: id, reference: view.reference, step: 'intake', regime: view.regime, fromReferral: exchangeId } });
      }),
    'sar.refer': (input) =>
      step(input.id, 'refer', (w, ctx) => {
        const referralId = refer(w, ctx, input);
        return { referralId, ownerOfficeId: input.ownerOfficeId, items: input.itemIds.length };
      }),
    'sar.referralAnswer': ({ id, referralId, answer, answeredOn }) =>
      step(id, 'referral_answer', (w) => {
        answerReferral(w, id, referralId, answer, answeredOn);
        return { referralId, answeredOn };
      }),
  };
}
