import { inlineText, type Block, type ReportDocument, type Section } from './model.js';
import { attachmentMark, attachmentNote } from './attachments.js';
import { missingText } from './missing-text.js';

/**
 * Renders a report as CommonMark/GFM: `#` title, `##`–`####` for heading levels 1–3, figures as
 * plain text so the prose reads naturally, unwritten narrative as a `> 【待补充】` blockquote.
 */
export function renderMarkdown(doc: ReportDocument): string {
  const chunks: string[] = [`# ${escapeInline(doc.title)}`];
  chunks.push(...doc.preamble.map(renderBlock));
  for (const section of doc.sections) chunks.push(...renderSection(section));
  const note = attachmentNote(doc);
  if (note) chunks.push(multiline(escapeMarkdown(note)));
  if (doc.signature) chunks.push(escapeMarkdown(doc.signature.org), escapeMarkdown(doc.signature.date));
  for (const a of doc.attachments ?? []) chunks.push('---', `**${attachmentMark(doc, a)}**`, ...renderSection(a));
  return `${chunks.join('\n\n')}\n`;
}

function renderSection(section: Section): string[] {
  const marks = '#'.repeat(section.level + 1);
  return [
    `${marks} ${escapeInline(section.heading)}`,
    ...section.blocks.map(renderBlock),
    ...section.sections.flatMap(renderSection),
  ];
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return multiline(inlineText(block.inlines));
    case 'missing':
      return multiline(missingText(block.text))
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'table':
      return renderTable(block);
  }
}

function renderTable(table: Extract<Block, { type: 'table' }>): string {
  const width = Math.max(table.columns.length, ...table.rows.map((r) => r.length));
  const row = (cells: readonly string[]): string => {
    const padded = Array.from({ length: width }, (_, i) => escapeCell(cells[i] ?? ''));
    return `| ${padded.join(' | ')} |`;
  };
  const lines = [row(table.columns), `|${' --- |'.repeat(width)}`, ...table.rows.map(row)];
  const caption = table.caption ? `**${escapeInline(table.caption)}**\n\n` : '';
  return caption + lines.join('\n');
}

/** A cell must stay on one line and must not close itself early. */
function escapeCell(text: string): string {
  return escapeInline(text)
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** Keeps author line breaks inside a paragraph as hard breaks (a trailing backslash). */
function multiline(text: string): string {
  return escapeMarkdown(text).replace(/\r?\n/g, '\\\n');
}

/**
 * Escapes what Markdown would read as inline markup. Chinese prose rarely contains these, so the
 * raw file stays readable; `&` is escaped only where it would start an entity.
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<~]/g, (c) => `\\${c}`).replace(/&(?=#?\w+;)/g, '\\&');
}

/** Escapes inline markup and, at line starts, what would open a heading, quote, list or rule. */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .replace(/^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s)|[-=]+\s*$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}
