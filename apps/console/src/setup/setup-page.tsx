import { orgSetupUnitsFromSheet, type OrgSetupUnit } from '@fazhi/db/browser';
import { documentTitle } from '@fazhi/plugin-sdk';
import { Alert, Button, Card, Divider, Form, Input, Radio, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ConsoleBackend } from '../backend/backend.js';
import { NewPasswordFields } from '../login/new-password-fields.js';
import { consoleText, type ConsoleLocale } from '../messages.js';
import { orgSetupFromForm, type SetupFormValues } from './org-setup-form.js';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 建立本单位 (the embedded default's first run): the street or town, its communities or villages,
 * mediation committees, departments, 建账起止 and the first admin — or an org sheet instead of the
 * units. The database checks everything and answers in Chinese; nothing is kept when it refuses.
 */
export default function SetupPage({ backend, locale }: { backend: ConsoleBackend; locale: ConsoleLocale }) {
  const t = (key: string, params?: Record<string, string | number>) => consoleText(locale, `console.setup.${key}`, params);
  const [form] = Form.useForm<SetupFormValues & { adminPasswordAgain: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [sheet, setSheet] = useState<{ file: string; units: OrgSetupUnit[]; count: number }>();
  const navigate = useNavigate();

  useEffect(() => {
    document.title = documentTitle({ page: t('title') }, consoleText(locale, 'console.title'));
  });

  const readSheet = async (file: File) => {
    setError(undefined);
    const { readOrgTree } = await import('@fazhi/ledger');
    const read = await readOrgTree(new Uint8Array(await file.arrayBuffer()), file.name);
    if (read.errors.length) {
      setSheet(undefined);
      setError(read.errors.join('；'));
    } else setSheet({ file: file.name, units: orgSetupUnitsFromSheet(read.units), count: read.units.length });
    return false;
  };

  const submit = async (values: SetupFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      await backend.firstRun!.setUp(orgSetupFromForm(values, sheet?.units));
      navigate('/login?setup=1', { replace: true });
    } catch (e) {
      setError(t('failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const dateRule = { pattern: isoDay, message: t('dateFormat') };
  return (
    <div style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 640 }} data-testid="setup-page">
        <Typography.Title level={3}>{t('title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} disabled={busy} initialValues={{ streetKind: 'street' }}>
          <fieldset disabled={Boolean(sheet)} style={{ border: 0, padding: 0, margin: 0, opacity: sheet ? 0.5 : 1 }}>
            <Form.Item name="district" label={t('district')}>
              <Input placeholder={t('districtHint')} />
            </Form.Item>
            <Form.Item name="streetKind" label={t('streetKind')}>
              <Radio.Group options={[{ value: 'street', label: t('street') }, { value: 'town', label: t('town') }]} />
            </Form.Item>
            <Form.Item name="name" label={t('name')} rules={sheet ? [] : [{ required: true, whitespace: true, message: t('nameRequired') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="shortName" label={t('shortName')}>
              <Input />
            </Form.Item>
            <Form.Item name="communities" label={t('communities')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
            <Form.Item name="committees" label={t('committees')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
            </Form.Item>
            <Form.Item name="departments" label={t('departments')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
            </Form.Item>
            <div style={{ display: 'flex', gap: 16 }}>
              <Form.Item name="ledgerFrom" label={t('ledgerFrom')} rules={[dateRule]} style={{ flex: 1 }}>
                <Input placeholder="2024-01-01" />
              </Form.Item>
              <Form.Item name="ledgerTo" label={t('ledgerTo')} rules={[dateRule]} style={{ flex: 1 }}>
                <Input placeholder="YYYY-MM-DD" />
              </Form.Item>
            </div>
          </fieldset>
          <Typography.Paragraph>{t('sheet')}</Typography.Paragraph>
          {sheet ? (
            <Alert
              type="info"
              showIcon
              data-testid="setup-sheet"
              message={t('sheetRead', { file: sheet.file, count: sheet.count })}
              action={<Button size="small" onClick={() => setSheet(undefined)}>{t('sheetClear')}</Button>}
              style={{ marginBottom: 16 }}
            />
          ) : (
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={readSheet}>
              <Button>{t('sheetUpload')}</Button>
            </Upload>
          )}
          <Divider />
          <Form.Item name="adminEmail" label={t('adminEmail')} rules={[{ required: true, message: t('adminEmailRequired') }, { type: 'email', message: t('adminEmailInvalid') }]}>
            <Input type="email" autoComplete="username" />
          </Form.Item>
          <NewPasswordFields t={(key) => t(`adminPassword.${key}`)} names={{ next: 'adminPassword', repeat: 'adminPasswordAgain' }} minLength={8} />
          <div style={{ display: 'flex', gap: 8 }}>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('submit')}
            </Button>
            <Button onClick={() => navigate('/login')} disabled={busy}>
              {t('back')}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
