import type { OrgKind, OrgStore, OrgUnitRow } from '@fazhi/db/browser';
import { useTranslate } from '@refinedev/core';
import { Alert, App, Button, Form, Input, Modal, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { kindsBelow, moveTargets, orgTreeRows, type OrgTreeRow } from './org-tree-rows.js';

type Action = { kind: 'add' | 'edit' | 'move' | 'retire'; unit: OrgUnitRow };
interface ActionValues {
  kind?: OrgKind;
  name?: string;
  shortName?: string;
  code?: string;
  ledgerFrom?: string;
  ledgerTo?: string;
  parentId?: string;
  reason?: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const optional = (v: string | undefined) => v?.trim() || null;

/**
 * 机构管理 (`/orgs`): the units the signed-in street admin or district supervisor manages, as a
 * tree; add below, edit (name, short name, code, 建账起止), move, retire. Every call goes through
 * the OrgStore, so the database's rules answer (in Chinese) whatever this page lets through.
 */
export function OrgAdminPage({ orgs, onChanged }: { orgs: OrgStore; /** After every change: the header's unit picker reads the tree again. */ onChanged?(): void }) {
  const t = useTranslate();
  const text = (key: string, params?: Record<string, unknown>) => t(`console.orgs.${key}`, params);
  const { message } = App.useApp();
  const [units, setUnits] = useState<OrgUnitRow[]>();
  const [loadError, setLoadError] = useState<string>();
  const [action, setAction] = useState<Action>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const [form] = Form.useForm<ActionValues>();

  const reload = useCallback(
    () =>
      orgs.list().then(
        (list) => setUnits(list),
        (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
      ),
    [orgs],
  );
  useEffect(() => void reload(), [reload]);

  const open = (kind: Action['kind'], unit: OrgUnitRow) => {
    setActionError(undefined);
    form.resetFields();
    if (kind === 'edit') form.setFieldsValue({ name: unit.name, shortName: unit.shortName ?? '', code: unit.code ?? '', ledgerFrom: unit.ledgerFrom ?? '', ledgerTo: unit.ledgerTo ?? '' });
    if (kind === 'add') form.setFieldsValue({ kind: kindsBelow(unit.kind)[0] });
    setAction({ kind, unit });
  };

  const run = async (v: ActionValues) => {
    if (!action) return;
    const { unit } = action;
    setBusy(true);
    setActionError(undefined);
    try {
      if (action.kind === 'add')
        await orgs.add({ parentId: unit.id, kind: v.kind!, name: v.name!.trim(), shortName: optional(v.shortName), code: optional(v.code), ledgerFrom: optional(v.ledgerFrom), ledgerTo: optional(v.ledgerTo) });
      else if (action.kind === 'edit')
        await orgs.update(unit.id, { name: v.name!.trim(), shortName: optional(v.shortName), code: optional(v.code), ledgerFrom: optional(v.ledgerFrom), ledgerTo: optional(v.ledgerTo) });
      else if (action.kind === 'move') await orgs.move(unit.id, v.parentId!, v.reason!.trim());
      else await orgs.retire(unit.id, v.reason!.trim());
      void message.success(action.kind === 'retire' ? text('retiredDone', { name: unit.name }) : text('saved'));
      setAction(undefined);
      onChanged?.();
      await reload();
    } catch (e) {
      setActionError(text('failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const title = (
    <Typography.Title level={3} style={{ margin: 0 }}>
      {text('title')}
    </Typography.Title>
  );
  if (loadError) return <Space direction="vertical">{title}<Alert type="error" message={text('failed', { message: loadError })} /></Space>;
  if (units && !units.length) return <Result status="info" title={text('none')} />;

  const kindLabel = (k: OrgKind) => text(`kinds.${k}`);
  const columns: ColumnsType<OrgTreeRow> = [
    { title: text('name'), dataIndex: 'name', render: (name: string, u) => <span data-org={u.name}>{name}{u.shortName ? <Typography.Text type="secondary">（{u.shortName}）</Typography.Text> : null}</span> },
    { title: text('kind'), dataIndex: 'kind', width: 150, render: (k: OrgKind) => kindLabel(k) },
    { title: text('code'), dataIndex: 'code', width: 120 },
    { title: `${text('ledgerFrom')} ~ ${text('ledgerTo')}`, key: 'span', width: 220, render: (_, u) => (u.ledgerFrom ? `${u.ledgerFrom} ~ ${u.ledgerTo ?? ''}` : '') },
    {
      title: '',
      key: 'actions',
      width: 300,
      render: (_, u) =>
        u.retiredAt ? (
          <Tag>{text('retired')} {u.retiredAt.slice(0, 10)}</Tag>
        ) : (
          <Space size={0} wrap>
            {kindsBelow(u.kind).length > 0 && <Button type="link" size="small" onClick={() => open('add', u)}>{text('add')}</Button>}
            <Button type="link" size="small" onClick={() => open('edit', u)}>{text('rename')}</Button>
            {u.parentId && <Button type="link" size="small" onClick={() => open('move', u)}>{text('move')}</Button>}
            {u.parentId && <Button type="link" size="small" danger onClick={() => open('retire', u)}>{text('retire')}</Button>}
          </Space>
        ),
    },
  ];

  const dateRule = { pattern: isoDay, message: 'YYYY-MM-DD' };
  const reasonItem = (
    <Form.Item name="reason" label={text('reason')} rules={[{ required: true, whitespace: true, message: text('reasonRequired') }]}>
      <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
    </Form.Item>
  );
  const unitFields = (
    <>
      <Form.Item name="name" label={text('name')} rules={[{ required: true, whitespace: true, message: text('name') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="shortName" label={text('shortName')}>
        <Input />
      </Form.Item>
      <Form.Item name="code" label={text('code')}>
        <Input />
      </Form.Item>
      <Space>
        <Form.Item name="ledgerFrom" label={text('ledgerFrom')} rules={[dateRule]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="ledgerTo" label={text('ledgerTo')} rules={[dateRule]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
      </Space>
    </>
  );
  const actionTitle = action ? `${text(action.kind === 'edit' ? 'rename' : action.kind)} · ${action.unit.name}` : '';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="org-admin">
      {title}
      <Typography.Text type="secondary">{text('intro')}</Typography.Text>
      <Table<OrgTreeRow>
        key={units ? 'loaded' : 'loading'}
        rowKey="id"
        size="small"
        loading={!units}
        columns={columns}
        dataSource={units ? orgTreeRows(units) : []}
        expandable={{ defaultExpandAllRows: true }}
        pagination={false}
      />
      <Modal open={Boolean(action)} title={actionTitle} onCancel={() => setAction(undefined)} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ danger: action?.kind === 'retire' }} destroyOnHidden forceRender>
        {actionError && <Alert type="error" showIcon message={actionError} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={run} disabled={busy}>
          {action?.kind === 'add' && (
            <>
              <Form.Item name="kind" label={text('kind')} rules={[{ required: true }]}>
                <Select options={kindsBelow(action.unit.kind).map((k) => ({ value: k, label: kindLabel(k) }))} />
              </Form.Item>
              {unitFields}
            </>
          )}
          {action?.kind === 'edit' && unitFields}
          {action?.kind === 'move' && (
            <>
              <Form.Item name="parentId" label={text('parent')} rules={[{ required: true, message: text('parent') }]}>
                <Select showSearch optionFilterProp="label" options={moveTargets(units ?? [], action.unit).map((u) => ({ value: u.id, label: `${u.name}（${kindLabel(u.kind)}）` }))} />
              </Form.Item>
              {reasonItem}
            </>
          )}
          {action?.kind === 'retire' && reasonItem}
        </Form>
      </Modal>
    </Space>
  );
}
