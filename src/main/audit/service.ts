import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { today } from '../../shared/calendar';
import type { auditContract, AuditFilterInput } from '../../shared/channels/audit';
import type { SliceService } from '../../shared/channels/slice';
import { MappaError } from '../../shared/errors';
import { auditActorOf } from '../access/acting';
import { listProfiles } from '../access/people';
import type { RegisterSession, ServiceDeps } from '../access/registerSession';
import type { Host } from '../host';
import { closeAlert, closeAlertByException, grantException } from './associationAlerts';
import { declareAssociation, listAssociations, withdrawAssociation } from './associations';
import { closeEscalation, findEscalation } from './escalations';
import { auditCsv, auditPdf } from './export';
import { auditExportEntry } from './registerEvents';
import { findPatterns, queryAudit } from './review';
import { acted } from './types';
import { verifyAuditChain } from './verify';
import { makeReceipt } from './receipt';
import { londonDayOf } from '../../shared/calendar';
import { alertViews, describeFilter, entryView, toFilter } from './views';

// The audit capability's channels: each user's declared associations, and the IG lead's
// review of the log (entries, patterns, alerts, the chain check and exports).

const EXPORT_LIMIT = 100_000;
const PDF_EXPORT_LIMIT = 10_000;

/** An export of the filtered log, marked and watermarked with the exporter's name; recorded before the file is written. */
async function exportAudit(session: RegisterSession, host: Host, input: { format: 'csv' | 'pdf'; filter: AuditFilterInput }): Promise<{ file: string | null; entries: number }> {
  const ctx = session.context('audit.review');
  const r = session.vault().reader;
  const page = queryAudit(r, { ...toFilter(input.filter), limit: EXPORT_LIMIT, offset: 0 });
  if (page.total > EXPORT_LIMIT) {
    throw new MappaError('too_many', `That filter chooses ${page.total} entries; narrow it to ${EXPORT_LIMIT} or fewer to export.`);
  }
  // A PDF of 20,000 entries takes half a minute and most of a gigabyte to lay out; CSV has no such cost.
  if (input.format === 'pdf' && page.total > PDF_EXPORT_LIMIT) {
    throw new MappaError(
      'too_many',
      `That filter chooses ${page.total.toLocaleString('en-GB')} entries; a PDF holds up to ${PDF_EXPORT_LIMIT.toLocaleString('en-GB')}. Narrow the filter (by dates, user or subject), or export CSV.`,
    );
  }
  const day = today(ctx.now); // the London day, as the person names it
  const chosen = await host.dialogs.chooseExportFile(input.format, `mappa-audit-${day}.${input.format}`);
  if (chosen === null) return { file: null, entries: 0 };
  const file = path.resolve(chosen);
  const exportCtx = { exporter: ctx.actor.userName, at: ctx.now.toISOString(), filterDescription: describeFilter(r, input.filter) };
  const body = input.format === 'csv' ? Buffer.from(auditCsv(page.entries, exportCtx), 'utf8') : Buffer.from(await auditPdf(page.entries, exportCtx));
  // Promise 3: nothing leaves the register without an audit entry, so it is written first.
  session.act('audit.review', () => acted(undefined, auditExportEntry({ format: input.format, seqs: page.entries.map((e) => e.seq) })));
  writeFileSync(file, body, { mode: 0o600 });
  return { file, entries: page.entries.length };
}

export function auditService({ session, host }: ServiceDeps): SliceService<typeof auditContract> {
  const read = () => session.vault().reader;
  const mine = () => listAssociations(read(), session.context('self').actor.userId, { includeWithdrawn: true });
  return {
    // Every user declares their own associations, whatever their role.
    'associations.list': () => mine(),
    'associations.declare': (input) => {
      session.act('self', (w, ctx) => declareAssociation(w, { actor: auditActorOf(ctx.actor), ...input, at: ctx.now.toISOString() }));
      return mine();
    },
    'associations.withdraw': ({ id, reason }) => {
      session.act('self', (w, ctx) => withdrawAssociation(w, { actor: auditActorOf(ctx.actor), associationId: id, reason, at: ctx.now.toISOString() }));
      return mine();
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
      const ctx = session.context('audit.review');
      return alertViews(read(), status, ctx.actor.userId);
    },
    'audit.closeAlert': ({ alertId, outcome }) => {
      const ctx = session.act('audit.review', (w, c) => {
        const by = auditActorOf(c.actor);
        const isAssociation = w.get('SELECT 1 AS one FROM association_alerts WHERE id = ?', [alertId]) !== undefined;
        const closed = isAssociation ? closeAlert(w, { alertId, closedBy: by, outcome, at: c.now.toISOString() }) : closeEscalation(w, { alertId, closedBy: by, outcome });
        return acted(c, ...closed.audit);
      });
      return alertViews(read(), null, ctx.actor.userId);
    },
    'audit.grantException': ({ alertId, reason }) => {
      const ctx = session.act('audit.review', (w, c) => {
        const alert = w.get<{ user_id: string; subject_id: string }>('SELECT user_id, subject_id FROM association_alerts WHERE id = ?', [alertId]);
        if (!alert && findEscalation(w, alertId)) {
          throw new MappaError('not_an_association_alert', 'An exception is for an association alert. Close this alert with what you found instead.', 'decision');
        }
        if (!alert) throw new MappaError('not_found', 'That alert is not in this register.');
        const by = auditActorOf(c.actor);
        const at = c.now.toISOString();
        const granted = grantException(w, { userId: alert.user_id, subjectId: alert.subject_id, grantedBy: by, reason, at });
        const closed = closeAlertByException(w, { alertId, closedBy: by, exceptionReason: granted.value.reason, at });
        return acted(c, ...granted.audit, ...closed.audit);
      });
      return alertViews(read(), null, ctx.actor.userId);
    },
    'audit.verify': () => {
      const verdict = session.act('audit.review', (w) => {
        const vault = session.vault();
        const v = verifyAuditChain(w, (userName, hash, sig) => vault.checkAuditSignature(userName, hash, sig));
        return acted(v, { action: 'audit_verify', details: { ok: v.ok, entries: v.entries } });
      });
      return verdict.ok
        ? { ok: true, entries: verdict.entries, lastHash: verdict.lastHash, firstBroken: null }
        : { ok: false, entries: verdict.entries, lastHash: null, firstBroken: verdict.firstBroken };
    },
    'audit.export': (input) => exportAudit(session, host, input),
    'audit.receipt': async () => {
      const ctx = session.context('audit.review');
      const chosen = await host.dialogs.chooseExportFile('txt', `mappa-audit-receipt-${londonDayOf(ctx.now.toISOString())}.txt`);
      if (chosen === null) return { file: null, seq: 0, hash: '' };
      // The receipt covers its own entry: recorded first, then read back as the log's head.
      session.act('audit.review', () => acted(undefined, { action: 'audit_receipt' }));
      const { receipt, text } = makeReceipt(read(), { registerId: session.vault().registerId, madeBy: ctx.actor.userName, at: ctx.now.toISOString() });
      const file = path.resolve(chosen);
      writeFileSync(file, text, { mode: 0o600 });
      return { file, seq: receipt.seq, hash: receipt.hash };
    },
  };
}
