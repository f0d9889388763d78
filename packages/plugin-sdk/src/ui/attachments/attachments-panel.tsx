import { formatFileSize } from '@fazhi/domain';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useCan, useNotification } from '@refinedev/core';
import { Button, Card, Empty, List, Popconfirm, Space, Tag, Typography, Upload, type UploadProps } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import type { PluginResource } from '../../plugin.js';
import type { StoredAttachment } from '../../services.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { saveAs } from './download.js';

/**
 * The record's files per declared slot, through the injected `AttachmentStore` (Supabase Storage
 * or the embedded database). Uploads go to `<org_id>/<kind_id>/<record_id>/<slot>/<key>`; the
 * list shows each file's own name.
 */
export function AttachmentsPanel({ resource, area, record }: { resource: PluginResource; area: string; record: { id?: string | number; orgId?: unknown; deletedAt?: unknown } }) {
  const labels = useLabels();
  const { t } = labels;
  const { attachments: store } = useFazhiServices();
  const { open } = useNotification();
  const [files, setFiles] = useState<StoredAttachment[]>([]);
  const { data: canUpload } = useCan({ resource: resource.kind.id, action: 'upload', params: { id: record.id, orgId: (record.orgId as string) ?? null, resource: { name: resource.kind.id, meta: { area } } as never } });
  const slots = resource.attachments ?? [];
  const orgId = String(record.orgId);
  const kindId = resource.kind.id;
  const recordId = String(record.id);
  const base = { orgId, kindId, recordId };
  const hasSlots = slots.length > 0;

  const failed = (key: string, e: unknown) => open?.({ type: 'error', message: t(key, { message: (e as Error).message }) });
  // Bumped after an upload or a removal, so that the list is read again; an answer for an older
  // record or an older read arriving late is dropped.
  const [listing, setListing] = useState(0);
  const reload = () => setListing((n) => n + 1);
  const listFailed = useEffectEvent((e: unknown) => failed('fazhi.attachments.listFailed', e));
  useEffect(() => {
    if (!store || !hasSlots) return;
    let live = true;
    store.list({ orgId, kindId, recordId }).then(
      (list) => live && setFiles(list),
      (e: unknown) => live && listFailed(e),
    );
    return () => {
      live = false;
    };
  }, [store, orgId, kindId, recordId, hasSlots, listing]);

  if (!slots.length) return null;
  if (!store) return <Card size="small" title={t('fazhi.attachments.title')}><Typography.Text type="secondary">{t('fazhi.attachments.unavailable')}</Typography.Text></Card>;

  return (
    <Card size="small" title={t('fazhi.attachments.title')}>
      {slots.map((slot) => {
        const mine = files.filter((f) => f.slot === slot.id);
        const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
          const blob = file as File;
          try {
            if (slot.maxBytes && blob.size > slot.maxBytes) throw new Error(t('fazhi.attachments.tooLarge', { name: blob.name, max: formatFileSize(slot.maxBytes) }));
            const stored = await store.put({ ...base, slot: slot.id }, blob, blob.name);
            onSuccess?.(stored);
            open?.({ type: 'success', message: t('fazhi.attachments.uploaded', { name: blob.name }) });
            reload();
          } catch (e) {
            onError?.(e as Error);
            failed('fazhi.attachments.failed', e);
          }
        };
        return (
          // A group named by the slot's label (found by its name in tests and by screen readers); the slot id for scripts.
          <div key={slot.id} role="group" aria-label={labels.label(slot)} data-attachment-slot={slot.id} style={{ marginBottom: 12 }}>
            <Space style={{ marginBottom: 4 }}>
              <Typography.Text strong>{labels.label(slot)}</Typography.Text>
              {slot.required ? <Tag color="orange">{t('fazhi.attachments.required')}</Tag> : null}
              {canUpload?.can && !record.deletedAt ? (
                <Upload customRequest={customRequest} accept={slot.accept} showUploadList={false} multiple>
                  <Button size="small" icon={<UploadOutlined />}>
                    {t('fazhi.attachments.upload')}
                  </Button>
                </Upload>
              ) : null}
            </Space>
            {mine.length ? (
              <List
                size="small"
                dataSource={mine}
                renderItem={(f) => (
                  <List.Item
                    actions={[
                      <Button key="get" size="small" type="link" icon={<DownloadOutlined />} onClick={() => store.url(f.path).then((url) => saveAs(url, f.fileName), (e) => failed('fazhi.attachments.downloadFailed', e))}>
                        {t('fazhi.attachments.download')}
                      </Button>,
                      canUpload?.can ? (
                        <Popconfirm key="rm" title={t('fazhi.attachments.removeConfirm')} onConfirm={() => store.remove(f.path).then(reload, (e) => failed('fazhi.attachments.removeFailed', e))} okText={t('fazhi.attachments.remove')} cancelText={t('buttons.cancel')}>
                          <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                            {t('fazhi.attachments.remove')}
                          </Button>
                        </Popconfirm>
                      ) : null,
                    ]}
                  >
                    <Typography.Text data-record="">{f.fileName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {formatFileSize(f.size)}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fazhi.attachments.empty')} style={{ margin: 4 }} />
            )}
          </div>
        );
      })}
    </Card>
  );
}
