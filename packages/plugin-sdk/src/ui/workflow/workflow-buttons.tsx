import { useCan, useCustomMutation, useInvalidate, useUpdate, type BaseRecord, type HttpError } from '@refinedev/core';
import { Alert, Button, Form, Modal, Space, Typography } from 'antd';
import { findField, stateOf, type FieldDef } from '@fazhi/domain';
import { useState } from 'react';
import { hasRight } from '../../host/access-control.js';
import { workflowOf, type PluginResource, type WorkflowTransition } from '../../plugin.js';
import { FieldInput } from '../fields/field-input.js';
import { fieldRules } from '../fields/form-rules.js';
import { dependentFields, formToFields, recordToForm, type FormValues } from '../fields/form-values.js';
import { MaskedFieldInput } from '../form/masked-field.js';
import { maskedFieldKeys, withoutKeptMasks } from '../form/masked-fields.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { availableTransitions } from './transitions.js';

/** The fields a step's dialog shows: what it requires, then what it also asks for. */
export const stepFields = (s: WorkflowTransition | null | undefined): string[] => [...new Set([...(s?.requires ?? []), ...(s?.asks ?? [])])];

/**
 * One button per step allowed from the record's state. A step with `requires` or `asks` opens a
 * dialog for those fields, validated with the kind's schema over the record as it would be after
 * the step (so 结案 asks for 协议形式 exactly when 调解结果 is 成功). A kind's workflow is taken
 * through the data provider's `take-step` (the database checks the step and records who took it);
 * a resource's own (deprecated) workflow through a plain update. Both carry the version the page read. A personal field the user sees masked is read-only
 * there too, replaced only whole, and not sent when kept (as in the edit form).
 */
export function WorkflowButtons({ resource, area, record }: { resource: PluginResource; area: string; record: BaseRecord }) {
  const labels = useLabels();
  const { t } = labels;
  const [step, setStep] = useState<WorkflowTransition | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();
  const { user } = useFazhiServices();
  const [replacing, setReplacing] = useState<ReadonlySet<string>>(new Set());
  const { mutateAsync, mutation } = useUpdate<BaseRecord, HttpError>();
  const takeStep = useCustomMutation<BaseRecord, HttpError>();
  const invalidate = useInvalidate();
  const { data: can } = useCan({ resource: resource.kind.id, action: 'workflow', params: { id: record.id, orgId: (record.orgId as string) ?? null, resource: { name: resource.kind.id, meta: { area } } as never } });
  const wf = workflowOf(resource);
  const enforced = resource.kind.workflow !== undefined;
  const pending = mutation.isPending || takeStep.mutation.isPending;
  if (!wf || record.deletedAt) return null;
  const kind = resource.kind;
  const steps = availableTransitions(wf, record, kind.fields);
  const stateField = findField(kind, wf.field)!;
  const masked = maskedFieldKeys(kind, record, hasRight(user, 'personal', area, record.orgId as string));

  const run = async (s: WorkflowTransition, values: FormValues = {}) => {
    setError(null);
    const filled = withoutKeptMasks(formToFields(kind, values), masked, replacing);
    const done = () => ({ type: 'success' as const, message: t('fazhi.workflow.done', { label: labels.text(s.label, s.labelEn) }) });
    try {
      if (enforced) {
        await takeStep.mutateAsync({
          url: 'take-step',
          method: 'post',
          values: { resource: kind.id, id: record.id, to: s.to, values: filled, version: record.version },
          successNotification: done,
          errorNotification: false,
        });
        await invalidate({ resource: kind.id, id: record.id!, invalidates: ['list', 'detail'] });
      } else {
        await mutateAsync({
          resource: kind.id,
          id: record.id!,
          values: { ...filled, ...s.sets, [wf.field]: s.to, version: record.version },
          mutationMode: 'pessimistic',
          successNotification: done,
          errorNotification: false,
        });
      }
      setStep(null);
    } catch (e) {
      const err = e as HttpError;
      const fieldErrors = err.errors ?? {};
      if (stepFields(s).length) form.setFields(Object.entries(fieldErrors).map(([name, errs]) => ({ name, errors: (Array.isArray(errs) ? errs : [String(errs)]) as string[] })));
      setError(err.message || t('fazhi.workflow.failed'));
    }
  };

  const requires = stepFields(step).map((k) => findField(kind, k)).filter((f): f is FieldDef => f !== undefined);
  const current = recordToForm(kind, record as never);
  /** A step's dialog starts from the record's current values of the fields it asks for. */
  const valuesFor = (s: WorkflowTransition | null) => Object.fromEntries(stepFields(s).map((k) => [k, current[k]]));
  const initialValues = valuesFor(step);
  return (
    <Space wrap>
      <Typography.Text type="secondary">
        {t('fazhi.workflow.current', { state: labels.option(stateField, stateOf(kind.fields, wf, record) ?? '') })}
      </Typography.Text>
      {can?.can
        ? steps.map((s) => (
            <Button
              key={s.label}
              type="primary"
              ghost
              loading={pending && step === s}
              onClick={() => {
                if (!stepFields(s).length) {
                  setStep(s);
                  void run(s);
                  return;
                }
                setError(null);
                setReplacing(new Set());
                // The form instance outlives each dialog, and its store may still hold a field as an
                // earlier dialog had it (empty: 整改措施 before 开始整改 filled it). antd's initialValues
                // never override a stored value, so a later step asking for that field again would
                // show it empty and save it empty over the record's value.
                form.setFields(Object.entries(valuesFor(s)).map(([name, value]) => ({ name, value })));
                setStep(s);
              }}
            >
              {labels.text(s.label, s.labelEn)}
            </Button>
          ))
        : null}
      <Modal
        open={step !== null && requires.length > 0}
        title={step ? labels.text(step.label, step.labelEn) : undefined}
        okText={t('fazhi.workflow.ok')}
        cancelText={t('buttons.cancel')}
        confirmLoading={pending}
        onCancel={() => setStep(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} /> : null}
        <Form key={step?.label} form={form} initialValues={initialValues} layout="vertical" onFinish={(values) => step && run(step, values)} preserve={false}>
          {requires.map((f) => (
            <Form.Item key={f.key} name={f.key} label={labels.field(f)} rules={fieldRules(kind, f.key, () => ({ ...(record as object), ...step?.sets, [wf.field]: step?.to }), labels.validation)} dependencies={dependentFields(kind, f.key).filter((k) => stepFields(step).includes(k))}>
              {masked.has(f.key) ? (
                <MaskedFieldInput
                  field={f}
                  labels={labels}
                  shown={String(record[f.key] ?? '')}
                  replacing={replacing.has(f.key)}
                  onReplacingChange={(on) => setReplacing((prev) => (on ? new Set([...prev, f.key]) : new Set([...prev].filter((k) => k !== f.key))))}
                />
              ) : (
                <FieldInput field={f} labels={labels} />
              )}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Space>
  );
}
