export type { Database, QueryResult, SqlExecutor, Statement } from './client.js';
export { DatabaseError, isDatabaseError, toDatabaseError } from './database-error.js';
export { databaseUrlHint, openDatabase, parseDatabaseUrl, redactUrl, type DatabaseLocation } from './open-database.js';
export { openPglite, PgliteDatabase, type PgliteOpenOptions } from './pglite-database.js';
// node-postgres is loaded on demand by openDatabase; only its types are exported here.
export type { PostgresDatabase, PostgresOpenOptions } from './postgres-database.js';
export { appliedVersions, applyMigrations, migrate, type AppliedMigration, type ApplyMigrationsInput, type MigrateOptions, type MigrateResult, type MigrationSource } from './migrate.js';
export { defaultMigrationsDir, defaultShimFile } from './package-paths.js';
export { splitStatements } from './split-statements.js';
export { asAnon, asServiceRole, asUser, queriesAs, queryAs, runAs, type UserSession } from './session.js';
export { rebuildMeasureMonths } from './measure-months.js';
export { assertNoOrgUnits, insertDataset, insertDatasetIn, insertDatasetWithDemoUsers, seedDataset, type SeedOptions, type SeedResult, type SeedWithDemoUsersResult } from './seed.js';
export { demoAccounts, demoOrgsOf, demoPassword, insertDemoUsers, seedDemoUsers, type DemoAccount, type DemoMembership, type DemoOrgs, type DemoRole } from './demo-users.js';
export { readDatabaseRecords, type DatabaseRecords } from './read-records.js';
export { insertOrder, recordColumns, recordFromRow, recordRow, uuidFor } from './record-rows.js';
export { datasetAsOf } from './dataset-as-of.js';
export { seedSql, sqlLiteral, type SeedSqlOptions } from './seed-sql.js';
export { databaseTypesSource, generatedMigrations, indicatorsMigrationFile, kindRulesSql, recordRulesMigrationFile, recordsMigrationFile, supabaseDatabaseTypes } from './generate/index.js';
export type { Json, SupabaseDatabase } from './database-types.generated.js';
export {
  modelMigrationPlan,
  modelMigrationSql,
  ModelMigrationRefused,
  modelSnapshot,
  modelSnapshotVersion,
  parseModelSnapshot,
  releaseSnapshot,
  snapshotHash,
  snapshotJson,
  type ModelMigrationPlan,
  type ModelSnapshot,
  type SchemaModel,
} from './generate/index.js';
export { migrateModel, recordedModelSnapshot, type ModelMigrateResult } from './migrate-model.js';
export { upgradeDatabase, type LazyMigration, type UpgradeDatabaseInput, type UpgradeDatabaseResult } from './upgrade-database.js';
export { generateModelMigration, modelSnapshotFile, type GenerateModelMigrationOptions, type GeneratedModelMigration } from './generate-model-migration.js';
export { importRecords, importRowOf, importRows, onDuplicateChoices, type ImportSummary, type OnDuplicate } from './import-records.js';
export { importSummaryOf, sqlRecordImporter, supabaseRecordImporter, type RecordImporter } from './record-importer.js';
export { duplicateKeyFromRow, sqlDuplicateKeySource, supabaseDuplicateKeySource, type DuplicateBusinessKey, type DuplicateKeySource } from './duplicate-keys.js';
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
export {
  assertNoUsers,
  attachmentFilesDir,
  ledgerRowsFile,
  readStreetCopy,
  stampColumns,
  streetCopyFormat,
  streetCopyParts,
  StreetCopyRefused,
  writeStreetAccounts,
  writeStreetCopy,
  type LedgerRowsPart,
  type StreetCopy,
  type StreetCopyPart,
  type StreetCopyPartName,
  type WriteStreetCopyResult,
} from './street-copy/street-copy.js';
export type { TableRow } from './street-copy/table-rows.js';
export { manifestFile, streetCopyFiles, type CopyManifest, type ManifestEntry } from './street-copy/copy-files.js';
export { backupExtension, backupFileName, BackupFileError, backupMagic, readBackupFile, sha256Hex, writeBackupFile, type BackupManifest } from './backup-file.js';
