import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import type { AnyRecord } from '@fazhi/domain';
import { Show } from '@refinedev/antd';
import { useCan, useNavigation, useShow, type BaseRecord } from '@refinedev/core';
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { hasRight } from '../../host/access-control.js';
import { workflowOf, type RecordPageProps } from '../../plugin.js';
import { AttachmentsPanel } from '../attachments/attachments-panel.js';
import { FieldValue } from '../fields/field-value.js';
import { orgName } from '../fields/org-tree.js';
import { formatShanghaiDateTime } from '../fields/shanghai-time.js';
import { formSectionsOf } from '../form/form-layout.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { RecordHistory } from '../history/record-history.js';
import { PrintRecord } from '../ledger/print-record.js';
import { PrintSheet } from '../ledger/print-sheet.js';
import { StepHistory } from '../workflow/step-history.js';
import { WorkflowButtons } from '../workflow/workflow-buttons.js';

/** Every field, grouped as the form is; workflow steps; the record's attachments; the steps it took; its 操作日志. */
export default function RecordShowPage({ resource, plugin }: RecordPageProps) {
  const labels = useLabels();
  const { t } = labels;
  const { user } = useFazhiServices();
  const kind = resource.kind;
  const workflow = workflowOf(resource);
  const { query } = useShow<BaseRecord>({ resource: kind.id });
  const record = query.data?.data;
  const { edit } = useNavigation();
  const { data: canEdit } = useCan({ resource: kind.id, action: 'edit', params: { id: record?.id, orgId: (record?.orgId as string) ?? null, resource: { name: kind.id, meta: { area: plugin.area } } as never } });
  const masked = record ? !hasRight(user, 'personal', plugin.area, record.orgId as string) : false;
  const title = record ? String(record[kind.titleField] ?? labels.kind(kind)) : labels.kind(kind);
  const [printing, setPrinting] = useState(false);

  return (
    <Show
      resource={kind.id}
      title={record ? <span data-record="">{title}</span> : title}
      isLoading={query.isLoading}
      canDelete={false}
      canEdit={false}
      headerButtons={
        record ? (
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
              {t('fazhi.ledger.printRecord')}
            </Button>
            {canEdit?.can && !record.deletedAt ? (
              <Button icon={<EditOutlined />} onClick={() => edit(kind.id, record.id!)}>
                {t('buttons.edit')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {record && printing ? (
        <PrintSheet orientation="portrait" labels={labels} onClose={() => setPrinting(false)}>
          <PrintRecord resource={resource} record={record as AnyRecord} orgs={user.orgs} labels={labels} />
        </PrintSheet>
      ) : null}
      {record ? (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {record.deletedAt ? <Tag color="red">{t('fazhi.list.deleted')}</Tag> : null}
          {workflow ? (
            <Card size="small" title={t('fazhi.workflow.title')}>
              <WorkflowButtons resource={resource} area={plugin.area} record={record} />
            </Card>
          ) : null}
          {formSectionsOf(resource, t('fazhi.form.otherSection')).map((s) => (
            <Card key={s.title || 'fields'} size="small" title={s.title ? labels.text(s.title, s.titleEn) : undefined}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                {s.fields.map((f) => (
                  <Descriptions.Item key={f.key} label={labels.field(f)} span={f.type === 'longtext' ? 'filled' : 1}>
                    <FieldValue field={f} value={record[f.key]} labels={labels} masked={masked && f.personal} />
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          ))}
          <AttachmentsPanel resource={resource} area={plugin.area} record={record} />
          {resource.kind.workflow ? (
            <Card size="small" title={t('fazhi.steps.title')}>
              <StepHistory resource={resource} workflow={resource.kind.workflow} area={plugin.area} record={record} />
            </Card>
          ) : null}
          <Card size="small" title={t('fazhi.history.title')}>
            <RecordHistory resource={resource} record={record} />
          </Card>
          <Card size="small" title={t('fazhi.show.record')}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('fazhi.orgId')}>
                <span data-record="">{orgName(user.orgs, record.orgId)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('fazhi.show.version')}>{String(record.version ?? '')}</Descriptions.Item>
              <Descriptions.Item label={t('fazhi.show.createdAt')}>{formatShanghaiDateTime(String(record.createdAt ?? ''))}</Descriptions.Item>
              <Descriptions.Item label={t('fazhi.show.updatedAt')}>{formatShanghaiDateTime(String(record.updatedAt ?? ''))}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Space>
      ) : null}
    </Show>
  );
}
