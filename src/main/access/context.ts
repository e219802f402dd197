import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/permissions';
import type { AgencyKindCode } from '../../shared/vocabulary';

/** Who is acting: the signed-in user's profile in this register. */
export interface Actor {
  userId: string;
  userName: string;
  role: Role;
  officeId: string;
  agency: AgencyKindCode;
  /** May manage users and key slots (the key slot's administrator flag). */
  registerAdministrator: boolean;
}

/** Every act is done by someone at a moment the service chose (journal replay is deterministic). */
export interface Ctx {
  actor: Actor;
  now: Date;
}

export function newId(): string {
  return randomUUID();
}

export function iso(now: Date): string {
  return now.toISOString();
}
