// Synthetic demo registers: invented people, places and texts, put in through the real
// register functions (zod schemas, createSubject, addItem), so every row obeys every rule
// those functions check. Reproducible: the same seed gives the same content (row ids are
// random UUIDs made by the register itself and differ between runs).
//
// Bulk path: nothing is bypassed. The only difference from the app is batching: many
// createSubject/addItem calls run inside one vault.commit (one journal record, one fsync),
// and the caller snapshots every so often so the journal stays small.
import type { Role } from '../../../shared/permissions';
import { itemInput, subjectInput, type ItemInput, type SubjectInput } from '../../../shared/registerSchemas';
import { FIELD_KIND_CODES, RMP_HEADING_CODES, type AgencyKindCode, type FieldKind, type RiskOfSeriousHarm } from '../../../shared/vocabulary';
import type { Vault } from '../../vault';
import type { Actor, Ctx } from '../../access/context';
import { addDays, today } from '../../../shared/calendar';
import { addItem } from '../items';
import { addOffice, type Office } from '../../access/offices';
import { createProfile } from '../../access/people';
import { createSubject } from '../subjects';
import { Prng } from './prng';
import * as W from './words';

export interface DemoOptions {
  subjects: number;
  items: number;
  seed: number | string;
  /** The moment the data is entered (review dates and "received on" dates are relative to it). */
  now: Date;
  /** Subjects per commit (default 500) and items per commit (default 2000). */
  subjectsPerCommit?: number;
  itemsPerCommit?: number;
  /** Snapshot after this many items (default 20 000), so the journal stays small. */
  snapshotEveryItems?: number;
  /** If set, the demo users also get key slots with this passphrase (one scrypt each). */
  userPassphrase?: string;
  onProgress?: (phase: 'subjects' | 'items', done: number, total: number) => void;
}

export interface DemoResult {
  offices: Office[];
  users: Array<{ userName: string; role: Role }>;
  subjectIds: string[];
  items: number;
  /** Some surnames, aliases and item words that occur in the data (for benches and tests). */
  samples: { familyNames: string[]; aliases: string[]; itemWords: string[] };
}

export const DEMO_HOME_OFFICE = { name: 'North West Probation Delivery Unit', agency: 'probation', area: 'Marrowby and Kestlebury' } as const;

const PARTNER_OFFICES: ReadonlyArray<{ name: string; agency: AgencyKindCode; area: string }> = [
  { name: 'Marrowby Public Protection Unit', agency: 'police', area: 'Marrowby' },
  { name: 'Llanfenwyn Offender Management Unit', agency: 'police', area: 'Llanfenwyn' },
  { name: 'HMP Thornwick Offender Management Unit', agency: 'prison', area: 'Thornwick' },
  { name: 'Kestlebury Children’s Services', agency: 'childrens_services', area: 'Kestlebury' },
  { name: 'Brackendale Community Mental Health Team', agency: 'health', area: 'Brackendale' },
  { name: 'Marrowby Housing Options', agency: 'housing', area: 'Marrowby' },
  { name: 'Ashcombe Vale Youth Justice Service', agency: 'youth_offending', area: 'Ashcombe Vale' },
  { name: 'Hollinfield Jobcentre Plus', agency: 'jobcentre_plus', area: 'Hollinfield' },
  { name: 'Regional Electronic Monitoring Service', agency: 'electronic_monitoring', area: 'North West' },
  { name: 'Wyrecastle Adult Social Care', agency: 'adult_social_care', area: 'Wyrecastle' },
];

const DEMO_USERS: ReadonlyArray<{ userName: string; role: Role; office: number }> = [
  { userName: 'Morgan Ellery', role: 'coordinator', office: 0 },
  { userName: 'Jo Tennant', role: 'chair', office: 0 },
  { userName: 'Sam Okonjo', role: 'representative', office: 0 },
  { userName: 'Alex Whitcombe', role: 'ig_lead', office: 0 },
  { userName: 'Rhian Pugh', role: 'representative', office: 1 },
];

// ---- subjects ------------------------------------------------------------------------

class UniqueRefs {
  private readonly seen = new Set<string>();
  constructor(private readonly make: () => string) {}
  next(): string {
    for (;;) {
      const v = this.make();
      if (!this.seen.has(v)) {
        this.seen.add(v);
        return v;
      }
    }
  }
}

