/**
 * The targets of issue 15 ("Speed and scale") as data: each benchmark writes the ones it measures
 * into its result file (`targets`), and `summary.ts` prints them all, met or missed.
 */
export interface TargetResult {
  id: string;
  /** What is measured, in Chinese. */
  label: string;
  /** The bound, in `unit`. */
  target: number;
  unit: string;
  /** `max`: the result must not exceed the target (times, sizes); `min`: must reach it (rates). */
  kind: 'max' | 'min';
  /** Null when this run could not measure it. */
  result: number | null;
  /** Shown beside the result: runs, the reference loop, why it was not measured. */
  note?: string;
}

export const met = (t: TargetResult): boolean | null => (t.result === null ? null : t.kind === 'max' ? t.result <= t.target : t.result >= t.target);

export function target(t: Omit<TargetResult, 'result'>, result: number | null, note?: string): TargetResult {
  return { ...t, result, ...(note ? { note } : {}) };
}

/** Every target of the issue, by id, in the order the summary lists them. */
export const issueTargets = {
  laterVisit: { id: 'console.later-visit', label: '控制台：再次访问到仪表盘数字绘出（上次的数字，未经核对时标“正在更新”）', target: 1000, unit: 'ms', kind: 'max' },
  // The same target read strictly: figures known current, either remembered ones whose stamp says
  // nothing was stored since they were computed, or the database's new answer. Right after a first
  // visit, and after a later visit that finished (a returning user's usual case).
  laterVisitConfirmed: { id: 'console.later-visit-confirmed', label: '控制台：紧接首次访问再访问，到当前的仪表盘数字绘出（经核对的上次数字或数据库新算出的）', target: 1000, unit: 'ms', kind: 'max' },
  settledVisitConfirmed: { id: 'console.settled-visit-confirmed', label: '控制台：此后再访问，到当前的仪表盘数字绘出', target: 1000, unit: 'ms', kind: 'max' },
  // Read most strictly: the database's own answer of this visit, computed anew after PostgreSQL starts.
  settledVisitComputed: { id: 'console.settled-visit-computed', label: '控制台：此后再访问，到数据库重新算出的数字（最严读法）', target: 1000, unit: 'ms', kind: 'max' },
  firstVisit: { id: 'console.first-visit', label: '控制台：首次访问（空浏览器）到仪表盘数字绘出', target: 2000, unit: 'ms', kind: 'max' },
  firstVisitBytes: { id: 'console.first-visit-bytes', label: '控制台：首次访问传输量（压缩后）', target: 12, unit: 'MB', kind: 'max' },
  listRerender: { id: 'console.list-rerender', label: '控制台：列表改筛选/排序/翻页后重绘', target: 200, unit: 'ms', kind: 'max' },
  switchUnitYear: { id: 'console.switch-unit-year', label: '控制台：切换单位或年度', target: 300, unit: 'ms', kind: 'max' },
  reportDraft: { id: 'console.report-draft', label: '控制台：年度报告草稿显示', target: 1000, unit: 'ms', kind: 'max' },
  signInJs: { id: 'console.sign-in-js', label: '控制台：登录页首屏 JS（gzip，全部插件）', target: 300, unit: 'KB', kind: 'max' },
  builtCli: { id: 'cli.built', label: 'CLI：node apps/cli/dist/bin.js report（种子数据，整个进程）', target: 500, unit: 'ms', kind: 'max' },
  pnpmCli: { id: 'cli.pnpm', label: 'CLI：pnpm --silent fazhi report（种子数据，整个进程）', target: 1000, unit: 'ms', kind: 'max' },
  datasetLoad: { id: 'cli.dataset-load', label: '数据集加载（含全部校验）', target: 200_000, unit: '条/秒', kind: 'min' },
  seedAll: { id: 'memory.seed-all', label: '内存：种子年度全部指标', target: 15, unit: 'ms', kind: 'max' },
  perMeasure: { id: 'memory.per-measure', label: '内存：100 倍数据单个口径吞吐（最慢的口径）', target: 40_000_000, unit: '条/秒', kind: 'min' },
  cityAll: { id: 'scale.city-all', label: '城市规模（100 街道×3 年）：全市全部指标', target: 1000, unit: 'ms', kind: 'max' },
  streetAll: { id: 'scale.street-all', label: '城市规模：一个街道全部指标（督导员，行级安全）', target: 100, unit: 'ms', kind: 'max' },
  listPage: { id: 'scale.list-page', label: '城市规模：列表一页', target: 50, unit: 'ms', kind: 'max' },
} as const satisfies Record<string, Omit<TargetResult, 'result'>>;
