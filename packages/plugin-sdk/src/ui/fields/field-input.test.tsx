// @vitest-environment jsdom
import { hotlineTickets } from '@fazhi/domain';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ConfigProvider, Form } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { installDomShims } from '../../testing/dom-shims.js';
import { setDate } from '../../testing/form-helpers.js';
import type { Labels } from '../use-labels.js';
import { FieldInput } from './field-input.js';
import { fieldFromForm, fieldToForm } from './form-values.js';

// The real antd DatePicker with the form's value conversion, on devices in several time zones
// (Node re-reads TZ when it is assigned; jsdom's Date is Node's).
const receivedAt = hotlineTickets.fields.find((x) => x.key === 'receivedAt')!;
const labels = { t: (k: string) => k, locale: 'zh-CN', field: (f: { label: string }) => f.label, kind: (k: { label: string }) => k.label, option: (_: unknown, v: string) => v } as unknown as Labels;
const originalTz = process.env.TZ;
afterEach(() => cleanup());
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function renderPicker(stored: string) {
  installDomShims();
  const saved: unknown[] = [];
  function Harness() {
    const [form] = Form.useForm();
    return (
      <ConfigProvider locale={zhCN}>
        <Form form={form} initialValues={{ receivedAt: fieldToForm(receivedAt, stored) }} onFinish={(v: { receivedAt: unknown }) => saved.push(fieldFromForm(receivedAt, v.receivedAt))}>
          <Form.Item name="receivedAt" label="派单时间">
            <FieldInput field={receivedAt} labels={labels} />
          </Form.Item>
          <button type="submit">保存</button>
        </Form>
      </ConfigProvider>
    );
  }
  render(<Harness />);
  const submit = async () => {
    await act(async () => {
      fireEvent.click(screen.getByText('保存'));
    });
    await waitFor(() => expect(saved.length).toBeGreaterThan(0));
    return saved.pop();
  };
  return { submit };
}

describe.each(['UTC', 'America/New_York', 'Asia/Shanghai'])('the date-time picker on a device in %s', (zone) => {
  test('shows the Shanghai time, saves it unchanged, and a typed time is Shanghai time', async () => {
    process.env.TZ = zone;
    const { submit } = renderPicker('2024-03-01T01:30:00Z');
    const input = screen.getByLabelText('派单时间') as HTMLInputElement;
    expect(input.value).toBe('2024-03-01 09:30');
    expect(await submit()).toBe('2024-03-01T09:30:00+08:00');
    // (Not 2024-03-10 02:30: antd parses typed text in the device's zone, and in New York that
    // hour does not exist on that day, so the picker refuses it. See docs/plugins.md.)
    await setDate('派单时间', '2024-03-02 10:45');
    expect(input.value).toBe('2024-03-02 10:45');
    expect(await submit()).toBe('2024-03-02T10:45:00+08:00');
    // No 此刻 button: it would put in the device's clock.
    fireEvent.mouseDown(input);
    expect(document.querySelector('.ant-picker-now-btn')).toBeNull();
  });
});
