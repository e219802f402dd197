import { MappaError } from '../../shared/errors';
import type { Role } from '../../shared/permissions';
import type { AgencyKindCode } from '../../shared/vocabulary';
import type { Reader, Writer } from '../db/types';
import { iso, newId } from './context';
import { requireOffice } from './offices';

// Each person who can unlock the register (a key slot) has a profile here: the agency
// office they belong to and their role, which the permission table reads.

export interface Profile {
  userId: string;
  userName: string;
  role: Role;
  officeId: string;
  officeName: string;
  agency: AgencyKindCode;
  active: boolean;
}

interface ProfileRow extends Record<string, string | number | null> {
  id: string;
  user_name: string;
  role: string;
  office_id: string;
  office_name: string;
  agency: string;
  active: number;
}

const SELECT = `SELECT u.id, u.user_name, u.role, u.office_id, o.name AS office_name, o.agency, u.active
  FROM users u JOIN offices o ON o.id = u.office_id`;

const toProfile = (row: ProfileRow): Profile => ({
  userId: row.id,
  userName: row.user_name,
  role: row.role as Role,
  officeId: row.office_id,
  officeName: row.office_name,
  agency: row.agency as AgencyKindCode,
  active: row.active === 1,
});

export function findProfile(r: Reader, userName: string): Profile | undefined {
  const row = r.get<ProfileRow>(`${SELECT} WHERE u.user_name = ? COLLATE NOCASE AND u.active = 1`, [userName]);
  return row ? toProfile(row) : undefined;
}

export function listProfiles(r: Reader): Profile[] {
  return r.all<ProfileRow>(`${SELECT} WHERE u.active = 1 ORDER BY u.user_name COLLATE NOCASE`).map(toProfile);
}

export function createProfile(w: Writer, at: Date, createdBy: string | null, input: { userName: string; role: Role; officeId: string }): Profile {
  requireOffice(w, input.officeId, 'officeId');
  const existing = w.get<{ id: string; active: number }>('SELECT id, active FROM users WHERE user_name = ? COLLATE NOCASE', [input.userName]);
  if (existing?.active === 1) {
    throw new MappaError('user_exists', `${input.userName} already has a profile in this register.`, 'userName');
  }
  if (existing) {
    // Someone removed earlier comes back: their old profile row is reused, not duplicated.
    w.run('UPDATE users SET role = ?, office_id = ?, active = 1 WHERE id = ?', [input.role, input.officeId, existing.id]);
  } else {
    w.run('INSERT INTO users (id, user_name, office_id, role, active, created_at, created_by) VALUES (?, ?, ?, ?, 1, ?, ?)', [
      newId(),
      input.userName,
      input.officeId,
      input.role,
      iso(at),
      createdBy,
    ]);
  }
  const profile = findProfile(w, input.userName);
  if (!profile) throw new Error('profile vanished');
  return profile;
}

export function updateProfile(w: Writer, userName: string, input: { role: Role; officeId: string }): Profile {
  requireOffice(w, input.officeId, 'officeId');
  const profile = findProfile(w, userName);
  if (!profile) throw new MappaError('unknown_user', `${userName} is not a user of this register.`, 'userName');
  w.run('UPDATE users SET role = ?, office_id = ? WHERE id = ?', [input.role, input.officeId, profile.userId]);
  return { ...profile, ...input, ...(findProfile(w, userName) ?? {}) };
}

export function deactivateProfile(w: Writer, userName: string): void {
  w.run('UPDATE users SET active = 0 WHERE user_name = ? COLLATE NOCASE', [userName]);
}
