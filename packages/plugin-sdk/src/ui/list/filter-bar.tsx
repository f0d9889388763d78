import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, TreeSelect, type FormProps } from 'antd';
import { memo } from 'react';
import type { PluginResource } from '../../plugin.js';
import { orgTreeData } from '../fields/org-tree.js';
import { useFazhiServices } from '../services-context.js';
import type { Labels } from '../use-labels.js';
import { attentionRulesOf } from '../views/attention.js';
import { attentionFilterName, listFiltersOf, resolveFilter, type ResolvedFilter } from './list-filters.js';

/**
 * The filter form above a list; submitting runs `useTable`'s `onSearch` (server-side filtering).
 * Memoised: the list re-renders on every page or sort change, which leaves the form as it is.
 */
export const FilterBar = memo(function FilterBar({ resource, formProps, labels }: { resource: PluginResource; formProps: FormProps; labels: Labels }) {
  const filters = listFiltersOf(resource).map((f) => resolveFilter(resource, f));
  return (
    <Form {...formProps} layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
      {filters.map((f) => (
        <FilterItem key={f.name} filter={f} labels={labels} />
      ))}
      {attentionRulesOf(resource).map((rule) => (
        <Form.Item key={rule.id} name={attentionFilterName(rule.id)} valuePropName="checked">
          <Checkbox>{labels.t('fazhi.filter.onlyAttention', { label: labels.field(rule) })}</Checkbox>
        </Form.Item>
      ))}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {labels.t('fazhi.filter.search')}
          </Button>
          <Button
            onClick={() => {
              formProps.form?.resetFields();
              formProps.form?.submit();
            }}
          >
            {labels.t('fazhi.filter.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
});

const years = () => {
  const now = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => now - i);
};

function FilterItem({ filter: f, labels }: { filter: ResolvedFilter; labels: Labels }) {
  const { user } = useFazhiServices();
  const t = labels.t;
  switch (f.kind) {
    case 'period': {
      const parts = [
        { value: 'year', label: t('fazhi.filter.year') },
        ...[1, 2, 3, 4].map((n) => ({ value: `q${n}`, label: t('fazhi.filter.quarterN', { n }) })),
        ...Array.from({ length: 12 }, (_, i) => ({ value: `m${i + 1}`, label: t('fazhi.filter.monthN', { n: i + 1 }) })),
      ];
      return (
        <Form.Item label={t('fazhi.filter.periodOf', { field: labels.field(f.field) })}>
          <Space.Compact>
            <Form.Item name={[f.name, 'year']} noStyle>
              <Select aria-label={t('fazhi.filter.period')} allowClear placeholder={t('fazhi.filter.any')} style={{ width: 100 }} options={years().map((y) => ({ value: y, label: String(y) }))} />
            </Form.Item>
            <Form.Item name={[f.name, 'part']} noStyle>
              <Select aria-label={t('fazhi.filter.periodKind')} placeholder={t('fazhi.filter.year')} style={{ width: 110 }} options={parts} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      );
    }
    case 'org':
      return (
        <Form.Item name="orgId" label={t('fazhi.filter.org')}>
          <TreeSelect aria-label={t('fazhi.filter.org')} allowClear treeDefaultExpandAll treeData={orgTreeData(user.orgs)} placeholder={t('fazhi.filter.any')} style={{ minWidth: 200 }} />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item name="q" label={t('fazhi.filter.text')}>
          <Input aria-label={t('fazhi.filter.text')} allowClear placeholder={t('fazhi.filter.textPlaceholder', { fields: labels.join(f.fields.map((x) => labels.field(x))) })} />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item name={f.name} label={labels.field(f.field)}>
          <Select
            aria-label={labels.field(f.field)}
            allowClear
            mode={f.multiple ? 'multiple' : undefined}
            placeholder={t('fazhi.filter.any')}
            style={{ minWidth: 140 }}
            options={f.field.options.map((o) => ({ value: o.value, label: labels.option(f.field, o.value) }))}
          />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name={f.name} label={labels.field(f.field)}>
          <Select
            aria-label={labels.field(f.field)}
            allowClear
            placeholder={t('fazhi.filter.any')}
            style={{ width: 100 }}
            options={[
              { value: 'true', label: t('fazhi.yes') },
              { value: 'false', label: t('fazhi.no') },
            ]}
          />
        </Form.Item>
      );
    case 'range':
      if (f.field.type === 'date' || f.field.type === 'datetime') {
        return (
          <Form.Item name={f.name} label={labels.field(f.field)}>
            <DatePicker.RangePicker aria-label={labels.field(f.field)} placeholder={[t('fazhi.filter.start'), t('fazhi.filter.end')]} />
          </Form.Item>
        );
      }
      return (
        <Form.Item label={labels.field(f.field)}>
          <Space.Compact>
            <Form.Item name={[f.name, 0]} noStyle>
              <InputNumber placeholder={t('fazhi.filter.min')} />
            </Form.Item>
            <Form.Item name={[f.name, 1]} noStyle>
              <InputNumber placeholder={t('fazhi.filter.max')} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      );
    case 'contains':
    case 'eq':
      return (
        <Form.Item name={f.name} label={labels.field(f.field)}>
          <Input aria-label={labels.field(f.field)} allowClear />
        </Form.Item>
      );
  }
}
