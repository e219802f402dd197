// The map of where a subject's personal data lives (src/main/db/personalDataMap.ts) is
// complete for the schema the migrations make, and disposal through it leaves nothing.
import { afterEach, describe, expect, it } from 'vitest';
import {
  disposeOfSubjectData,
  HOLDS_NO_SUBJECT_DATA,
  PERSONAL_DATA,
  rowsAboutSubject,
  SEARCH_INDEXES,
  shadowTablesOf,
} from '../../../src/main/db/personalData';
import type { Reader } from '../../../src/main/db/types';
import { addItem, deleteItem, updateItem } from '../../../src/main/register/items';
import { decideRetention, setRetentionRule } from '../../../src/main/register/retention';
import { searchSubjects } from '../../../src/main/register/search';
import { createSubject, deleteSubject } from '../../../src/main/register/subjects';
import { itemUpdate, searchInput } from '../../../src/shared/registerSchemas';
import { aRegister, aSubject, anItem, NOW, type RegisterFixture } from '../../support/registerBuilders';

let fx: RegisterFixture | undefined;
afterEach(() => {
  fx?.vault.lock();
  fx = undefined;
});

const mapped = new Map(PERSONAL_DATA.map((t) => [t.table, t]));
const indexTables = SEARCH_INDEXES.flatMap((ix) => [ix.index, ...shadowTablesOf(ix.index)]);

function tablesOf(r: Reader): string[] {
  return r.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").map((t) => t.name);
}

