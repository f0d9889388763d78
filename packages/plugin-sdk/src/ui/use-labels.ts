import { useTranslate, useGetLocale } from '@refinedev/core';
import { createElement, useMemo, type ReactNode } from 'react';
import { messages, messagesEn, optionLabel, type FieldDef, type RecordKind, type Workflow } from '@fazhi/domain';
import { formatChange, formatValue, type Indicator, type IndicatorComparison, type ValueType } from '@fazhi/metrics';
import { unitsEn } from '../english.js';
import { formatChangeEn, formatValueEn } from './dashboard/figures-en.js';

const reasonKeys = {
  no_previous_data: 'fazhi.dashboard.noPreviousData',
  incomplete: 'fazhi.dashboard.incomplete',
  not_started: 'fazhi.dashboard.notStarted',
} as const;

/**
 * The one place pages turn metadata into words: UI strings through Refine's `useTranslate`, and
 * every declared text (kinds, fields, options, plugins, sections, steps, indicators, units) in the
 * current language: zh-CN, or its English twin (`labelEn`, `titleEn` …) when English is chosen and
 * the declaration gives one.
 */
export function useLabels() {
  const t = useTranslate();
  const locale = useGetLocale()();
  const english = locale === 'en';
  // Memoised: tables take `labels` into their column definitions, and a new object each render
  // would re-render every cell.
  return useMemo(() => {
    /** A declared Chinese text and its English twin. */
    const text = (zh: string, en: string | undefined) => (english && en ? en : zh);
    const label = (d: { label: string; labelEn?: string | undefined }) => text(d.label, d.labelEn);
    const value = (v: number | null, valueType: ValueType | 'percent', unit: string, decimals: number) =>
      english ? formatValueEn(v, valueType, unit, decimals) : formatValue(v, valueType, unit, decimals);
    return {
      t,
      locale,
      english,
      text,
      /** Validation messages of the kind's schema in the page's language (forms and step dialogs). */
      validation: english ? messagesEn : messages,
      field: (f: Pick<FieldDef, 'label' | 'labelEn'>) => label(f),
      kind: (k: Pick<RecordKind, 'label' | 'labelEn'>) => label(k),
      /** A plugin, indicator, measure, attachment slot, roster column … : anything with `label`/`labelEn`. */
      label,
      option: (f: FieldDef, value: string) => {
        if (f.type !== 'enum' && f.type !== 'enum-set') return value;
        const o = f.options.find((x) => x.value === value);
        return english && o?.labelEn ? o.labelEn : optionLabel(f, value);
      },
      description: (f: Pick<FieldDef, 'description' | 'descriptionEn'>) => (f.description === undefined ? undefined : text(f.description, f.descriptionEn)),
      /** A unit after a number: 人 in Chinese, `people` in English (nothing for measure words English does without). */
      unit: (u: string) => (english ? (unitsEn[u] ?? u) : u),
      /**
       * A workflow step's name. Steps are stored by their Chinese label (`record_steps.label`), so
       * English finds the declared step of that label in the workflow.
       */
      step: (workflow: Pick<Workflow, 'transitions'> | undefined, zh: string) => (english ? (workflow?.transitions.find((s) => s.label === zh)?.labelEn ?? zh) : zh),
      value,
      figure: (i: Indicator, v: number | null) => value(v, i.valueType, i.unit, i.decimals),
      /** 同比: the change, or why there is none. */
      change: (c: IndicatorComparison) => (c.basis.comparable ? (english ? formatChangeEn(c) : formatChange(c)) : t(reasonKeys[c.basis.reason])),
      /** Items of a list in one line: 、 in Chinese, commas in English. */
      join: (items: readonly string[]) => items.join(english ? ', ' : '、'),
      /**
       * `t` with record data among its parameters (a unit's name, a value a clerk typed): the
       * sentence is the page's words, those values come back marked `data-record`.
       */
      withData: (key: string, params: Record<string, unknown>, data: Record<string, string>): ReactNode[] => {
        const names = Object.keys(data);
        const marks = Object.fromEntries(names.map((n, i) => [n, `\uE000${i}\uE000`]));
        return t(key, { ...params, ...marks })
          .split(/\uE000(\d+)\uE000/)
          .map((part, i) => (i % 2 ? createElement('span', { key: i, 'data-record': '' }, data[names[Number(part)]!]) : part));
      },
      /** `text（note）`, with the parentheses of the language. */
      note: (main: string, note: string) => (english ? `${main} (${note})` : `${main}（${note}）`),
    };
  }, [t, locale, english]);
}

export type Labels = ReturnType<typeof useLabels>;
