import { MappaError } from '../../shared/errors';
import { AGENCY_KINDS, type AgencyKindCode } from '../../shared/vocabulary';
import type { Reader, Writer } from '../db/types';
import { iso, newId } from './context';

// The register belongs to one local agency office (its "home"); partner agencies' local
// offices are added so every item can name the agency that owns it.

export interface Office {
  id: string;
  name: string;
  agency: AgencyKindCode;
  area: string;
  isHome: boolean;
}

interface OfficeRow extends Record<string, string | number | null> {
  id: string;
  name: string;
  agency: string;
  area: string;
  is_home: number;
}

const toOffice = (row: OfficeRow): Office => ({
  id: row.id,
  name: row.name,
  agency: row.agency as AgencyKindCode,
  area: row.area,
  isHome: row.is_home === 1,
});

export function listOffices(r: Reader): Office[] {
  return r.all<OfficeRow>('SELECT id, name, agency, area, is_home FROM offices ORDER BY is_home DESC, agency, name COLLATE NOCASE').map(toOffice);
}

export function homeOffice(r: Reader): Office | undefined {
  const row = r.get<OfficeRow>('SELECT id, name, agency, area, is_home FROM offices WHERE is_home = 1');
  return row ? toOffice(row) : undefined;
}

export function findOffice(r: Reader, id: string): Office | undefined {
  const row = r.get<OfficeRow>('SELECT id, name, agency, area, is_home FROM offices WHERE id = ?', [id]);
  return row ? toOffice(row) : undefined;
}

export function requireOffice(r: Reader, id: string, field: string): Office {
  const office = findOffice(r, id);
  if (!office) throw new MappaError('unknown_office', 'Choose an agency office from the list: the one given is not in this register.', field);
  return office;
}

export interface OfficeInput {
  name: string;
  agency: AgencyKindCode;
  area: string;
}

export function addOffice(w: Writer, at: Date, createdBy: string | null, input: OfficeInput, options: { home?: boolean } = {}): Office {
  if (!(input.agency in AGENCY_KINDS)) {
    throw new MappaError('unknown_agency', 'Choose the kind of agency from the list.', 'agency');
  }
  const name = input.name.trim();
  const area = input.area.trim();
  const clash = w.get<{ id: string }>('SELECT id FROM offices WHERE agency = ? AND name = ? COLLATE NOCASE AND area = ? COLLATE NOCASE', [input.agency, name, area]);
  if (clash) {
    throw new MappaError('duplicate_office', `This register already has the ${AGENCY_KINDS[input.agency].label} office “${name}” in ${area}.`, 'name');
  }
  if (options.home && homeOffice(w)) {
    throw new MappaError('home_office_exists', 'This register already belongs to an office.');
  }
  const office: Office = { id: newId(), name, agency: input.agency, area, isHome: options.home === true };
  w.run('INSERT INTO offices (id, name, agency, area, is_home, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    office.id,
    office.name,
    office.agency,
    office.area,
    office.isHome ? 1 : 0,
    iso(at),
    createdBy,
  ]);
  return office;
}
