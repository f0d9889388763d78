import { existsSync, readFileSync } from 'node:fs';
import { fileStamp, type ResultFile, type Stamp, type StampedTarget } from './result-file.js';
import { issueTargets, met, target } from './targets.js';

/**
 * Every target of issue 15 from the result files the benchmarks wrote, each with the file, the
 * date and the load average it was measured under (a partial run leaves older parts in place, so
 * targets of one file may come from different runs).
 */
export interface SummaryRow extends StampedTarget {
  /** The result file it was read from; empty when no file has it. */
  from: string;
}

export interface SummarySource {
  file: string;
  results: ResultFile | null;
  /** Targets of a file that has no `targets` list (the console's), from its fields. */
  fallback?: (r: ResultFile) => StampedTarget[];
}

/** A result file for the summary: null when absent; an unreadable one is named and skipped (it is not moved: the writers do that). */
export function readForSummary(file: string, warn: (message: string) => void = console.warn): ResultFile | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ResultFile;
  } catch (e) {
    warn(`结果文件 ${file} 无法读取（${e instanceof Error ? e.message : String(e)}），其中的目标按未测列出`);
    return null;
  }
}

/** The console's fields (apps/console/bench/run.ts) as targets, each stamped when its fields were measured. */
export function consoleTargets(r: ResultFile): StampedTarget[] {
  const median = (key: string) => {
    const m = (r[key] as { median?: number | null } | undefined)?.median;
    return typeof m === 'number' ? m : null;
  };
  /** The oldest stamp of the fields that gave a number: a figure is as old as its oldest part. */
  const stampOf = (keys: string[]): Partial<Stamp> => {
    const stamps = keys.map((k) => r.measured?.[k]).filter((s): s is Stamp => Boolean(s));
    if (!stamps.length) return fileStamp(r) ?? {};
    return stamps.reduce((a, b) => (b.at < a.at ? b : a));
  };
  const from = (t: Parameters<typeof target>[0], keys: string[], note?: string): StampedTarget => {
    const found = keys.filter((k) => median(k) !== null);
    const result = found.length ? Math.max(...found.map((k) => median(k)!)) : null;
    const stamp = result === null ? {} : stampOf(found);
    return { ...target(t, result, note), ...(stamp.at ? { measuredAt: stamp.at } : {}), ...(stamp.loadAverage ? { loadAverage: stamp.loadAverage } : {}) };
  };
  const signIn = (r.signInRoute as { initialJsGzipKB?: number } | undefined)?.initialJsGzipKB ?? null;
  const signInStamp = signIn === null ? {} : stampOf(['signInRoute']);
  return [
    from(issueTargets.laterVisit, ['laterVisitMs']),
    from(issueTargets.laterVisitConfirmed, ['laterVisitConfirmedMs']),
    from(issueTargets.settledVisitConfirmed, ['settledVisitConfirmedMs']),
    from(issueTargets.settledVisitComputed, ['settledVisitComputedMs']),
    from(issueTargets.firstVisit, ['firstVisitMs']),
    from(issueTargets.firstVisitBytes, ['firstVisitTransferMB']),
    from(issueTargets.listRerender, ['listFilterMs', 'listSortMs', 'listPageMs'], '筛选、排序与翻页中最慢者'),
    from(issueTargets.switchUnitYear, ['yearSwitchMs', 'unitSwitchMs'], '切换年度与切换单位中较慢者'),
    from(issueTargets.reportDraft, ['reportDraftMs']),
    { ...target(issueTargets.signInJs, signIn), ...(signInStamp.at ? { measuredAt: signInStamp.at } : {}), ...(signInStamp.loadAverage ? { loadAverage: signInStamp.loadAverage } : {}) },
  ];
}

/** Every target of the issue in the order of `issueTargets`, the last source that measured it winning. */
export function summaryRows(sources: readonly SummarySource[]): SummaryRow[] {
  const measured = new Map<string, SummaryRow>();
  for (const { file, results, fallback } of sources) {
    if (!results) continue;
    const list = results.targets ?? fallback?.(results) ?? [];
    const whole: Partial<Stamp> = fileStamp(results) ?? {};
    for (const t of list) {
      if (t.result === null && measured.has(t.id)) continue;
      measured.set(t.id, {
        ...t,
        from: file,
        ...(t.result !== null && !t.measuredAt && whole.at ? { measuredAt: whole.at } : {}),
        ...(t.result !== null && !t.loadAverage && whole.loadAverage?.length ? { loadAverage: whole.loadAverage } : {}),
      });
    }
  }
  return Object.values(issueTargets).map((t) => measured.get(t.id) ?? { ...target(t, null, '尚未测量（对应的基准没有结果文件）'), from: '' });
}

export const status = (t: StampedTarget) => (met(t) === null ? '未测' : met(t) ? '达标' : '未达标');
const fmt = (n: number | null) => (n === null ? '—' : n >= 100_000 ? n.toLocaleString('en-US') : String(n));
/** 2026-12-05T13:33:58.766Z → 2026-12-05 13:33 UTC */
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** When and under what load a row was measured, and whether a later run could not measure it. */
export function provenance(t: SummaryRow): string {
  if (t.result === null) return '';
  const parts = [`测于 ${t.measuredAt ? when(t.measuredAt) : '（日期不详）'}`];
  if (t.loadAverage?.length) parts.push(`负载 ${t.loadAverage.join(' / ')}`);
  if (t.lastUnmeasured) parts.push(`此后 ${when(t.lastUnmeasured.at)} 的运行未测得${t.lastUnmeasured.note ? `：${t.lastUnmeasured.note}` : ''}`);
  return `（${parts.join('，')}）`;
}

export function summaryLine(t: SummaryRow): string {
  return `[${status(t)}] ${t.label}：${fmt(t.result)} ${t.unit}（目标 ${t.kind === 'max' ? '≤' : '≥'} ${fmt(t.target)}）${t.note ? `  ${t.note}` : ''}${provenance(t)}`;
}
