import { defaultTextMaxLength, describeOptions, type FieldDef, type RecordKind, type RecordRule } from '@fazhi/domain';
import { fieldUnit } from './columns.js';

const typeNames: Record<FieldDef['type'], string> = {
  text: '文本',
  longtext: '长文本',
  integer: '整数',
  decimal: '数字',
  money: '金额',
  date: '日期',
  datetime: '日期时间',
  boolean: '是/否',
  enum: '单选',
  'enum-set': '多选',
  ref: '关联记录编号',
};

/** How to fill one column, in words, for the template's 填写说明 sheet. */
export function fillingRule(f: FieldDef): string {
  const parts: string[] = [];
  switch (f.type) {
    case 'text':
      parts.push(`不超过 ${f.maxLength ?? defaultTextMaxLength} 字`);
      if (f.format === 'id-number') parts.push('18 位公民身份号码');
      if (f.format === 'phone') parts.push('手机或固定电话号码');
      if (f.multiple) parts.push('多个以顿号“、”分隔');
      if (f.pattern) parts.push(`格式：${f.pattern.hint}`);
      break;
    case 'money':
      parts.push('单位为元，可带千分位和两位小数；表头写“（万元）”或数值后写“万”时按万元计');
      break;
    case 'integer':
    case 'decimal':
      if (f.type === 'decimal') parts.push(`最多 ${f.scale} 位小数`);
      if (f.min !== undefined) parts.push(`不小于 ${f.min}`);
      if (f.max !== undefined) parts.push(`不大于 ${f.max}`);
      break;
    case 'date':
      parts.push('如 2024-03-05、2024/3/5、2024.3.5、2024年3月5日或 Excel 日期');
      if (f.notFuture) parts.push('不能晚于今天');
      break;
    case 'datetime':
      parts.push('如 2024-03-05 09:30；只写日期时按当日 0 时计');
      if (f.notFuture) parts.push('不能晚于今天');
      break;
    case 'boolean':
      parts.push('填“是”或“否”（也可用 √ 和 ×）');
      break;
    case 'enum':
      parts.push(`从下拉列表选择：${f.options.map((o) => o.label).join('、')}`);
      break;
    case 'enum-set':
      parts.push(`可多选，以顿号分隔：${describeOptions(f.options)}`);
      break;
    default:
      break;
  }
  if (f.description) parts.push(f.description);
  return parts.join('；');
}

export function typeName(f: FieldDef): string {
  const unit = fieldUnit(f);
  return unit ? `${typeNames[f.type]}（${unit}）` : typeNames[f.type];
}

/** A kind's cross-field rules in words. */
export function ruleText(kind: RecordKind, rule: RecordRule): string {
  const label = (key: string) => `「${kind.fields.find((f) => f.key === key)?.label ?? key}」`;
  switch (rule.type) {
    case 'order':
      return `${label(rule.later)}不能早于${label(rule.earlier)}`;
    case 'at-most':
      return `${label(rule.field)}不能大于${label(rule.limit)}`;
    case 'required-when': {
      const when = kind.fields.find((f) => f.key === rule.when.field);
      const values = rule.when.in.map((v) => (when && 'options' in when ? when.options.find((o) => o.value === v)?.label : undefined) ?? String(v));
      return `${label(rule.when.field)}为“${values.join('”或“')}”时，${label(rule.field)}必填`;
    }
  }
}
