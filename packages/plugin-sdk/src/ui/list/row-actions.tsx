import { DeleteOutlined, EditOutlined, EyeOutlined, UndoOutlined } from '@ant-design/icons';
import { useCustomMutation, useDelete, useInvalidate, useNavigation, type BaseRecord } from '@refinedev/core';
import { Button, Popconfirm, Space } from 'antd';
import { hasRight, rightOfAction } from '../../host/access-control.js';
import type { PluginResource } from '../../plugin.js';
import { useFazhiServices } from '../services-context.js';
import type { Labels } from '../use-labels.js';

/**
 * Access for one action on one record, decided from the user's grants on the record's org. The
 * same rule as the console's `accessControlProvider` (both are `hasRight`), but synchronous: a
 * page of 20 rows would otherwise run 60 `useCan` queries, each re-rendering the table as it resolves.
 */
export function useRecordCan(area: string, action: string, record?: BaseRecord) {
  const { user } = useFazhiServices();
  return hasRight(user, rightOfAction(action), area, (record?.orgId as string | undefined) ?? null);
}

/** Show / edit / soft-delete (with confirm) for live rows; restore for deleted ones. Hidden when `can` says no. */
export function RowActions({ resource, area, record, labels }: { resource: PluginResource; area: string; record: BaseRecord; labels: Labels }) {
  const kind = resource.kind.id;
  const { show, edit } = useNavigation();
  const canShow = useRecordCan(area, 'show', record);
  const canEdit = useRecordCan(area, 'edit', record);
  const canDelete = useRecordCan(area, 'delete', record);
  const { mutate: remove, mutation: removing } = useDelete();
  const { mutate: custom, mutation: restoring } = useCustomMutation();
  const invalidate = useInvalidate();
  const id = record.id!;
  const version = record.version as number | undefined;
  const t = labels.t;

  if (record.deletedAt) {
    return canDelete ? (
      <Popconfirm
        title={t('fazhi.list.restoreConfirm')}
        okText={t('fazhi.list.restore')}
        cancelText={t('buttons.cancel')}
        onConfirm={() =>
          custom(
            { url: 'restore', method: 'post', values: { resource: kind, id, version }, successNotification: () => ({ type: 'success', message: t('fazhi.list.restored') }) },
            { onSuccess: () => invalidate({ resource: kind, invalidates: ['list', 'many', 'detail'] }) },
          )
        }
      >
        <Button size="small" icon={<UndoOutlined />} loading={restoring.isPending}>
          {t('fazhi.list.restore')}
        </Button>
      </Popconfirm>
    ) : null;
  }
  return (
    <Space size="small">
      {canShow && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => show(kind, id)}>
          {t('buttons.show')}
        </Button>
      )}
      {canEdit && (
        <Button size="small" icon={<EditOutlined />} onClick={() => edit(kind, id)}>
          {t('buttons.edit')}
        </Button>
      )}
      {canDelete && (
        <Popconfirm
          title={t('fazhi.list.deleteConfirm')}
          okText={t('buttons.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('buttons.cancel')}
          onConfirm={() => remove({ resource: kind, id, meta: { version }, mutationMode: 'pessimistic' })}
        >
          <Button size="small" danger icon={<DeleteOutlined />} loading={removing.isPending}>
            {t('buttons.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
