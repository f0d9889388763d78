import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

/**
 * Small helpers for driving antd controls in jsdom by their labels, the way a clerk would: type
 * into a field, pick an option, enter a date. They use `fireEvent` (antd reacts to the low-level
 * events) and find controls by label, so tests read in the form's own Chinese words.
 */
type Scope = { container?: HTMLElement };

const root = (s?: Scope) => (s?.container ? within(s.container) : screen);

/** The input of a form item or filter by its label (aria-label or <label for>). */
export function field(label: string, s?: Scope): HTMLInputElement {
  const found = root(s).getAllByLabelText(label, { selector: 'input, textarea' });
  return found[0] as HTMLInputElement;
}

export function setText(label: string, value: string, s?: Scope): void {
  const el = field(label, s);
  fireEvent.change(el, { target: { value } });
}

/** Opens a Select and clicks the options with these labels (several for a multiple select). */
export async function chooseOption(label: string, options: string | readonly string[], s?: Scope): Promise<void> {
  const el = field(label, s);
  for (const text of typeof options === 'string' ? [options] : options) {
    fireEvent.mouseDown(el);
    const id = el.getAttribute('aria-controls') ?? el.getAttribute('aria-owns');
    const list = await waitFor(() => {
      const dropdowns = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')];
      const mine = id ? dropdowns.find((d) => d.querySelector(`[id="${id}"]`)) : undefined;
      const d = mine ?? dropdowns[dropdowns.length - 1];
      if (!d) throw new Error(`“${label}”的下拉框没有打开`);
      return d;
    });
    const option = await waitFor(() => {
      const o = [...list.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((x) => x.getAttribute('title') === text || x.textContent === text);
      if (!o) throw new Error(`“${label}”没有选项“${text}”`);
      return o;
    });
    await act(async () => {
      fireEvent.click(option);
    });
  }
}

/** Types a date (YYYY-MM-DD) into a DatePicker and confirms it. */
export async function setDate(label: string, value: string, s?: Scope): Promise<void> {
  const el = field(label, s);
  await act(async () => {
    fireEvent.mouseDown(el);
    fireEvent.focus(el);
    fireEvent.change(el, { target: { value } });
    fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
    fireEvent.blur(el);
  });
}

/** Clicks a button by its visible text (antd puts a space between two CJK characters). */
export async function clickButton(text: string, s?: Scope): Promise<void> {
  const pattern = new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);
  // A DOM query rather than getByRole: role queries compute the accessibility tree, slow on antd pages.
  const buttons = await waitFor(() => {
    const found = [...(s?.container ?? document.body).querySelectorAll('button')].filter((b) => pattern.test(b.textContent ?? '') && !b.disabled);
    if (!found.length) throw new Error(`找不到按钮“${text}”`);
    return found;
  }, { timeout: 10_000 });
  await act(async () => {
    fireEvent.click(buttons[buttons.length - 1]!);
  });
}

/**
 * Uploads a file to the attachment slot with this label (the panel names each slot's group by its
 * label), once the upload button has appeared (it waits for access control to answer).
 */
export async function uploadFile(slotLabel: string, file: File, s?: Scope): Promise<void> {
  const input = await waitFor(() => {
    // A DOM query rather than getByRole (slow on antd pages, see clickButton).
    const group = [...(s?.container ?? document.body).querySelectorAll('[role=group]')].find((g) => g.getAttribute('aria-label') === slotLabel);
    const el = group?.querySelector<HTMLInputElement>('input[type=file]');
    if (!el) throw new Error(group ? `附件类型“${slotLabel}”还没有上传按钮` : `找不到附件类型“${slotLabel}”`);
    return el;
  }, { timeout: 15_000 });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}
