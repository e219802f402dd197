import { CLASSIFICATION, PRODUCT_NAME } from '../../shared/classification';
import type { accessContract } from '../../shared/channels/access';
import type { SliceService } from '../../shared/channels/slice';
import { accessReasonsRequired, acted, setAccessReasonsRequired, type ActEntry } from '../audit';
import { autoLockMinutes, setAutoLockMinutes } from './autoLock';
import { calendarHolidays, setExtraHolidays } from './calendarSettings';
import { addOffice, listOffices } from './offices';
import type { ServiceDeps } from './registerSession';
import { addUser, listUsers, removeUser, updateUser } from './users';

// The access capability's channels: the register's lifecycle, users, offices, the
// access settings and the register's extra bank holidays.

const done = { done: true as const };

export function accessService({ session, version }: ServiceDeps): SliceService<typeof accessContract> {
  const read = () => session.vault().reader;
  const settings = () => ({ accessReasonsRequired: accessReasonsRequired(read()), autoLockMinutes: autoLockMinutes(read()) });
  return {
    'app.info': () => ({ name: PRODUCT_NAME, version, classification: CLASSIFICATION }),

    'register.status': () => session.status(),
    'register.recent': () => session.recent(),
    'register.chooseFolder': ({ purpose }) => session.chooseFolder(purpose),
    'register.create': (input) => session.create(input),
    'register.unlock': (input) => session.unlock(input),
    'register.lock': () => session.lock(),
    'register.setup': (input) => session.setup(input),
    'register.changePassphrase': async (input) => {
      await session.changePassphrase(input);
      return done;
    },
    'register.chooseBackupFile': ({ mode }) => session.chooseBackupFile(mode),
    'register.backup': ({ file }) => session.backup(file),
    'register.restore': (input) => session.restore(input),
    'register.progress': () => session.progress(),

    'users.list': () => {
      // Anyone signed in may see who else can open the register.
      session.context('self');
      return listUsers(session);
    },
    'users.add': (input) => addUser(session, input),
    'users.update': (input) => updateUser(session, input),
    'users.remove': ({ userName }) => removeUser(session, userName),

    'offices.list': () => listOffices(read()),
    'offices.add': (input) => {
      session.act('office.manage', (w, ctx) => {
        const office = addOffice(w, ctx.now, ctx.actor.userName, input);
        return acted(office, { action: 'office_create', details: { officeId: office.id, agency: office.agency } });
      });
      return listOffices(read());
    },

    'access.settings': () => settings(),
    'access.setSettings': (input) => {
      session.act('settings.manage', (w) => {
        const audit: ActEntry[] = [];
        if (accessReasonsRequired(w) !== input.accessReasonsRequired) audit.push(...setAccessReasonsRequired(w, input.accessReasonsRequired).audit);
        const before = autoLockMinutes(w);
        if (before !== input.autoLockMinutes) {
          setAutoLockMinutes(w, input.autoLockMinutes);
          audit.push({ action: 'settings_change', details: { key: 'auto_lock_minutes', from: before, to: input.autoLockMinutes } });
        }
        return acted(undefined, ...audit);
      });
      session.refreshAutoLock();
      return settings();
    },
    'access.activity': () => ({ lockInSeconds: session.lockInSeconds() }),

    'calendar.holidays': () => {
      // Anyone signed in may see which bank holidays deadlines are counted with.
      session.context('self');
      return calendarHolidays(read());
    },
    'calendar.setExtraHolidays': ({ holidays }) => {
      session.act('calendar.configure', (w) => setExtraHolidays(w, holidays));
      return calendarHolidays(read());
    },
  };
}
