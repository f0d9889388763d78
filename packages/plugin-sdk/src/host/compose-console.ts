import { composeModel, ModelError, type FazhiModel } from '@fazhi/model';
import type { ReportTemplate } from '@fazhi/report';
import { pluginProblems } from '../define-plugin.js';
import type { PluginResource, RelatedSumColumn, WorkAreaPlugin } from '../plugin.js';

/** What the console (and the plugin test harness) runs on: the composed model and the plugins it serves. */
export interface ConsoleComposition {
  /** Built-ins plus every configured plugin and extension, composed and checked by @fazhi/model. */
  model: FazhiModel;
  /**
   * The console plugins, in menu order, each resource's `kind` replaced by the composed kind: a
   * street's kind extension (an extra field or option) shows in forms, lists and filters.
   */
  plugins: readonly WorkAreaPlugin[];
}

export interface ComposeConsoleOptions {
  /** The report template in force before plugins' sections merge (the config's); the street default otherwise. */
  template?: ReportTemplate;
}

/** Thrown when the configured plugins cannot be served; `problems` lists each in Chinese. */
export class ConsoleCompositionError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`控制台插件有误，无法启动：\n${problems.join('\n')}`);
    this.name = 'ConsoleCompositionError';
  }
}

/**
 * A console plugin as opposed to a model-only extension (a street's kind extension package):
 * it declares resources or a work area to show.
 */
export function isConsolePlugin(entry: unknown): entry is WorkAreaPlugin {
  return !!entry && typeof entry === 'object' && ('resources' in entry || 'area' in entry);
}

/**
 * The one composition step of the console and the harness, as a third-party plugin sees it: the
 * configured entries (console plugins and model-only extensions, in configuration order) are
 * composed into the model by `composeModel`, then every plugin is checked against what the
 * runtime can serve: each resource's kind must be in the composed registry, each dashboard or
 * group indicator in the composed catalog, the plugin's area a known work area, and no id or
 * resource may be claimed twice. Every problem comes in one Chinese message.
 */
export function composeConsole(entries: readonly unknown[], options: ComposeConsoleOptions = {}): ConsoleComposition {
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    if (isConsolePlugin(entry)) problems.push(...pluginProblems(entry).map((m) => `第${i + 1}个插件：${m}`));
  });
  let model: FazhiModel | undefined;
  try {
    model = composeModel({ extensions: entries, ...(options.template ? { template: options.template } : {}) });
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    problems.push(...e.problems);
  }
  const plugins = entries.filter(isConsolePlugin);
  problems.push(...claimProblems(plugins));
  if (model) problems.push(...servingProblems(plugins, model));
  if (problems.length || !model) throw new ConsoleCompositionError([...new Set(problems)]);
  const composed = model;
  return {
    model: composed,
    plugins: plugins
      .map((p): WorkAreaPlugin => Object.freeze({ ...p, resources: p.resources.map((r): PluginResource => ({ ...r, kind: composed.registry.get(r.kind.id) })) }))
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100)),
  };
}

const resourcesOf = (p: WorkAreaPlugin): PluginResource[] => (Array.isArray(p.resources) ? p.resources.filter((r) => typeof r?.kind?.id === 'string') : []);

/** A kind served by two plugins would have two menus, two sets of rules: one owner each. */
function claimProblems(plugins: readonly WorkAreaPlugin[]): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const p of plugins) {
    for (const { kind } of resourcesOf(p)) {
      const owner = owners.get(kind.id);
      if (owner && owner !== p.id) problems.push(`资源“${kind.id}”同时由插件“${owner}”和“${p.id}”声明`);
      owners.set(kind.id, p.id);
    }
  }
  return problems;
}

/** A related-sum column must sum a number field of a kind whose ref field points at the resource's kind. */
function relatedSumProblem(col: RelatedSumColumn, kindId: string, model: FazhiModel): string | undefined {
  const where = `汇总列“${col.label}”`;
  if (!model.registry.has(col.kind)) return `${where}引用了不存在的记录类型“${col.kind}”`;
  const related = model.registry.get(col.kind);
  const via = related.fields.find((f) => f.key === col.via);
  if (via?.type !== 'ref' || via.target !== kindId) return `${where}的关联字段“${col.via}”必须是“${related.label}”中指向本记录类型的关联字段`;
  const sum = related.fields.find((f) => f.key === col.sum);
  if (!sum || !['integer', 'decimal', 'money'].includes(sum.type)) return `${where}的求和字段“${col.sum}”必须是“${related.label}”中的数值字段`;
  return undefined;
}

/** What the runtime built from `model` could not serve, plugin by plugin. */
function servingProblems(plugins: readonly WorkAreaPlugin[], model: FazhiModel): string[] {
  const problems: string[] = [];
  const indicators = new Set(model.catalog.indicators.map((i) => i.id));
  const areas = new Set(model.areas.map((a) => a.id));
  for (const p of plugins) {
    if (p.area && !areas.has(p.area)) problems.push(`插件“${p.id}”的工作领域“${p.area}”不存在；新的领域请在插件的 areas 中声明`);
    for (const r of resourcesOf(p)) {
      const { kind } = r;
      if (!model.registry.has(kind.id)) problems.push(`插件“${p.id}”的资源“${kind.label}”（${kind.id}）不在组合后的记录类型中，控制台无法读写它`);
      problems.push(...(r.relatedSums ?? []).map((col) => relatedSumProblem(col, kind.id, model)).filter((m) => m !== undefined).map((m) => `插件“${p.id}”的资源“${kind.label}”：${m}`));
    }
    const used = [...(p.dashboard ?? []).flatMap((w) => (w.type === 'component' ? [] : [w.indicator])), ...(p.indicatorGroups ?? []).flatMap((g) => g.indicators)];
    for (const id of new Set(used)) if (!indicators.has(id)) problems.push(`插件“${p.id}”引用了未知的指标“${id}”（组合后的指标目录中没有它）`);
  }
  return problems;
}
