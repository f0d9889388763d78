// What a browser bundle may import: no node: modules, no node-postgres, no Refine (its data
// providers are in ./refine.ts). The console's embedded backend (PGlite in a Web Worker) and its
// Supabase backend are built from these and @fazhi/db/refine.
export type { Database, QueryResult, SqlExecutor, Statement } from './client.js';
export type { Json, SupabaseDatabase } from './database-types.generated.js';
export { DatabaseError, isDatabaseError, toDatabaseError } from './database-error.js';
export { carryErrorFields } from './worker-error-codec.js';
export { directCalls, serveDirectCalls, type DirectCalls, type MessagePortLike, type ServeOptions } from './direct-calls.js';
export { logPersonalDataAccess, logPersonalDataAccessRpc, type PersonalDataAccess } from './personal-data-access.js';
export { PgliteDatabase } from './pglite-database.js';
export { textParsers } from './value-parsers.js';
export { migrateModel, recordedModelSnapshot, type ModelMigrateResult } from './migrate-model.js';
export { upgradeDatabase, type LazyMigration, type UpgradeDatabaseInput, type UpgradeDatabaseResult } from './upgrade-database.js';
export { ModelMigrationRefused, type SchemaModel } from './generate/index.js';
export { appliedVersions, applyMigrations, type AppliedMigration, type ApplyMigrationsInput, type MigrateResult, type MigrationSource } from './migrations-core.js';
export { asAnon, asServiceRole, asUser, queriesAs, queryAs, runAs, type UserSession } from './session.js';
export { demoAccounts, demoPassword, type DemoAccount, type DemoMembership, type DemoRole } from './demo-accounts.js';
export {
  indicatorEvaluator,
  ledgerSpanOfRow,
  sqlEvaluator,
  type IndicatorFetchers,
  type IndicatorRow,
  type IndicatorRowsFetcher,
  type LedgerSpanFetcher,
  type SqlEvaluator,
  type SqlEvaluatorOptions,
} from './sql-evaluator.js';
export { AttachmentError, assertFileType, attachmentMaxBytes, type AttachmentErrorReason, type AttachmentListRef, type AttachmentStore, type StoredAttachment } from './attachments/attachment-store.js';
export { acceptedExtensions, acceptedFileTypesText, attachmentFileTypes, checkFileType, type AttachmentFileType } from './attachments/file-type.js';
export { sqlAttachmentStore, type SqlAttachmentStoreOptions } from './attachments/sql-attachment-store.js';
export { supabaseAttachmentStore, type SupabaseAttachmentStoreOptions } from './attachments/supabase-attachment-store.js';
export { duplicateKeyFromRow, sqlDuplicateKeySource, supabaseDuplicateKeySource, type DuplicateBusinessKey, type DuplicateKeySource } from './duplicate-keys.js';
export { importRows, onDuplicateChoices, type ImportSummary, type OnDuplicate } from './import-records.js';
export { importSummaryOf, sqlRecordImporter, supabaseRecordImporter, type RecordImporter } from './record-importer.js';
export type {
  ComparisonFigure,
  ComparisonRow,
  DistrictComparison,
  FigureWording,
  FrozenFigure,
  ReportContent,
  ReportStatus,
  ReportStore,
  ReportVersion,
  SavedTemplate,
  YearLock,
} from './report-store.js';
export { sqlReportStore, supabaseReportStore } from './report-stores.js';
export { defaultInvitationDays, sqlAccessStore, supabaseAccessStore } from './access-stores.js';
export { orgUnitFromRow, sqlOrgStore, supabaseOrgStore } from './org-stores.js';
export { orgSetupUnitsFromSheet, setUpOrganisation, type OrgSetup, type OrgSetupResult, type OrgSetupUnit } from './org-setup.js';
export type { AccessStore, Grant, Invitation, LocalAccounts, Member, MemberRole, NewOrgUnit, OrgKind, OrgStore, OrgUnitRow } from './access-store.js';
export { checkPassword, sqlLocalAccounts, type NamedLocalAccounts, type PasswordSignIn } from './local-accounts.js';
export { backupExtension, backupFileName, BackupFileError, backupMagic, readBackupFile, sha256Hex, writeBackupFile, type BackupManifest } from './backup-file.js';
// The whole-street copy (the console's 导出全部数据, read by `fazhi import --all --file`).
export { readDatabaseRecords } from './read-records.js';
export { readStreetCopy } from './street-copy/street-copy.js';
export { manifestFile, streetCopyFiles } from './street-copy/copy-files.js';
