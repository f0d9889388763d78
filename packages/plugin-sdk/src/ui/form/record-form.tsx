import { useForm, Create, Edit } from '@refinedev/antd';
import { useParsed, type BaseRecord, type HttpError } from '@refinedev/core';
import { Alert, Button, Card, Col, Form, Input, Row, TreeSelect } from 'antd';
import type { FieldDef } from '@fazhi/domain';
import { useMemo, useState } from 'react';
import { hasRight, writableOrgIds } from '../../host/access-control.js';
import { workflowOf, type RecordPageProps } from '../../plugin.js';
import { enterableStates } from '../workflow/transitions.js';
import { FieldInput } from '../fields/field-input.js';
import { fieldRules } from '../fields/form-rules.js';
import { dependentFields, formToFields, recordToForm, type FormValues } from '../fields/form-values.js';
import { looksMasked } from '../fields/format-value.js';
import { orgTreeData } from '../fields/org-tree.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { saveProblem, type SaveProblem } from './conflict.js';
import { formSectionsOf } from './form-layout.js';
import { MaskedFieldInput } from './masked-field.js';
import { maskedFieldKeys, withoutKeptMasks } from './masked-fields.js';

/**
 * Create and edit forms generated from the kind's fields. Validation is the kind's zod schema
 * (the rules of every field run `validateRecord` on the whole form), so messages are the Chinese
 * ones naming the field and cross-field rules appear on the field they blame; antd calls
 * `onFinish` only when every rule passes, so nothing invalid is sent. Edits send the version they
 * read; the database refuses a stale one with 409 and its message is shown above the form.
 * Personal fields that arrived masked are read-only and only replaced whole (MaskedFieldInput);
 * kept ones are left out of the update. Leaving with unsaved changes asks first (Refine's
 * `warnWhenUnsavedChanges`, with the console's UnsavedChangesNotifier for routes and tab close).
 */
