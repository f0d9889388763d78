import { useTranslate, useGetLocale } from '@refinedev/core';
import { useMemo } from 'react';
import { optionLabel, type FieldDef, type RecordKind } from '@fazhi/domain';

/**
 * The one place pages turn metadata into words: UI strings through Refine's `useTranslate`, field
 * and option labels from the kind's metadata in the current language (zh-CN unless `labelEn`
 * exists and English is chosen).
 */
export function useLabels() {
  const t = useTranslate();
  const locale = useGetLocale()();
  const english = locale === 'en';
  // Memoised: tables take `labels` into their column definitions, and a new object each render
  // would re-render every cell.
  return useMemo(() => ({
    t,
    locale,
    field: (f: Pick<FieldDef, 'label' | 'labelEn'>) => (english && f.labelEn ? f.labelEn : f.label),
    kind: (k: Pick<RecordKind, 'label' | 'labelEn'>) => (english && k.labelEn ? k.labelEn : k.label),
    option: (f: FieldDef, value: string) => {
      if (f.type !== 'enum' && f.type !== 'enum-set') return value;
      const o = f.options.find((x) => x.value === value);
      return english && o?.labelEn ? o.labelEn : optionLabel(f, value);
    },
  }), [t, locale, english]);
}

export type Labels = ReturnType<typeof useLabels>;
