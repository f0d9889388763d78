import { DeleteOutlined, EditOutlined, EyeOutlined, UndoOutlined } from '@ant-design/icons';
import { useCustomMutation, useDelete, useInvalidate, type BaseRecord } from '@refinedev/core';
import { Button, Popconfirm, type ButtonProps, type PopconfirmProps } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { hasRight, rightOfAction } from '../../host/access-control.js';
import type { ConsoleUser } from '../../services.js';
import { recordPath, resourcePaths } from '../../host/resource-routes.js';
import type { PluginResource, WorkAreaPlugin } from '../../plugin.js';
import type { Labels } from '../use-labels.js';

/**
 * Access for one action on one record, decided from the user's grants on the record's org. The
 * same rule as the console's `accessControlProvider` (both are `hasRight`), but synchronous: a
 * page of 20 rows would otherwise run 60 `useCan` queries, each re-rendering the table as it resolves.
 */
const recordCan = (user: ConsoleUser, area: string, action: string, record: BaseRecord) => hasRight(user, rightOfAction(action), area, (record.orgId as string | undefined) ?? null);

/** What the rows' buttons do, shared by every row of one list; the same object until a delete or restore starts or ends. */
export interface RowActionHandlers {
  show(id: BaseRecord['id']): void;
  edit(id: BaseRecord['id']): void;
  remove(record: BaseRecord): void;
  restore(record: BaseRecord): void;
  /** The record being deleted or restored, whose button spins. */
  busyId: BaseRecord['id'] | undefined;
}

/**
 * The row actions' Refine hooks, once per list rather than once per row: each of them resolves
 * the current route against every resource of the console (Refine's `useParsed`) when it mounts,
 * and a page or sort change mounts a fresh set of rows, so per-row hooks cost 20 rows × 5 route
 * matches on every change (a quarter of the list's main-thread time after a sort). Pages are
 * reached by their paths (Refine's `useNavigation` returns new functions on every render, which
 * would rebuild the table's columns and so re-render every cell).
 */
export function useRowActionHandlers(plugin: Pick<WorkAreaPlugin, 'id'>, resource: PluginResource, labels: Labels): RowActionHandlers {
  const kind = resource.kind.id;
  const navigate = useNavigate();
  const { mutate: remove, mutation: removing } = useDelete();
  const { mutate: custom, mutation: restoring } = useCustomMutation();
  const invalidate = useInvalidate();
  const t = labels.t;
  const busyId = removing.isPending ? removing.variables?.id : restoring.isPending ? (restoring.variables?.values as { id?: BaseRecord['id'] } | undefined)?.id : undefined;
  const paths = useMemo(() => resourcePaths(plugin, resource), [plugin, resource]);
  return useMemo(
    () => ({
      show: (id) => navigate(recordPath(paths.show, id!)),
      edit: (id) => navigate(recordPath(paths.edit, id!)),
      remove: (record) => remove({ resource: kind, id: record.id!, meta: { version: record.version }, mutationMode: 'pessimistic' }),
      restore: (record) =>
        custom(
          { url: 'restore', method: 'post', values: { resource: kind, id: record.id, version: record.version }, successNotification: () => ({ type: 'success', message: t('fazhi.list.restored') }) },
          { onSuccess: () => invalidate({ resource: kind, invalidates: ['list', 'many', 'detail'] }) },
        ),
      busyId,
    }),
    [kind, navigate, paths, remove, custom, invalidate, t, busyId],
  );
}

const askFirst = { autoFocus: true };

/** The buttons of a row side by side (a plain box: antd's Space adds a wrapper and context per button, per row). */
const actionsStyle = { display: 'inline-flex', gap: 8 } as const;

/**
 * A button that asks first: its Popconfirm is mounted when it is clicked, not with every row (a
 * popup trigger per row cost each page of a list 20 of them). The question takes the focus on its
 * 取消 (the safe answer; Tab reaches the other): antd's popup lies at the end of the page, where
 * a keyboard user would not otherwise get to it.
 */
function ConfirmedButton({ confirm, children, ...button }: ButtonProps & { confirm: Omit<PopconfirmProps, 'open' | 'onOpenChange'>; children: ReactNode }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button {...button} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <Popconfirm {...confirm} cancelButtonProps={askFirst} open onOpenChange={(open) => setAsking(open)}>
      <Button {...button}>{children}</Button>
    </Popconfirm>
  );
}

/** Show / edit / soft-delete (with confirm) for live rows; restore for deleted ones. Hidden when the user's rights say no. */
export function RowActions({ user, area, record, actions, labels }: { user: ConsoleUser; area: string; record: BaseRecord; actions: RowActionHandlers; labels: Labels }) {
  const t = labels.t;
  const busy = actions.busyId !== undefined && actions.busyId === record.id;
  if (record.deletedAt) {
    return recordCan(user, area, 'delete', record) ? (
      <ConfirmedButton
        size="small"
        icon={<UndoOutlined />}
        loading={busy}
        confirm={{ title: t('fazhi.list.restoreConfirm'), okText: t('fazhi.list.restore'), cancelText: t('buttons.cancel'), onConfirm: () => actions.restore(record) }}
      >
        {t('fazhi.list.restore')}
      </ConfirmedButton>
    ) : null;
  }
  return (
    <span style={actionsStyle}>
      {recordCan(user, area, 'show', record) && (
        <Button size="small" icon={<EyeOutlined />} onClick={() => actions.show(record.id)}>
          {t('buttons.show')}
        </Button>
      )}
      {recordCan(user, area, 'edit', record) && (
        <Button size="small" icon={<EditOutlined />} onClick={() => actions.edit(record.id)}>
          {t('buttons.edit')}
        </Button>
      )}
      {recordCan(user, area, 'delete', record) && (
        <ConfirmedButton
          size="small"
          danger
          icon={<DeleteOutlined />}
          loading={busy}
          confirm={{ title: t('fazhi.list.deleteConfirm'), okText: t('buttons.delete'), okButtonProps: { danger: true }, cancelText: t('buttons.cancel'), onConfirm: () => actions.remove(record) }}
        >
          {t('buttons.delete')}
        </ConfirmedButton>
      )}
    </span>
  );
}
