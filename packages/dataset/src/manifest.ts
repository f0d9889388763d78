import { checkLedgerSpan, type LedgerSpan, type RecordKindRegistry } from '@fazhi/domain';
import { manifestFile, type DatasetManifest, type DatasetProblem } from './types.js';

const labels: Record<keyof DatasetManifest, string> = {
  name: '编号',
  label: '名称',
  rootOrgId: '根机构',
  years: '年度',
  description: '说明',
  kinds: '记录类型',
  ledgerSpan: '建账起止',
  orgLedgerSpans: '各机构建账起止',
};
const keys = Object.keys(labels) as (keyof DatasetManifest)[];

export interface ManifestResult {
  /** Present when the manifest is usable enough to go on (kinds may be partly unknown). */
  manifest?: DatasetManifest;
  problems: DatasetProblem[];
}

/** Parses and checks `dataset.json`, collecting every problem. */
export function parseManifest(text: string, registry: RecordKindRegistry): ManifestResult {
  const problems: DatasetProblem[] = [];
  const fail = (key: keyof DatasetManifest | undefined, message: string) =>
    problems.push({ file: manifestFile, ...(key ? { field: labels[key], key } : {}), message });

  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail(undefined, `不是有效的 JSON：${(e as Error).message}`);
    return { problems };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail(undefined, '应为一个 JSON 对象');
    return { problems };
  }
  const o = json as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!(keys as string[]).includes(k)) fail(undefined, `存在未定义的项“${k}”，允许的项为：${keys.join('、')}`);

  const text_ = (k: keyof DatasetManifest, allowEmpty = false): string => {
    const v = o[k];
    if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) {
      fail(k, v === undefined ? `缺少“${k}”` : `“${k}”应为${allowEmpty ? '' : '非空'}文本`);
      return '';
    }
    return v;
  };
  const name = text_('name');
  const label = text_('label');
  const rootOrgId = text_('rootOrgId');
  const description = o.description === undefined ? '' : text_('description', true);

  let years: number[] = [];
  if (!Array.isArray(o.years) || o.years.length === 0) fail('years', `“years”应为非空的年份数组，如 [2023, 2024]`);
  else {
    years = o.years.filter((y): y is number => Number.isInteger(y) && (y as number) >= 1900 && (y as number) <= 2100);
    for (const y of o.years) if (!years.includes(y as number)) fail('years', `年份“${String(y)}”无效，应为四位数年份`);
  }

  let kinds: string[] = [];
  if (!Array.isArray(o.kinds)) fail('kinds', `“kinds”应为记录类型编号的数组`);
  else {
    const seen = new Set<string>();
    for (const k of o.kinds) {
      if (typeof k !== 'string') fail('kinds', `记录类型编号“${String(k)}”应为文本`);
      else if (seen.has(k)) fail('kinds', `记录类型“${k}”重复列出`);
      else if (!registry.has(k)) fail('kinds', `未知的记录类型“${k}”`);
      else kinds.push(k);
      if (typeof k === 'string') seen.add(k);
    }
  }
  kinds = [...new Set(kinds)];

  const span = (v: unknown, key: 'ledgerSpan' | 'orgLedgerSpans', where: string): LedgerSpan | undefined => {
    const example = `应为 {"from": "2023-01-01", "to": null}（起始日必填，截止日为 null 表示仍在记录）`;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return void fail(key, `${where}${example}`);
    const { from, to = null, ...rest } = v as Record<string, unknown>;
    if (Object.keys(rest).length) return void fail(key, `${where}存在未定义的项“${Object.keys(rest).join('、')}”，${example}`);
    if (typeof from !== 'string' || (to !== null && typeof to !== 'string')) return void fail(key, `${where}${example}`);
    try {
      return checkLedgerSpan({ from, to }, where.replace(/[：:]$/, ''));
    } catch (e) {
      return void fail(key, (e as Error).message);
    }
  };
  const manifest: DatasetManifest = { name, label, rootOrgId, years, description, kinds };
  if (o.ledgerSpan !== undefined) {
    const s = span(o.ledgerSpan, 'ledgerSpan', '“ledgerSpan”：');
    if (s) manifest.ledgerSpan = s;
  }
  if (o.orgLedgerSpans !== undefined) {
    if (typeof o.orgLedgerSpans !== 'object' || o.orgLedgerSpans === null || Array.isArray(o.orgLedgerSpans)) fail('orgLedgerSpans', '“orgLedgerSpans”应为以机构编号为键的对象');
    else {
      const byOrg: Record<string, LedgerSpan> = {};
      for (const [orgId, v] of Object.entries(o.orgLedgerSpans)) {
        const s = span(v, 'orgLedgerSpans', `“orgLedgerSpans”中机构“${orgId}”：`);
        if (s) byOrg[orgId] = s;
      }
      manifest.orgLedgerSpans = byOrg;
    }
  }
  return { manifest, problems };
}

/** Stable JSON: fixed key order, two-space indent, trailing newline. */
export function formatManifest(m: DatasetManifest): string {
  // Optional items are left out when absent, so older manifests keep their bytes.
  const ordered = Object.fromEntries(keys.filter((k) => m[k] !== undefined).map((k) => [k, m[k]]));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
