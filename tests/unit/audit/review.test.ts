import { afterEach, describe, expect, it } from 'vitest';
import { accessReasonSchema, accessReasonsRequired, appendAudit, type AuditActor, describeAccessReason, findPatterns, queryAudit, setAccessReasonsRequired } from '../../../src/main/audit';
import { actorFor } from '../../../src/main/audit/log';
import { type MemoryRegister, memoryRegister } from '../../support/memoryRegister';
import { anItemIn, anOffice, aSubjectIn, aUser } from '../../support/registerBuilders';

const open: MemoryRegister[] = [];
afterEach(() => {
  for (const m of open.splice(0)) m.close();
});
async function register(): Promise<MemoryRegister> {
  const m = await memoryRegister();
  open.push(m);
  return m;
}

const day = (n: number, hour = 10) => new Date(Date.UTC(2025, 4, n, hour)).toISOString();

describe('querying the audit log', () => {
  it('filters by user, subject, actions and dates, newest first, with the total for paging', async () => {
    const m = await register();
    const { alice, bob } = m.commit((w) => {
      const o = anOffice(w);
      return { alice: aUser(w, { officeId: o, name: 'Alice' }), bob: aUser(w, { officeId: o, name: 'Bob' }) };
    });
    m.commit((w) => {
      for (let d = 1; d <= 10; d++) {
        appendAudit(w, { actor: d % 2 === 0 ? alice : bob, action: d % 3 === 0 ? 'export' : 'subject_view', subjectId: d <= 5 ? 's-1' : 's-2' }, day(d));
      }
    });
    const all = queryAudit(m.reader, {});
    expect(all.total).toBe(10);
    expect(all.entries.map((e) => e.at)).toEqual([...Array(10).keys()].map((i) => day(10 - i)));

    expect(queryAudit(m.reader, { userId: alice.userId as string }).entries.every((e) => e.actor.userName === 'Alice')).toBe(true);
    expect(queryAudit(m.reader, { subjectId: 's-1' }).total).toBe(5);
    expect(queryAudit(m.reader, { actions: ['export'] }).entries.map((e) => e.seq)).toEqual([9, 6, 3]);
    expect(queryAudit(m.reader, { actions: [] }).total).toBe(0);
    // a bare date "to" includes the whole of that day
    expect(queryAudit(m.reader, { from: '2025-05-03', to: '2025-05-05' }).entries.map((e) => e.seq)).toEqual([5, 4, 3]);
    expect(queryAudit(m.reader, { to: day(2) }).total).toBe(2);

    const page2 = queryAudit(m.reader, { userId: bob.userId as string, limit: 2, offset: 2 });
    expect(page2).toMatchObject({ total: 5 });
    expect(page2.entries.map((e) => e.seq)).toEqual([5, 3]);
  });
});

describe('finding patterns of looking without a case role', () => {
  it('reports a user who looked at one subject three times in 30 days with no part in the case', async () => {
    const m = await register();
    const s = m.commit((w) => {
      const lead = anOffice(w, { agency: 'probation' });
      const owner = anOffice(w, { agency: 'police' });
      const other = anOffice(w, { agency: 'housing' });
      const subject = aSubjectIn(w, { givenName: 'Robert', familyName: 'Steele', leadOfficeId: lead, dateOfBirth: null });
      anItemIn(w, subject, owner);
      const editedItem = anItemIn(w, subject, lead);
      return {
        subject,
        editedItem,
        curious: aUser(w, { officeId: other, name: 'Colin Curious' }),
        leadUser: aUser(w, { officeId: lead, name: 'Lena Lead' }),
        ownerUser: aUser(w, { officeId: owner, name: 'Owen Owner' }),
        editor: aUser(w, { officeId: other, name: 'Eddie Editor' }),
        itemEditor: aUser(w, { officeId: other, name: 'Ivy ItemEditor' }),
        occasional: aUser(w, { officeId: other, name: 'Olga Occasional' }),
      };
    });
    const view = (actor: AuditActor, d: number) => m.commit((w) => appendAudit(w, { actor, action: 'subject_view', subjectId: s.subject, reason: 'Other: checking' }, day(d)));
    m.commit((w) => appendAudit(w, { actor: s.editor, action: 'subject_edit', subjectId: s.subject }, day(2)));
    m.commit((w) => appendAudit(w, { actor: s.itemEditor, action: 'item_edit', itemIds: [s.editedItem] }, day(2)));
    for (const actor of [s.curious, s.leadUser, s.ownerUser, s.editor, s.itemEditor]) for (const d of [3, 10, 20]) view(actor, d);
    view(s.occasional, 5);
    view(s.occasional, 6);
    view(s.curious, -20); // 45 days before "now": outside the window

    const found = findPatterns(m.reader, { now: day(25) });
    expect(found).toEqual([
      { userId: s.curious.userId, userName: 'Colin Curious', subjectId: s.subject, subjectName: 'Robert Steele', views: 3, firstAt: day(3), lastAt: day(20) },
    ]);
    expect(findPatterns(m.reader, { now: day(25), windowDays: 30, minViews: 2 }).map((p) => p.userName).sort()).toEqual(['Colin Curious', 'Olga Occasional']);
    expect(findPatterns(m.reader, { now: day(25), windowDays: 10 })).toEqual([]);
  });
});

describe('reasons for opening a record', () => {
  it('asks for a reason from the list, and words when the reason is Other', () => {
    const problems = (input: unknown) => accessReasonSchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(problems({})).toEqual([['code', 'Choose why you are opening this record.']]);
    expect(problems({ code: 'gossip' })).toEqual([['code', 'Choose why you are opening this record.']]);
    expect(problems({ code: 'other', text: '   ' })).toEqual([['text', 'Say why you are opening this record.']]);
    expect(problems({ code: 'meeting_preparation' })).toBeUndefined();
    expect(describeAccessReason(accessReasonSchema.parse({ code: 'other', text: ' Court order check ' }))).toBe('Other: Court order check');
    expect(describeAccessReason(accessReasonSchema.parse({ code: 'sar' }))).toBe('Subject access request');
  });

  it('are required until turned off, and turning them off or on is audited as a settings change', async () => {
    const m = await register();
    expect(accessReasonsRequired(m.reader)).toBe(true);
    const admin = actorFor(m.reader, { userName: 'Ada Administrator' });
    m.act(admin, (w) => setAccessReasonsRequired(w, false), day(1));
    expect(accessReasonsRequired(m.reader)).toBe(false);
    m.act(admin, (w) => setAccessReasonsRequired(w, true), day(2));
    expect(accessReasonsRequired(m.reader)).toBe(true);
    expect(queryAudit(m.reader, { actions: ['settings_change'] }).entries.map((e) => e.details)).toEqual([
      { key: 'access_reasons_required', from: 'off', to: 'on' },
      { key: 'access_reasons_required', from: 'on', to: 'off' },
    ]);
  });
});

describe('filtering by day follows the clock in England and Wales', () => {
  it('starts a summer day at midnight BST (23:00 UTC the day before) and a winter day at midnight GMT', async () => {
    const { londonDayStart } = await import('../../../src/main/audit/review');
    expect(londonDayStart('2026-06-05')).toBe('2026-06-04T23:00:00.000Z');
    expect(londonDayStart('2026-11-24')).toBe('2026-11-24T00:00:00.000Z');
    // The days the clocks change.
    expect(londonDayStart('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(londonDayStart('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
  });
});
