import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acted,
  type AssociationDeclaration,
  checkSubjectAccess,
  closeAlert,
  declareAssociation,
  grantException,
  listAlerts,
  listAssociations,
  matchAssociation,
  queryAudit,
  recordAssociationAlert,
  verifyAuditChain,
  withdrawAssociation,
} from '../../../src/main/audit';
import { compareNames } from '../../../src/main/audit/nameMatch';
import { auditCount, type MemoryRegister, memoryRegister, nextTime } from '../../support/memoryRegister';
import { anOffice, aSubjectIn, aUser } from '../../support/registerBuilders';

const open: MemoryRegister[] = [];
afterEach(() => {
  for (const m of open.splice(0)) m.close();
});
async function register(): Promise<MemoryRegister> {
  const m = await memoryRegister();
  open.push(m);
  return m;
}

function aDeclaration(names: string[], dateOfBirth: string | null = null): AssociationDeclaration {
  return { id: 'd-1', userId: 'u-1', names, dateOfBirth, relationship: 'Former partner', declaredAt: '2025-01-01T00:00:00.000Z', withdrawnAt: null };
}
const matches = (subject: { names: string[]; dateOfBirth?: string | null }, declared: string[], dob: string | null = null): boolean =>
  matchAssociation({ names: subject.names, dateOfBirth: subject.dateOfBirth ?? null }, [aDeclaration(declared, dob)]) !== null;

describe('matching a subject to a declared association', () => {
  it('matches "SMITH, John" to "john smith": case, punctuation and token order do not matter', () => {
    expect(matches({ names: ['SMITH, John'] }, ['john smith'])).toBe(true);
  });

  it('matches through diacritics and apostrophes', () => {
    expect(matches({ names: ['Zoë O’Brien'] }, ["Zoe O'Brien"])).toBe(true);
  });

  it('matches "Jon Smyth" to "John Smith" (same date of birth)', () => {
    expect(matches({ names: ['John Smith'], dateOfBirth: '1980-03-27' }, ['Jon Smyth'], '1980-03-27')).toBe(true);
  });

  it('does not match "John Smithson" to "John Smith"', () => {
    expect(matches({ names: ['John Smithson'], dateOfBirth: '1980-03-27' }, ['John Smith'], '1980-03-27')).toBe(false);
    expect(matches({ names: ['John Smithson'] }, ['John Smith'])).toBe(false);
  });

  it('matches a declared name to one of the subject’s aliases', () => {
    expect(matches({ names: ['Robert Jones', 'Bobby Steele'] }, ['Bob Steele'])).toBe(true);
  });

  it('matches a declared alias to the subject’s name', () => {
    expect(matches({ names: ['Elizabeth Taylor'] }, ['Lizzie Smith', 'Liz Taylor'])).toBe(true);
  });

  it('treats common nicknames as the same given name', () => {
    const pairs: [string, string][] = [
      ['Bob', 'Robert'], ['Liz', 'Elizabeth'], ['Jim', 'James'], ['Mike', 'Michael'], ['Dave', 'David'], ['Tony', 'Anthony'],
      ['Kate', 'Katherine'], ['Sam', 'Samuel'], ['Sam', 'Samantha'], ['Chris', 'Christopher'], ['Chris', 'Christine'],
      ['Steve', 'Stephen'], ['Steve', 'Steven'],
    ];
    for (const [nick, full] of pairs) expect(matches({ names: [`${full} Parker`] }, [`${nick} Parker`]), `${nick}/${full}`).toBe(true);
  });

  it('does not match when both dates of birth are known and differ, however close the name', () => {
    expect(matches({ names: ['John Smith'], dateOfBirth: '1980-03-27' }, ['John Smith'], '1981-03-27')).toBe(false);
  });

  it('without a declared date of birth only a strong name match counts', () => {
    expect(matches({ names: ['John Smith'], dateOfBirth: '1980-03-27' }, ['John Smith'])).toBe(true);
    // two spelling differences need the date of birth to agree
    expect(matches({ names: ['Jonathon Smyth'], dateOfBirth: '1980-03-27' }, ['Jonathan Smith'])).toBe(false);
    expect(matches({ names: ['Jonathon Smyth'], dateOfBirth: '1980-03-27' }, ['Jonathan Smith'], '1980-03-27')).toBe(true);
  });

  it('needs the family name as well as the given name', () => {
    expect(matches({ names: ['John Smith'] }, ['John'])).toBe(false);
    expect(matches({ names: ['John Smith'] }, ['John Brown'])).toBe(false);
    expect(matches({ names: ['Paul Smith'] }, ['Saul Smith'])).toBe(false);
  });

  it('ignores withdrawn declarations', () => {
    const withdrawn = { ...aDeclaration(['John Smith']), withdrawnAt: '2025-02-01T00:00:00.000Z' };
    expect(matchAssociation({ names: ['John Smith'], dateOfBirth: null }, [withdrawn])).toBeNull();
  });

  const aName = fc.array(fc.stringMatching(/^[A-Za-z]{2,10}$/), { minLength: 2, maxLength: 4 });

  it('property: a name always matches itself in any case, order and punctuation', () => {
    fc.assert(
      fc.property(aName, fc.nat(), (tokens, rot) => {
        const shuffled = [...tokens.slice(rot % tokens.length), ...tokens.slice(0, rot % tokens.length)];
        const written = `${shuffled[0]?.toUpperCase()}, ${shuffled.slice(1).join(' ').toLowerCase()}.`;
        expect(compareNames(tokens.join(' '), written)).toBe('strong');
      }),
    );
  });

  it('property: matching is symmetric', () => {
    fc.assert(
      fc.property(aName, aName, (a, b) => {
        expect(compareNames(a.join(' '), b.join(' '))).toBe(compareNames(b.join(' '), a.join(' ')));
      }),
    );
  });

  it('property: a different date of birth never matches', () => {
    fc.assert(
      fc.property(aName, fc.integer({ min: 1940, max: 2005 }), fc.integer({ min: 1, max: 9 }), (tokens, year, shift) => {
        const name = tokens.join(' ');
        expect(matches({ names: [name], dateOfBirth: `${year}-01-15` }, [name], `${year + shift}-01-15`)).toBe(false);
        expect(matches({ names: [name], dateOfBirth: `${year}-01-15` }, [name], `${year}-01-15`)).toBe(true);
      }),
    );
  });
});

