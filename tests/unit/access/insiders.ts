// A register with the people the insider tests need, each with their own passphrase,
// driven through the real service the way an attacker with a valid passphrase would:
// calling the channels directly with dispatch, not through the screens.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAuditRecords, type AuditEntry } from '../../../src/main/audit';
import { toEntry } from '../../../src/main/audit/log';
import type { Api } from '../../../src/main/api';
import { addDays, today } from '../../../src/shared/calendar';
import type { Role } from '../../../src/shared/permissions';
import { aSubject, anItem } from '../../support/registerBuilders';
import { anApi, type FakeHost } from '../../support/fakeHost';

export const PEOPLE = {
  casey: { userName: 'Casey Coordinator', passphrase: 'casey coordinates the meetings' },
  pat: { userName: 'Pat Probation', passphrase: 'pat supervises from wigan' },
  jordan: { userName: 'PC Jordan Reid', passphrase: 'jordan works out of wigan' },
  hana: { userName: 'Hana Health', passphrase: 'hana is the trust liaison' },
  indra: { userName: 'Indra Governance', passphrase: 'indra keeps the records straight' },
  olu: { userName: 'Olu Police IG', passphrase: 'olu keeps the force records' },
} as const;
export type Person = keyof typeof PEOPLE;

export interface Team {
  api: Api & { host: FakeHost };
  folder: string;
  offices: { probation: string; police: string; health: string };
  /** Locks and unlocks as `who`, as a person changing over at the desk. */
  as(who: Person): Promise<void>;
  /** Every audit entry, parsed, oldest first. */
  entries(): AuditEntry[];
  /** Entries written since `mark` (a count of entries taken earlier). */
  since(mark: number): AuditEntry[];
}

/**
 * Probation's register (Casey, the coordinator who made it and holds administrator rights),
 * with police and health offices, a representative of each agency, and an IG lead for
 * probation and for the police. Casey is signed in at the end.
 */
export async function aTeam(): Promise<Team> {
  const api = anApi();
  const folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'mappa-insiders-')), 'register');
  api.host.picksFolder(folder);
  await api.service['register.chooseFolder']({ purpose: 'create' });
  const casey = PEOPLE.casey;
  await api.service['register.create']({ folder, userName: casey.userName, passphrase: casey.passphrase, confirmPassphrase: casey.passphrase });
  const status = await api.service['register.setup']({ office: { name: 'Wigan Probation Delivery Unit', agency: 'probation', area: 'Greater Manchester' }, role: 'coordinator' });
  const probation = status.state === 'unlocked' ? status.homeOffice!.id : '';
  await api.service['offices.add']({ name: 'Wigan Public Protection Unit', agency: 'police', area: 'Greater Manchester' });
  const offices = await api.service['offices.add']({ name: 'North West Mental Health Trust', agency: 'health', area: 'Greater Manchester' });
  const police = offices.find((o) => o.agency === 'police')!.id;
  const health = offices.find((o) => o.agency === 'health')!.id;
  const add = (who: Person, role: Role, officeId: string) =>
    api.service['users.add']({ userName: PEOPLE[who].userName, passphrase: PEOPLE[who].passphrase, confirmPassphrase: PEOPLE[who].passphrase, administrator: false, role, officeId });
  await add('pat', 'representative', probation);
  await add('jordan', 'representative', police);
  await add('hana', 'representative', health);
  await add('indra', 'ig_lead', probation);
  await add('olu', 'ig_lead', police);
  const entries = () => readAuditRecords(api.session.vault().reader).map(toEntry);
  return {
    api,
    folder,
    offices: { probation, police, health },
    async as(who) {
      if (api.session.status().state === 'unlocked') await api.service['register.lock']({});
      await api.service['register.unlock']({ folder, userName: PEOPLE[who].userName, passphrase: PEOPLE[who].passphrase });
    },
    entries,
    since: (mark) => entries().slice(mark),
  };
}

/** The partner in the counter-corruption case study, known to the register as Lee Marsh (also Leigh). */
const soon = addDays(today(new Date()), 2); // a review due this week
export const PARTNER = aSubject({ givenName: 'Lee', familyName: 'Marsh', aliases: ['Leigh Marsh'], dateOfBirth: '1986-09-14', level: 2, risk: 'high', nextReview: soon });
export const OTHER = aSubject({ givenName: 'Daniel', familyName: 'Hartley', dateOfBirth: '1979-02-03', level: 2, risk: 'high', nextReview: soon });

export { aSubject, anItem };