function placeAddress(p: Prng): string {
  const flat = p.chance(0.2) ? `Flat ${p.int(1, 24)}, ` : '';
  return `${flat}${p.int(1, 240)} ${p.pick(W.STREET_FIRST)} ${p.pick(W.STREET_LAST)}, ${p.pick(W.TOWNS)}`;
}

interface SubjectPlan {
  input: SubjectInput;
  weight: number; // how many items it tends to attract
}

function planSubject(p: Prng, day: string, offices: readonly Office[], refs: { pnc: UniqueRefs; crn: UniqueRefs; visor: UniqueRefs }): SubjectPlan {
  const pdp = p.chance(0.05);
  const category = pdp ? null : p.weighted<1 | 2 | 3 | 4>([[1, 62], [2, 33], [3, 2], [4, 3]]);
  let level: 1 | 2 | 3 | null = null;
  if (category === 3) level = p.weighted<2 | 3>([[2, 85], [3, 15]]);
  else if (category !== null) level = p.weighted<1 | 2 | 3>([[1, 92], [2, 7], [3, 1]]);
  let risk: RiskOfSeriousHarm;
  let exceptionalReason: string | null = null;
  if (level === 2 || level === 3) {
    risk = p.weighted<RiskOfSeriousHarm>([['high', 68], ['very_high', 27], ['medium', 5]]);
    if (risk === 'medium') exceptionalReason = p.pick(W.EXCEPTIONAL_REASONS);
  } else {
    risk = p.weighted<RiskOfSeriousHarm>([['low', 14], ['medium', 52], ['high', 30], ['very_high', 4]]);
  }
  // Dates of birth 1950-2009: mostly working age, a few under 18.
  const dob = p.chance(0.02) ? p.date('2008-01-01', '2009-12-31') : p.weighted([['a', 8], ['b', 30], ['c', 42], ['d', 20]]) === 'a' ? p.date('1950-01-01', '1964-12-31') : p.date('1965-01-01', '2005-12-31');
  const dobOk = dob < day ? dob : null;
  const givenName = p.pick(W.GIVEN_NAMES);
  const familyName = p.pick(W.FAMILY_NAMES);
  const aliases: string[] = [];
  if (p.chance(0.3)) {
    const n = p.weighted([[1, 70], [2, 22], [3, 8]]);
    for (let i = 0; i < n; i++) {
      const kind = p.int(0, 2);
      aliases.push(kind === 0 ? p.pick(W.NICKNAMES) : kind === 1 ? `${givenName} ${p.pick(W.FAMILY_NAMES)}` : `${p.pick(W.GIVEN_NAMES)} ${familyName}`);
    }
  }
  const nfa = p.chance(0.07);
  const home = offices.find((o) => o.isHome) ?? offices[0];
  const police = offices.filter((o) => o.agency === 'police');
  const prison = offices.find((o) => o.agency === 'prison');
  const leadOffice = p.weighted([['home', 70], ['police', 22], ['prison', 8]]);
  const lead = leadOffice === 'police' && police.length > 0 ? p.pick(police) : leadOffice === 'prison' && prison ? prison : home;
  let nextReview: string | null = null;
  if (level === 3) nextReview = addDays(day, p.int(0, 42));
  else if (level === 2) nextReview = addDays(day, p.int(0, 112));
  else if (pdp && p.chance(0.5)) nextReview = addDays(day, p.int(7, 90));
  const input = subjectInput.parse({
    kind: pdp ? 'pdp' : 'nominal',
    givenName,
    familyName,
    aliases,
    dateOfBirth: dobOk,
    ethnicity: p.chance(0.85) ? p.pick(W.ETHNICITIES) : null,
    pnc: p.chance(pdp ? 0.6 : 0.97) ? refs.pnc.next() : null,
    ndelius: !pdp && p.chance(0.9) ? refs.crn.next() : null,
    visor: category === 1 || category === 4 || (category === 2 && level !== 1) || (pdp && p.chance(0.3)) ? refs.visor.next() : null,
    address: nfa ? null : placeAddress(p),
    noFixedAbode: nfa,
    areaOfClosestLinks: nfa ? p.pick(W.AREAS_OF_CLOSEST_LINKS) : null,
    indexOffence: category === null ? null : p.pick(W.INDEX_OFFENCES[category]),
    sentence: category === null ? null : p.pick(W.SENTENCES),
    category,
    level,
    risk: pdp ? p.weighted<RiskOfSeriousHarm>([['medium', 30], ['high', 55], ['very_high', 15]]) : risk,
    exceptionalReason,
    leadOfficeId: lead?.id ?? null,
    nextReview,
  });
  const weight = level === 3 ? 6 : level === 2 ? 3 : pdp ? 2 : 1;
  return { input, weight };
}

