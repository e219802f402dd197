// The audit capability: the hash-chained log, its review and export, declared
// associations and the reasons users give for opening a record.
export * from './types';
export { canonicalJson, sha256Hex, type CanonicalValue } from './canonical';
export { appendAudit, actorFor, entryHash, GENESIS_HASH, lastAuditRecord, readAuditRecords, toEntry } from './log';
export { unlockEntries, lockEntry, auditExportEntry } from './registerEvents';
export { viewSubject, accessReasonFor } from './subjectView';
export { readEntries } from './reads';
export { verifyAuditChain, verifyAuditRecords, type ChainVerdict } from './verify';
export { queryAudit, findPatterns, type AuditFilter, type AuditPage, type ViewPattern } from './review';
export { auditCsv, auditPdf, type ExportContext } from './export';
export {
  declareAssociation,
  withdrawAssociation,
  listAssociations,
  matchAssociation,
  matchableSubject,
  checkSubjectAccess,
  recordAssociationAlert,
  hasOpenAlert,
  openAlertsFor,
  closeAlert,
  grantException,
  listAlerts,
  type AssociationDeclaration,
  type AssociationAlert,
  type AssociationException,
  type MatchableSubject,
  type SubjectAccess,
} from './associations';
export {
  ACCESS_REASONS,
  ACCESS_REASON_CODES,
  accessReasonSchema,
  accessReasonsRequired,
  setAccessReasonsRequired,
  describeAccessReason,
  type AccessReason,
  type AccessReasonCode,
} from './accessReasons';
