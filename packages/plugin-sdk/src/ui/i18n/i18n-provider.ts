import type { I18nProvider } from '@refinedev/core';
import type { WorkAreaPlugin } from '../../plugin.js';
import { en } from './en.js';
import { zhCN, type Dictionary } from './zh-cn.js';

export type Locale = 'zh-CN' | 'en';

type Flat = Record<string, string>;

function flatten(obj: object, prefix = '', out: Flat = {}): Flat {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else if (v && typeof v === 'object') flatten(v, key, out);
  }
  return out;
}

/** `{{name}}` placeholders; unknown ones stay visible so a missing parameter is noticed. */
export function interpolate(text: string, params: Record<string, unknown> | undefined): string {
  if (!params) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}

export const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };

/** Every key of the SDK's dictionaries, flattened (`fazhi.list.masked` …). */
export const flatDictionary = (locale: Locale): Flat => flatten(dictionaries[locale]);

export interface I18nOptions {
  plugins?: readonly WorkAreaPlugin[];
  locale?: Locale;
  /** Extra strings of the console itself, per language, flattened or nested. */
  messages?: Partial<Record<Locale, object>>;
  onLocaleChange?: (locale: Locale) => void;
}

/**
 * Refine's `i18nProvider` with the SDK's dictionaries, the console's extra strings and each
 * plugin's `messages` under `plugins.<id>.`. zh-CN is the default and the fallback for keys a
 * second language lacks.
 */
export function createI18nProvider(opts: I18nOptions = {}): I18nProvider & { locale(): Locale } {
  const tables = {} as Record<Locale, Flat>;
  for (const locale of Object.keys(dictionaries) as Locale[]) {
    const t = flatDictionary(locale);
    Object.assign(t, flatten(opts.messages?.[locale] ?? {}));
    for (const p of opts.plugins ?? []) {
      Object.assign(t, flatten(p.messages?.[locale] ?? {}, `plugins.${p.id}`));
      // Refine's notifications name a resource by `<name>.<name>` (已新建{{resource}}): the kind's label, never its id.
      for (const { kind } of p.resources) t[`${kind.id}.${kind.id}`] = locale === 'en' ? (kind.labelEn ?? kind.label) : kind.label;
    }
    tables[locale] = t;
  }
  let current: Locale = opts.locale ?? 'zh-CN';
  return {
    translate: (key: string, options?: unknown, defaultMessage?: string) => {
      // Refine calls both translate(key, defaultMessage) and translate(key, params, defaultMessage).
      const params = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : undefined;
      const fallback = typeof options === 'string' ? options : defaultMessage;
      // Own keys only: a key such as `constructor` must not find Object.prototype's.
      const own = (t: Flat) => (Object.hasOwn(t, key) ? t[key] : undefined);
      const text = own(tables[current]) ?? own(tables['zh-CN']) ?? fallback ?? key;
      return interpolate(text, params);
    },
    changeLocale: (locale: string) => {
      if (locale !== 'zh-CN' && locale !== 'en') throw new Error(`不支持的语言“${locale}”`);
      current = locale;
      opts.onLocaleChange?.(locale);
    },
    getLocale: () => current,
    locale: () => current,
  };
}
