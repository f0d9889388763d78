import { loadDataset } from '@fazhi/dataset';
import { periodRange, yearPeriod, type AnyRecord } from '@fazhi/domain';
import { builtInCatalog, ColumnarRecords, Evaluator, interpretMeasure } from '@fazhi/metrics';
import { buildReport, renderHtml, renderMarkdown, reportDataFromEvaluator, streetAnnualTemplate } from '@fazhi/report';
import { renderDocx } from '@fazhi/report/docx';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { processCpuMs } from './cpu.js';
import { countRecords, scaleRecords } from './synthetic.js';
import { writeResultFile } from './result-file.js';
import { issueTargets, met, target } from './targets.js';
import { medianMs, medianTimes, round } from './timing.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const resultsFile = fileURLToPath(new URL('../bench-results.json', import.meta.url));
const period = yearPeriod(2024);

const t0 = performance.now();
const dataset = await loadDataset(`${root}seeds/nansha-2024`);
const loadMs = performance.now() - t0;
const orgId = dataset.manifest.rootOrgId;
const seedRecords = countRecords(dataset.records);

/** A fresh evaluator per run, so memoised measure values never flatter the timing. */
const evaluateAll = (records: ReadonlyMap<string, readonly AnyRecord[]>) => new Evaluator({ orgs: dataset.orgs, records, catalog: builtInCatalog }).evaluateAll(orgId, period);

const seedAll = await medianTimes(() => evaluateAll(dataset.records), 21);
const seedAllMs = seedAll.ms;

// Memory held, measured as the heap and array buffers after a full collection.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heldBytes = () => {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const heldBeforeLarge = heldBytes();
const large = scaleRecords(dataset.records, 100);
const largeRecords = countRecords(large);
const largeHeldBytes = heldBytes() - heldBeforeLarge;
const largeAllMs = await medianMs(() => evaluateAll(large), 5, 1);

// The same records laid out by column, every column the catalog reads built once, timed apart.
const heldBeforeColumns = heldBytes();
const columnsStart = { ms: performance.now(), cpu: processCpuMs() };
const columnar = new ColumnarRecords(large);
const fallbacks = columnar.prepare(builtInCatalog.measures);
const columnsBuild = { ms: round(performance.now() - columnsStart.ms), cpuMs: round(processCpuMs() - columnsStart.cpu) };
const columnsHeldBytes = heldBytes() - heldBeforeColumns;
const columnarAllMs = await medianMs(() => evaluateAll(columnar), 5, 1);

// Every indicator over columns equals the reference interpreter's on the 100× set (root unit, 2024).
const range2024 = periodRange(period);
const rootSubtree = dataset.orgs.subtreeIds(orgId);
const overColumns = new Evaluator({ orgs: dataset.orgs, records: columnar, catalog: builtInCatalog });
const referenceStart = performance.now();
for (const m of builtInCatalog.measures) {
  const expected = interpretMeasure(m)(large.get(m.kind) ?? [], rootSubtree, range2024);
  const got = overColumns.measure(m.id, orgId, range2024);
  if (!Object.is(got, expected)) throw new Error(`按列计算的口径 ${m.id}（${got}）与解释器（${expected}）的结果不同`);
}
const referenceMs = round(performance.now() - referenceStart);

// Per-measure throughput on the large set: rows of the measure's kind scanned per second, the
// evaluator over columns (the target) beside the evaluator over the record objects.
type Rate = { ms: number; cpuMs: number; recordsPerSecond: number };
const rate = async (rows: number, fn: () => unknown): Promise<Rate> => {
  const { ms, cpuMs } = await medianTimes(fn, 7, 2);
  return { ms: round(ms, 3), cpuMs: round(cpuMs, 3), recordsPerSecond: Math.round(rows / (ms / 1000)) };
};
const perMeasure = [] as ({ measure: string; rows: number; objects: Rate } & Rate)[];
for (const id of ['public_service.tickets_received', 'public_service.tickets_closed_on_time', 'public_service.tickets_satisfied', 'mediation.successful_amount', 'enforcement.officers_trained_60h']) {
  const m = builtInCatalog.measures.find((x) => x.id === id)!;
  const rows = large.get(m.kind)?.length ?? 0;
  const ask = (records: typeof large | ColumnarRecords) => () => new Evaluator({ orgs: dataset.orgs, records, catalog: builtInCatalog }).measure(id, orgId, range2024);
  perMeasure.push({ measure: id, rows, ...(await rate(rows, ask(columnar))), objects: await rate(rows, ask(large)) });
}

