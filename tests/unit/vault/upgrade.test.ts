// Registers in file format 1 (one data key wrapped by each passphrase, roles in the
// database) open and are upgraded to format 2 on an administrator's first unlock; other
// users make their own keys at their next unlock; a newer format is refused.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acted, actorFor, verifyAuditChain } from '../../../src/main/audit';
import { commitActed } from '../../../src/main/access/acting';
import { openRegister } from '../../../src/main/vault';
import { readAnyHeader } from '../../../src/main/vault/anyHeader';
import { HEADER_FILE } from '../../../src/main/vault/format';
import { parseHeader, serializeHeader } from '../../../src/main/vault/header';
import { encryptUsers, makeSlot } from '../../../src/main/vault/keySlots';
import { wipeKeys } from '../../../src/main/vault/keys';
import { unlockHeader } from '../../../src/main/vault/unlock';
import { manualClock } from '../../../src/shared/calendar';
import { FIXTURE_PASSPHRASE, FIXTURE_USER } from '../../fixtures/registerData';
import { TEST_KDF } from '../../support/kdf';
import { ADMIN, ADMIN_PASS, cleanupTempDirs, folderDigests, newRegister, tempDir } from '../../support/vaultFixture';

const FIXTURE = path.resolve(__dirname, '../../fixtures/registers/v4');
const keeper = { userName: FIXTURE_USER, passphrase: FIXTURE_PASSPHRASE };
const clerk = { userName: 'Carys Clerk', passphrase: 'carys keeps the minutes safe' };
const clock = manualClock('2026-11-25T09:00:00Z');

afterEach(() => cleanupTempDirs());

function copyOfFormat1(): string {
  const folder = path.join(tempDir('format1'), 'register');
  fs.cpSync(FIXTURE, folder, { recursive: true });
  return folder;
}

async function open(folder: string, who: { userName: string; passphrase: string }) {
  clock.advance(60_000);
  return openRegister({ folder, ...who, clock });
}

/** A second, non-administrator user added to a format-1 register with format 1's own modules. */
async function addFormat1User(folder: string): Promise<void> {
  const file = path.join(folder, HEADER_FILE);
  const parsed = parseHeader(fs.readFileSync(file));
  const unlocked = await unlockHeader(parsed, keeper.userName, keeper.passphrase, 'test');
  if (!unlocked) throw new Error('fixture passphrase');
  try {
    const slot = await makeSlot(unlocked.keys.data, parsed.registerId, clerk.userName, false, clerk.passphrase, TEST_KDF);
    const users = [...unlocked.users, { id: slot.id, userName: clerk.userName }];
    fs.writeFileSync(file, serializeHeader({ ...parsed.body, slots: [...parsed.body.slots, slot], users: encryptUsers(unlocked.keys.users, parsed.registerId, users) }, unlocked.keys.headerMac));
  } finally {
    wipeKeys(unlocked.keys);
  }
}

describe('upgrading a format-1 register', () => {
  it('is upgraded by its administrator’s unlock, keeping every record, and opens again as format 2', async () => {
    const folder = copyOfFormat1();
    expect(readAnyHeader(fs.readFileSync(path.join(folder, HEADER_FILE))).version).toBe(1);
    const { vault } = await open(folder, keeper);
    const subjects = vault.reader.get<{ n: number }>('SELECT count(*) AS n FROM subjects')?.n;
    expect(subjects).toBeGreaterThan(0);
    expect(vault.isAdministrator).toBe(true);
    commitActed(vault, actorFor(vault.reader, { userName: vault.userName }), clock(), () => acted(undefined, { action: 'subject_view' }));
    vault.lock();
    const header = readAnyHeader(fs.readFileSync(path.join(folder, HEADER_FILE)));
    expect(header.version).toBe(2);
    if (header.version !== 2) return;
    expect(header.body.membership[0]?.change).toMatchObject({ kind: 'genesis', converted: true });
    const { vault: again } = await open(folder, keeper);
    expect(again.reader.get<{ n: number }>('SELECT count(*) AS n FROM subjects')?.n).toBe(subjects);
    expect(verifyAuditChain(again.reader, (n, h, s) => again.checkAuditSignature(n, h, s))).toMatchObject({ ok: true });
    again.lock();
  });

  it('asks a user who is not an administrator to wait for one, and changes nothing', async () => {
    const folder = copyOfFormat1();
    await addFormat1User(folder);
    const before = folderDigests(folder);
    await expect(open(folder, clerk)).rejects.toMatchObject({
      code: 'needs_upgrade',
      message: 'This register was made by an earlier version of MAPPA Register and must be upgraded by one of its administrators first. Ask an administrator to unlock it once, then unlock it again.',
    });
    expect(folderDigests(folder)).toEqual(before);
  });

  it('records the other users as pending; each makes their own keys at their next unlock, and can then be removed with a re-key', async () => {
    const folder = copyOfFormat1();
    await addFormat1User(folder);
    (await open(folder, keeper)).vault.lock();
    let header = readAnyHeader(fs.readFileSync(path.join(folder, HEADER_FILE)));
    if (header.version !== 2) throw new Error('format 2 expected');
    expect(header.body.legacy).toHaveLength(1);
    expect(header.body.membership.map((r) => r.change.kind)).toContain('pending');

    const { vault: carys } = await open(folder, clerk);
    expect(carys.isAdministrator).toBe(false);
    commitActed(carys, actorFor(carys.reader, { userName: carys.userName }), clock(), () => acted(undefined, { action: 'subject_view' }));
    carys.lock();
    header = readAnyHeader(fs.readFileSync(path.join(folder, HEADER_FILE)));
    if (header.version !== 2) throw new Error('format 2 expected');
    expect(header.body.legacy).toEqual([]);
    expect(header.body.slots).toHaveLength(2);

    const { vault: admin } = await open(folder, keeper);
    await admin.removeUser(clerk.userName);
    admin.lock();
    await expect(open(folder, clerk)).rejects.toMatchObject({ code: 'wrong_passphrase' });
  });

  it('wraps a slot below the register’s key-derivation setting again under it at its owner’s next unlock', async () => {
    const v = await newRegister();
    v.lock();
    const file = path.join(v.folder, HEADER_FILE);
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { body: string; checksum: string };
    const body = JSON.parse(raw.body) as { kdf: { N: number } };
    body.kdf = { ...body.kdf, N: 2 ** 11 }; // the register's setting raised since this slot was made
    const text = JSON.stringify(body);
    fs.writeFileSync(file, JSON.stringify({ ...raw, body: text, checksum: createHash('sha256').update(text).digest('hex') }));
    (await open(v.folder, { userName: ADMIN, passphrase: ADMIN_PASS })).vault.lock();
    const after = readAnyHeader(fs.readFileSync(file));
    if (after.version !== 2) throw new Error('format 2 expected');
    expect(after.body.slots[0]?.kdf.N).toBe(2 ** 11);
    (await open(v.folder, { userName: ADMIN, passphrase: ADMIN_PASS })).vault.lock();
  });

  it('refuses a register made by a newer file format, saying which version to install', async () => {
    const folder = copyOfFormat1();
    const file = path.join(folder, HEADER_FILE);
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(file, JSON.stringify({ ...raw, formatVersion: 3 }));
    await expect(open(folder, keeper)).rejects.toMatchObject({
      code: 'too_new',
      message: expect.stringContaining('made by a newer version of MAPPA Register (file format 3); this version understands up to 2'),
    });
  });
});
