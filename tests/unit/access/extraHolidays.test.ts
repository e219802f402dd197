// The administrator's extra England and Wales bank holidays: kept in the register's
// settings, checked by the contract, audited as a settings change, refused to anyone
// else, and counted by the calendar every working-day deadline takes (registerCalendar).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../src/main/api';
import { readAuditRecords } from '../../../src/main/audit';
import { registerCalendar } from '../../../src/main/access/calendarSettings';
import { dispatch } from '../../../src/main/dispatch';
import { REFUSALS } from '../../../src/shared/permissions';
import { anApi } from '../../support/fakeHost';
import { memoryRegister } from '../../support/memoryRegister';

const ADA = { userName: 'Ada Administrator', passphrase: 'ada keeps the register itself' };
const CASEY = { userName: 'Casey Coordinator', passphrase: 'casey coordinates the meetings' };
const EARLY_MAY_2028 = { date: '2028-05-01', title: 'Early May bank holiday' };

let api: Api | undefined;
afterEach(() => api?.session.lock());

/** A register whose founder is its administrator, with a coordinator who also holds administrator rights. */
async function aRegister() {
  const made = anApi();
  api = made;
  const folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'mappa-holidays-')), 'register');
  made.host.picksFolder(folder);
  await made.service['register.chooseFolder']({ purpose: 'create' });
  await made.service['register.create']({ folder, userName: ADA.userName, passphrase: ADA.passphrase, confirmPassphrase: ADA.passphrase });
  const status = await made.service['register.setup']({ office: { name: 'Wigan PDU', agency: 'probation', area: 'GM' }, role: 'administrator' });
  const officeId = status.state === 'unlocked' ? status.homeOffice!.id : '';
  await made.service['users.add']({ userName: CASEY.userName, passphrase: CASEY.passphrase, confirmPassphrase: CASEY.passphrase, administrator: true, role: 'coordinator', officeId });
  const as = async (who: typeof ADA) => {
    made.session.lock();
    await made.service['register.unlock']({ folder, userName: who.userName, passphrase: who.passphrase });
  };
  const entries = () => readAuditRecords(made.session.vault().reader);
  return { api: made, as, entries };
}

const settingsChanges = (entries: ReturnType<typeof readAuditRecords>) =>
  entries.filter((e) => e.action === 'settings_change').map((e) => JSON.parse(e.details) as Record<string, unknown>);

