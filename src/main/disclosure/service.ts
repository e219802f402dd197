import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { londonDayOf } from '../../shared/calendar';
import type { disclosureContract } from '../../shared/channels/disclosure';
import type { SliceService } from '../../shared/channels/slice';
import type { DisclosureView } from '../../shared/disclosureSchemas';
import { MappaError } from '../../shared/errors';
import type { Ctx } from '../access/context';
import { iso, newId } from '../access/context';
import type { ServiceDeps } from '../access/registerSession';
import { accessReasonFor, acted, readEntries, type ActEntry, type AuditDetails } from '../audit';
import type { Writer } from '../db/types';
import { pageCount } from '../documents';
import { blockedSubjects, BLOCKED_CHANGE, BLOCKED_OPEN } from '../register/associationBlock';
import { actOnSubject, liveSubject } from '../register/guard';
import { briefingPdf } from './briefing';
import {
  answerLine,
  removeRecipient,
  setAlternatives,
  setArrangements,
  setBreakdownSupport,
  setDecision,
  setFields,
  setOffenderKnows,
  setRecipient,
  setRiskToOffender,
  setTriggers,
  setYouthConsultation,
  startDisclosure,
} from './draft';
import { getDisclosureRow, subjectOfDisclosure } from './rows';
import { addAddendum, approveDisclosure, recordMade, returnToDraft, withdrawDisclosure } from './states';
import { disclosureView, listDisclosures } from './view';

// The disclosure capability's channels (issue 12). Every act on a disclosure is an act on
// its subject's record: behind the association guard, with its audit entry in the same
// commit (details hold ids and codes, never the record's words). Opening one is a read of
// the record and takes the access reason. The briefing is recorded, with its audit entry,
// before its file exists (promise 3).

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const itemIdsOf = (view: DisclosureView) => view.lines.flatMap((l) => (l.ref.kind === 'item' ? [l.ref.itemId] : []));

