// Every kind of act the audit log records. Shared so the review screen can filter by them.

export const AUDIT_ACTIONS = [
  // the register itself
  'unlock',
  'failed_unlock', // recorded at the next successful unlock, with the count
  'lock',
  'auto_lock',
  'key_change', // passphrase change, key slot added or removed
  'backup',
  'restore',
  'settings_change',
  // subjects and items
  'subject_view',
  'subject_search', // the query and the subjects it returned (see src/main/audit/reads.ts)
  'subject_list', // a list of subjects: reviews due, items due for a retention review
  'item_history', // an item's earlier versions
  'subject_create',
  'subject_edit',
  'subject_delete',
  'item_create',
  'item_edit',
  'item_delete',
  // offices and users
  'office_create',
  'office_edit',
  'user_create',
  'user_edit',
  'user_remove',
  'role_escalation', // a user given the IG lead or administrator role, or administrator rights: an alert
  'role_escalation_close',
  // information leaving or entering the register
  'share', // a share confirmed and its exchange file made
  'share_declined',
  'share_draft', // a step of the share wizard: started, fields chosen, details, an answer, a field removed, discarded
  'share_view', // a share read with the values of its fields
  'share_withdraw',
  'owner_permission', // the owner's permission to share an item on: asked for, or answered
  'office_keys', // this office's keys for sharing made
  'partner_key', // a partner office's key confirmed by its fingerprint
  'disclosure_step', // a step of a draft disclosure to a third party, or an approval undone
  'disclosure_view', // a disclosure opened, with its fields
  'disclosure_approve',
  'disclosure_made', // the outcome of a disclosure recorded: made, when, the recipients' undertakings
  'disclosure_withdraw',
  'disclosure_addendum', // a correction added to a disclosure made or withdrawn
  'disclosure_briefing', // a recipient's briefing made (recorded before its file exists)
  'meeting_signature',
  'minutes_copy',
  // MAPPA meetings (issue 11): reads of papers and minutes are acts too
  'meeting_create',
  'meeting_edit', // a subject or attendee added, attendance recorded
  'meeting_view', // a meeting's page: who attends, which subjects
  'undertaking_version', // the confidentiality undertaking's text changed
  'paper_add',
  'paper_view',
  'paper_edit', // a paper's next version, by its writer or the coordinator or minute-taker
  'paper_withdraw',
  'minutes_edit', // minutes started or edited, sent to the chair, amended by the chair
  'minutes_view',
  'minutes_approval', // the chair confirmed the minutes as final
  'copy_permission', // the chair's permission for a copy of the minutes
  'action_status',
  'sar_step',
  'export',
  'import',
  // retention
  'retention_rule',
  'retention_decision',
  // declared associations (APP counter-corruption)
  'association_declare',
  'association_withdraw',
  'association_alert',
  'association_alert_close',
  'association_exception',
  // the audit trail itself
  'audit_export',
  'audit_verify',
  'audit_receipt', // the IG lead recorded the audit head to keep outside the register
  'rollback_accepted', // an administrator opened a copy older than one this computer had seen
] as const;

export const AUDIT_ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  unlock: 'Unlocked the register',
  failed_unlock: 'Failed unlock attempts',
  lock: 'Locked the register',
  auto_lock: 'Register locked automatically',
  key_change: 'Passphrase or key slot change',
  backup: 'Backup made',
  restore: 'Register restored',
  settings_change: 'Setting changed',
  subject_view: 'Opened a subject',
  subject_search: 'Searched for subjects',
  subject_list: 'Listed subjects',
  item_history: 'Read an item’s earlier versions',
  subject_create: 'Added a subject',
  subject_edit: 'Edited a subject',
  subject_delete: 'Deleted a subject',
  item_create: 'Added information',
  item_edit: 'Edited information',
  item_delete: 'Deleted information',
  office_create: 'Added an office',
  office_edit: 'Edited an office',
  user_create: 'Added a user',
  user_edit: 'Changed a user',
  user_remove: 'Removed a user',
  role_escalation: 'Given more rights',
  audit_receipt: 'Made an audit receipt',
  rollback_accepted: 'Opened an older copy of the register',
  role_escalation_close: 'Closed an alert about more rights',
  share: 'Shared information',
  share_declined: 'Decided not to share',
  share_draft: 'Worked on a share',
  share_view: 'Read a share',
  share_withdraw: 'Withdrew a share',
  owner_permission: 'Owner’s permission asked for or recorded',
  office_keys: 'Made this office’s keys',
  partner_key: 'Confirmed a partner office’s key',
  disclosure_step: 'Worked on a disclosure',
  disclosure_view: 'Read a disclosure',
  disclosure_approve: 'Approved a disclosure',
  disclosure_made: 'Recorded a disclosure as made',
  disclosure_withdraw: 'Withdrew a disclosure',
  disclosure_addendum: 'Added an addendum to a disclosure',
  disclosure_briefing: 'Made a disclosure briefing',
  meeting_signature: 'Signed a confidentiality undertaking',
  minutes_copy: 'Copied minutes',
  meeting_create: 'Arranged a meeting',
  meeting_edit: 'Changed a meeting',
  meeting_view: 'Opened a meeting',
  undertaking_version: 'Changed the confidentiality undertaking',
  paper_add: 'Added a paper for a meeting',
  paper_view: 'Read a meeting paper',
  paper_edit: 'Changed a meeting paper',
  paper_withdraw: 'Withdrew a meeting paper',
  minutes_edit: 'Worked on minutes',
  minutes_view: 'Read minutes',
  minutes_approval: 'Chair confirmed minutes',
  copy_permission: 'Chair’s permission for a copy recorded',
  action_status: 'Changed an action’s status',
  sar_step: 'Subject access request step',
  export: 'Exported',
  import: 'Imported',
  retention_rule: 'Set a retention rule',
  retention_decision: 'Retention decision',
  association_declare: 'Declared an association',
  association_withdraw: 'Withdrew an association',
  association_alert: 'Stopped by a declared association',
  association_alert_close: 'Closed an association alert',
  association_exception: 'Granted an association exception',
  audit_export: 'Exported the audit log',
  audit_verify: 'Checked the audit chain',
};
