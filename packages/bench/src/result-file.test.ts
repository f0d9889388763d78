import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResultFile, writeResultFile, type Stamp } from './result-file.js';
import { consoleTargets, summaryLine, summaryRows } from './summary-table.js';
import { issueTargets, target } from './targets.js';

const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newFile = () => join(dir, `bench-results-${++n}.json`);

const monday: Stamp = { at: '2026-12-07T09:00:00.000Z', loadAverage: [0.5, 0.4, 0.3] };
const tuesday: Stamp = { at: '2026-12-08T09:00:00.000Z', loadAverage: [14.2, 12, 9.8] };

/** A console part as apps/console/bench/run.ts writes it: a median of its runs, NaN when it ran none. */
const part = (runs: number[], target: number) => ({ median: runs.length ? [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] : NaN, runs, target });
/** The console's entries for one run; `only` as BENCH_ONLY selects (the other parts have no runs). */
function consoleRun(only: string[] | null, ms: number) {
  const on = (p: string) => !only || only.includes(p);
  const runs = (p: string, base: number) => (on(p) ? [base + ms, base + ms + 1, base + ms + 2] : []);
  return {
    signInRoute: { initialJsGzipKB: 290.2, targetKB: 300 },
    firstVisitMs: part(runs('visits', 4000), 2000),
    firstVisitTransferMB: part(on('visits') ? [11.7, 11.7, 11.8] : [], 12),
    laterVisitMs: part(runs('visits', 500), 1000),
    laterVisitConfirmedMs: part(runs('visits', 1800), 1000),
    settledVisitConfirmedMs: part(runs('visits', 600), 1000),
    settledVisitComputedMs: part(runs('visits', 1600), 1000),
    throttledFirstVisit: on('throttled') ? [{ mbit: 10, dashboardMs: 31_000 }] : [],
    listFilterMs: part(runs('lists', 280), 200),
    listSortMs: part(runs('lists', 70), 200),
    listPageMs: part(runs('lists', 100), 200),
    yearSwitchMs: part(runs('switches', 110), 300),
    unitSwitchMs: part(runs('switches', 100), 300),
    reportDraftMs: part(runs('report', 360), 1000),
    reportDocxMs: part(runs('report', 250), 1000),
  };
}
const consoleIds = ['laterVisit', 'laterVisitConfirmed', 'settledVisitConfirmed', 'settledVisitComputed', 'firstVisit', 'firstVisitBytes', 'listRerender', 'switchUnitYear', 'reportDraft', 'signInJs'] as const;

