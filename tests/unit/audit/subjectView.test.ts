import { afterEach, describe, expect, it } from 'vitest';
import {
  declareAssociation,
  grantException,
  listAlerts,
  queryAudit,
  auditExportEntry,
  acted,
  lockEntry,
  viewSubject,
  unlockEntries,
  setAccessReasonsRequired,
  verifyAuditChain,
} from '../../../src/main/audit';
import { auditCount, type MemoryRegister, memoryRegister, nextTime } from '../../support/memoryRegister';
import { anOffice, aSubjectIn, aUser } from '../../support/registerBuilders';

const open: MemoryRegister[] = [];
afterEach(() => {
  for (const m of open.splice(0)) m.close();
});

async function scene() {
  const m = await memoryRegister();
  open.push(m);
  const s = m.commit((w) => {
    const office = anOffice(w, { agency: 'probation' });
    return {
      officer: aUser(w, { officeId: office, name: 'Olive Officer' }),
      admin: aUser(w, { officeId: office, name: 'Ada Admin', role: 'administrator' }),
      partner: aSubjectIn(w, { givenName: 'Robert', familyName: 'Steele', dateOfBirth: '1979-11-02' }),
      other: aSubjectIn(w, { givenName: 'Amir', familyName: 'Khan', dateOfBirth: null }),
    };
  });
  return { m, ...s };
}

describe('opening a subject’s record', () => {
  it('records the view with the reason given', async () => {
    const { m, officer, other } = await scene();
    const r = m.act(officer, (w) => viewSubject(w, { actor: officer, subjectId: other, reason: { code: 'meeting_preparation' }, at: nextTime() }));
    expect(r).toEqual({ allowed: true });
    expect(queryAudit(m.reader).total).toBe(1);
    expect(queryAudit(m.reader).entries[0]).toMatchObject({ action: 'subject_view', subjectId: other, reason: 'Meeting preparation' });
  });

  it('refuses without a reason while reasons are required, and records nothing', async () => {
    const { m, officer, admin, other } = await scene();
    expect(() => m.act(officer, (w) => viewSubject(w, { actor: officer, subjectId: other, reason: undefined, at: nextTime() }))).toThrow(
      'Choose why you are opening this record.',
    );
    expect(() => m.act(officer, (w) => viewSubject(w, { actor: officer, subjectId: other, reason: { code: 'other', text: '' }, at: nextTime() }))).toThrow(
      expect.objectContaining({ message: 'Say why you are opening this record.', field: 'reason.text' }),
    );
    expect(auditCount(m.reader)).toBe(0);
    m.act(admin, (w) => setAccessReasonsRequired(w, false));
    m.act(officer, (w) => viewSubject(w, { actor: officer, subjectId: other, reason: undefined, at: nextTime() }));
    expect(queryAudit(m.reader, { actions: ['subject_view'] }).entries[0]?.reason).toBeNull();
  });

  it('blocks a subject matching the user’s declaration: an alert and its entry, no view', async () => {
    const { m, officer, partner } = await scene();
    m.act(officer, (w) => declareAssociation(w, { actor: officer, names: ['Bob Steele'], dateOfBirth: null, relationship: 'Partner', at: nextTime() }));
    const r = m.act(officer, (w) => viewSubject(w, { actor: officer, subjectId: partner, reason: { code: 'case_management' }, at: nextTime() }));
    expect(r.allowed).toBe(false);
    expect(listAlerts(m.reader, { status: 'open' })).toMatchObject([{ userId: officer.userId, subjectId: partner }]);
    expect(queryAudit(m.reader, { actions: ['subject_view'] }).total).toBe(0);
    expect(queryAudit(m.reader, { actions: ['association_alert'] }).entries[0]).toMatchObject({ subjectId: partner, seq: queryAudit(m.reader).total });
  });
});

describe('register events', () => {
  it('records failed unlocks with their count at the next unlock, then the unlock, lock and audit export', async () => {
    const { m, admin } = await scene();
    m.act(admin, () => acted(undefined, ...unlockEntries(3)));
    m.act(admin, () => acted(undefined, ...unlockEntries(0)));
    m.act(admin, () => acted(undefined, auditExportEntry({ format: 'pdf', seqs: [3, 1, 2] })));
    m.act(admin, () => acted(undefined, lockEntry(true)));
    const entries = queryAudit(m.reader).entries.reverse();
    expect(entries.map((e) => e.action)).toEqual(['failed_unlock', 'unlock', 'unlock', 'audit_export', 'auto_lock']);
    expect(entries[0]?.details).toEqual({ count: 3 });
    expect(entries[3]?.details).toEqual({ format: 'pdf', entries: 3, firstSeq: 1, lastSeq: 3 });
    expect(verifyAuditChain(m.reader)).toMatchObject({ ok: true, entries: 5 });
  });
});

describe('association records change only in the ways the rules allow', () => {
  it('a declaration cannot be deleted or rewritten; an alert cannot be deleted or reopened', async () => {
    const { m, officer, admin, partner } = await scene();
    const d = m.act(officer, (w) => declareAssociation(w, { actor: officer, names: ['Bob Steele'], dateOfBirth: null, relationship: 'Partner', at: nextTime() }));
    expect(() => m.commit((w) => w.run('DELETE FROM declared_associations'))).toThrow(/withdraw it instead/);
    expect(() => m.commit((w) => w.run("UPDATE declared_associations SET names = '[\"Someone Else\"]'"))).toThrow(/cannot be changed/);
    m.act(officer, (w) => viewSubject(w, { actor: officer, subjectId: partner, reason: { code: 'case_management' }, at: nextTime() }));
    expect(() => m.commit((w) => w.run('DELETE FROM association_alerts'))).toThrow(/close it with an outcome/);
    const at = nextTime();
    m.commit((w) => w.run(`UPDATE association_alerts SET status = 'closed', closed_by = ?, closed_at = ?, outcome = 'ok'`, [admin.userId, at]));
    expect(() => m.commit((w) => w.run(`UPDATE association_alerts SET status = 'open'`))).toThrow(/only be closed, once/);
    m.act(admin, (w) => grantException(w, { userId: officer.userId as string, subjectId: partner, grantedBy: admin, reason: 'Reviewed', at: nextTime() }));
    expect(() => m.commit((w) => w.run('DELETE FROM association_exceptions'))).toThrow(/append-only/);
    expect(() => m.commit((w) => w.run("UPDATE association_exceptions SET reason = 'x'"))).toThrow(/append-only/);
    expect(d.names).toEqual(['Bob Steele']);
  });
});
