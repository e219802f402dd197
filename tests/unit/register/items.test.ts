import { afterEach, describe, expect, it } from 'vitest';
import { MappaError } from '../../../src/shared/errors';
import { addItem, deleteItem, getItem, itemHistory, updateItem } from '../../../src/main/register/items';
import { searchSubjects } from '../../../src/main/register/search';
import { createSubject, getSubject } from '../../../src/main/register/subjects';
import { decideRetention, retentionDue, setRetentionRule } from '../../../src/main/register/retention';
import { itemUpdate, searchInput } from '../../../src/shared/registerSchemas';
import { aRegister, aSubject, anItem, NOW, type RegisterFixture } from '../../support/registerBuilders';

let fx: RegisterFixture;
afterEach(() => fx?.vault.lock());

async function withSubject() {
  fx = await aRegister();
  const subjectId = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ aliases: ['Daz'], pnc: '98/123456X' })));
  return subjectId;
}

function codeOf(work: () => unknown): { code: string; field?: string | undefined } {
  try {
    work();
  } catch (e) {
    if (e instanceof MappaError) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('information items', () => {
  it('groups a subject’s items by the agency office that owns them, the register’s own office first', async () => {
    const subjectId = await withSubject();
    fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id)));
    fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.home.id, { fieldKind: 'licence_conditions', value: 'Not to enter Wigan town centre.' })));
    const groups = getSubject(fx.vault.reader, subjectId, NOW).itemGroups;
    expect(groups.map((g) => [g.owner.name, g.items.length])).toEqual([
      ['Wigan Probation Delivery Unit', 1],
      ['Wigan Public Protection Unit', 1],
    ]);
  });

  it('marks another agency’s item "no onward disclosure without the owner’s permission" by default, and the register’s own item not', async () => {
    const subjectId = await withSubject();
    const theirs = fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id)));
    const ours = fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.home.id)));
    expect(theirs.noOnwardDisclosure).toBe(true);
    expect(ours.noOnwardDisclosure).toBe(false);
  });

  it('derives the special category from the field kind (UK GDPR Art. 9)', async () => {
    const subjectId = await withSubject();
    const health = fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.health.id, { fieldKind: 'health', value: 'Diagnosed with paranoid schizophrenia in 2019.' })));
    const vehicle = fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id, { fieldKind: 'vehicle', value: 'Blue Ford Transit, AB12 CDE.' })));
    expect(health.specialCategory).toBe('Health');
    expect(vehicle.specialCategory).toBeNull();
  });

  it('needs a reason for "not to be disclosed to the subject"', async () => {
    const subjectId = await withSubject();
    expect(codeOf(() => fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id, { notToSubject: true }))))).toEqual({
      code: 'invalid_record',
      field: 'notToSubjectReason',
    });
  });

  it('needs a plan heading for a risk management plan entry, and only for one', async () => {
    const subjectId = await withSubject();
    expect(codeOf(() => fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.home.id, { fieldKind: 'rmp_entry' })))).field).toBe('rmpHeading');
    expect(codeOf(() => fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.home.id, { rmpHeading: 'supervision' })))).field).toBe('rmpHeading');
  });

  it('refuses an unknown owning office and a date received in the future, writing nothing', async () => {
    const subjectId = await withSubject();
    expect(codeOf(() => fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, 'made-up-office')))).field).toBe('ownerOfficeId');
    expect(codeOf(() => fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id, { receivedOn: '2026-12-25' })))).field).toBe('receivedOn');
    expect(fx.vault.reader.get('SELECT count(*) AS n FROM items')).toEqual({ n: 0 });
  });

  it('keeps every earlier version when an item is edited', async () => {
    const subjectId = await withSubject();
    const item = fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id, { value: 'Lives with partner.' })));
    const edit = itemUpdate.parse({ itemId: item.id, fieldKind: item.fieldKind, value: 'Lives with partner and her two children.', classification: item.classification, noOnwardDisclosure: true, notToSubject: false, changeReason: 'Police update 20 November' });
    fx.vault.commit((w) => updateItem(w, fx.ctx, edit));
    expect(getItem(fx.vault.reader, item.id)).toMatchObject({ value: 'Lives with partner and her two children.', version: 2 });
    expect(itemHistory(fx.vault.reader, item.id).map((v) => [v.version, v.value, v.changeReason])).toEqual([
      [2, 'Lives with partner and her two children.', 'Police update 20 November'],
      [1, 'Lives with partner.', null],
    ]);
    expect(codeOf(() => fx.vault.commit((w) => updateItem(w, fx.ctx, edit))).code).toBe('no_change');
  });

  it('records a deletion with its reason; the item leaves the subject page and search', async () => {
    const subjectId = await withSubject();
    const item = fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id, { value: 'Frequents the Quayside snooker hall.' })));
    fx.vault.commit((w) => deleteItem(w, fx.ctx, item.id, 'Recorded against the wrong person.'));
    expect(getSubject(fx.vault.reader, subjectId, NOW).itemGroups).toEqual([]);
    expect(searchSubjects(fx.vault.reader, searchInput.parse({ query: 'snooker' }), NOW).total).toBe(0);
    expect(fx.vault.reader.get('SELECT deleted_reason FROM items WHERE id = ?', [item.id])).toEqual({ deleted_reason: 'Recorded against the wrong person.' });
  });
});

