import { SqlDb } from './sqlite';
import { pendingMigrations, type Migration } from './migrations';
import type { Reader } from './types';

// At open, the schema must be exactly what the migrations make: no extra trigger, view,
// table or index (an extra trigger could silently drop audit entries; a dropped one could
// let the log be edited). Compared row by row with a fresh database taken through the
// same migrations.

type SchemaRow = { type: string; name: string; tbl_name: string; sql: string | null };

function schemaOf(r: Reader): SchemaRow[] {
  return r.all<SchemaRow>("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
}

const cache = new Map<string, Promise<SchemaRow[]>>();

function expectedSchema(migrations: readonly Migration[], version: number): Promise<SchemaRow[]> {
  const key = `${version}\u0002${migrations.map((m) => m.statements.join('\u0000')).join('\u0001')}`;
  let made = cache.get(key);
  if (made === undefined) {
    made = makeExpectedSchema(migrations, version);
    cache.set(key, made);
    made.catch(() => cache.delete(key));
  }
  return made;
}

async function makeExpectedSchema(migrations: readonly Migration[], version: number): Promise<SchemaRow[]> {
  const db = await SqlDb.open();
  try {
    db.begin();
    for (const m of pendingMigrations(0, migrations)) {
      if (m.version > version) break;
      for (const sql of m.statements) db.runOne(sql, null, true);
    }
    db.commit();
    return schemaOf(db.reader);
  } finally {
    db.close();
  }
}

/**
 * Starts making the expected schema (a fresh database through the migrations) without
 * waiting for it: open calls this first, so the work overlaps the passphrase's key
 * derivation, which runs off the main thread.
 */
export function prepareSchemaCheck(migrations: readonly Migration[], version: number): void {
  void expectedSchema(migrations, version).catch(() => undefined);
}

/** The first difference between the database's schema and the migrations', in words, or null. */
export async function schemaDifference(r: Reader, migrations: readonly Migration[], version: number): Promise<string | null> {
  const actual = schemaOf(r);
  const expected = await expectedSchema(migrations, version);
  const key = (row: SchemaRow) => `${row.type} ${row.name}`;
  const want = new Map(expected.map((row) => [key(row), row]));
  const have = new Map(actual.map((row) => [key(row), row]));
  for (const [k, row] of have) {
    const w = want.get(k);
    if (w === undefined) return `an unexpected ${row.type} "${row.name}"`;
    if (w.sql !== row.sql || w.tbl_name !== row.tbl_name) return `the ${row.type} "${row.name}" has been changed`;
  }
  for (const [k, row] of want) if (!have.has(k)) return `the ${row.type} "${row.name}" is missing`;
  return null;
}
