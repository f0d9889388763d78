import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './render-docx.js';
import { sampleReport } from './sample-report.test-helper.js';

/**
 * Opens the rendered DOCX in LibreOffice and prints it to PDF: proof that a real word processor
 * accepts the file, not only our own XML assertions. Needs the apt packages
 * libreoffice-writer-nogui, poppler-utils and fonts-noto-cjk; deliberately not skipped without them.
 */
const run = promisify(execFile);
let dir: string;
let pdfPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fazhi-docx-pdf-'));
  const docxPath = join(dir, 'report.docx');
  await writeFile(docxPath, await renderDocx(sampleReport()));
  // A private profile per run, so parallel runs do not fight over ~/.config/libreoffice.
  const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
  await run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxPath], { timeout: 90_000 });
  pdfPath = join(dir, 'report.pdf');
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function pdfText(): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-']);
  return stdout;
}

describe('renderDocx in LibreOffice', () => {
  it('converts to a non-trivial PDF', async () => {
    const { size } = await stat(pdfPath);
    expect(size).toBeGreaterThan(10_000);
    expect((await readFile(pdfPath)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('prints the title, the figures, the missing marker and the page number', async () => {
    const text = await pdfText();
    const squeezed = text.replace(/\s+/g, '');
    expect(squeezed).toContain('南沙街道2024年法治政府建设年度报告');
    expect(squeezed).toContain('受理矛盾纠纷242宗');
    expect(squeezed).toContain('560.22万元');
    expect(squeezed).toContain('【待补充】');
    expect(text).toMatch(/—\s*1\s*—/);
  });

  it('lays the page out as A4', async () => {
    const { stdout } = await run('pdfinfo', [pdfPath]);
    // A4 is 595.3 × 841.9 pt.
    expect(stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});