describe('a partial benchmark run keeps the other parts of its result file', () => {
  it('console: BENCH_ONLY=visits after a full run leaves lists, switches and the report measured, each with its own date and load', () => {
    const file = newFile();
    writeResultFile(file, consoleRun(null, 0), monday);
    writeResultFile(file, consoleRun(['visits'], 100), tuesday);

    const rows = summaryRows([{ file, results: readResultFile(file), fallback: consoleTargets }]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of consoleIds) expect(byId.get(issueTargets[id].id)!.result, id).not.toBeNull();
    // The visits are Tuesday's run, under Tuesday's load; the rest stay Monday's.
    expect(byId.get(issueTargets.laterVisit.id)).toMatchObject({ result: 601, measuredAt: tuesday.at, loadAverage: tuesday.loadAverage, from: file });
    expect(byId.get(issueTargets.firstVisit.id)).toMatchObject({ result: 4101, measuredAt: tuesday.at });
    expect(byId.get(issueTargets.listRerender.id)).toMatchObject({ result: 281, measuredAt: monday.at, loadAverage: monday.loadAverage });
    expect(byId.get(issueTargets.switchUnitYear.id)).toMatchObject({ result: 111, measuredAt: monday.at });
    expect(byId.get(issueTargets.reportDraft.id)).toMatchObject({ result: 361, measuredAt: monday.at });
    expect(byId.get(issueTargets.signInJs.id)).toMatchObject({ result: 290.2, measuredAt: tuesday.at });
    // The throttled visit Monday measured is kept too, with its stamp.
    const kept = readResultFile(file);
    expect(kept.throttledFirstVisit).toEqual([{ mbit: 10, dashboardMs: 31_000 }]);
    expect(kept.measured!.throttledFirstVisit).toEqual(monday);
    expect(summaryLine(byId.get(issueTargets.listRerender.id)!)).toContain('（测于 2026-12-07 09:00 UTC，负载 0.5 / 0.4 / 0.3）');
  });

  it('a first partial run writes what it measured and leaves the rest unmeasured (nothing invented)', () => {
    const file = newFile();
    writeResultFile(file, consoleRun(['lists'], 0), monday);
    const rows = summaryRows([{ file, results: readResultFile(file), fallback: consoleTargets }]);
    const measured = rows.filter((r) => r.result !== null).map((r) => r.id);
    expect(measured).toEqual([issueTargets.listRerender.id, issueTargets.signInJs.id]);
  });

  it('targets lists: a target a later run could not measure keeps its number, marked with that run', () => {
    const file = newFile();
    writeResultFile(file, { targets: [target(issueTargets.builtCli, 330), target(issueTargets.pnpmCli, 598), target(issueTargets.datasetLoad, 214_000)] }, monday);
    writeResultFile(file, { targets: [target(issueTargets.builtCli, 320), target(issueTargets.pnpmCli, null, '失败：pnpm 不在 PATH 中')] }, tuesday);

    const [built, viaPnpm, load] = summaryRows([{ file, results: readResultFile(file) }]).filter((r) => r.id.startsWith('cli.'));
    expect(built).toMatchObject({ result: 320, measuredAt: tuesday.at });
    expect(viaPnpm).toMatchObject({ result: 598, measuredAt: monday.at, lastUnmeasured: { at: tuesday.at, note: '失败：pnpm 不在 PATH 中' } });
    expect(summaryLine(viaPnpm!)).toContain('此后 2026-12-08 09:00 UTC 的运行未测得：失败：pnpm 不在 PATH 中');
    expect(load).toMatchObject({ result: 214_000, measuredAt: monday.at });
  });

  it('a failed step ({ error }) is noted beside the earlier number, and the next good run clears the note', () => {
    const file = newFile();
    writeResultFile(file, { importPostgres: { ms: 2100, cpuMs: 900 } }, monday);
    writeResultFile(file, { importPostgres: { error: '连接被拒绝' } }, tuesday);
    expect(readResultFile(file)).toMatchObject({ importPostgres: { ms: 2100 }, importPostgresLastFailure: { at: tuesday.at, error: '连接被拒绝' }, measured: { importPostgres: monday } });
    writeResultFile(file, { importPostgres: { ms: 1900, cpuMs: 850 } }, tuesday);
    const after = readResultFile(file);
    expect(after.importPostgres).toEqual({ ms: 1900, cpuMs: 850 });
    expect('importPostgresLastFailure' in after).toBe(false);
  });

  it('a file written before parts were stamped keeps its own date on the parts a partial run leaves', () => {
    const file = newFile();
    const { signInRoute: _, ...older } = consoleRun(null, 0);
    writeFileSync(file, JSON.stringify({ date: monday.at, ...older, signInRoute: { initialJsGzipKB: 290.1, targetKB: 300 } }));
    writeResultFile(file, consoleRun(['report'], 50), tuesday);
    const byId = new Map(summaryRows([{ file, results: readResultFile(file), fallback: consoleTargets }]).map((r) => [r.id, r]));
    expect(byId.get(issueTargets.laterVisit.id)).toMatchObject({ result: 501, measuredAt: monday.at });
    expect(byId.get(issueTargets.reportDraft.id)).toMatchObject({ result: 411, measuredAt: tuesday.at });
  });

  it('an unreadable result file is moved aside with a Chinese warning naming it, and this run is written whole', () => {
    const file = newFile();
    writeFileSync(file, '{"laterVisitMs": {"median": 6');
    const warnings: string[] = [];
    expect(readResultFile(file, (w) => warnings.push(w))).toEqual({});
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^结果文件 ${file} 无法读取（.+），已改名为 ${file}\\.unreadable，本次结果另行写入$`))]);
    expect(readFileSync(`${file}.unreadable`, 'utf8')).toBe('{"laterVisitMs": {"median": 6');
    writeResultFile(file, consoleRun(['report'], 0), monday);
    expect(readResultFile(file).reportDraftMs).toEqual(part([360, 361, 362], 1000));
  });

  it('writes through a temporary file renamed into place: none is left behind', () => {
    const file = newFile();
    writeResultFile(file, consoleRun(null, 0), monday);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
