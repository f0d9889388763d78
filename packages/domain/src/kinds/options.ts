import type { EnumOption } from '../fields.js';

/** Compact enum declaration: `options(['success', '成功', 'Successful'], …)`, keeping value literals typed. */
export function options<const T extends readonly (readonly [string, string, string?])[]>(
  ...entries: T
): { readonly [I in keyof T]: EnumOption<T[I][0]> } {
  return entries.map(([value, label, labelEn]) => (labelEn ? { value, label, labelEn } : { value, label })) as never;
}
