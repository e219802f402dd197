import { MappaError } from '../../shared/errors';
import type { ItemView, RetentionDue } from '../../shared/registerSchemas';
import { AGENCY_KINDS, type AgencyKindCode } from '../../shared/vocabulary';
import type { Actor } from '../access/context';

// Leaflet ("MAPPA – Information Sharing"): information "remains the responsibility of the
// agency that owns it". So only the owning AGENCY's users change or delete an item, and
// only its IG lead decides whether it is kept. The agency, not the office: an agency
// answers for its information whichever of its offices recorded it, and a register serves
// one MAPPA area, where each kind of agency (the police, probation, a health trust) is one
// organisation. Two offices of the same kind are treated as the same agency.

const agencyName = (agency: AgencyKindCode) => AGENCY_KINDS[agency].label;

/** Refuses an edit or deletion by a user of another agency. */
export function requireOwningAgency(item: Pick<ItemView, 'owner'>, actor: Actor, act: 'change' | 'delete'): void {
  if (item.owner.agency === actor.agency) return;
  throw new MappaError(
    'not_owner',
    `Only ${agencyName(item.owner.agency)} users can ${act} this information: it belongs to ${item.owner.name}, and information stays the responsibility of the agency that owns it. Ask them to ${act === 'change' ? 'correct' : 'remove'} it.`,
  );
}

/** Refuses a retention decision by another agency's IG lead, or on an item not yet due. */
export function requireRetentionDuty(item: Pick<ItemView, 'owner'>, actor: Actor, due: RetentionDue | undefined): void {
  if (item.owner.agency !== actor.agency) {
    throw new MappaError(
      'not_owner',
      `Only an information governance lead of ${agencyName(item.owner.agency)} can decide whether to keep this information: it belongs to ${item.owner.name}, and retention is decided by the agency that owns it.`,
    );
  }
  if (due === undefined) {
    throw new MappaError('not_due', 'This item is not due for a retention review yet: decide on it when it appears in the list of items due.');
  }
}
