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

/** What a person is told when their role may not do something: one sentence per permission. */
export const REFUSALS = {
  'subject.view': 'Only agency representatives, MAPPA chairs and coordinators and information governance leads can open case records.',
  'subject.create': 'Only agency representatives, MAPPA chairs and coordinators can add subjects.',
  'subject.edit': 'Only agency representatives, MAPPA chairs and coordinators can change a subject’s details.',
  'subject.delete': 'Only a MAPPA chair or coordinator can delete a subject.',
  'item.add': 'Only agency representatives, MAPPA chairs and coordinators can add information.',
  'item.edit': 'Only agency representatives, MAPPA chairs and coordinators can change information.',
  'item.delete': 'Only agency representatives, MAPPA chairs and coordinators can delete information.',
  'office.manage': 'Only a MAPPA coordinator or an administrator can add agency offices.',
  'reviews.configure': 'Only a MAPPA coordinator or chair can change the review intervals.',
  'user.manage': 'Only an administrator of this register can manage users.',
  'retention.configure': 'Only an information governance lead or an administrator can set retention rules.',
  'retention.decide': 'Only an information governance lead can make retention decisions.',
  'settings.manage': 'Only an information governance lead or an administrator can change these settings.',
  'audit.review': 'Only an information governance lead or an administrator can review the audit log.',
} as const satisfies Record<Action, string>;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Action[] {
  return (Object.keys(PERMISSIONS) as Action[]).filter((action) => can(role, action));
}