describe('declared associations guard access to a subject', () => {
  async function scene() {
    const m = await register();
    const s = m.commit((w) => {
      const police = anOffice(w, { agency: 'police' });
      const officer = aUser(w, { officeId: police, name: 'Olive Officer' });
      const igLead = aUser(w, { officeId: police, name: 'Ian Governance', role: 'ig_lead' });
      const partner = aSubjectIn(w, { givenName: 'Robert', familyName: 'Steele', dateOfBirth: '1979-11-02', aliases: ['Bobby Steel'] });
      const stranger = aSubjectIn(w, { givenName: 'Amir', familyName: 'Khan', dateOfBirth: '1985-05-05' });
      return { officer, igLead, partner, stranger };
    });
    return { m, ...s };
  }

  it('blocks a user from a subject who matches their active declaration', async () => {
    const { m, officer, partner, stranger } = await scene();
    const d = m.act(officer, (w) => declareAssociation(w, { actor: officer, names: ['Bob Steele'], dateOfBirth: '1979-11-02', relationship: 'Partner', at: nextTime() }));
    expect(checkSubjectAccess(m.reader, { userId: officer.userId as string, subjectId: partner })).toEqual({ allowed: false, association: d });
    expect(checkSubjectAccess(m.reader, { userId: officer.userId as string, subjectId: stranger })).toEqual({ allowed: true });
  });

  it('allows the subject once an IG lead grants an exception, and after the declaration is withdrawn', async () => {
    const { m, officer, igLead, partner } = await scene();
    const d = m.act(officer, (w) => declareAssociation(w, { actor: officer, names: ['Robert Steele'], dateOfBirth: null, relationship: 'Neighbour', at: nextTime() }));
    const userId = officer.userId as string;
    m.act(igLead, (w) => grantException(w, { userId, subjectId: partner, grantedBy: igLead, reason: 'Neighbour only; no conflict.', at: nextTime() }));
    expect(checkSubjectAccess(m.reader, { userId, subjectId: partner })).toEqual({ allowed: true });

    const { m: m2, officer: o2, partner: p2 } = await scene();
    const d2 = m2.act(o2, (w) => declareAssociation(w, { actor: o2, names: ['Robert Steele'], dateOfBirth: null, relationship: 'Neighbour', at: nextTime() }));
    expect(checkSubjectAccess(m2.reader, { userId: o2.userId as string, subjectId: p2 }).allowed).toBe(false);
    m2.act(o2, (w) => withdrawAssociation(w, { actor: o2, associationId: d2.id, reason: 'Moved away in 2019.', at: nextTime() }));
    expect(checkSubjectAccess(m2.reader, { userId: o2.userId as string, subjectId: p2 }).allowed).toBe(true);
    expect(listAssociations(m2.reader, o2.userId as string)).toEqual([]);
    expect(listAssociations(m2.reader, o2.userId as string, { includeWithdrawn: true })).toHaveLength(1);
    expect(d.id).not.toBe(d2.id);
  });

  it('nobody grants themselves an exception or closes an alert about themselves', async () => {
    const { m, officer, partner } = await scene();
    const d = m.act(officer, (w) => declareAssociation(w, { actor: officer, names: ['Robert Steele'], dateOfBirth: null, relationship: 'Partner', at: nextTime() }));
    const userId = officer.userId as string;
    expect(() => m.act(officer, (w) => grantException(w, { userId, subjectId: partner, grantedBy: officer, reason: 'Fine', at: nextTime() }))).toThrow(
      /cannot grant yourself/,
    );
    const alert = m.act(officer, (w) => recordAssociationAlert(w, { actor: officer, subjectId: partner, associationId: d.id, at: nextTime() }));
    expect(() => m.act(officer, (w) => closeAlert(w, { alertId: alert.id, closedBy: officer, outcome: 'Fine', at: nextTime() }))).toThrow(/someone else/);
    expect(listAlerts(m.reader, { status: 'open' })).toHaveLength(1);
  });

  it('every association act writes exactly one audit entry, in the same commit', async () => {
    const { m, officer, igLead, partner } = await scene();
    const userId = officer.userId as string;
    const acts: [string, () => void][] = [
      ['association_declare', () => m.act(officer, (w) => declareAssociation(w, { actor: officer, names: ['Robert Steele'], dateOfBirth: null, relationship: 'Partner', at: nextTime() }))],
      ['association_alert', () => m.act(officer, (w) => recordAssociationAlert(w, { actor: officer, subjectId: partner, associationId: listAssociations(w, userId)[0]?.id as string, at: nextTime() }))],
      ['association_alert_close', () => m.act(igLead, (w) => closeAlert(w, { alertId: listAlerts(w)[0]?.id as string, closedBy: igLead, outcome: 'Spoken to; no further action.', at: nextTime() }))],
      ['association_exception', () => m.act(igLead, (w) => grantException(w, { userId, subjectId: partner, grantedBy: igLead, reason: 'Supervised access for court.', at: nextTime() }))],
      ['association_withdraw', () => m.act(officer, (w) => withdrawAssociation(w, { actor: officer, associationId: listAssociations(w, userId)[0]?.id as string, reason: 'Relationship ended.', at: nextTime() }))],
    ];
    for (const [action, act] of acts) {
      const before = auditCount(m.reader);
      act();
      expect(auditCount(m.reader), action).toBe(before + 1);
      expect(queryAudit(m.reader, { limit: 1 }).entries[0]?.action).toBe(action);
    }
    expect(listAlerts(m.reader, { status: 'closed' })[0]).toMatchObject({ status: 'closed', closedBy: igLead.userId, outcome: 'Spoken to; no further action.' });
    expect(verifyAuditChain(m.reader)).toMatchObject({ ok: true, entries: 5 });
    // the audit entry names the declaration, never the declared person's names
    expect(JSON.stringify(queryAudit(m.reader).entries)).not.toMatch(/Steele/);
  });

  it('if the act’s commit fails, neither the act nor its audit entry exists', async () => {
    const { m, officer, igLead, partner } = await scene();
    expect(() =>
      m.act(officer, (w) => {
        declareAssociation(w, { actor: officer, names: ['Robert Steele'], dateOfBirth: null, relationship: 'Partner', at: nextTime() });
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    // the audit entry itself is refused (register content copied into its details): the row written before it goes too
    expect(() =>
      m.act(igLead, (w) => {
        const granted = grantException(w, { userId: officer.userId as string, subjectId: partner, grantedBy: igLead, reason: 'Ok', at: nextTime() });
        return acted(granted.value, { action: 'association_exception', details: { copied: 'Robert Steele '.repeat(20) } });
      }),
    ).toThrow(/details hold identifiers and codes/);
    expect(m.reader.get('SELECT COUNT(*) AS n FROM declared_associations')).toEqual({ n: 0 });
    expect(m.reader.get('SELECT COUNT(*) AS n FROM association_exceptions')).toEqual({ n: 0 });
    expect(auditCount(m.reader)).toBe(0);
  });

  it('rejects a declaration without a name, with an impossible date of birth or without a relationship', async () => {
    const { m, officer } = await scene();
    const declare = (names: string[], dob: string | null, relationship: string) =>
      m.act(officer, (w) => declareAssociation(w, { actor: officer, names, dateOfBirth: dob, relationship, at: nextTime() }));
    // The same schema, and so the same sentences, as the channel's input.
    expect(() => declare(['  '], null, 'Partner')).toThrow(expect.objectContaining({ message: 'Enter a name.', field: 'names.0' }));
    expect(() => declare([], null, 'Partner')).toThrow(expect.objectContaining({ message: 'Enter the person’s name.', field: 'names' }));
    expect(() => declare(['Rob Steele'], '1979-02-30', 'Partner')).toThrow(expect.objectContaining({ message: 'Date of birth must be a real date.', field: 'dateOfBirth' }));
    expect(() => declare(['Rob Steele'], null, ' ')).toThrow(expect.objectContaining({ message: 'Say how you know this person.', field: 'relationship' }));
    expect(auditCount(m.reader)).toBe(0);
  });
});
