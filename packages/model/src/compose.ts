import { builtInRecordKinds, defineRecordKind, RecordKindRegistry, workAreas, type FieldDef, type RecordKind } from '@fazhi/domain';
import { builtInCatalog, checkCatalog, mergeCatalogs, type Catalog } from '@fazhi/metrics';
import { streetAnnualTemplate, type ReportTemplate } from '@fazhi/report';
import { modelApiVersion, type AreaDeclaration, type FazhiExtension, type KindExtension } from './extension.js';
import { mergeReportSections } from './report-sections.js';
import { templateProblems } from './template-checks.js';

/**
 * Everything that decides what fazhi keeps and computes, composed once from the built-ins and the
 * configured extensions. Every consumer (console on both backends, plugin test harness, data
 * providers, SQL evaluator and generated migrations, dataset loader, CLI, report) takes this value
 * rather than the built-ins, so a plugin-only kind behaves in each of them as in any other.
 */
export interface FazhiModel {
  registry: RecordKindRegistry;
  catalog: Catalog;
  /** The template in force with every extension's report sections merged in. */
  template: ReportTemplate;
  /** Built-in work areas, then the extensions' own. */
  areas: readonly AreaDeclaration[];
  extensions: readonly FazhiExtension[];
}

export interface ComposeOptions {
  extensions?: readonly unknown[];
  /** The report template in force before extensions' sections merge; the street default otherwise. */
  template?: ReportTemplate;
  /** Where `template` was read from (a file path), so a message about it names the file. */
  templateSource?: string;
}

/** Composition found problems; `problems` lists each in Chinese, naming the extension. */
export class ModelError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`fazhi 的模型组合有误：\n${problems.join('\n')}`);
    this.name = 'ModelError';
  }
}

const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const areaId = /^[a-z][a-z0-9_]*$/;

/** Composes and checks the model; throws `ModelError` listing every problem at once. */
export function composeModel(options: ComposeOptions = {}): FazhiModel {
  const problems: string[] = [];
  const extensions = checkedExtensions(options.extensions ?? [], problems);

  const areas: AreaDeclaration[] = workAreas.map((a) => ({ id: a.id, label: a.label, labelEn: a.labelEn }));
  for (const e of extensions) {
    for (const a of e.areas ?? []) {
      if (!areaId.test(a.id)) problems.push(`扩展“${e.id}”的工作领域编号“${a.id}”应为小写字母、数字和下划线`);
      else if (areas.some((x) => x.id === a.id)) problems.push(`扩展“${e.id}”声明的工作领域“${a.id}”已存在`);
      else areas.push({ ...a });
    }
  }

  const kinds = new Map<string, { kind: RecordKind; owner: string }>(builtInRecordKinds.map((k) => [k.id, { kind: k, owner: 'fazhi' }]));
  for (const e of extensions) {
    for (const kind of [...(e.kinds ?? []), ...(e.resources ?? []).map((r) => r.kind)]) {
      if (!kind || typeof kind !== 'object' || typeof kind.id !== 'string') {
        problems.push(`扩展“${e.id}”声明了无效的记录类型`);
        continue;
      }
      const known = kinds.get(kind.id);
      if (known?.kind === kind) continue;
      if (known) {
        const by = known.owner === 'fazhi' ? '内置' : `扩展“${known.owner}”`;
        problems.push(`扩展“${e.id}”的记录类型“${kind.id}”与${by}的同名类型不是同一个声明；要给已有类型加字段或选项，请用 kindExtensions`);
        continue;
      }
      if (!areas.some((a) => a.id === kind.area)) problems.push(`扩展“${e.id}”的记录类型“${kind.label}”（${kind.id}）属于未声明的工作领域“${kind.area}”；请在 areas 中声明`);
      kinds.set(kind.id, { kind, owner: e.id });
    }
  }
  for (const e of extensions) {
    for (const x of e.kindExtensions ?? []) {
      const known = kinds.get(x.kind);
      if (!known) problems.push(`扩展“${e.id}”要扩展的记录类型“${x.kind}”不存在`);
      else known.kind = extendKind(known.kind, x, `扩展“${e.id}”`, problems);
    }
  }

  const registry = new RecordKindRegistry([...kinds.values()].map((k) => k.kind));
  const catalog = mergeCatalogs(builtInCatalog, ...extensions.flatMap((e) => (e.catalog ? [e.catalog] : [])));
  try {
    checkCatalog(catalog, registry);
  } catch (e) {
    problems.push((e as Error).message);
  }

  // Extension by extension (the same as merging all sections in order), so a problem names its extension.
  const base = options.template ?? streetAnnualTemplate;
  const fromFile = options.templateSource ? `（报告模板来自 ${options.templateSource}）` : '';
  let template = base;
  for (const e of extensions) {
    const found: string[] = [];
    template = mergeReportSections(template, e.reportSections ?? [], found);
    problems.push(...found.map((p) => `扩展“${e.id}”的${p}${fromFile}`));
  }
  problems.push(...templateProblems(base, template, options.templateSource, extensions, registry, catalog));

  if (problems.length) throw new ModelError(problems);
  return { registry, catalog, template, areas, extensions };
}

let builtIn: FazhiModel | undefined;

/** The model with no extensions: what fazhi ships. */
export function builtInModel(): FazhiModel {
  return (builtIn ??= composeModel());
}

function checkedExtensions(raw: readonly unknown[], problems: string[]): FazhiExtension[] {
  const out: FazhiExtension[] = [];
  const ids = new Set<string>();
  raw.forEach((value, i) => {
    const e = value as FazhiExtension;
    const name = `第${i + 1}个扩展`;
    if (!e || typeof e !== 'object') return problems.push(`${name}不是对象（应为模块的默认导出）`);
    if (typeof e.id !== 'string' || !kebab.test(e.id)) return problems.push(`${name}的编号“${String(e.id)}”应为 kebab-case（如 community-correction）`);
    if (e.apiVersion !== modelApiVersion) return problems.push(`扩展“${e.id}”的 apiVersion 为 ${String(e.apiVersion)}，本版本 fazhi 支持 ${modelApiVersion}；请升级或降级该扩展`);
    if (ids.has(e.id)) return problems.push(`扩展编号“${e.id}”重复`);
    ids.add(e.id);
    out.push(e);
  });
  return out;
}

function extendKind(kind: RecordKind, x: KindExtension, who: string, problems: string[]): RecordKind {
  const where = `${who}对记录类型“${kind.label}”的扩展`;
  const fields: FieldDef[] = kind.fields.map((f) => {
    const extra = x.options?.[f.key];
    if (!extra) return f;
    if (f.type !== 'enum' && f.type !== 'enum-set') {
      problems.push(`${where}：字段“${f.label}”不是单选或多选项，不能增加可选值`);
      return f;
    }
    for (const o of extra) if (f.options.some((y) => y.value === o.value)) problems.push(`${where}：字段“${f.label}”已有可选值“${o.value}”`);
    return { ...f, options: [...f.options, ...extra] };
  });
  for (const key of Object.keys(x.options ?? {})) if (!kind.fields.some((f) => f.key === key)) problems.push(`${where}：字段“${key}”不存在`);
  for (const f of x.fields ?? []) {
    if (f.required) problems.push(`${where}：新增字段“${f.label}”不能是必填（已有记录没有这个值）`);
    fields.push(f);
  }
  try {
    return defineRecordKind({ ...kind, fields });
  } catch (e) {
    problems.push(`${where}：${(e as Error).message}`);
    return kind;
  }
}
