import { afterEach, describe, expect, it } from 'vitest';
import { MappaError } from '../../../src/shared/errors';
import { createSubject, deleteSubject, getSubject, reviewsDue, updateSubject } from '../../../src/main/register/subjects';
import { searchSubjects } from '../../../src/main/register/search';
import { searchInput } from '../../../src/shared/registerSchemas';
import { aRegister, aSubject, NOW, type RegisterFixture } from '../../support/registerBuilders';

let fx: RegisterFixture;
afterEach(() => fx?.vault.lock());

function refusal(work: () => unknown): { code: string; field?: string; message: string; fields?: { field: string; message: string }[] } {
  try {
    work();
  } catch (error) {
    if (error instanceof MappaError) return { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...(error.fields ? { fields: error.fields } : {}) };
    throw error;
  }
  throw new Error('expected a refusal');
}

const count = () => fx.vault.reader.get<{ n: number }>('SELECT count(*) AS n FROM subjects')?.n;

describe('subject rules (procedures §2, §5, §6, §8)', () => {
  it('records a MAPPA nominal and derives the under-18 flag from the date of birth', async () => {
    fx = await aRegister();
    const adult = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject()));
    const child = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ givenName: 'Kyle', dateOfBirth: '2010-01-02', pnc: null })));
    expect(getSubject(fx.vault.reader, adult, NOW).under18).toBe(false);
    expect(getSubject(fx.vault.reader, child, NOW).under18).toBe(true);
  });

  it('refuses Level 1 for a Category 3 offender, naming the level, and writes nothing', async () => {
    fx = await aRegister();
    expect(refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ category: 3, level: 1 }))))).toEqual({
      code: 'invalid_record',
      field: 'level',
      message: 'Level 1 cannot be used for a Category 3 offender: choose Level 2 or 3.',
    });
    expect(count()).toBe(0);
  });

  it('refuses Level 2 or 3 without high risk unless an exceptional reason is recorded', async () => {
    fx = await aRegister();
    expect(refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ level: 2, risk: 'medium' })))).field).toBe('exceptionalReason');
    const id = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ level: 2, risk: 'medium', exceptionalReason: 'Exceptional media interest after a previous case.' })));
    expect(getSubject(fx.vault.reader, id, NOW).level).toBe(2);
  });

  it('gives every Level 2/3 subject a next review date: Level 3 defaults to 4 weeks, Level 2 to 16', async () => {
    fx = await aRegister();
    const l3 = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ level: 3, risk: 'very_high' })));
    const l2 = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ givenName: 'Other', level: 2, risk: 'high' })));
    expect(getSubject(fx.vault.reader, l3, NOW).nextReview).toBe('2026-12-22');
    expect(getSubject(fx.vault.reader, l2, NOW).nextReview).toBe('2027-03-16');
    expect(reviewsDue(fx.vault.reader, new Date('2026-12-20T09:00:00Z')).map((s) => s.id)).toEqual([l3]);
  });

  it('refuses a date of birth in the future', async () => {
    fx = await aRegister();
    expect(refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ dateOfBirth: '2027-01-01' }))))).toMatchObject({
      field: 'dateOfBirth',
      message: 'Date of birth must be in the past.',
    });
  });

  it('needs exactly one category for a nominal, and none for a Potentially Dangerous Person', async () => {
    fx = await aRegister();
    expect(refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ category: null })))).field).toBe('category');
    expect(refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ kind: 'pdp', category: 1, level: null })))).field).toBe('category');
    const pdp = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ kind: 'pdp', category: null, level: null, risk: null })));
    expect(getSubject(fx.vault.reader, pdp, NOW).kind).toBe('pdp');
  });

  it('needs an address, or no fixed abode with the area of closest links', async () => {
    fx = await aRegister();
    expect(refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ address: null })))).field).toBe('address');
    expect(refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ address: null, noFixedAbode: true })))).field).toBe('areaOfClosestLinks');
  });

  it('refuses a second subject with the same PNC number, whatever its spacing or case', async () => {
    fx = await aRegister();
    fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ pnc: '98/123456X' })));
    expect(refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ givenName: 'Dup', pnc: ' 98/123456x ' }))))).toMatchObject({
      field: 'pnc',
      message: 'Another subject (Darren Hollis) already has the PNC number 98/123456X. A person is recorded once.',
    });
    expect(count()).toBe(1);
  });

  it('lists every problem at once, each with its field', async () => {
    fx = await aRegister();
    const r = refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ address: null, pnc: 'nonsense', category: 3, level: 1, dateOfBirth: '2030-01-01' }))));
    expect(r.fields?.map((f) => f.field)).toEqual(['dateOfBirth', 'address', 'pnc', 'level']);
  });

  it('refuses an unknown lead agency office', async () => {
    fx = await aRegister();
    expect(refusal(() => fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ leadOfficeId: 'no-such-office' })))).field).toBe('leadOfficeId');
  });

  it('edits a subject and keeps it findable by its new alias', async () => {
    fx = await aRegister();
    const id = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject()));
    fx.vault.commit((w) => updateSubject(w, fx.ctx, id, aSubject({ aliases: ['Daz'] })));
    const found = searchSubjects(fx.vault.reader, searchInput.parse({ query: 'daz' }), NOW);
    expect(found.subjects.map((s) => s.id)).toEqual([id]);
  });

  it('records a deletion with its reason and hides the subject from search', async () => {
    fx = await aRegister();
    const id = fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject()));
    fx.vault.commit((w) => deleteSubject(w, fx.ctx, id, 'Created in error: duplicate of an existing record.'));
    expect(fx.vault.reader.get('SELECT deleted_by, deleted_reason FROM subjects WHERE id = ?', [id])).toEqual({
      deleted_by: 'Casey Coordinator',
      deleted_reason: 'Created in error: duplicate of an existing record.',
    });
    expect(searchSubjects(fx.vault.reader, searchInput.parse({ query: 'Hollis' }), NOW).total).toBe(0);
  });
});

describe('search results in pages', () => {
  it('gives the total and one page at a time, in name order', async () => {
    fx = await aRegister();
    for (const family of ['Carter', 'Adams', 'Baker']) fx.vault.commit((w) => createSubject(w, fx.ctx, aSubject({ familyName: family })));
    const page = (offset: number) => searchSubjects(fx.vault.reader, searchInput.parse({ limit: 2, offset }), NOW);
    expect(page(0).subjects.map((s) => s.familyName)).toEqual(['Adams', 'Baker']);
    expect(page(2)).toMatchObject({ total: 3, subjects: [{ familyName: 'Carter' }] });
  });
});