describe('extra bank holidays', () => {
  it('an administrator adds one announced after the data file; it is listed, audited by date, and counted as a holiday', async () => {
    const { api, entries } = await aRegister();
    const before = await api.service['calendar.holidays']({});
    expect(before).toMatchObject({ knownFrom: '2018-01-01', knownUntil: '2027-12-31', extra: [] });
    expect(before.source).toMatch(/GOV\.UK/);

    const after = await api.service['calendar.setExtraHolidays']({ holidays: [EARLY_MAY_2028] });
    expect(after.extra).toEqual([EARLY_MAY_2028]);
    expect(settingsChanges(entries())).toEqual([{ key: 'extra_bank_holidays', added: ['2028-05-01'], removed: [], renamed: [] }]);

    // Friday 28 April 2028 + 1 working day: Monday 1 May is now a holiday. Past the data's
    // last year the answer still says it assumes no other holidays.
    const next = registerCalendar(api.session.vault().reader).addWorkingDays('2028-04-28', 1);
    expect(next).toMatchObject({ date: '2028-05-02', beyondKnownHolidays: true });
  });

  it('records nothing when the list is saved unchanged, and the dates removed and renamed when it changes', async () => {
    const { api, entries } = await aRegister();
    const coronation = { date: '2027-06-07', title: 'Bank holiday for an occasion' };
    await api.service['calendar.setExtraHolidays']({ holidays: [EARLY_MAY_2028, coronation] });
    const mark = entries().length;
    await api.service['calendar.setExtraHolidays']({ holidays: [coronation, EARLY_MAY_2028] });
    expect(entries().length).toBe(mark);
    const last = await api.service['calendar.setExtraHolidays']({ holidays: [{ ...coronation, title: 'Bank holiday for a royal occasion' }] });
    expect(last.extra).toEqual([{ date: '2027-06-07', title: 'Bank holiday for a royal occasion' }]);
    expect(settingsChanges(entries()).at(-1)).toEqual({ key: 'extra_bank_holidays', added: [], removed: ['2028-05-01'], renamed: ['2027-06-07'] });
  });

  it('refuses a date that is not real, one already a bank holiday, one listed twice and a name too long, each by its field, and changes nothing', async () => {
    const { api, entries } = await aRegister();
    const mark = entries().length;
    const refusal = async (holidays: unknown) => {
      const reply = await dispatch(api.service, 'calendar.setExtraHolidays', { holidays });
      if (reply.ok) throw new Error('accepted');
      return (reply.error.fields ?? [{ field: reply.error.field, message: reply.error.message }]).map((f) => [f.field, f.message]);
    };
    expect(await refusal([{ date: '', title: 'Early May bank holiday' }])).toEqual([['holidays.0.date', 'Enter the date of the bank holiday.']]);
    expect(await refusal([{ date: '2028-02-30', title: 'Leap day' }])).toEqual([['holidays.0.date', 'The date must be a real date.']]);
    expect(await refusal([{ date: '1 May 2028', title: 'Early May' }])).toEqual([['holidays.0.date', 'The date must be a date like 2026-11-24.']]);
    expect(await refusal([{ date: '2026-12-25', title: 'Christmas' }])).toEqual([['holidays.0.date', '25 December 2026 is already a bank holiday (Christmas Day) in the app’s list.']]);
    expect(await refusal([EARLY_MAY_2028, { date: '2028-05-01', title: 'Again' }])).toEqual([['holidays.1.date', '1 May 2028 is already in the list of extra bank holidays.']]);
    expect(await refusal([{ date: '2028-05-01', title: ' ' }])).toEqual([['holidays.0.title', 'Enter the name of the bank holiday.']]);
    expect(await refusal([{ date: '2028-05-01', title: 'x'.repeat(101) }])).toEqual([['holidays.0.title', 'The name of the bank holiday must be 100 characters or fewer.']]);
    const many = Array.from({ length: 51 }, (_, i) => ({ date: `2030-${String(Math.floor(i / 28) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, title: 'Extra' }));
    expect(await refusal(many)).toEqual([['holidays', 'Keep at most 50 extra bank holidays: remove ones that have passed.']]);
    expect(entries().length).toBe(mark);
    expect((await api.service['calendar.holidays']({})).extra).toEqual([]);
  });

  it('refuses anyone but an administrator, even a coordinator with administrator rights, and lets them read the list', async () => {
    const { api, as, entries } = await aRegister();
    await api.service['calendar.setExtraHolidays']({ holidays: [EARLY_MAY_2028] });
    await as(CASEY);
    const mark = entries().length;
    expect(await dispatch(api.service, 'calendar.setExtraHolidays', { holidays: [] })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: REFUSALS['calendar.configure'] },
    });
    expect(entries().length).toBe(mark);
    expect((await api.service['calendar.holidays']({})).extra).toEqual([EARLY_MAY_2028]);
    expect(await api.service['register.status']({})).toMatchObject({ profile: { permissions: expect.not.arrayContaining(['calendar.configure']) } });
  });

  it('refuses to count with a stored list it cannot read, rather than miscounting deadlines', async () => {
    const m = await memoryRegister();
    try {
      m.commit((w) => w.run("INSERT INTO settings (key, value) VALUES ('extra_bank_holidays', 'not a list')"));
      expect(() => registerCalendar(m.reader)).toThrow(expect.objectContaining({ code: 'damaged_setting' }));
    } finally {
      m.close();
    }
  });
});