function makeRefs(p: Prng): { pnc: UniqueRefs; crn: UniqueRefs; visor: UniqueRefs } {
  const letters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
  return {
    pnc: new UniqueRefs(() => `${String(p.int(0, 99)).padStart(2, '0')}/${p.int(1, 999_999)}${letters[p.int(0, letters.length - 1)]}`),
    crn: new UniqueRefs(() => `${letters[p.int(0, letters.length - 1)]}${String(p.int(0, 999_999)).padStart(6, '0')}`),
    visor: new UniqueRefs(() => `VSR${String(p.int(0, 99_999_999)).padStart(8, '0')}`),
  };
}

// ---- items ---------------------------------------------------------------------------

const FIELD_WEIGHTS: ReadonlyArray<readonly [FieldKind, number]> = FIELD_KIND_CODES.map((k) => {
  const common: Partial<Record<FieldKind, number>> = { rmp_entry: 14, risk_factor: 12, address: 10, licence_conditions: 9, offence_history: 8, relationships: 8, victim_information: 7, contact: 6, employment: 5, identity: 4, health: 4, vehicle: 3, other: 4 };
  return [k, common[k] ?? 1] as const;
});

function fill(p: Prng, template: string, s: { givenName: string; familyName: string }): string {
  return template
    .replaceAll('{given}', s.givenName)
    .replaceAll('{family}', s.familyName)
    .replaceAll('{town}', p.pick(W.TOWNS))
    .replaceAll('{street}', `${p.pick(W.STREET_FIRST)} ${p.pick(W.STREET_LAST)}`)
    .replaceAll('{day}', p.pick(W.WEEKDAYS))
    .replaceAll('{vehicle}', p.pick(W.VEHICLES))
    .replaceAll('{time}', `${p.int(9, 17)}:00`)
    .replaceAll('{n}', String(p.int(1, 180)));
}

/** One random item for a subject (for benches that add items one at a time). */
export function planItem(p: Prng, day: string, subjectId: string, subject: { givenName: string; familyName: string }, offices: readonly Office[]): ItemInput {
  const fieldKind = p.weighted(FIELD_WEIGHTS);
  const templates = W.TEMPLATES[fieldKind] ?? W.TEMPLATES.other ?? [];
  const sentences = p.weighted([[1, 45], [2, 40], [3, 15]]);
  const value = Array.from({ length: sentences }, () => fill(p, p.pick(templates), subject)).join(' ');
  // Owner: the agency that provided it. Health items come from health, and so on, where such an office exists.
  const natural: Partial<Record<FieldKind, AgencyKindCode>> = { health: 'health', relationships: 'childrens_services', employment: 'jobcentre_plus', vehicle: 'police', address: 'housing' };
  const wanted = natural[fieldKind];
  const owner =
    (wanted !== undefined && p.chance(0.6) ? offices.find((o) => o.agency === wanted) : undefined) ??
    (p.chance(0.4) ? (offices.find((o) => o.isHome) ?? p.pick(offices)) : p.pick(offices));
  const notToSubject = p.chance(0.06);
  return itemInput.parse({
    subjectId,
    fieldKind,
    rmpHeading: fieldKind === 'rmp_entry' ? p.pick(RMP_HEADING_CODES) : null,
    value,
    ownerOfficeId: owner.id,
    providerName: p.pick(W.STAFF_NAMES),
    providerOfficeId: p.chance(0.9) ? owner.id : p.pick(offices).id,
    receivedOn: addDays(day, -p.int(0, 3 * 365)),
    classification: p.chance(0.8) ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
    noOnwardDisclosure: null,
    notToSubject,
    notToSubjectReason: notToSubject ? p.pick(W.NOT_TO_SUBJECT_REASONS) : null,
  });
}

// ---- the whole register ----------------------------------------------------------------