function isVirtual(r: Reader, table: string): boolean {
  return r.get<{ sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?', [table])?.sql.startsWith('CREATE VIRTUAL') === true;
}

function columnsOf(r: Reader, table: string): string[] {
  return r.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', [table]).map((c) => c.name);
}

/** A word as the search index stores it: lower case, without diacritics. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Where a word is, in any table (the search indexes' shadow tables included): in text, as
 * written or folded; in the indexes' binary segments, as a token. FTS4 stores a term after
 * the letters it shares with the previous one, so a token is looked for without its first
 * three letters (the test's words share no three-letter start with any other word).
 */
function whereIs(r: Reader, words: readonly string[]): { table: string; word: string }[] {
  const found: { table: string; word: string }[] = [];
  for (const table of tablesOf(r)) {
    if (isVirtual(r, table)) continue; // its shadow tables are scanned instead
    const rows = r.all(`SELECT * FROM "${table}"`);
    for (const word of words) {
      const tokens = folded(word)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((t) => t.length >= 6)
        .map((t) => Buffer.from(t.slice(3), 'utf8'));
      const hit = rows.some((row) =>
        Object.values(row).some((v) =>
          typeof v === 'string'
            ? folded(v).includes(folded(word))
            : v instanceof Uint8Array && tokens.some((t) => Buffer.from(v).includes(t)),
        ),
      );
      if (hit) found.push({ table, word });
    }
  }
  return found;
}

function found(r: Reader, query: string): string[] {
  return searchSubjects(r, searchInput.parse({ query, includeItemText: true }), NOW).subjects.map((s) => s.familyName);
}

// The subject disposed of: every field and item holds a word found nowhere else.
const SUBJECT_WORDS = ['Gwenllïan', 'Ŵynforbell', 'Qvantrelle', 'Jxumbrecht', 'Vlorinsk', 'Kwazimandy', 'Nebulwick', '97/654321Z'];
const LIVE_ITEM_WORDS = ['Brumwhistle', 'Frostavel', 'Ynysgwyddel', 'Yggdraskian', 'Ptarvolin'];
const DELETED_ITEM_WORDS = ['Phantasmoor', 'Dravenholt'];
// Another subject, who stays.
const OTHER_WORDS = ['Łukasz', 'Wójcikowski', 'Splottmarsh'];

async function aRegisterWithTwoSubjects() {
  const r = await aRegister();
  fx = r;
  const { vault, ctx, home, police } = r;
  vault.commit((w) => {
    setRetentionRule(w, ctx, { agency: 'police', retainMonths: 12, reviewMonths: 6 });
    setRetentionRule(w, ctx, { agency: 'probation', retainMonths: 12, reviewMonths: 6 });
  });
  const subjectId = vault.commit((w) =>
    createSubject(
      w,
      ctx,
      aSubject({
        givenName: 'Gwenllïan',
        familyName: 'Ŵynforbell',
        aliases: ['Qvantrelle Ŵyn'],
        address: '12 Jxumbrecht Road, Aberaeron',
        indexOffence: 'Vlorinsk harassment',
        sentence: 'Kwazimandy community order',
        areaOfClosestLinks: 'Nebulwick',
        pnc: '97/654321Z',
      }),
    ),
  );
  const drinks = vault.commit((w) => addItem(w, ctx, anItem(subjectId, police.id, { value: 'Drinks at the Brumwhistle Arms.' })));
  const visits = vault.commit((w) => addItem(w, ctx, anItem(subjectId, home.id, { value: 'Visits the Frostavel allotments.' })));
  vault.commit((w) =>
    updateItem(
      w,
      ctx,
      itemUpdate.parse({
        itemId: visits.id,
        fieldKind: 'risk_factor',
        value: 'Visits the Frostavel allotments and Ynysgwyddel chapel.',
        classification: 'OFFICIAL-SENSITIVE',
        noOnwardDisclosure: false,
        notToSubject: true,
        notToSubjectReason: 'Ptarvolin safeguarding concern.',
        changeReason: 'Yggdraskian correction.',
      }),
    ),
  );
  const wrong = vault.commit((w) => addItem(w, ctx, anItem(subjectId, police.id, { value: 'Phantasmoor sighting.' })));
  vault.commit((w) => deleteItem(w, ctx, wrong.id, 'Entered about Dravenholt by mistake.'));
  const otherId = vault.commit((w) => createSubject(w, ctx, aSubject({ givenName: 'Łukasz', familyName: 'Wójcikowski', address: '3 Tudor Street, Cardiff' })));
  vault.commit((w) => addItem(w, ctx, anItem(otherId, home.id, { value: 'Works at the Splottmarsh depot.' })));
  return { ...r, subjectId, liveItemIds: [drinks.id, visits.id] };
}

describe('where a subject’s personal data lives', () => {
  it('names every table a new register has: in the map, a search index, or declared to hold no subject data', async () => {
    fx = await aRegister();
    const { vault } = fx;
    const tables = tablesOf(vault.reader);
    const declared = [...mapped.keys(), ...indexTables, ...Object.keys(HOLDS_NO_SUBJECT_DATA)];
    expect(tables.filter((t) => !declared.includes(t)), 'tables missing from src/main/db/personalDataMap.ts').toEqual([]);
    expect(declared.filter((t) => !tables.includes(t)), 'tables the map names that do not exist').toEqual([]);
    expect(declared.length, 'a table declared twice').toBe(new Set(declared).size);
  });

  it('has every table with a subject or item column in the map, linked by that column', async () => {
    fx = await aRegister();
    const { vault } = fx;
    const unlinked: string[] = [];
    for (const table of tablesOf(vault.reader)) {
      for (const column of columnsOf(vault.reader, table).filter((c) => /(^|_)(subject|item)_ids?$/.test(c))) {
        const t = mapped.get(table);
        const links = [t?.subjectColumn, t?.itemColumn, t?.itemListColumn];
        if (!links.includes(column)) unlinked.push(`${table}.${column}`);
      }
    }
    expect(unlinked).toEqual([]);
  });

  it('names only columns that exist, and links every table whose rows disposal removes', async () => {
    fx = await aRegister();
    const { vault } = fx;
    for (const t of PERSONAL_DATA) {
      const columns = columnsOf(vault.reader, t.table);
      const named = [t.subjectColumn, t.itemColumn, t.itemListColumn, ...(t.nameColumns ?? []), ...t.personalColumns].filter((c) => c !== undefined);
      expect({ table: t.table, missing: named.filter((c) => !columns.includes(c)) }).toEqual({ table: t.table, missing: [] });
      if (t.disposal === 'remove') expect(rowsAboutSubject(t), t.table).not.toBeNull();
    }
  });

  it('reaches, through its links to the subject, every row that holds the subject’s words', async () => {
    const { vault, subjectId } = await aRegisterWithTwoSubjects();
    const r = vault.reader;
    const words = [...SUBJECT_WORDS, ...LIVE_ITEM_WORDS, ...DELETED_ITEM_WORDS];
    const tablesWithWords = [...new Set(whereIs(r, words).map((h) => h.table))];
    // The scan sees the words where they are, the search indexes' segments included.
    expect(tablesWithWords).toEqual(expect.arrayContaining(['subjects', 'items', 'item_versions', 'subject_search_segdir', 'item_text_search_segdir']));
    for (const table of tablesWithWords.filter((t) => !indexTables.includes(t))) {
      const t = mapped.get(table);
      const where = t === undefined ? null : rowsAboutSubject(t);
      expect(where, `${table} holds a subject's words but the map does not link it to the subject`).not.toBeNull();
      const rows = r.all(`SELECT * FROM "${table}" WHERE NOT (${where})`, { ':subject': subjectId });
      const unreached = rows.filter((row) => Object.values(row).some((v) => typeof v === 'string' && words.some((w) => folded(v).includes(folded(w)))));
      expect({ table, unreached }).toEqual({ table, unreached: [] });
    }
    for (const ix of SEARCH_INDEXES) {
      const docids = new Set(r.all(ix.subjectDocids, { ':subject': subjectId }).map((row) => Object.values(row)[0]));
      const holding = r
        .all<{ docid: number; body: string }>(`SELECT docid, body FROM ${ix.index}`)
        .filter((row) => words.some((w) => folded(row.body).includes(folded(w))))
        .map((row) => row.docid);
      expect(holding.filter((d) => !docids.has(d)), `${ix.index} documents not reached from the subject`).toEqual([]);
    }
  });

  it('disposing of each item through the retention rules leaves none of its text anywhere, search index included', async () => {
    const { vault, ctx, liveItemIds } = await aRegisterWithTwoSubjects();
    expect(whereIs(vault.reader, LIVE_ITEM_WORDS).length).toBeGreaterThan(0);
    for (const itemId of liveItemIds) {
      vault.commit((w) => decideRetention(w, ctx, { itemId, decision: 'dispose', reason: 'Past the retention period; no longer necessary.' }));
    }
    expect(whereIs(vault.reader, LIVE_ITEM_WORDS)).toEqual([]);
    expect(found(vault.reader, 'Brumwhistle')).toEqual([]);
    expect(found(vault.reader, 'Gwenllïan')).toEqual(['Ŵynforbell']);
    expect(found(vault.reader, 'Splottmarsh')).toEqual(['Wójcikowski']);
  });

  it('disposing of a subject leaves none of their words anywhere, and the other subject as they were', async () => {
    const { vault, ctx, subjectId, liveItemIds } = await aRegisterWithTwoSubjects();
    const others = whereIs(vault.reader, OTHER_WORDS);
    for (const itemId of liveItemIds) {
      vault.commit((w) => decideRetention(w, ctx, { itemId, decision: 'dispose', reason: 'Past the retention period; no longer necessary.' }));
    }
    vault.commit((w) => deleteSubject(w, ctx, subjectId, 'No longer managed under MAPPA; records past retention.'));
    vault.commit((w) => disposeOfSubjectData(w, subjectId));
    expect(whereIs(vault.reader, [...SUBJECT_WORDS, ...LIVE_ITEM_WORDS, ...DELETED_ITEM_WORDS])).toEqual([]);
    // What the map keeps: the retention decisions (ids and reasons), no content.
    expect(vault.reader.get('SELECT count(*) AS n FROM retention_decisions WHERE subject_id = ?', [subjectId])).toEqual({ n: 2 });
    expect(whereIs(vault.reader, OTHER_WORDS)).toEqual(others);
    expect(found(vault.reader, 'Łukasz')).toEqual(['Wójcikowski']);
    expect(found(vault.reader, 'Splottmarsh')).toEqual(['Wójcikowski']);
  });
});
