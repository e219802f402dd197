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

export function isRole(value: string): value is Role {
  return (ROLE_CODES as readonly string[]).includes(value);
}

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
  // A backup is a full copy of every agency's data: only those answerable for the register.
  'register.backup': ['ig_lead', 'administrator'],
  // The extra bank holidays every working-day deadline counts with: the register's keeper.
  'calendar.configure': ['administrator'],
  // Sharing with MAPPA partners (issue 10): a share, a decision not to share, the owner's
  // permission, a withdrawal; importing a partner's exchange file; trusting partners' keys.
  'share.make': CASEWORK,
  'share.import': CASEWORK,
  'keys.manage': ['coordinator', 'administrator'],
  // MAPPA meetings (issue 11): arranging a meeting, its attendees and signatures in the room,
  // and the chair's permission for copies; taking part (papers, minutes, actions), where the
  // service also asks that the person is an attendee who signed the undertaking.
  'meeting.manage': ['coordinator', 'chair'],
  'meeting.attend': CASEWORK,
  'meetings.configure': ['coordinator', 'administrator'],
  'undertaking.edit': ['administrator'],
  // Disclosure to a third party (issue 12): preparing the decision record, recording the
  // outcome and giving the briefing is casework; approving it (or undoing an approval) is
  // the MAPPA chair's, the senior decision-maker (leaflet; procedures §18).
  'disclosure.prepare': CASEWORK,
  'disclosure.approve': ['chair'],
  // Subject access requests (issue 13): the information governance lead answers for the
  // office's own information, refers other agencies' items to their owners.
  'sar.manage': ['ig_lead'],
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
  'register.backup': 'Only an information governance lead or an administrator can make a backup: it is a copy of every agency’s information.',
  'calendar.configure': 'Only an administrator can change the list of extra bank holidays.',
  'share.make': 'Only agency representatives, MAPPA chairs and coordinators can share information or record decisions about sharing.',
  'share.import': 'Only agency representatives, MAPPA chairs and coordinators can import information from a partner’s exchange file.',
  'keys.manage': 'Only a MAPPA coordinator or an administrator can make this office’s keys or confirm a partner office’s key.',
  'meeting.manage': 'Only a MAPPA coordinator or chair can arrange meetings, record signatures in the room or record the chair’s permission for a copy.',
  'meeting.attend': 'Only agency representatives, MAPPA chairs and coordinators can take part in meetings through the register.',
  'meetings.configure': 'Only a MAPPA coordinator or an administrator can change how many working days the chair has to approve minutes.',
  'undertaking.edit': 'Only an administrator can change the confidentiality undertaking.',
  'disclosure.prepare': 'Only agency representatives, MAPPA chairs and coordinators can prepare a disclosure to a third party or record its outcome.',
  'disclosure.approve': 'Only a MAPPA chair can approve a disclosure to a third party.',
  'sar.manage': 'Only an information governance lead can handle subject access requests.',
} as const satisfies Record<Action, string>;

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/**
 * The one rule for administrator rights, the same in every channel and on every screen.
 * Administrator rights are the key slot's administrator flag: the only administrator the
 * vault (and the signed membership) knows. So managing users needs the flag, whatever the
 * role; and the role 'administrator' counts only for someone who holds the flag (the
 * service never gives the role without it, and a register made before this rule that
 * says otherwise gives that role nothing).
 */
export interface Holder {
  role: Role;
  /** The key slot's administrator flag. */
  administrator: boolean;
}

export function allows(holder: Holder, action: Action): boolean {
  if (action === 'user.manage') return holder.administrator;
  if (holder.role === 'administrator' && !holder.administrator) return false;
  return can(holder.role, action);
}

export function permissionsOf(holder: Holder): Action[] {
  return (Object.keys(PERMISSIONS) as Action[]).filter((action) => allows(holder, action));
}
