import type { RecordKindRegistry } from '@fazhi/domain';
import type { Catalog } from '@fazhi/metrics';
import { indicatorsMigrationSql } from './indicators-migration.js';
import { personalFieldsMigrationSql } from './personal-fields-migration.js';
import { recordRulesMigrationSql } from './record-rules-migration.js';
import { recordsMigrationSql } from './records-migration.js';
import { releaseRegistry, releaseSnapshot } from './release-snapshot.js';

export { kindRulesSql } from './record-rules-migration.js';
export { modelMigrationSql, modelMigrationPlan, ModelMigrationRefused, type ModelMigrationPlan } from './model-migration.js';
export { modelSnapshot, modelSnapshotVersion, parseModelSnapshot, snapshotHash, snapshotJson, snapshotRegistry, type ModelSnapshot, type SchemaModel } from './model-snapshot.js';
export { releaseSnapshot } from './release-snapshot.js';

/** The released migration files derived from code (frozen, see release-snapshot.ts). */
export const recordsMigrationFile = '20261128000100_records.sql';
export const indicatorsMigrationFile = '20261128000300_indicators.sql';
export const personalFieldsMigrationFile = '20261204000110_personal_fields.sql';
export const recordRulesMigrationFile = '20261204000200_record_rules.sql';

/** The four generated migrations for a registry and catalog, as the first release generated them. */
export function generatedMigrations(registry: RecordKindRegistry, catalog: Catalog): { file: string; sql: string }[] {
  return [
    { file: recordsMigrationFile, sql: recordsMigrationSql(registry, catalog) },
    { file: indicatorsMigrationFile, sql: indicatorsMigrationSql(catalog, registry) },
    { file: personalFieldsMigrationFile, sql: personalFieldsMigrationSql(registry) },
    { file: recordRulesMigrationFile, sql: recordRulesMigrationSql(registry) },
  ];
}

/** The released generated migrations, from the frozen release snapshot: a test keeps them byte-identical. */
export function releasedGeneratedMigrations(): { file: string; sql: string }[] {
  return generatedMigrations(releaseRegistry(), releaseSnapshot.catalog);
}
