import { InboxOutlined } from '@ant-design/icons';
import type { RecordKind } from '@fazhi/domain';
import type { LedgerReadResult, ReadLedgerOptions } from '@fazhi/ledger';
import { useInvalidate } from '@refinedev/core';
import { Alert, Button, Modal, Progress, Radio, Result, Select, Space, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { writableOrgIds } from '../../host/access-control.js';
import type { OnDuplicate, RecordImporter } from '../../services.js';
import { useFazhiServices } from '../services-context.js';
import type { Labels } from '../use-labels.js';
import { loadLedger, safeFileName, saveWorkbook } from './ledger-files.js';

interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A long task shown with a progress bar; `percent` undefined while it cannot be measured. */
interface Busy {
  text: string;
  percent?: number;
  /** Writing is one transaction: it cannot be cancelled half-way. */
  cancellable: boolean;
}

const unitKey = 'orgId';

/** Reads a picked file, reporting how far it got; rejects when the browser cannot read it. */
function readFile(file: File, onProgress: (percent: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”`));
    reader.readAsArrayBuffer(file);
  });
}

/** The database names the refused record by its place in the import (`第 N 条记录：…`): say which sheet row that is. */
export function refusalText(message: string, result: Pick<LedgerReadResult, 'rows'>): string {
  const m = /第 (\d+) 条记录：(.*)$/s.exec(message);
  const row = m ? result.rows[Number(m[1]) - 1] : undefined;
  return row ? `工作表“${row.sheet}”第 ${row.row} 行：${m![2]}` : message;
}

/**
 * 导入: upload (.xlsx / .csv) → map the headers (auto by label and synonyms; unknown ones by hand;
 * required fields unmapped block the way on) → check every row (errors by sheet, row, column and
 * value; the file with bad cells marked; what to do with duplicate numbers) → one transaction →
 * the summary, and the list refreshed. Nothing is written before 确认导入.
 */
export function ImportWizard({ kind, area, importer, labels, onClose }: { kind: RecordKind; area: string; importer: RecordImporter; labels: Labels; onClose: () => void }) {
  const { t } = labels;
  const { user, ledgerReader } = useFazhiServices();
  const invalidate = useInvalidate();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [file, setFile] = useState<UploadedFile | null>(null);
  /** The first reading: which headers the file has and what they matched by themselves. */
  const [auto, setAuto] = useState<LedgerReadResult | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | undefined>>({});
  const [defaultOrgId, setDefaultOrgId] = useState<string | undefined>(undefined);
  const [checked, setChecked] = useState<LedgerReadResult | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('skip');
  const [stopped, setStopped] = useState<readonly string[] | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  // Each long task takes a ticket; cancelling (or closing) draws a new one, so a stale result is
  // dropped, and aborts the task's signal, so a reading off the page's thread stops at once.
  const ticket = useRef(0);
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const writable = useMemo(() => writableOrgIds(user, area), [user, area]);
  const targets = useMemo(() => [{ key: unitKey, label: t('fazhi.orgId'), required: true }, ...kind.fields.map((f) => ({ key: f.key, label: labels.field(f), required: f.required === true }))], [kind, labels, t]);
  /** One row per distinct header of the file (sheets of a workbook usually share theirs). */
  const headers = useMemo(() => {
    const seen = new Map<string, { header: string; sheets: string[]; auto: string | undefined }>();
    for (const c of auto?.columns ?? []) {
      const h = seen.get(c.header) ?? { header: c.header, sheets: [], auto: c.target?.key };
      if (!h.sheets.includes(c.sheet)) h.sheets.push(c.sheet);
      seen.set(c.header, h);
    }
    return [...seen.values()];
  }, [auto]);
  const mapped = new Set(headers.map((h) => mapping[h.header]).filter(Boolean));
  const missing = targets.filter((x) => x.required && !mapped.has(x.key) && !(x.key === unitKey && defaultOrgId));

  async function run<T>(first: Busy, task: (progress: (b: Busy) => void, signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    const mine = ++ticket.current;
    const controller = new AbortController();
    running.current = controller;
    setFailure(null);
    setBusy(first);
    try {
      const value = await task((b) => mine === ticket.current && setBusy(b), controller.signal);
      return mine === ticket.current ? value : undefined;
    } catch (e) {
      if (mine === ticket.current) setFailure((e as Error).message);
      return undefined;
    } finally {
      if (mine === ticket.current) setBusy(null);
    }
  }

  /** `readLedger`, in the console's worker when there is one, else on the page's thread. */
  const readLedger = async (bytes: Uint8Array, options: ReadLedgerOptions, signal: AbortSignal) =>
    ledgerReader ? ledgerReader.read(bytes, options, signal) : (await loadLedger()).readLedger(bytes, options);

  const readOptions = (map: Record<string, string>) => ({ kind, orgs: user.orgs, ...(file ? { fileName: file.name } : {}), map, ...(defaultOrgId ? { defaultOrgId } : {}) });

  async function upload(picked: File) {
    const done = await run({ text: t('fazhi.ledger.reading', { name: picked.name }), percent: 0, cancellable: true }, async (progress, signal) => {
      const bytes = await readFile(picked, (percent) => progress({ text: t('fazhi.ledger.reading', { name: picked.name }), percent, cancellable: true }));
      progress({ text: t('fazhi.ledger.parsing'), cancellable: true });
      const first = await readLedger(bytes, { kind, orgs: user.orgs, fileName: picked.name }, signal);
      return { bytes, first };
    });
    if (!done) return;
    setFile({ name: picked.name, bytes: done.bytes });
    setAuto(done.first);
    setMapping(Object.fromEntries(done.first.columns.map((c) => [c.header, c.target?.key])));
    setStep(1);
  }

  async function check() {
    if (!file) return;
    // Only the choices that differ from what the header matched by itself go to the reader.
    const map = Object.fromEntries(headers.filter((h) => mapping[h.header] && mapping[h.header] !== h.auto).map((h) => [h.header, mapping[h.header]!]));
    const result = await run({ text: t('fazhi.ledger.parsing'), cancellable: true }, (_progress, signal) => readLedger(file.bytes, readOptions(map), signal));
    if (!result) return;
    setChecked(result);
    setStopped(null);
    setStep(2);
  }

  async function downloadMarked() {
    if (!file || !checked) return;
    const marked = await run({ text: t('fazhi.ledger.parsing'), cancellable: true }, async () => (await loadLedger()).markErrors(file.bytes, checked.errors, { fileName: file.name }));
    if (marked) saveWorkbook(marked, safeFileName(t('fazhi.ledger.markedName', { name: file.name.replace(/\.[^.]+$/, '') })));
  }

  async function write() {
    if (!checked) return;
    const records = checked.rows.map((r) => r.record);
    const answer = await run({ text: t('fazhi.ledger.writing', { count: records.length }), cancellable: false }, () =>
      importer.import(kind, records, onDuplicate).catch((e: unknown) => {
        throw new Error(refusalText((e as Error).message, checked));
      }),
    );
    if (!answer) return;
    if (answer.stopped) {
      setStopped(answer.duplicates);
      return;
    }
    setSummary(t('fazhi.ledger.summary', { read: checked.rowsRead, inserted: answer.inserted, updated: answer.updated, skipped: answer.skipped }));
    setStep(3);
    await invalidate({ resource: kind.id, invalidates: ['list', 'many'] });
  }

  const cancel = () => {
    ticket.current++;
    running.current?.abort();
    setBusy(null);
  };

  const issueColumns = [
    { key: 'sheet', dataIndex: 'sheet', title: t('fazhi.ledger.sheet') },
    { key: 'row', dataIndex: 'row', title: t('fazhi.ledger.row'), render: (n: number) => n || '' },
    { key: 'header', dataIndex: 'header', title: t('fazhi.ledger.column') },
    { key: 'value', dataIndex: 'value', title: t('fazhi.ledger.value') },
    { key: 'message', dataIndex: 'message', title: t('fazhi.ledger.problem') },
  ];

  const body = () => {
    if (step === 0)
      return (
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy !== null}
          beforeUpload={(f) => {
            void upload(f as File);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('fazhi.ledger.uploadHint')}</p>
        </Upload.Dragger>
      );
    if (step === 1)
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Table
            size="small"
            rowKey="header"
            pagination={false}
            dataSource={headers}
            columns={[
              { key: 'header', title: t('fazhi.ledger.header'), render: (_: unknown, h: (typeof headers)[number]) => h.header },
              { key: 'sheet', title: t('fazhi.ledger.sheet'), render: (_: unknown, h: (typeof headers)[number]) => h.sheets.join('、') },
              {
                key: 'field',
                title: t('fazhi.ledger.field'),
                render: (_: unknown, h: (typeof headers)[number]) => (
                  <Select
                    aria-label={`${t('fazhi.ledger.field')}：${h.header}`}
                    style={{ width: 220 }}
                    allowClear
                    placeholder={t('fazhi.ledger.notImported')}
                    value={mapping[h.header]}
                    onChange={(v: string | undefined) => setMapping({ ...mapping, [h.header]: v })}
                    // A field takes one column: one another header already fills is not offered (the
                    // reader would leave the second column out).
                    options={targets.map((x) => ({ value: x.key, label: x.required ? `${x.label} *` : x.label, disabled: headers.some((o) => o.header !== h.header && mapping[o.header] === x.key) }))}
                  />
                ),
              },
            ]}
          />
          <Space>
            <span>{t('fazhi.ledger.defaultUnit')}</span>
            <Select
              aria-label={t('fazhi.ledger.defaultUnit')}
              style={{ width: 240 }}
              allowClear
              placeholder={t('fazhi.ledger.defaultUnitNone')}
              value={defaultOrgId}
              onChange={(v: string | undefined) => setDefaultOrgId(v)}
              options={user.orgs.filter((o) => writable.has(o.id)).map((o) => ({ value: o.id, label: o.shortName || o.name }))}
            />
          </Space>
          {missing.length ? <Alert type="error" showIcon message={t('fazhi.ledger.missingRequired', { fields: missing.map((x) => `「${x.label}」`).join('、') })} /> : null}
        </Space>
      );
    if (step === 2 && checked)
      return (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space size="large" data-testid="ledger-counts">
            <Typography.Text>{t('fazhi.ledger.rowsRead', { count: checked.rowsRead })}</Typography.Text>
            <Typography.Text type="success">{t('fazhi.ledger.rowsValid', { count: checked.rows.length })}</Typography.Text>
            <Typography.Text type={checked.rowsWithErrors ? 'danger' : 'secondary'}>{t('fazhi.ledger.rowsWithErrors', { count: checked.rowsWithErrors })}</Typography.Text>
          </Space>
          {checked.errors.length ? (
            <>
              <Alert type="error" showIcon message={t('fazhi.ledger.errorsTitle')} action={<Button size="small" onClick={() => void downloadMarked()}>{t('fazhi.ledger.markedFile')}</Button>} />
              <Table size="small" rowKey={(e) => e.text} pagination={{ pageSize: 8, hideOnSinglePage: true }} dataSource={checked.errors} columns={issueColumns} data-testid="ledger-errors" />
            </>
          ) : null}
          {checked.warnings.length ? <Alert type="warning" showIcon message={t('fazhi.ledger.warningsTitle')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{checked.warnings.map((w) => <li key={w.text}>{w.text}</li>)}</ul>} /> : null}
          {!checked.errors.length && !checked.rows.length ? <Alert type="info" showIcon message={t('fazhi.ledger.nothing')} /> : null}
          {!checked.errors.length && checked.rows.length ? (
            <Space>
              <span>{t('fazhi.ledger.onDuplicate')}</span>
              <Radio.Group
                value={onDuplicate}
                onChange={(e) => setOnDuplicate(e.target.value as OnDuplicate)}
                options={(['skip', 'update', 'stop'] as const).map((v) => ({ value: v, label: t(`fazhi.ledger.${v}`) }))}
              />
            </Space>
          ) : null}
          {stopped ? <Alert type="warning" showIcon message={t('fazhi.ledger.stopped', { keys: stopped.join('、') })} /> : null}
        </Space>
      );
    return <Result status="success" title={t('fazhi.ledger.done')} subTitle={summary} />;
  };

  const footer = () => {
    if (busy) return <Button onClick={cancel} disabled={!busy.cancellable}>{t('fazhi.ledger.cancel')}</Button>;
    const back = <Button onClick={() => setStep(step - 1)}>{t('fazhi.ledger.back')}</Button>;
    if (step === 1)
      return (
        <Space>
          {back}
          <Button type="primary" disabled={missing.length > 0} onClick={() => void check()}>
            {t('fazhi.ledger.next')}
          </Button>
        </Space>
      );
    if (step === 2 && checked)
      return (
        <Space>
          {back}
          <Button type="primary" disabled={checked.errors.length > 0 || checked.rows.length === 0} onClick={() => void write()}>
            {t('fazhi.ledger.confirm', { count: checked.rows.length })}
          </Button>
        </Space>
      );
    if (step === 3) return <Button type="primary" onClick={onClose}>{t('fazhi.ledger.close')}</Button>;
    return null;
  };

  return (
    <Modal
      open
      width={880}
      title={t('fazhi.ledger.wizardTitle', { kind: labels.kind(kind) })}
      onCancel={() => {
        if (busy && !busy.cancellable) return;
        cancel();
        onClose();
      }}
      maskClosable={false}
      footer={footer()}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('fazhi.ledger.stepUpload') }, { title: t('fazhi.ledger.stepMap') }, { title: t('fazhi.ledger.stepPreview') }, { title: t('fazhi.ledger.stepDone') }]}
      />
      {busy ? (
        <div role="status" style={{ marginBottom: 16 }}>
          <Typography.Text>{busy.text}</Typography.Text>
          <Progress percent={busy.percent ?? 100} status="active" showInfo={busy.percent !== undefined} />
        </div>
      ) : null}
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('fazhi.ledger.failed', { message: failure })} /> : null}
      {body()}
    </Modal>
  );
}
