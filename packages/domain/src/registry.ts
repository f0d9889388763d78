import type { RecordKind } from './record-kind.js';

/**
 * The set of record kinds an application knows. Built-in kinds come from this package; a
 * third-party work area registers its own with `register` (ids must be unique).
 */
export class RecordKindRegistry {
  private readonly kinds = new Map<string, RecordKind>();

  constructor(kinds: Iterable<RecordKind> = []) {
    for (const k of kinds) this.register(k);
  }

  register(kind: RecordKind): this {
    if (this.kinds.has(kind.id)) throw new Error(`记录类型“${kind.id}”已注册，不能重复注册`);
    this.kinds.set(kind.id, kind);
    return this;
  }

  has(id: string): boolean {
    return this.kinds.has(id);
  }

  get(id: string): RecordKind {
    const k = this.kinds.get(id);
    if (!k) throw new Error(`未知的记录类型“${id}”`);
    return k;
  }

  list(): RecordKind[] {
    return [...this.kinds.values()];
  }

  byArea(area: string): RecordKind[] {
    return this.list().filter((k) => k.area === area);
  }
}
