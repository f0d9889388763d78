import { RecordKindRegistry, type RecordKind } from '@fazhi/domain';
import type { Catalog } from '@fazhi/metrics';
import { sha256Hex } from './sha256.js';

/**
 * What the database schema is generated from: the record kinds and the metrics catalog, both plain
 * data. A snapshot of them is kept beside the migrations (`supabase/model-snapshot.json`) and in
 * the database (`private.model_snapshot`), so the next change is generated as a diff against what
 * was applied rather than by rewriting applied migrations.
 */
export const modelSnapshotVersion = 1;

export interface ModelSnapshot {
  version: typeof modelSnapshotVersion;
  kinds: RecordKind[];
  catalog: Catalog;
}

/** The parts of a composed model (`FazhiModel` of @fazhi/model) the schema depends on. */
export interface SchemaModel {
  registry: RecordKindRegistry;
  catalog: Catalog;
}

/** Sorted keys, no undefined: the same model always gives the same text, whatever its declaration order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function modelSnapshot(model: SchemaModel | ModelSnapshot): ModelSnapshot {
  if (!('registry' in model)) return model;
  return canonical({ version: modelSnapshotVersion, kinds: model.registry.list(), catalog: model.catalog }) as ModelSnapshot;
}

/** The snapshot as the file and the database keep it (two-space JSON, sorted keys, final newline). */
export function snapshotJson(snapshot: ModelSnapshot): string {
  return `${JSON.stringify(canonical(snapshot), null, 2)}\n`;
}

/** Stable identity of a snapshot: sha256 of its canonical compact JSON. */
export function snapshotHash(snapshot: ModelSnapshot): string {
  return sha256Hex(JSON.stringify(canonical(snapshot)));
}

export function snapshotRegistry(snapshot: ModelSnapshot): RecordKindRegistry {
  return new RecordKindRegistry(snapshot.kinds);
}

/** Reads a snapshot (parsed JSON or its text), refusing anything else in Chinese, naming `where`. */
export function parseModelSnapshot(value: unknown, where: string): ModelSnapshot {
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch (e) {
      throw new Error(`${where}不是有效的 JSON：${(e as Error).message}`, { cause: e });
    }
  }
  const s = data as Partial<ModelSnapshot> | null;
  if (!s || typeof s !== 'object') throw new Error(`${where}不是模型快照（应为对象）`);
  if (s.version !== modelSnapshotVersion) throw new Error(`${where}的版本为 ${String(s.version)}，本版本 fazhi 只认识版本 ${modelSnapshotVersion}`);
  if (!Array.isArray(s.kinds) || s.kinds.some((k) => !k || typeof k.id !== 'string' || !Array.isArray(k.fields))) {
    throw new Error(`${where}的 kinds 应为记录类型的数组（每项有 id 和 fields）`);
  }
  if (!s.catalog || !Array.isArray(s.catalog.measures) || !Array.isArray(s.catalog.indicators)) {
    throw new Error(`${where}的 catalog 应有 measures 和 indicators 两个数组`);
  }
  return canonical(s) as ModelSnapshot;
}
