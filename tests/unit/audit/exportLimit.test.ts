import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { acted, type ActEntry } from '../../../src/main/audit';
import { dispatch } from '../../../src/main/dispatch';
import type { Api } from '../../../src/main/api';
import { anApi } from '../../support/fakeHost';

const PASSPHRASE = 'correct horse battery staple';
let current: Api | undefined;
afterEach(() => current?.session.lock());

it('refuses a PDF of more than 10,000 entries with a sentence saying how to narrow it, opening no dialog; CSV still exports them', async () => {
  const api = anApi();
  current = api;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mappa-export-'));
  const folder = path.join(dir, 'register');
  api.host.picksFolder(folder);
  await api.service['register.chooseFolder']({ purpose: 'create' });
  await api.service['register.create']({ folder, userName: 'Ada Admin', passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE });
  await api.service['register.setup']({ office: { name: 'Wigan PDU', agency: 'probation', area: 'GM' }, role: 'administrator' });
  // Ten thousand checks of the chain, in one commit, as the app itself records them.
  const checks: ActEntry[] = Array.from({ length: 10_000 }, () => ({ action: 'audit_verify', details: { ok: true } }));
  api.session.act('audit.review', () => acted(undefined, ...checks));

  const before = api.host.opened.length;
  const reply = await dispatch(api.service, 'audit.export', { format: 'pdf', filter: {} });
  expect(reply).toMatchObject({
    ok: false,
    error: { code: 'too_many', message: expect.stringMatching(/^That filter chooses 10,0\d\d entries; a PDF holds up to 10,000\. Narrow the filter \(by dates, user or subject\), or export CSV\.$/) },
  });
  expect(api.host.opened.length).toBe(before);

  const csv = path.join(dir, 'all.csv');
  api.host.picksFile(csv);
  expect(await dispatch(api.service, 'audit.export', { format: 'csv', filter: {} })).toMatchObject({ ok: true, value: { file: csv, entries: expect.any(Number) } });
});
