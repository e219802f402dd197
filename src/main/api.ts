import type { Service } from '../shared/contract';
import { CLASSIFICATION, PRODUCT_NAME } from '../shared/classification';
import { createRegisterSession, type RegisterSession, type SessionOptions } from './access/registerSession';
import { addUser, listUsers, removeUser, updateUser } from './access/users';
import { addItem, deleteItem, itemHistory, updateItem } from './register/items';
import { addOffice, listOffices } from './register/offices';
import { decideRetention, listRetentionRules, retentionDue, setRetentionRule } from './register/retention';
import { searchSubjects } from './register/search';
import { createSubject, deleteSubject, getSubject, reviewsDue, updateSubject } from './register/subjects';

export interface ApiOptions extends SessionOptions {
  /** The app's version, as the shell reads it from Electron (or the tests from package.json). */
  version: string;
}

export interface Api {
  service: Service;
  /** For the shell's lifecycle (lock on quit, suspend, screen lock). */
  session: RegisterSession;
}

const done = { done: true as const };

// The service: one function per contract channel. Electron's IPC binding and the UI
// test bridge both call exactly this object, after the dispatcher has parsed the input.
// Every register act runs through session.act: the role is checked, then the act is
// one durable commit.
export function createApi(options: ApiOptions): Api {
  const session = createRegisterSession(options);
  const read = () => session.vault().reader;
  const service: Service = {
    'app.info': () => ({ name: PRODUCT_NAME, version: options.version, classification: CLASSIFICATION }),

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
      session.context('subject.view');
      return listUsers(session);
    },
    'users.add': (input) => addUser(session, input),
    'users.update': (input) => updateUser(session, input),
    'users.remove': ({ userName }) => removeUser(session, userName),

    'offices.list': () => listOffices(read()),
    'offices.add': (input) => {
      session.act('office.manage', (w, ctx) => addOffice(w, ctx.now, ctx.actor.userName, input));
      return listOffices(read());
    },

    'subjects.search': (input) => searchSubjects(read(), input, session.context('subject.view').now),
    'subjects.get': ({ id }) => getSubject(read(), id, session.context('subject.view').now),
    'subjects.create': (input) => ({ id: session.act('subject.create', (w, ctx) => createSubject(w, ctx, input)) }),
    'subjects.update': ({ id, subject }) => {
      session.act('subject.edit', (w, ctx) => updateSubject(w, ctx, id, subject));
      return { id };
    },
    'subjects.delete': ({ id, reason }) => {
      session.act('subject.delete', (w, ctx) => deleteSubject(w, ctx, id, reason));
      return done;
    },
    'subjects.reviewsDue': () => reviewsDue(read(), session.context('subject.view').now),

    'items.add': (input) => session.act('item.add', (w, ctx) => addItem(w, ctx, input)),
    'items.update': (input) => session.act('item.edit', (w, ctx) => updateItem(w, ctx, input)),
    'items.delete': ({ id, reason }) => {
      session.act('item.delete', (w, ctx) => deleteItem(w, ctx, id, reason));
      return done;
    },
    'items.history': ({ id }) => {
      session.context('subject.view');
      return itemHistory(read(), id);
    },

    'retention.rules': () => listRetentionRules(read()),
    'retention.setRule': (input) => {
      session.act('retention.configure', (w, ctx) => setRetentionRule(w, ctx, input));
      return listRetentionRules(read());
    },
    'retention.due': () => {
      const ctx = session.context('retention.decide');
      return retentionDue(read(), ctx.now);
    },
    'retention.decide': (input) => {
      const ctx = session.context('retention.decide');
      session.act('retention.decide', (w, c) => decideRetention(w, c, input));
      // A disposal must also leave the journal and the fallback snapshot, which still hold the data.
      if (input.decision === 'dispose') session.vault().purgeHistory?.();
      return retentionDue(read(), ctx.now);
    },
  };
  return { service, session };
}
