import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GONGWEN } from './gongwen-layout.js';
import type { ReportDocument } from './model.js';
import { renderDocx } from './render-docx.js';
import { sampleReport } from './sample-report.test-helper.js';

/**
 * Opens the rendered DOCX in LibreOffice and prints it to PDF: proof that a real word processor
 * accepts the file and lays it out as GB/T 9704 asks, measured on the printed page (pdftotext -bbox),
 * not only in our own XML. Needs the apt packages libreoffice-writer-nogui, poppler-utils and
 * fonts-noto-cjk; deliberately not skipped without them. LibreOffice runs with fontconfig/
 * gongwen-fonts.conf, the fall-back chain a server without the 公文 fonts is told to install.
 */
const run = promisify(execFile);
let dir: string;
let pdfPath: string;

/** The sample report with four long paragraphs of plain CJK text, so that full pages can be measured. */
function measuredReport(): ReportDocument {
  const doc = sampleReport();
  const long = '法治政府建设是全面依法治国的重点任务和主体工程，街道坚持依法行政，推进严格规范公正文明执法。'.repeat(12);
  for (let i = 0; i < 4; i++) doc.preamble.push({ type: 'paragraph', inlines: [{ type: 'text', text: long }] });
  return doc;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fazhi-docx-pdf-'));
  const docxPath = join(dir, 'report.docx');
  await writeFile(docxPath, await renderDocx(measuredReport()));
  const fontsConf = join(dir, 'fonts.conf');
  const gongwenFonts = fileURLToPath(new URL('../fontconfig/gongwen-fonts.conf', import.meta.url));
  await writeFile(fontsConf, `<?xml version="1.0"?>\n<fontconfig><include>/etc/fonts/fonts.conf</include><include>${gongwenFonts}</include></fontconfig>\n`);
  // A private profile per run, so parallel runs do not fight over ~/.config/libreoffice.
  const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
  await run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, docxPath], { timeout: 90_000, env: { ...process.env, FONTCONFIG_FILE: fontsConf } });
  pdfPath = join(dir, 'report.pdf');
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function pdfText(): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-']);
  return stdout;
}

interface Line {
  top: number;
  bottom: number;
  left: number;
  right: number;
  text: string;
}

/** The printed lines of every page, from pdftotext's word boxes (points, origin top left). */
async function pages(): Promise<Line[][]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdfPath, '-']);
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) => {
      const lines = new Map<number, Line>();
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        const [left, top, right, bottom] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
        const key = Math.round(top);
        const line = lines.get(key);
        if (!line) lines.set(key, { top, bottom, left, right, text: m[5]! });
        else Object.assign(line, { left: Math.min(line.left, left), right: Math.max(line.right, right), text: line.text + m[5]! });
      }
      return [...lines.values()].sort((a, b) => a.top - b.top);
    });
}

const mm = (x: number) => (x * 72) / 25.4;
const typeArea = {
  left: mm(GONGWEN.marginMm.left),
  right: mm(GONGWEN.pageMm.width - GONGWEN.marginMm.right),
  top: mm(GONGWEN.marginMm.top),
  bottom: mm(GONGWEN.pageMm.height - GONGWEN.marginMm.bottom),
};
const isPageNumber = (l: Line) => /^—\s*\d+\s*—$/.test(l.text);

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

  it('holds 28 characters to a full body line and 22 lines to a full page, inside the type area', async () => {
    const all = await pages();
    // Pages 2–4 hold nothing but the long paragraphs.
    for (const page of all.slice(1, 4)) {
      const body = page.filter((l) => !isPageNumber(l));
      expect(body).toHaveLength(GONGWEN.grid.linesPerPage);
      // Lines 28 pt apart, the first at the top of the type area.
      expect(body[0]!.top - typeArea.top).toBeGreaterThan(0);
      expect(body[0]!.top - typeArea.top).toBeLessThan(GONGWEN.linePt.body);
      body.slice(1).forEach((l, i) => expect(l.top - body[i]!.top).toBeCloseTo(GONGWEN.linePt.body, 0));
      expect(body.at(-1)!.bottom).toBeLessThanOrEqual(typeArea.bottom);
      // A full line starts at the left edge, ends within a character of the right edge, and holds 28.
      const full = body.filter((l) => Math.abs(l.left - typeArea.left) < 1 && typeArea.right - l.right < GONGWEN.sizePt.body);
      expect(full.length).toBeGreaterThan(15);
      for (const l of full) {
        expect([...l.text], l.text).toHaveLength(GONGWEN.grid.charsPerLine);
        expect(l.right).toBeLessThanOrEqual(typeArea.right + 0.5);
      }
    }
  });

  it('prints 「— n —」 at the outer edge one character in: right on odd pages, left on even, 7 mm below the type area', async () => {
    const all = await pages();
    expect(all.length).toBeGreaterThanOrEqual(4);
    const oneChar = GONGWEN.sizePt.pageNumber;
    all.forEach((page, i) => {
      const number = page.find(isPageNumber)!;
      expect(number.text.replace(/\D/g, '')).toBe(String(i + 1));
      if ((i + 1) % 2 === 1) expect(typeArea.right - number.right).toBeCloseTo(oneChar, 0);
      else expect(number.left - typeArea.left).toBeCloseTo(oneChar, 0);
      // GB/T 9704 7.5: the dashes' top edge 7 mm below the type area (within 1 mm).
      expect(Math.abs(number.top - typeArea.bottom - mm(7))).toBeLessThan(mm(1));
    });
  });

  it('renders 仿宋_GB2312 in the installed serif CJK face through fontconfig/gongwen-fonts.conf', async () => {
    const { stdout } = await run('pdffonts', [pdfPath]);
    expect(stdout).toMatch(/NotoSerifCJK/);
  });
});