export function disclosureService({ session, host }: ServiceDeps): SliceService<typeof disclosureContract> {
  /** A change to a draft: the change, its audit entry, and the disclosure as it now stands. */
  const step = (id: string, name: string, work: (w: Writer, ctx: Ctx) => AuditDetails | void, withItems = false): DisclosureView =>
    actOnSubject(session, 'disclosure.prepare', subjectOfDisclosure(id), BLOCKED_CHANGE, (w, ctx) => {
      const details = work(w, ctx) ?? {};
      const view = disclosureView(w, id, ctx.now);
      return acted(view, { action: 'disclosure_step', subjectId: view.subjectId, ...(withItems ? { itemIds: itemIdsOf(view) } : {}), details: { disclosureId: id, step: name, ...details } });
    });
  /** A change of state: the act, then its entry (with the reason, if any) and the disclosure as it now stands. */
  const change = (id: string, who: 'disclosure.prepare' | 'disclosure.approve', work: (w: Writer, ctx: Ctx) => Omit<ActEntry, 'subjectId'>): DisclosureView =>
    actOnSubject(session, who, subjectOfDisclosure(id), BLOCKED_CHANGE, (w, ctx) => {
      const entry = work(w, ctx);
      const view = disclosureView(w, id, ctx.now);
      return acted(view, { ...entry, subjectId: view.subjectId, details: { disclosureId: id, status: view.status, ...entry.details } });
    });

  return {
    'disclosures.start': ({ subjectId, reason }) =>
      actOnSubject(session, 'disclosure.prepare', liveSubject(subjectId), BLOCKED_CHANGE, (w, ctx) => {
        const why = accessReasonFor(w, reason);
        const id = startDisclosure(w, ctx, subjectId);
        return acted(disclosureView(w, id, ctx.now), { action: 'disclosure_step', subjectId, reason: why, details: { disclosureId: id, step: 'start' } });
      }),
    'disclosures.get': ({ id, reason }) =>
      actOnSubject(session, 'subject.view', subjectOfDisclosure(id), BLOCKED_OPEN, (w, ctx) => {
        const why = accessReasonFor(w, reason);
        const view = disclosureView(w, id, ctx.now);
        return acted(view, { action: 'disclosure_view', subjectId: view.subjectId, itemIds: itemIdsOf(view), reason: why, details: { disclosureId: id, status: view.status } });
      }),
    'disclosures.list': ({ subjectId, status }) => {
      const head = { list: 'disclosures', ...(status === null ? {} : { status }) };
      if (subjectId !== null) {
        return actOnSubject(session, 'subject.view', liveSubject(subjectId), BLOCKED_OPEN, (w, ctx) => {
          const list = listDisclosures(w, { subjectId, status }, new Set(blockedSubjects(w, ctx.actor.userId).keys()));
          return acted(list, ...readEntries('subject_list', { ...head, returned: list.length }, [subjectId]));
        });
      }
      return session.act('subject.view', (w, ctx) => {
        const list = listDisclosures(w, { subjectId: null, status }, new Set(blockedSubjects(w, ctx.actor.userId).keys()));
        return acted(list, ...readEntries('subject_list', { ...head, returned: list.length }, [...new Set(list.map((d) => d.subjectId))]));
      });
    },

    'disclosures.setRecipient': (input) =>
      step(input.id, input.recipientId === null ? 'add_recipient' : 'change_recipient', (w, ctx) => ({ recipientId: setRecipient(w, ctx, input), kind: input.kind })),
    'disclosures.removeRecipient': ({ id, recipientId }) =>
      step(id, 'remove_recipient', (w, ctx) => {
        removeRecipient(w, ctx, id, recipientId);
        return { recipientId };
      }),
    'disclosures.setFields': ({ id, fields }) =>
      step(
        id,
        'fields',
        (w, ctx) => {
          setFields(w, ctx, id, fields);
          return { fields: fields.length };
        },
        true,
      ),
    'disclosures.answerField': (input) =>
      step(input.id, 'answer', (w, ctx) => {
        answerLine(w, ctx, input);
        return { lineId: input.lineId };
      }),
    'disclosures.setArrangements': (input) =>
      step(input.id, 'arrangements', (w, ctx) => {
        setArrangements(w, ctx, input);
        return { disclosingOffices: input.discloserOfficeIds, method: input.method, authority: input.authority };
      }),
    'disclosures.setRiskToOffender': ({ id, riskToOffender }) => step(id, 'risk_to_offender', (w, ctx) => setRiskToOffender(w, ctx, id, riskToOffender)),
    'disclosures.setAlternatives': ({ id, alternatives }) =>
      step(id, 'alternatives', (w, ctx) => {
        setAlternatives(w, ctx, id, alternatives);
        return { alternatives: alternatives.map((a) => a.kind) };
      }),
    'disclosures.setDecision': (input) =>
      step(input.id, 'decision', (w, ctx) => {
        setDecision(w, ctx, input);
        return { basis: input.basis, ...(input.basis === 'meeting' ? { minutesId: input.minutesId } : {}), ...(input.basis === 'emergency' ? { consulted: input.consulted.map((c) => c.officeId) } : {}) };
      }),
    'disclosures.setTriggers': ({ id, triggers }) =>
      step(id, 'triggers', (w, ctx) => {
        setTriggers(w, ctx, id, triggers);
        return { triggers: triggers.length };
      }),
    'disclosures.setBreakdownSupport': ({ id, victimSupport, offenderSupport }) => step(id, 'breakdown_support', (w, ctx) => setBreakdownSupport(w, ctx, id, victimSupport, offenderSupport)),
    'disclosures.setYouthConsultation': (input) =>
      step(input.id, 'youth_consultation', (w, ctx) => {
        setYouthConsultation(w, ctx, input);
        return { consultedOfficeId: input.consultedOfficeId };
      }),
    'disclosures.setOffenderKnows': ({ id, offenderKnows, notToldReason }) =>
      step(id, 'offender_knows', (w, ctx) => {
        setOffenderKnows(w, ctx, id, offenderKnows, notToldReason);
        return { offenderKnows };
      }),

    'disclosures.approve': ({ id }) =>
      change(id, 'disclosure.approve', (w, ctx) => {
        const view = approveDisclosure(w, ctx, id);
        return {
          action: 'disclosure_approve',
          itemIds: itemIdsOf(view),
          details: {
            recipients: view.recipientList.length,
            fields: view.lines.length,
            basis: view.decision.basis ?? '',
            singleAgency: view.singleAgency,
            under18: view.under18,
            offenderKnows: view.offenderKnows.answer ?? '',
            authority: view.authority,
          },
        };
      }),
    'disclosures.returnToDraft': ({ id, reason }) =>
      change(id, 'disclosure.approve', (w, ctx) => {
        returnToDraft(w, ctx, id);
        return { action: 'disclosure_step', reason, details: { step: 'return_to_draft' } };
      }),
    'disclosures.withdraw': ({ id, reason }) =>
      change(id, 'disclosure.prepare', (w, ctx) => {
        const from = getDisclosureRow(w, id).status;
        withdrawDisclosure(w, ctx, id, reason);
        return { action: 'disclosure_withdraw', reason, details: { from } };
      }),
    'disclosures.recordMade': (input) =>
      change(input.id, 'disclosure.prepare', (w, ctx) => {
        recordMade(w, ctx, input);
        return {
          action: 'disclosure_made',
          details: {
            madeOn: input.madeOn,
            signed: input.undertakings.filter((u) => u.answer === 'signed').map((u) => u.recipientId),
            declined: input.undertakings.filter((u) => u.answer === 'declined').map((u) => u.recipientId),
          },
        };
      }),
    'disclosures.addAddendum': ({ id, text, reason }) =>
      change(id, 'disclosure.prepare', (w, ctx) => ({ action: 'disclosure_addendum', reason, details: { seq: addAddendum(w, ctx, id, text, reason) } })),

    'disclosures.briefing': async ({ id, recipientId }) => {
      const ctx = session.context('disclosure.prepare');
      // Every check before the dialog opens: a refused briefing leaves no trace and no file.
      const view = actOnSubject(session, 'disclosure.prepare', subjectOfDisclosure(id), BLOCKED_OPEN, (w, c) => acted(disclosureView(w, id, c.now)));
      if (view.status !== 'approved' && view.status !== 'made') {
        throw new MappaError('not_approved', view.status === 'withdrawn' ? 'This disclosure was withdrawn: there is no briefing to give.' : 'A briefing is made only once the disclosure has been approved.');
      }
      const recipient = view.recipientList.find((r) => r.id === recipientId);
      if (!recipient) throw new MappaError('unknown_recipient', 'That recipient is not part of this disclosure.', 'recipientId');
      const chosen = await host.dialogs.chooseExportFile('pdf', `confidential-briefing-${londonDayOf(ctx.now)}.pdf`);
      if (chosen === null) return { file: null };
      const bytes = await briefingPdf(view, recipient, ctx.now);
      const fileSha256 = sha256(bytes);
      const pages = pageCount(bytes);
      // Promise 3: the briefing is in the log, with its audit entry, before the file exists.
      actOnSubject(session, 'disclosure.prepare', subjectOfDisclosure(id), BLOCKED_OPEN, (w, c) => {
        const now = getDisclosureRow(w, id);
        if (now.updated_at !== view.updatedAt) throw new MappaError('changed', 'The disclosure changed while the briefing was being made: make it again.');
        w.run(
          `INSERT INTO disclosure_briefings (id, disclosure_id, subject_id, recipient_id, recipient_name, disclosure_status, pages, file_sha256, made_at, made_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [newId(), id, now.subject_id, recipientId, recipient.fullName, now.status, pages, fileSha256, iso(c.now), c.actor.userName],
        );
        return acted(undefined, {
          action: 'disclosure_briefing',
          subjectId: now.subject_id,
          itemIds: itemIdsOf(view),
          details: { disclosureId: id, recipientId, status: now.status, pages, fileSha256 },
        });
      });
      const file = path.resolve(chosen);
      writeFileSync(file, bytes, { mode: 0o600 });
      return { file };
    },
  };
}
