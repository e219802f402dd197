import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { itemInput, subjectInput, type ItemInput, type SubjectInput } from '../../src/shared/registerSchemas';
import type { Actor, Ctx } from '../../src/main/access/context';
import { addOffice, type Office } from '../../src/main/access/offices';
import { createProfile } from '../../src/main/access/people';
import { createRegister, type Vault } from '../../src/main/vault';
import { TEST_KDF } from './fakeHost';

/** 24 November 2026, midday: the tests' "now". */
export const NOW = new Date('2026-11-24T12:00:00Z');

export function aSubject(overrides: Partial<SubjectInput> = {}): SubjectInput {
  return subjectInput.parse({
    kind: 'nominal',
    givenName: 'Darren',
    familyName: 'Hollis',
    aliases: [],
    dateOfBirth: '1984-03-12',
    ethnicity: null,
    pnc: null,
    ndelius: null,
    visor: null,
    address: '14 Larch Road, Wigan',
    noFixedAbode: false,
    areaOfClosestLinks: null,
    indexOffence: 'Assault occasioning actual bodily harm',
    sentence: '2 years custody',
    category: 2,
    level: 1,
    risk: 'medium',
    exceptionalReason: null,
    leadOfficeId: null,
    nextReview: null,
    ...overrides,
  });
}

export function anItem(subjectId: string, ownerOfficeId: string, overrides: Partial<ItemInput> = {}): ItemInput {
  return itemInput.parse({
    subjectId,
    fieldKind: 'risk_factor',
    rmpHeading: null,
    value: 'Uses alcohol when under stress; violence has followed.',
    ownerOfficeId,
    providerName: 'PC Jo Barker',
    providerOfficeId: ownerOfficeId,
    receivedOn: '2026-11-01',
    classification: 'OFFICIAL-SENSITIVE',
    noOnwardDisclosure: null,
    notToSubject: false,
    notToSubjectReason: null,
    ...overrides,
  });
}

export interface RegisterFixture {
  vault: Vault;
  home: Office;
  police: Office;
  health: Office;
  ctx: Ctx;
}

/** A fresh register belonging to a probation office, with police and health partners and a coordinator. */
export async function aRegister(): Promise<RegisterFixture> {
  const folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'mappa-reg-')), 'register');
  const vault = await createRegister({ folder, userName: 'Casey Coordinator', passphrase: 'correct horse battery staple', kdf: TEST_KDF });
  const made = vault.commit((w) => {
    const home = addOffice(w, NOW, null, { name: 'Wigan Probation Delivery Unit', agency: 'probation', area: 'Greater Manchester' }, { home: true });
    const police = addOffice(w, NOW, null, { name: 'Wigan Public Protection Unit', agency: 'police', area: 'Greater Manchester' });
    const health = addOffice(w, NOW, null, { name: 'North West Mental Health Trust', agency: 'health', area: 'Greater Manchester' });
    const profile = createProfile(w, NOW, null, { userName: 'Casey Coordinator', role: 'coordinator', officeId: home.id });
    return { home, police, health, profile };
  });
  const actor: Actor = {
    userId: made.profile.userId,
    userName: made.profile.userName,
    role: 'coordinator',
    officeId: made.home.id,
    agency: 'probation',
    registerAdministrator: true,
  };
  return { vault, home: made.home, police: made.police, health: made.health, ctx: { actor, now: NOW } };
}
