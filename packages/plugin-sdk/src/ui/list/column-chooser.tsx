import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Popover } from 'antd';
import type { PluginResource } from '../../plugin.js';
import type { Labels } from '../use-labels.js';

/** A popover with one checkbox per field; order follows the kind's declaration. */
export function ColumnChooser({ resource, columns, onChange, labels }: { resource: PluginResource; columns: readonly string[]; onChange: (keys: string[] | null) => void; labels: Labels }) {
  const chosen = new Set(columns);
  const content = (
    <div style={{ maxHeight: 360, overflow: 'auto' }}>
      <Checkbox.Group
        value={[...chosen]}
        onChange={(keys) => onChange(resource.kind.fields.map((f) => f.key).filter((k) => (keys as string[]).includes(k)))}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={resource.kind.fields.map((f) => ({ value: f.key, label: labels.field(f) }))}
      />
      <Divider style={{ margin: '8px 0' }} />
      <Button size="small" type="link" onClick={() => onChange(null)}>
        {labels.t('fazhi.list.columnsReset')}
      </Button>
    </div>
  );
  return (
    <Popover trigger="click" content={content} title={labels.t('fazhi.list.columns')} placement="bottomRight">
      <Button icon={<SettingOutlined />}>{labels.t('fazhi.list.columns')}</Button>
    </Popover>
  );
}