/** Fills a new, empty register (from createRegister) with demo data. */
export async function generateDemoRegister(vault: Vault, opts: DemoOptions): Promise<DemoResult> {
  const p = new Prng(opts.seed);
  const day = today(opts.now);
  const at = opts.now;
  const admin = vault.userName;

  // Offices and profiles, as first-run setup does: the home office with the administrator's profile.
  const { offices, actors } = vault.commit((w) => {
    const home = addOffice(w, at, admin, DEMO_HOME_OFFICE, { home: true });
    const partners = PARTNER_OFFICES.map((o) => addOffice(w, at, admin, o));
    const all = [home, ...partners];
    const profiles = [createProfile(w, at, null, { userName: admin, role: 'coordinator', officeId: home.id })];
    for (const u of DEMO_USERS) profiles.push(createProfile(w, at, admin, { userName: u.userName, role: u.role, officeId: (all[u.office] ?? home).id }));
    const acts: Actor[] = profiles.map((pr) => ({
      userId: pr.userId,
      userName: pr.userName,
      role: pr.role,
      officeId: pr.officeId,
      agency: pr.agency,
      registerAdministrator: pr.userName === admin,
    }));
    return { offices: all, actors: acts };
  });
  // Roles are read from the signed membership: the administrator signs each one in.
  vault.setRole(admin, 'coordinator', offices[0]?.id ?? '');
  if (opts.userPassphrase !== undefined) {
    for (const u of DEMO_USERS) {
      await vault.addUser({ userName: u.userName, passphrase: opts.userPassphrase, administrator: false });
      const actor = actors.find((a) => a.userName === u.userName);
      if (actor) vault.setRole(u.userName, actor.role, actor.officeId);
    }
  }
  const caseworkers = actors.filter((a) => a.role === 'representative' || a.role === 'coordinator' || a.role === 'chair');
  const ctxFor = (): Ctx => ({ actor: p.pick(caseworkers.length > 0 ? caseworkers : actors), now: at });

  // Subjects
  const refs = makeRefs(p);
  const subjectIds: string[] = [];
  const names: Array<{ givenName: string; familyName: string }> = [];
  const cumulative: number[] = [];
  const aliasSamples: string[] = [];
  let totalWeight = 0;
  const perSubjectCommit = opts.subjectsPerCommit ?? 500;
  for (let start = 0; start < opts.subjects; start += perSubjectCommit) {
    const end = Math.min(opts.subjects, start + perSubjectCommit);
    const plans = Array.from({ length: end - start }, () => planSubject(p, day, offices, refs));
    const ctx = ctxFor();
    const ids = vault.commit((w) => plans.map((plan) => createSubject(w, ctx, plan.input)));
    plans.forEach((plan, i) => {
      subjectIds.push(ids[i] ?? '');
      names.push({ givenName: plan.input.givenName, familyName: plan.input.familyName });
      totalWeight += plan.weight;
      cumulative.push(totalWeight);
      if (aliasSamples.length < 200) aliasSamples.push(...plan.input.aliases);
    });
    opts.onProgress?.('subjects', end, opts.subjects);
  }

  // Items, spread over subjects (Level 2/3 cases attract more)
  const pickSubject = (): number => {
    const r = p.next() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const perItemCommit = opts.itemsPerCommit ?? 2000;
  const snapshotEvery = opts.snapshotEveryItems ?? 20_000;
  let sinceSnapshot = 0;
  let made = 0;
  if (subjectIds.length > 0) {
    for (let start = 0; start < opts.items; start += perItemCommit) {
      const end = Math.min(opts.items, start + perItemCommit);
      const inputs = Array.from({ length: end - start }, () => {
        const k = pickSubject();
        return planItem(p, day, subjectIds[k] ?? '', names[k] ?? { givenName: '', familyName: '' }, offices);
      });
      const ctx = ctxFor();
      vault.commit((w) => {
        for (const input of inputs) addItem(w, ctx, input);
      });
      made = end;
      sinceSnapshot += inputs.length;
      if (sinceSnapshot >= snapshotEvery) {
        vault.snapshot();
        sinceSnapshot = 0;
      }
      opts.onProgress?.('items', end, opts.items);
    }
  }
  vault.snapshot();
  return {
    offices,
    users: [{ userName: admin, role: 'coordinator' }, ...DEMO_USERS.map((u) => ({ userName: u.userName, role: u.role }))],
    subjectIds,
    items: made,
    samples: {
      familyNames: [...new Set(names.map((n) => n.familyName))],
      aliases: [...new Set(aliasSamples)],
      itemWords: ['curfew', 'exclusion zone', 'polygraph', 'warehouse', 'approved premises', 'tag', 'school', 'victim', 'programme', 'mental health', 'Marrowby', 'Kestlebury', 'drinking', 'licence', 'tattoo'],
    },
  };
}
