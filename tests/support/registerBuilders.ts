// The one set of builders for what a register holds. Input builders (aSubject, anItem)
// give valid zod-parsed inputs to override; the writers (anOffice, aUser, aSubjectIn,
// anItemIn) put rows in any register, on disk or in memory, through the app's own
// functions and so its rules; aRegister makes a register on disk with three offices.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../src/shared/permissions';
import { itemInput, subjectInput, type ItemInput, type SubjectInput } from '../../src/shared/registerSchemas';
import type { AgencyKindCode } from '../../src/shared/vocabulary';
import type { Actor, Ctx } from '../../src/main/access/context';
import { addOffice, type Office } from '../../src/main/access/offices';
import { createProfile } from '../../src/main/access/people';
import type { AuditActor } from '../../src/main/audit';
import type { Writer } from '../../src/main/db/types';
import { addItem } from '../../src/main/register/items';
import { createSubject } from '../../src/main/register/subjects';
import { createRegister, type Vault } from '../../src/main/vault';
import { TEST_KDF } from './kdf';

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

/**
 * Who the writers act as when a test does not say: a coordinator, at NOW. The subjects and
 * items they make are created by this name, which is nobody's profile.
 */
export const BUILDER: Ctx = {
  actor: { userId: 'builder', userName: 'Test Builder', role: 'coordinator', officeId: 'builder', agency: 'probation', registerAdministrator: false },
  now: NOW,
};

/** An agency office, by addOffice; returns its id. Names are unique unless given. */
export function anOffice(w: Writer, opts: { agency?: AgencyKindCode; name?: string; area?: string } = {}): string {
  const name = opts.name ?? `Office ${randomUUID().slice(0, 8)}`;
  return addOffice(w, NOW, null, { name, agency: opts.agency ?? 'police', area: opts.area ?? 'Avon and Somerset' }).id;
}

/** A person's profile in an office, by createProfile; returns them as the audit log names an actor. */
export function aUser(w: Writer, opts: { officeId: string; name?: string; role?: Role }): AuditActor {
  const profile = createProfile(w, NOW, null, { userName: opts.name ?? `User ${randomUUID().slice(0, 8)}`, role: opts.role ?? 'representative', officeId: opts.officeId });
  return { userId: profile.userId, userName: profile.userName, role: profile.role, officeId: profile.officeId, agency: profile.agency };
}

/** A subject, by createSubject (every subject rule applies); returns its id. */
export function aSubjectIn(w: Writer, overrides: Partial<SubjectInput> = {}, ctx: Ctx = BUILDER): string {
  return createSubject(w, ctx, aSubject(overrides));
}

/** An item of information owned by an office, by addItem (every item rule applies); returns its id. */
export function anItemIn(w: Writer, subjectId: string, ownerOfficeId: string, overrides: Partial<ItemInput> = {}, ctx: Ctx = BUILDER): string {
  return addItem(w, ctx, anItem(subjectId, ownerOfficeId, overrides)).id;
}