describe('search', () => {
  it('finds a subject by name, alias, date of birth, reference and the text of an item; filters by owning agency and level', async () => {
    const subjectId = await withSubject();
    const other = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ givenName: 'Éamon', familyName: 'Byrne', dateOfBirth: '1990-07-01', level: 2, risk: 'high' })));
    fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id, { value: 'Seen at the Quayside snooker hall with known associates.' })));
    const ids = (query: string, extra: Record<string, unknown> = {}) => searchSubjects(fx.vault.reader, searchInput.parse({ query, ...extra }), NOW).subjects.map((s) => s.id);
    expect(ids('holl')).toEqual([subjectId]);
    expect(ids('daz')).toEqual([subjectId]);
    expect(ids('eamon byrne')).toEqual([other]);
    expect(ids('12/03/1984')).toEqual([subjectId]);
    expect(ids('98/123456x')).toEqual([subjectId]);
    expect(ids('snooker quayside')).toEqual([subjectId]);
    expect(ids('snooker', { includeItemText: false })).toEqual([]);
    expect(ids('', { ownerAgency: 'police' })).toEqual([subjectId]);
    expect(ids('', { level: 2 })).toEqual([other]);
    expect(ids('"; DROP TABLE subjects; --')).toEqual([]);
  });
});

describe('retention (per owning agency)', () => {
  it('lists items past their owner’s period, records a retain decision with the next review, and disposal removes the data', async () => {
    const subjectId = await withSubject();
    const old = fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id, { receivedOn: '2019-06-01', value: 'Old intelligence about Marker-Zebedee.' })));
    fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.police.id, { receivedOn: '2026-06-01' })));
    fx.vault.commit((w) => addItem(w, fx.ctx, anItem(subjectId, fx.health.id, { receivedOn: '2010-01-01' }))); // no rule for health
    fx.vault.commit((w) => setRetentionRule(w, fx.ctx, { agency: 'police', retainMonths: 72, reviewMonths: 12 }));
    expect(retentionDue(fx.vault.reader, NOW).map((d) => [d.itemId, d.dueOn])).toEqual([[old.id, '2025-06-01']]);

    fx.vault.commit((w) => decideRetention(w, fx.ctx, { itemId: old.id, decision: 'retain', reason: 'Still relevant to current risk.' }));
    expect(retentionDue(fx.vault.reader, NOW)).toEqual([]);
    expect(retentionDue(fx.vault.reader, new Date('2027-11-25T12:00:00Z')).map((d) => d.itemId)).toContain(old.id);

    fx.vault.commit((w) => decideRetention(w, fx.ctx, { itemId: old.id, decision: 'dispose', reason: 'No longer necessary.' }));
    expect(fx.vault.reader.get('SELECT count(*) AS n FROM items WHERE id = ?', [old.id])).toEqual({ n: 0 });
    expect(fx.vault.reader.get('SELECT count(*) AS n FROM item_versions WHERE item_id = ?', [old.id])).toEqual({ n: 0 });
    expect(fx.vault.reader.all('SELECT decision FROM retention_decisions WHERE item_id = ? ORDER BY decided_at', [old.id])).toHaveLength(2);
    expect(searchSubjects(fx.vault.reader, searchInput.parse({ query: 'Zebedee' }), NOW).total).toBe(0);
  });
});
