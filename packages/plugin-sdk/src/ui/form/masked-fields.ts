import type { RecordKind } from '@fazhi/domain';

/**
 * The personal fields of `record` that reached the form masked: the user lacks the personal-data
 * right on the record's org (the same grant the database's view masks by, `hasRight(…,
 * 'personal', …)`), and the field has a value. Empty ones hide nothing and stay editable.
 */
export function maskedFieldKeys(kind: RecordKind, record: Record<string, unknown> | undefined, canSeePersonal: boolean): ReadonlySet<string> {
  if (!record || canSeePersonal) return new Set();
  return new Set(kind.fields.filter((f) => f.personal && record[f.key] !== null && record[f.key] !== undefined && record[f.key] !== '').map((f) => f.key));
}

/**
 * An update's variables without the masked fields the user kept: not sent at all, so the
 * database keeps the real value (and its guard against masked overwrites is never reached).
 */
export function withoutKeptMasks(variables: Record<string, unknown>, masked: ReadonlySet<string>, replacing: ReadonlySet<string>): Record<string, unknown> {
  const out = { ...variables };
  for (const key of masked) if (!replacing.has(key)) delete out[key];
  return out;
}
