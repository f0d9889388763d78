import type { RecordKindRegistry } from '@fazhi/domain';
import type { Catalog } from '@fazhi/metrics';
import { indicatorsMigrationSql } from './indicators-migration.js';
import { personalFieldsMigrationSql } from './personal-fields-migration.js';
import { recordRulesMigrationSql } from './record-rules-migration.js';
import { recordsMigrationSql } from './records-migration.js';

export { kindRulesSql } from './record-rules-migration.js';
export { databaseTypesFile, databaseTypesSource, supabaseDatabaseTypes } from './database-types.js';

/** Migration files derived from code; a test fails when the committed files differ. */
export const recordsMigrationFile = '20261128000100_records.sql';
export const indicatorsMigrationFile = '20261128000300_indicators.sql';
export const personalFieldsMigrationFile = '20261204000110_personal_fields.sql';
export const recordRulesMigrationFile = '20261204000200_record_rules.sql';

export function generatedMigrations(registry: RecordKindRegistry, catalog: Catalog): { file: string; sql: string }[] {
  return [
    { file: recordsMigrationFile, sql: recordsMigrationSql(registry) },
    { file: indicatorsMigrationFile, sql: indicatorsMigrationSql(catalog, registry) },
    { file: personalFieldsMigrationFile, sql: personalFieldsMigrationSql(registry) },
    { file: recordRulesMigrationFile, sql: recordRulesMigrationSql(registry) },
  ];
}
