// Who may do what: the one table the service enforces and the UI reads to hide what a
// user may not do. Roles from DOMAIN.md "People and parts"; the administrator manages
// the register itself (users, key slots), not the cases.

export const ROLES = {
  representative: 'Agency representative',
  chair: 'MAPPA chair',
  coordinator: 'MAPPA coordinator',
  ig_lead: 'Information governance lead',
  administrator: 'Administrator',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];

const CASEWORK: readonly Role[] = ['representative', 'chair', 'coordinator'];

export const PERMISSIONS = {
  'subject.view': [...CASEWORK, 'ig_lead'],
  'subject.create': CASEWORK,
  'subject.edit': CASEWORK,
  'subject.delete': ['chair', 'coordinator'],
  'item.add': CASEWORK,
  'item.edit': CASEWORK,
  'item.delete': CASEWORK,
  'office.manage': ['coordinator', 'administrator'],
  'reviews.configure': ['coordinator', 'chair'],
  'user.manage': ['administrator'],
  'retention.configure': ['ig_lead', 'administrator'],
  'retention.decide': ['ig_lead'],
  'settings.manage': ['ig_lead', 'administrator'],
  'audit.review': ['ig_lead', 'administrator'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof PERMISSIONS;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Action[] {
  return (Object.keys(PERMISSIONS) as Action[]).filter((action) => can(role, action));
}
