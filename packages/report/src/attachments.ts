import type { ReportDocument, Section } from './model.js';

/**
 * GB/T 9704-2012 7.3.3 and 8: a 公文's attachments are named in one line under the body
 * (附件：主要指标统计表, or 附件：1. …  2. … when there are several) and each is printed after the
 * signature on a page of its own, headed 附件 (附件1, 附件2 …) at the top left.
 */
export function attachmentNote(doc: ReportDocument): string | null {
  const list = doc.attachments ?? [];
  if (!list.length) return null;
  if (list.length === 1) return `附件：${list[0]!.heading}`;
  return `附件：${list.map((a, i) => `${i + 1}. ${a.heading}`).join('\n　　　')}`;
}

/** The mark at the top left of an attachment's first page: 附件, or 附件2 among several. */
export function attachmentMark(doc: ReportDocument, attachment: Section): string {
  const list = doc.attachments ?? [];
  return list.length > 1 ? `附件${list.indexOf(attachment) + 1}` : '附件';
}
