// @vitest-environment jsdom
import { asUser, sqlAttachmentStore } from '@fazhi/db/browser';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { samplePlugin } from '../../test-fixtures.test-helper.js';
import { createPluginDatabase, demoAccount, renderPlugin, type PluginDatabase } from '../../testing/index.js';

const plugin = samplePlugin();
let database: PluginDatabase;
beforeAll(async () => {
  database = await createPluginDatabase(plugin);
}, 120_000);
afterAll(() => database?.close());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function firstCase() {
  const street = database.dataset.orgs.subtreeIds(database.dataset.manifest.rootOrgId);
  return (database.dataset.records.get('mediation_cases') ?? []).find((r) => !r.deletedAt && street.has(r.orgId))!;
}

/** The embedded database's own store (PGlite), as the signed-in clerk, as the console uses it. */
const storeAs = (who: string) => sqlAttachmentStore({ session: (fn) => asUser(database.db, { userId: demoAccount(who).id }, fn) });

async function upload(file: File) {
  const input = await waitFor(() => {
    const el = document.querySelector<HTMLInputElement>('input[type=file]');
    if (!el) throw new Error('上传按钮尚未出现');
    return el;
  }, { timeout: 15_000 });
  fireEvent.change(input, { target: { files: [file] } });
}

describe('attachments panel on the embedded database', () => {
  test('a program renamed .pdf is refused in Chinese and nothing is stored; a real PDF is listed with a readable size', async () => {
    const target = firstCase();
    const store = storeAs('mediation');
    await renderPlugin(plugin, { user: 'mediation', database, route: `/mediation/mediation-cases/show/${target.id}`, attachments: store });
    await screen.findByText('调解协议书', {}, { timeout: 15_000 });

    await upload(new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])], '调解协议书.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('上传失败：文件“调解协议书.pdf”的内容不是PDF 文件（扩展名与内容不符），无法上传', {}, { timeout: 10_000 })).toBeTruthy();
    await upload(new File([new Uint8Array([0x4d, 0x5a, 0x90, 0])], 'setup.exe'));
    expect(await screen.findByText(/^上传失败：不支持上传文件“setup\.exe”：仅限 PDF、/, {}, { timeout: 10_000 })).toBeTruthy();
    const ref = { orgId: String(target.orgId), kindId: 'mediation_cases', recordId: String(target.id) };
    expect(await store.list(ref)).toEqual([]);

    const pdf = new Uint8Array(12 * 1024);
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    await upload(new File([pdf], '调解协议书.pdf', { type: '' }));
    expect(await screen.findByText('调解协议书.pdf', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('12 KB')).toBeTruthy();
    expect((await store.list(ref)).map((f) => [f.fileName, f.size, f.contentType])).toEqual([['调解协议书.pdf', 12 * 1024, 'application/pdf']]);
  });

  test('下载 saves the file under its Chinese name', async () => {
    const target = firstCase();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await renderPlugin(plugin, { user: 'mediation', database, route: `/mediation/mediation-cases/show/${target.id}`, attachments: storeAs('mediation') });
    await screen.findByText('调解协议书.pdf', {}, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: /下\s*载/ }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toBe('调解协议书.pdf');
    // The object URL the store made (its bytes are checked in Chromium, console.e2e.test.ts:
    // jsdom's Blob does not reach Node's object URLs intact).
    expect(clicked[0]!.href).toMatch(/^blob:/);
  });
});