export function RecordForm({ resource, plugin, action }: RecordPageProps & { action: 'create' | 'edit' }) {
  const labels = useLabels();
  const { t } = labels;
  const { user, dashboardOrgId } = useFazhiServices();
  const kind = resource.kind;
  const { id } = useParsed();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const { formProps, saveButtonProps, query, formLoading } = useForm<BaseRecord, HttpError, FormValues>({
    resource: kind.id,
    action,
    ...(action === 'edit' && id !== undefined ? { id } : {}),
    redirect: 'show',
    mutationMode: 'pessimistic',
    // Errors are shown in the form itself (fields and banner), not as a passing notification.
    errorNotification: false,
    onMutationError: (e) => setProblem(saveProblem(e, t('fazhi.form.invalid'))),
    onMutationSuccess: () => setProblem(null),
  });
  const record = query?.data?.data;
  const masked = useMemo(
    () => (action === 'edit' ? maskedFieldKeys(kind, record, record ? hasRight(user, 'personal', plugin.area, record.orgId as string) : false) : new Set<string>()),
    [action, kind, record, user, plugin.area],
  );
  // Masked fields the user chose to re-enter (「重新填写」); the others keep their real value.
  const [replacing, setReplacing] = useState<ReadonlySet<string>>(new Set());
  const setReplacingOf = (key: string, on: boolean) =>
    setReplacing((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const writable = useMemo(() => writableOrgIds(user, plugin.area), [user, plugin.area]);
  const initialValues = useMemo(() => {
    if (action === 'edit') return record ? recordToForm(kind, record as never) : undefined;
    const wf = workflowOf(resource);
    const status = wf ? (wf.initial ?? firstOption(kind, wf.field)) : undefined;
    // The unit chosen in the header when the user may write there; else the highest unit they may
    // write in (their street, usually). They pick a committee below it.
    const firstWritable = dashboardOrgId && writable.has(dashboardOrgId) ? dashboardOrgId : user.orgs.find((o) => writable.has(o.id) && !(o.parentId && writable.has(o.parentId)))?.id;
    return recordToForm(kind, { ...(wf && status ? { [wf.field]: status } : {}), ...(firstWritable ? { orgId: firstWritable } : {}) } as never);
  }, [action, record, kind, resource, user.orgs, writable, dashboardOrgId]);

  const onFinish = (values: FormValues) => {
    setProblem(null);
    const variables: Record<string, unknown> = withoutKeptMasks({ ...formToFields(kind, values), orgId: values.orgId }, masked, replacing);
    if (action === 'edit') variables.version = values.version;
    // The workflow field changes only through its buttons once a record exists.
    const wfField = workflowOf(resource)?.field;
    if (action === 'edit' && wfField) delete variables[wfField];
    return formProps.onFinish?.(variables as FormValues);
  };

  // A new record starts in a state it can hold without files (steps needing one are taken on its page).
  const createWorkflow = workflowOf(resource);
  const createStates = createWorkflow ? enterableStates(createWorkflow, createWorkflow.initial ?? firstOption(kind, createWorkflow.field) ?? '') : undefined;
  const enterable = (f: FieldDef): FieldDef =>
    f.key === createWorkflow?.field && f.type === 'enum' && createStates && f.options.some((o) => !createStates.has(o.value)) ? { ...f, options: f.options.filter((o) => createStates.has(o.value)) } : f;
  const sections = formSectionsOf(resource, t('fazhi.form.otherSection'));
  const body =
    action === 'edit' && !record ? null : (
      <Form {...formProps} key={String(record?.id ?? 'new')} initialValues={initialValues} onFinish={onFinish} layout="vertical" scrollToFirstError>
        {problem ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={problem.conflict ? t('fazhi.form.conflictTitle') : t('fazhi.form.errorTitle')}
            description={problem.message}
            action={
              problem.conflict ? (
                <Button size="small" onClick={() => query?.refetch().then(() => setProblem(null))}>
                  {t('fazhi.form.reload')}
                </Button>
              ) : undefined
            }
          />
        ) : null}
        <Form.Item name="version" hidden>
          <Input type="hidden" />
        </Form.Item>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="orgId" label={t('fazhi.orgId')} required rules={[{ required: true, message: t('fazhi.form.required', { label: t('fazhi.orgId') }) }]}>
            <TreeSelect aria-label={t('fazhi.orgId')} treeDefaultExpandAll treeData={orgTreeData(user.orgs, writable)} style={{ maxWidth: 360 }} />
          </Form.Item>
        </Card>
        {sections.map((s) => (
          <Card key={s.title || 'fields'} size="small" title={s.title ? labels.text(s.title, s.titleEn) : undefined} style={{ marginBottom: 16 }}>
            {s.personal ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('fazhi.form.personalSection')} /> : null}
            <Row gutter={16}>
              {s.fields.map((f) => {
                const locked = action === 'edit' && workflowOf(resource)?.field === f.key;
                const isMasked = masked.has(f.key);
                const kept = isMasked && !replacing.has(f.key);
                return (
                  <Col key={f.key} xs={24} md={f.type === 'longtext' ? 24 : 12}>
                    <Form.Item
                      name={f.key}
                      label={labels.field(f)}
                      required={f.required}
                      // A kept mask is not sent, so it is not checked either (the real value was).
                      rules={kept ? [] : isMasked ? [...fieldRules(kind, f.key, undefined, labels.validation), notMasked(t('fazhi.form.maskedInvalid', { label: labels.field(f) }))] : fieldRules(kind, f.key, undefined, labels.validation)}
                      dependencies={kept ? [] : dependentFields(kind, f.key)}
                      extra={locked ? t('fazhi.form.readonlyWorkflow') : action === 'create' && enterable(f) !== f ? t('fazhi.form.createStates') : isMasked ? t(kept ? 'fazhi.form.maskedKept' : 'fazhi.form.maskedReplacing') : labels.description(f)}
                    >
                      {isMasked ? (
                        <MaskedFieldInput field={f} labels={labels} shown={String(record?.[f.key] ?? '')} replacing={!kept} onReplacingChange={(on) => setReplacingOf(f.key, on)} />
                      ) : (
                        <FieldInput field={action === 'create' ? enterable(f) : f} labels={labels} disabled={locked} />
                      )}
                    </Form.Item>
                  </Col>
                );
              })}
            </Row>
          </Card>
        ))}
      </Form>
    );
  const Wrapper = action === 'edit' ? Edit : Create;
  return (
    <Wrapper resource={kind.id} title={labels.kind(kind)} isLoading={formLoading} saveButtonProps={saveButtonProps} {...(action === 'edit' ? { deleteButtonProps: { hidden: true } as never, canDelete: false } : {})}>
      {body}
    </Wrapper>
  );
}

/** A re-entered personal value must be whole: asterisks would read as a mask (the database refuses those too). */
const notMasked = (message: string) => ({
  validator: async (_: unknown, value: unknown) => {
    if (looksMasked(value)) throw new Error(message);
  },
});

function firstOption(kind: RecordPageProps['resource']['kind'], key: string): string | undefined {
  const f = kind.fields.find((x) => x.key === key);
  return f && f.type === 'enum' ? f.options[0]?.value : undefined;
}
