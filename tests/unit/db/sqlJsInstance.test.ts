// Each database runs in a sql.js instance of its own whose memory close() zeroes: the
// instances must not share state, and the database file must stay in the array that is
// zeroed (if a sql.js upgrade changed how its file system stores a file, this says so).
import { afterEach, describe, expect, it } from 'vitest';
import { observeWipesForTests, zeroTouchedPages, type InstanceMemory } from '../../../src/main/db/sqlJsInstance';
import { SqlDb } from '../../../src/main/db/sqlite';

afterEach(() => observeWipesForTests(undefined));

async function tableDb(bytes?: Uint8Array): Promise<SqlDb> {
  const db = await SqlDb.open(bytes);
  if (bytes === undefined) {
    db.begin();
    db.runOne('CREATE TABLE notes (body TEXT)', null, true);
    db.commit();
  }
  return db;
}

function add(db: SqlDb, body: string): void {
  db.begin();
  db.runOne('INSERT INTO notes (body) VALUES (?)', [body]);
  db.commit();
}

const holds = (bytes: Uint8Array, text: string): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(text);

describe('a sql.js instance per database', () => {
  it('gives two open databases separate memory, and closing one leaves the other working', async () => {
    const a = await tableDb();
    const b = await tableDb();
    add(a, 'only in a');
    add(b, 'only in b');
    expect(a.memoryForTests().heap.buffer).not.toBe(b.memoryForTests().heap.buffer);
    expect(holds(a.memoryForTests().file, 'only in b')).toBe(false);
    a.close();
    expect(() => a.reader.all('SELECT body FROM notes')).toThrow('The database is closed.');
    add(b, 'still open');
    expect(b.reader.all('SELECT body FROM notes ORDER BY rowid')).toEqual([{ body: 'only in b' }, { body: 'still open' }]);
    b.close();
    b.close(); // twice is harmless
  });

  it('keeps the database file in the array it zeroes, as the database grows and after it is reopened', async () => {
    const wiped: InstanceMemory[] = [];
    observeWipesForTests({ afterWipe: (m) => wiped.push(m) });
    const db = await tableDb();
    const chunk = 'x'.repeat(4000);
    db.begin();
    for (let i = 0; i < 3000; i++) db.runOne('INSERT INTO notes (body) VALUES (?)', [`${i} ${chunk}`]); // about 12 MB
    db.commit();
    add(db, 'the newest note');
    expect(holds(db.memoryForTests().file, 'the newest note')).toBe(true);
    const bytes = db.export();
    db.close();

    const again = await SqlDb.open(bytes);
    bytes.fill(0); // the caller may zero its bytes: the database has its own copy
    add(again, 'after reopening');
    expect(again.reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM notes')?.n).toBe(3002);
    expect(holds(again.memoryForTests().file, 'after reopening')).toBe(true);
    again.close();

    expect(wiped.map((m) => m.fileStayedInPlace)).toEqual([true, true]);
  });

  it('rolls back a failed commit with the rollback journal in memory', async () => {
    const db = await tableDb();
    add(db, 'kept');
    db.begin();
    db.runOne('INSERT INTO notes (body) VALUES (?)', ['undone']);
    db.rollback();
    expect(db.reader.all('SELECT body FROM notes')).toEqual([{ body: 'kept' }]);
    expect(db.reader.get<{ m: string }>('SELECT journal_mode AS m FROM pragma_journal_mode')?.m).toBe('memory');
    db.close();
  });
});

describe('zeroTouchedPages', () => {
  it('zeroes every byte, including a partial last page', () => {
    const bytes = new Uint8Array(3 * 4096 + 17);
    bytes[0] = 1;
    bytes[4096 * 2 + 5] = 2;
    bytes[bytes.length - 1] = 3;
    zeroTouchedPages(bytes);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });
});
