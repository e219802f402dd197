import { MappaError } from '../../shared/errors';
import { SUBJECT_FIELDS, type SubjectField } from '../../shared/sharingVocabulary';
import type { Reader } from '../db/types';
import { requireLiveSubject } from './subjects';

// A subject's own details as the fields a share or a disclosure can carry (the names, the
// date of birth, the references, the address, the ethnicity, the index offence), each as
// the text that leaves the register. Shared by sharing and disclosure, so it lives here.

export interface SubjectRecord {
  kind: 'nominal' | 'pdp';
  givenName: string;
  familyName: string;
  aliases: string[];
  dateOfBirth: string | null;
  pnc: string | null;
  ndelius: string | null;
  visor: string | null;
  address: string | null;
  noFixedAbode: boolean;
  ethnicity: string | null;
  indexOffence: string | null;
  sentence: string | null;
}

export function subjectRecord(r: Reader, subjectId: string): SubjectRecord {
  requireLiveSubject(r, subjectId);
  const row = r.get<{
    kind: string;
    given_name: string;
    family_name: string;
    date_of_birth: string | null;
    pnc: string | null;
    ndelius: string | null;
    visor: string | null;
    address: string | null;
    no_fixed_abode: number;
    ethnicity: string | null;
    index_offence: string | null;
    sentence: string | null;
  }>('SELECT kind, given_name, family_name, date_of_birth, pnc, ndelius, visor, address, no_fixed_abode, ethnicity, index_offence, sentence FROM subjects WHERE id = ?', [subjectId]);
  if (!row) throw new MappaError('unknown_subject', 'That subject is not in this register (it may have been deleted).');
  const aliases = r.all<{ alias: string }>('SELECT alias FROM subject_aliases WHERE subject_id = ? ORDER BY alias', [subjectId]).map((a) => a.alias);
  return {
    kind: row.kind === 'pdp' ? 'pdp' : 'nominal',
    givenName: row.given_name,
    familyName: row.family_name,
    aliases,
    dateOfBirth: row.date_of_birth,
    pnc: row.pnc,
    ndelius: row.ndelius,
    visor: row.visor,
    address: row.address,
    noFixedAbode: row.no_fixed_abode === 1,
    ethnicity: row.ethnicity,
    indexOffence: row.index_offence,
    sentence: row.sentence,
  };
}

/** The text of one of the subject's own details, or null if the record has none. */
export function subjectFieldValue(s: SubjectRecord, field: SubjectField): string | null {
  switch (field) {
    case 'names':
      return `${s.givenName} ${s.familyName}${s.aliases.length > 0 ? ` (also known as ${s.aliases.join(', ')})` : ''}`;
    case 'date_of_birth':
      return s.dateOfBirth;
    case 'references': {
      const refs = [s.pnc && `PNC ${s.pnc}`, s.ndelius && `nDelius ${s.ndelius}`, s.visor && `ViSOR ${s.visor}`].filter((x): x is string => typeof x === 'string');
      return refs.length > 0 ? refs.join('; ') : null;
    }
    case 'address':
      return s.noFixedAbode ? 'No fixed abode' : s.address;
    case 'ethnicity':
      return s.ethnicity;
    case 'index_offence':
      return s.indexOffence === null && s.sentence === null ? null : [s.indexOffence, s.sentence && `Sentence: ${s.sentence}`].filter(Boolean).join('. ');
  }
}

/** The label of one of the subject's own details. */
export const subjectFieldLabel = (field: SubjectField): string => SUBJECT_FIELDS[field].label;
