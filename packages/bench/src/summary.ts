/**
 * Every target of issue 15 with its latest result, met or missed: read from the result files the
 * benchmarks wrote (this package's, and the console's apps/console/bench-results.json when it
 * exists), printed as one table and written to bench-results-summary.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { issueTargets, met, target, type TargetResult } from './targets.js';

const here = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));
const consoleFile = fileURLToPath(new URL('../../../apps/console/bench-results.json', import.meta.url));
const summaryFile = here('bench-results-summary.json');

type Results = { targets?: TargetResult[]; date?: string } & Record<string, unknown>;
const read = (file: string): Results | null => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results) : null);

/** A console result file without a `targets` list (apps/console/bench/run.ts's format): its fields. */
function consoleTargets(r: Results): TargetResult[] {
  const median = (key: string) => ((r[key] as { median?: number | null } | undefined)?.median ?? null);
  /** The slowest of several medians (any measured), or null when none was. */
  const slowest = (...keys: string[]) => {
    const found = keys.map(median).filter((n): n is number => typeof n === 'number');
    return found.length ? Math.max(...found) : null;
  };
  const signIn = (r.signInRoute as { initialJsGzipKB?: number } | undefined)?.initialJsGzipKB ?? null;
  return [
    target(issueTargets.laterVisit, median('laterVisitMs')),
    target(issueTargets.laterVisitConfirmed, median('laterVisitConfirmedMs')),
    target(issueTargets.firstVisit, median('firstVisitMs')),
    target(issueTargets.firstVisitBytes, median('firstVisitTransferMB')),
    target(issueTargets.listRerender, slowest('listFilterMs', 'listSortMs', 'listPageMs'), '筛选、排序与翻页中最慢者'),
    target(issueTargets.switchUnitYear, slowest('yearSwitchMs', 'unitSwitchMs'), '切换年度与切换单位中较慢者'),
    target(issueTargets.reportDraft, median('reportDraftMs')),
    target(issueTargets.signInJs, signIn),
  ];
}

const sources: { file: string; results: Results | null; fallback?: (r: Results) => TargetResult[] }[] = [
  { file: consoleFile, results: read(consoleFile), fallback: consoleTargets },
  { file: here('bench-results-cli.json'), results: read(here('bench-results-cli.json')) },
  { file: here('bench-results.json'), results: read(here('bench-results.json')) },
  { file: here('bench-results-scale.json'), results: read(here('bench-results-scale.json')) },
];

const measured = new Map<string, TargetResult & { from: string; date?: string }>();
for (const { file, results, fallback } of sources) {
  if (!results) continue;
  const list = results.targets ?? fallback?.(results) ?? [];
  for (const t of list) measured.set(t.id, { ...t, from: file, ...(results.date ? { date: results.date } : {}) });
}

const rows = Object.values(issueTargets).map((t) => measured.get(t.id) ?? { ...target(t, null, '尚未测量（对应的基准没有结果文件）'), from: '' });
const status = (t: TargetResult) => (met(t) === null ? '未测' : met(t) ? '达标' : '未达标');
const fmt = (n: number | null) => (n === null ? '—' : n >= 100_000 ? n.toLocaleString('en-US') : String(n));

console.log('\n第 15 号议题的全部目标：');
for (const t of rows) console.log(`  [${status(t)}] ${t.label}：${fmt(t.result)} ${t.unit}（目标 ${t.kind === 'max' ? '≤' : '≥'} ${fmt(t.target)}）${t.note ? `  ${t.note}` : ''}`);
const counts = { met: rows.filter((t) => met(t) === true).length, missed: rows.filter((t) => met(t) === false).length, unmeasured: rows.filter((t) => met(t) === null).length };
console.log(`达标 ${counts.met} 项，未达标 ${counts.missed} 项，未测 ${counts.unmeasured} 项`);
writeFileSync(summaryFile, `${JSON.stringify({ date: new Date().toISOString(), ...counts, targets: rows.map((t) => ({ ...t, met: met(t) })) }, null, 2)}\n`);
console.log(`汇总已写入 ${summaryFile}`);
