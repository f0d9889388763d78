import { GONGWEN } from './gongwen-layout.js';
import type { Block, Inline, ReportDocument, Section } from './model.js';
import { attachmentMark, attachmentNote } from './attachments.js';
import { missingText } from './missing-text.js';

/**
 * Renders a report as one standalone HTML5 page that looks like the printed 公文 on screen and prints
 * on A4 with the standard margins. Figures keep their indicator id so a reader can trace them.
 */
export function renderHtml(doc: ReportDocument): string {
  const body = [
    `<h1 class="title">${escapeHtml(doc.title)}</h1>`,
    ...doc.preamble.map(renderBlock),
    ...doc.sections.map(renderSection),
  ];
  const note = attachmentNote(doc);
  if (note) body.push(`<p class="attachment-note">${withBreaks(note)}</p>`);
  if (doc.signature) {
    body.push(
      '<div class="signature"><div class="signature-inner">' +
        `<p class="signature-org">${escapeHtml(doc.signature.org)}</p>` +
        `<p class="signature-date">${escapeHtml(doc.signature.date)}</p>` +
        '</div></div>',
    );
  }
  // Each attachment starts a page of its own in print, headed 附件 at the top left.
  for (const a of doc.attachments ?? []) {
    body.push(`<div class="attachment"><p class="attachment-mark">${escapeHtml(attachmentMark(doc, a))}</p>`, renderSection(a), '</div>');
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="fazhi">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>\n${STYLE}</style>`,
    '</head>',
    '<body>',
    '<article class="page">',
    ...body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderSection(section: Section): string {
  // Title is h1, so heading level n is h(n+1), matching the Markdown renderer.
  const tag = `h${section.level + 1}`;
  return [
    `<section id="${escapeHtml(section.id)}" class="level-${section.level}">`,
    `<${tag}>${escapeHtml(section.heading)}</${tag}>`,
    ...section.blocks.map(renderBlock),
    ...section.sections.map(renderSection),
    '</section>',
  ].join('\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${block.inlines.map(renderInline).join('')}</p>`;
    case 'missing':
      return `<p class="missing">${withBreaks(missingText(block.text))}</p>`;
    case 'table':
      return renderTable(block);
  }
}

function renderInline(inline: Inline): string {
  if (inline.type === 'text') return withBreaks(inline.text);
  const value = inline.value === null ? '' : ` data-value="${inline.value}"`;
  return `<span class="figure" data-indicator="${escapeHtml(inline.indicatorId)}"${value}>${escapeHtml(inline.text)}</span>`;
}

function renderTable(table: Extract<Block, { type: 'table' }>): string {
  const cells = (tag: 'th' | 'td', row: readonly string[]): string =>
    `<tr>${row.map((c) => `<${tag}>${withBreaks(c)}</${tag}>`).join('')}</tr>`;
  return [
    '<table>',
    ...(table.caption ? [`<caption>${escapeHtml(table.caption)}</caption>`] : []),
    `<thead>${cells('th', table.columns)}</thead>`,
    `<tbody>${table.rows.map((r) => cells('td', r)).join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

/** Escapes text, keeping the author's line breaks visible. */
function withBreaks(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Chinese font names as Windows, macOS and Linux (Noto/Source Han) know them. */
const FONT_STACKS = {
  title: `"${GONGWEN.fonts.title}", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  body: `"${GONGWEN.fonts.body}", "仿宋", "FangSong", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif`,
  heading1: `"${GONGWEN.fonts.heading1}", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`,
  heading2: `"${GONGWEN.fonts.heading2}", "楷体", "KaiTi", "KaiTi_GB2312", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC", serif`,
  pageNumber: `"${GONGWEN.fonts.pageNumber}", "SimSun", "Songti SC", "Noto Serif CJK SC", serif`,
};

const m = GONGWEN.marginMm;
const size = GONGWEN.sizePt;
const STYLE = `@page {
  size: A4;
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
}
/* 单页码居右、双页码居左, one character in from the type area (GB/T 9704 7.5). */
@page :right { @bottom-right { content: "— " counter(page) " —"; font: ${size.pageNumber}pt ${FONT_STACKS.pageNumber}; padding-right: 1em; vertical-align: top; padding-top: 7mm; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; font: ${size.pageNumber}pt ${FONT_STACKS.pageNumber}; padding-left: 1em; vertical-align: top; padding-top: 7mm; } }
html { background: #e8e8e8; }
body { margin: 0; color: #000; font-family: ${FONT_STACKS.body}; font-size: ${size.body}pt; line-height: ${GONGWEN.linePt.body}pt; }
.page { box-sizing: border-box; width: ${GONGWEN.pageMm.width}mm; min-height: ${GONGWEN.pageMm.height}mm; margin: 12px auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }
h1, h2, h3, h4, p { margin: 0; font-size: ${size.body}pt; font-weight: normal; }
.title { font-family: ${FONT_STACKS.title}; font-size: ${size.title}pt; line-height: ${GONGWEN.linePt.title}pt; text-align: center; margin-bottom: ${GONGWEN.linePt.body}pt; }
p, h2, h3, h4 { text-indent: ${GONGWEN.indentChars}em; text-align: justify; }
h2 { font-family: ${FONT_STACKS.heading1}; }
h3 { font-family: ${FONT_STACKS.heading2}; }
h4 { font-weight: bold; }
h2, h3, h4 { break-after: avoid; }
.missing { background: #ffeb3b; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0; font-size: ${size.table}pt; line-height: 1.5; }
caption { font-weight: bold; font-size: ${size.body}pt; line-height: ${GONGWEN.linePt.body}pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; text-indent: 0; vertical-align: middle; }
th { font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.attachment-note { margin-top: ${GONGWEN.linePt.body}pt; }
.attachment { break-before: page; margin-top: ${GONGWEN.linePt.body * 2}pt; }
.attachment-mark { text-indent: 0; font-family: ${FONT_STACKS.heading1}; }
.attachment h2 { text-indent: 0; text-align: center; font-family: ${FONT_STACKS.title}; font-size: ${size.title}pt; line-height: ${GONGWEN.linePt.title}pt; margin: ${GONGWEN.linePt.body}pt 0; }
.signature { text-align: right; padding-right: ${GONGWEN.signatureRightChars}em; margin-top: ${GONGWEN.linePt.body}pt; }
.signature-inner { display: inline-block; text-align: center; }
.signature p { text-indent: 0; text-align: center; }
@media screen { .figure { border-bottom: 1px dotted #888; } }
@media print {
  html { background: none; }
  .page { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .missing { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
