// The demo generator: a small register generates through the real register functions,
// every subject passes the rules, references are unique and well formed, and the same
// seed gives the same content.
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoRegister } from '../../../src/main/register/demo/generate';
import { checkSubject } from '../../../src/main/register/subjectRules';
import { getSubject } from '../../../src/main/register/subjects';
import { searchSubjects } from '../../../src/main/register/search';
import { searchInput, subjectInput } from '../../../src/shared/registerSchemas';
import { FIELD_KIND_CODES, RMP_HEADING_CODES } from '../../../src/shared/vocabulary';
import type { Vault } from '../../../src/main/vault';
import { cleanupTempDirs, newRegister } from '../../support/vaultFixture';

afterAll(cleanupTempDirs);

const NOW = new Date('2026-03-02T10:00:00Z');

async function make(seed: number): Promise<Vault> {
  const v = await newRegister();
  await generateDemoRegister(v, { subjects: 50, items: 300, seed, now: NOW, itemsPerCommit: 100, subjectsPerCommit: 20 });
  return v;
}

/** The register's content without ids and timestamps (random UUIDs made by the register). */
function content(v: Vault): unknown {
  const subjects = v.reader.all(
    `SELECT kind, given_name, family_name, date_of_birth, ethnicity, pnc, ndelius, visor, address, no_fixed_abode, area_of_closest_links,
       index_offence, sentence, category, level, risk, exceptional_reason, next_review,
       (SELECT name FROM offices WHERE id = s.lead_office_id) AS lead,
       (SELECT group_concat(alias, '|') FROM (SELECT alias FROM subject_aliases WHERE subject_id = s.id ORDER BY alias)) AS aliases
     FROM subjects s ORDER BY s.rowid`,
  );
  const items = v.reader.all(
    `SELECT (SELECT rowid FROM subjects WHERE id = i.subject_id) AS subject, field_kind, rmp_heading, value, o.name AS owner, provider_name,
       received_on, classification, no_onward_disclosure, not_to_subject, not_to_subject_reason
     FROM items i JOIN offices o ON o.id = i.owner_office_id ORDER BY i.rowid`,
  );
  return { subjects, items };
}

describe('demo data', () => {
  it('generates a small register whose every subject passes the rules, with unique, well-formed references', async () => {
    const v = await make(7);
    const ids = v.reader.all<{ id: string }>('SELECT id FROM subjects').map((r) => r.id);
    expect(ids).toHaveLength(50);
    expect(v.reader.get<{ n: number }>('SELECT count(*) AS n FROM items')?.n).toBe(300);
    expect(v.reader.get<{ n: number }>('SELECT count(*) AS n FROM offices')?.n).toBeGreaterThanOrEqual(9);
    expect(v.reader.get<{ n: number }>('SELECT count(*) AS n FROM users')?.n).toBeGreaterThanOrEqual(4);

    for (const id of ids) {
      const d = getSubject(v.reader, id, NOW);
      const input = subjectInput.parse({
        kind: d.kind, givenName: d.givenName, familyName: d.familyName, aliases: d.aliases, dateOfBirth: d.dateOfBirth, ethnicity: d.ethnicity,
        pnc: d.pnc, ndelius: d.ndelius, visor: d.visor, address: d.address, noFixedAbode: d.noFixedAbode, areaOfClosestLinks: d.areaOfClosestLinks,
        indexOffence: d.indexOffence, sentence: d.sentence, category: d.category, level: d.level, risk: d.risk, exceptionalReason: d.exceptionalReason,
        leadOfficeId: d.leadOfficeId, nextReview: d.nextReview,
      });
      expect(() => checkSubject(v.reader, input, NOW, id)).not.toThrow();
      if (d.kind === 'nominal') expect(d.category === 3 && d.level === 1).toBe(false);
      if (d.level === 2 || d.level === 3) expect(d.nextReview).not.toBeNull();
      expect(d.dateOfBirth === null || (d.dateOfBirth >= '1950-01-01' && d.dateOfBirth <= '2009-12-31')).toBe(true);
    }
    for (const col of ['pnc', 'ndelius', 'visor'] as const) {
      const refs = v.reader.all<{ r: string }>(`SELECT ${col} AS r FROM subjects WHERE ${col} IS NOT NULL`).map((x) => x.r);
      expect(new Set(refs.map((r) => r.toUpperCase())).size).toBe(refs.length);
      const re = { pnc: /^\d{2}\/\d{1,7}[A-Z]$/, ndelius: /^[A-Z]\d{6}$/, visor: /^[A-Z0-9/-]{4,30}$/ }[col];
      for (const r of refs) expect(r).toMatch(re);
    }
    // items: rmp entries have headings and nothing else does; not-to-subject items carry a reason
    expect(v.reader.get<{ n: number }>("SELECT count(*) AS n FROM items WHERE (field_kind = 'rmp_entry') <> (rmp_heading IS NOT NULL)")?.n).toBe(0);
    expect(v.reader.get<{ n: number }>('SELECT count(*) AS n FROM items WHERE not_to_subject = 1 AND not_to_subject_reason IS NULL')?.n).toBe(0);
    const owners = v.reader.get<{ n: number }>('SELECT count(DISTINCT owner_office_id) AS n FROM items')?.n ?? 0;
    expect(owners).toBeGreaterThan(4);
    v.lock();
  });

  it('uses every field kind and every plan heading, and searches find its names and words (larger sample)', async () => {
    const v = await newRegister();
    const r = await generateDemoRegister(v, { subjects: 150, items: 1000, seed: 3, now: NOW });
    const kinds = v.reader.all<{ k: string }>('SELECT DISTINCT field_kind AS k FROM items').map((x) => x.k);
    expect(kinds.sort()).toEqual([...FIELD_KIND_CODES].sort());
    const headings = v.reader.all<{ h: string }>('SELECT DISTINCT rmp_heading AS h FROM items WHERE rmp_heading IS NOT NULL').map((x) => x.h);
    expect(headings.sort()).toEqual([...RMP_HEADING_CODES].sort());
    const levels = v.reader.all<{ level: number | null; n: number }>('SELECT level, count(*) AS n FROM subjects GROUP BY level');
    const n = (l: number | null) => levels.find((x) => x.level === l)?.n ?? 0;
    expect(n(1)).toBeGreaterThan(n(2));
    expect(n(2)).toBeGreaterThan(0);
    expect(v.reader.get<{ n: number }>("SELECT count(*) AS n FROM subjects WHERE kind = 'pdp'")?.n).toBeGreaterThan(0);
    expect(v.reader.get<{ n: number }>('SELECT count(DISTINCT subject_id) AS n FROM subject_aliases')?.n).toBeGreaterThan(30);
    const family = r.samples.familyNames[0] ?? '';
    expect(searchSubjects(v.reader, searchInput.parse({ query: family, includeItemText: false }), NOW).total).toBeGreaterThan(0);
    expect(searchSubjects(v.reader, searchInput.parse({ query: 'curfew' }), NOW).total).toBeGreaterThan(0);
    v.lock();
  });

  it('is reproducible: the same seed gives the same content, another seed does not', async () => {
    const a = await make(11);
    const b = await make(11);
    const c = await make(12);
    expect(content(b)).toEqual(content(a));
    expect(content(c)).not.toEqual(content(a));
    for (const v of [a, b, c]) v.lock();
  });
});