// The practical limits beside them: hand-written single loops counting what
// public_service.tickets_received counts, over the same 12345 tickets' objects and over their
// columns (same records, same run).
const tickets = large.get('hotline_tickets') ?? [];
const { start, end } = range2024;
const handLoop = () => {
  let n = 0;
  for (let i = 0; i < tickets.length; i++) {
    const r = tickets[i]!;
    if (r.deletedAt != null || !rootSubtree.has(r.orgId)) continue;
    const at = r.receivedAt as string | null;
    if (at != null && at >= start && at < end) n++;
  }
  return n;
};
const ticketColumns = columnar.kind('hotline_tickets');
/** How many of the ascending `values` are below `bound` (a binary search, as the evaluator does). */
const countBelow = (values: readonly string[], bound: string) => {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
const handColumnLoop = () => {
  const units = ticketColumns.units();
  const inTree = new Uint8Array(units.values.length + 1);
  units.values.forEach((u, j) => (inTree[j + 1] = rootSubtree.has(u as string) ? 1 : 0));
  const received = ticketColumns.codes('receivedAt');
  // Codes follow the values' order: the year's tickets have codes in (lo, hi].
  const lo = countBelow(received.values as readonly string[], start);
  const hi = countBelow(received.values as readonly string[], end);
  const unit = units.codes;
  const at = received.codes;
  let n = 0;
  for (let i = 0; i < unit.length; i++) {
    const c = at[i]!;
    if (inTree[unit[i]!] !== 0 && c > lo && c <= hi) n++;
  }
  return n;
};
const handLoopResult = { rows: tickets.length, ...(await rate(tickets.length, handLoop)) };
const handColumnLoopResult = { rows: tickets.length, ...(await rate(tickets.length, handColumnLoop)) };
const evaluatedCount = new Evaluator({ orgs: dataset.orgs, records: columnar, catalog: builtInCatalog }).measure('public_service.tickets_received', orgId, range2024);
for (const [name, count] of [['手写单循环', handLoop()], ['按列手写单循环', handColumnLoop()]] as const) {
  if (count !== evaluatedCount) throw new Error(`${name}（${count}）与求值器（${evaluatedCount}）的结果不同`);
}

const buildDoc = () =>
  buildReport({
    template: streetAnnualTemplate,
    orgName: dataset.orgs.displayName(orgId),
    period,
    data: reportDataFromEvaluator(new Evaluator({ orgs: dataset.orgs, records: dataset.records, catalog: builtInCatalog }), streetAnnualTemplate, orgId, period, dataset.records, dataset.orgs.subtreeIds(orgId)),
  });
const doc = buildDoc();
const report = {
  buildMs: round(await medianMs(buildDoc)),
  markdownMs: round(await medianMs(() => renderMarkdown(doc))),
  htmlMs: round(await medianMs(() => renderHtml(doc))),
  docxMs: round(await medianMs(() => renderDocx(doc), 11, 3)),
};

const millions = (r: { recordsPerSecond: number }) => (r.recordsPerSecond / 1e6).toFixed(1);
const millionsByCpu = (rows: number, r: { cpuMs: number }) => (rows / r.cpuMs / 1e3).toFixed(1);
const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
const slowest = perMeasure.reduce((a, b) => (b.recordsPerSecond < a.recordsPerSecond ? b : a));
const targets = [
  target(issueTargets.seedAll, round(seedAllMs), `${builtInCatalog.indicators.length} 项指标，新建求值器，中位数；CPU ${round(seedAll.cpuMs)} ms；负载 ${round(loadavg()[0]!)}`),
  target(
    issueTargets.perMeasure,
    slowest.recordsPerSecond,
    `按列求值（ColumnarRecords），最慢 ${slowest.measure}（CPU ${slowest.cpuMs} ms，按 CPU 计 ${millionsByCpu(slowest.rows, slowest)} 百万条/秒；同一口径按记录对象 ${millions(slowest.objects)} 百万条/秒）；同一次运行中手写单循环：按记录对象 ${millions(handLoopResult)} 百万条/秒（按 CPU 计 ${millionsByCpu(handLoopResult.rows, handLoopResult)}），按列 ${millions(handColumnLoopResult)} 百万条/秒（按 CPU 计 ${millionsByCpu(handColumnLoopResult.rows, handColumnLoopResult)}）；列存储 ${mb(columnar.footprint().bytes)} MB 类型化数组（堆增量 ${mb(columnsHeldBytes)} MB），记录 ${mb(largeHeldBytes)} MB；负载 ${round(loadavg()[0]!)}`,
  ),
];
const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length, loadAverage: (await import('node:os')).loadavg() },
  dataset: { name: dataset.manifest.name, records: seedRecords, loadMs: round(loadMs) },
  seedYearAllIndicators: { indicators: builtInCatalog.indicators.length, ms: round(seedAllMs), cpuMs: round(seedAll.cpuMs) },
  largeSetAllIndicators: { factor: 100, records: largeRecords, ms: round(largeAllMs), overColumnsMs: round(columnarAllMs) },
  columnarStore: {
    buildMs: columnsBuild.ms,
    buildCpuMs: columnsBuild.cpuMs,
    typedArrayBytes: columnar.footprint().bytes,
    dictionaryEntries: columnar.footprint().dictionaryEntries,
    heldBytes: columnsHeldBytes,
    recordsHeldBytes: largeHeldBytes,
    measuresOverRecords: fallbacks,
    everyMeasureEqualsInterpreterMs: referenceMs,
  },
  perMeasureOnLargeSet: { results: perMeasure, handWrittenLoop: handLoopResult, handWrittenColumnLoop: handColumnLoopResult },
  report: { ...report, targetDocxMs: 200 },
  targets,
};

