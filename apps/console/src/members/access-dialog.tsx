import type { Grant, MemberRole } from '@fazhi/db/browser';
import { workAreas } from '@fazhi/domain';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { GrantOption } from './grant-options.js';

/** Which fields a dialog asks for: a new local account, an invitation, a changed grant, or only why. */
export type AccessDialogKind = 'account' | 'invite' | 'change' | 'reason';

export interface AccessDialogValues {
  email: string;
  displayName?: string;
  password: string;
  grant: Grant;
  reason: string;
}

interface FormFields {
  email?: string;
  displayName?: string;
  password?: string;
  orgId?: string;
  role?: MemberRole;
  areas?: string[];
  personalData?: boolean;
  reason?: string;
}

interface Props {
  kind: AccessDialogKind;
  title: string;
  /** Units (with their names) and what may be granted there. */
  options: readonly (GrantOption & { name: string })[];
  /** The grant being changed (kind `change`). */
  initial?: Grant;
  onSubmit(values: AccessDialogValues): Promise<void>;
  onClose(): void;
}

/**
 * One dialog for every change of access. It offers only what the signed-in user holds (units,
 * roles, the personal-data grant), always asks why, and shows the database's refusal as it is:
 * the database, not this form, is the authority.
 */
export function AccessDialog({ kind, title, options, initial, onSubmit, onClose }: Props) {
  const t = useTranslate();
  const locale = useGetLocale()();
  const text = (key: string) => t(`console.members.${key}`);
  const [form] = Form.useForm<FormFields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const asksGrant = kind !== 'reason';
  const orgId = Form.useWatch('orgId', form) ?? initial?.orgId;
  const role = Form.useWatch('role', form);
  const option = options.find((o) => o.orgId === orgId);

  const submit = async (f: FormFields) => {
    setBusy(true);
    setError(undefined);
    try {
      const grantRole = f.role ?? initial?.role ?? 'viewer';
      await onSubmit({
        email: f.email?.trim() ?? '',
        ...(f.displayName?.trim() ? { displayName: f.displayName.trim() } : {}),
        password: f.password ?? '',
        grant: {
          orgId: f.orgId ?? initial?.orgId ?? '',
          role: grantRole,
          areas: grantRole === 'clerk' ? (f.areas ?? []) : [],
          personalData: f.personalData ?? false,
        },
        reason: f.reason?.trim() ?? '',
      });
      onClose();
    } catch (e) {
      setError(t('console.members.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const onlyOrg = options.length === 1 ? options[0]!.orgId : undefined;
  return (
    <Modal open title={title} okButtonProps={{ loading: busy }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden maskClosable={false} data-testid="access-dialog">
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<FormFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        onFinish={submit}
        initialValues={{ orgId: initial?.orgId ?? onlyOrg, role: initial?.role, areas: initial?.areas ?? [], personalData: initial?.personalData ?? false }}
      >
        {(kind === 'account' || kind === 'invite') && (
          <Form.Item name="email" label={text('email')} rules={[{ required: true, whitespace: true, message: text('emailRequired') }]}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
        )}
        {kind === 'account' && (
          <>
            <Form.Item name="displayName" label={text('displayName')}>
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
            <Form.Item name="password" label={text('initialPassword')} extra={text('initialPasswordHint')} rules={[{ required: true, message: text('passwordRequired') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
        {(kind === 'account' || kind === 'invite') && (
          <Form.Item name="orgId" label={text('unit')} rules={[{ required: true, message: text('unitRequired') }]}>
            <Select options={options.map((o) => ({ value: o.orgId, label: o.name }))} />
          </Form.Item>
        )}
        {asksGrant && (
          <>
            <Form.Item name="role" label={text('role')} rules={[{ required: true, message: text('roleRequired') }]}>
              <Select options={(option?.roles ?? []).map((r) => ({ value: r, label: t(`console.roles.${r}`) }))} />
            </Form.Item>
            {role === 'clerk' && (
              <Form.Item name="areas" label={text('areas')} rules={[{ required: true, type: 'array', min: 1, message: text('areasRequired') }]}>
                <Select mode="multiple" options={workAreas.map((a) => ({ value: a.id, label: locale === 'en' ? a.labelEn : a.label }))} />
              </Form.Item>
            )}
            <Form.Item name="personalData" valuePropName="checked" extra={option && !option.personalData ? text('personalDataNotHeld') : undefined}>
              <Checkbox disabled={!option?.personalData}>{text('personalDataGrant')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={text('reason')} extra={text('reasonHint')} rules={[{ required: true, whitespace: true, message: text('reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
