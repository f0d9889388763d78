import { useCustom, useCustomMutation, useInvalidate, type BaseRecord, type HttpError } from '@refinedev/core';
import { findField, type RecordStep } from '@fazhi/domain';
import { Alert, Button, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { hasRight } from '../../host/access-control.js';
import type { PluginResource, Workflow } from '../../plugin.js';
import { formatShanghaiDateTime } from '../fields/shanghai-time.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';

/**
 * The steps the record has taken (who, when; undone ones with who undid them and why), from the
 * database's `public.record_steps`, and for a street admin of the record's org a button to undo the
 * last one with a reason. Records loaded as history have no steps until somebody takes one.
 */
export function StepHistory({ resource, workflow, area, record }: { resource: PluginResource; workflow: Workflow; area: string; record: BaseRecord }) {
  const labels = useLabels();
  const { t } = labels;
  const { user } = useFazhiServices();
  const kind = resource.kind;
  // The record's version is part of the query, so the history is read again after every write.
  const { query, result } = useCustom<RecordStep[]>({ url: 'record-steps', method: 'get', config: { query: { resource: kind.id, id: record.id, version: record.version } } });
  const undo = useCustomMutation<BaseRecord, HttpError>();
  const invalidate = useInvalidate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const stateField = findField(kind, workflow.field);
  const state = (v: string) => (stateField ? labels.option(stateField, v) : v);
  // Nothing (not an empty list) while the first answer is on its way.
  const steps: RecordStep[] = Array.isArray(result.data) ? result.data : [];
  const last = [...steps].reverse().find((s) => !s.undoneAt);
  const canUndo = last !== undefined && last.toState === String(record[workflow.field]) && !record.deletedAt && hasRight(user, 'administer', area, record.orgId as string);
  const who = (id: string | null) => (id === user.id ? user.name : id ? t('fazhi.steps.someone') : '—');
  const stepName = (s: RecordStep | undefined) => (s ? labels.step(workflow, s.label) : '');

  const submit = async () => {
    setError(null);
    try {
      await undo.mutateAsync({
        url: 'undo-step',
        method: 'post',
        values: { resource: kind.id, id: record.id, reason },
        successNotification: () => ({ type: 'success', message: t('fazhi.steps.undone', { label: stepName(last) }) }),
        errorNotification: false,
      });
      await invalidate({ resource: kind.id, id: record.id!, invalidates: ['list', 'detail'] });
      setOpen(false);
      setReason('');
    } catch (e) {
      setError((e as HttpError).message || t('fazhi.workflow.failed'));
    }
  };

  return (
    <>
      <Table<RecordStep>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        pagination={false}
        dataSource={steps}
        locale={{ emptyText: t('fazhi.steps.empty') }}
        columns={[
          { title: t('fazhi.steps.step'), render: (_, s) => (s.undoneAt ? <Typography.Text delete>{stepName(s)}</Typography.Text> : stepName(s)) },
          { title: t('fazhi.steps.change'), render: (_, s) => `${state(s.fromState)} → ${state(s.toState)}` },
          { title: t('fazhi.steps.takenBy'), render: (_, s) => (s.takenBy === user.id ? <span data-record="">{user.name}</span> : who(s.takenBy)) },
          { title: t('fazhi.steps.takenAt'), render: (_, s) => formatShanghaiDateTime(s.takenAt) },
          {
            title: t('fazhi.steps.undo'),
            render: (_, s) => (s.undoneAt ? t('fazhi.steps.undoneBy', { who: who(s.undoneBy), at: formatShanghaiDateTime(s.undoneAt), reason: s.undoReason ?? '' }) : ''),
          },
        ]}
      />
      {canUndo ? (
        <Button danger style={{ marginTop: 8 }} onClick={() => setOpen(true)}>
          {t('fazhi.steps.undoLast', { label: stepName(last) })}
        </Button>
      ) : null}
      <Modal
        open={open}
        title={t('fazhi.steps.undoLast', { label: stepName(last) })}
        okText={t('fazhi.workflow.ok')}
        cancelText={t('buttons.cancel')}
        okButtonProps={{ disabled: !reason.trim() }}
        confirmLoading={undo.mutation.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        destroyOnHidden
      >
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} /> : null}
        <Typography.Paragraph>{t('fazhi.steps.reason')}</Typography.Paragraph>
        <Input.TextArea aria-label={t('fazhi.steps.reason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