writeResultFile(resultsFile, results);
const verdict = (t: (typeof targets)[number]) => (met(t) ? '达标' : '未达标');
console.log(`种子数据 ${seedRecords} 条记录，加载 ${round(loadMs)} ms`);
console.log(`全部 ${builtInCatalog.indicators.length} 项指标（2024年）：${round(seedAllMs)} ms，CPU ${round(seedAll.cpuMs)} ms（目标 ≤ 15 ms，${verdict(targets[0]!)}）`);
console.log(`100 倍合成数据 ${largeRecords} 条记录（堆中 ${mb(largeHeldBytes)} MB），全部指标：按记录对象 ${round(largeAllMs)} ms，按列 ${round(columnarAllMs)} ms`);
console.log(
  `按列存储：建立 ${columnsBuild.ms} ms（CPU ${columnsBuild.cpuMs} ms），类型化数组 ${mb(columnar.footprint().bytes)} MB，字典 ${columnar.footprint().dictionaryEntries} 项，堆增量 ${mb(columnsHeldBytes)} MB；${fallbacks.length ? `按记录计算的口径：${fallbacks.map((f) => `${f.measureId}（${f.reason}）`).join('、')}` : '全部口径按列计算'}；每个口径与解释器逐一核对一致（${referenceMs} ms）`,
);
for (const p of perMeasure) {
  console.log(`  ${p.measure}: ${p.rows} 行，按列 ${p.ms} ms（CPU ${p.cpuMs} ms）${millions(p)} 百万条/秒（目标 ≥ 40）；按记录对象 ${p.objects.ms} ms，${millions(p.objects)} 百万条/秒`);
}
console.log(`  手写单循环（同一批工单）：按记录对象 ${handLoopResult.ms} ms，${millions(handLoopResult)} 百万条/秒；按列 ${handColumnLoopResult.ms} ms，${millions(handColumnLoopResult)} 百万条/秒`);
console.log(`负载 ${loadavg().map((n) => round(n)).join(' ')}`);
console.log(`报告：组装 ${report.buildMs} ms，Markdown ${report.markdownMs} ms，HTML ${report.htmlMs} ms，DOCX ${report.docxMs} ms（目标 ≤ 200 ms）`);
console.log(`结果已写入 ${resultsFile}`);
