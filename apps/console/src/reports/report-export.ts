import { renderMarkdown, type ReportDocument } from '@fazhi/report';

/** Offers bytes to the browser as a download with the given file name. */
export function download(bytes: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ExportFormat = 'docx' | 'md';

/** The report as a file: DOCX (the Word renderer loads only now, with docx and jszip) or Markdown. */
export async function exportReport(doc: ReportDocument, format: ExportFormat): Promise<{ fileName: string; bytes: Uint8Array | string; type: string }> {
  if (format === 'md') return { fileName: `${doc.title}.md`, bytes: renderMarkdown(doc), type: 'text/markdown;charset=utf-8' };
  const { renderDocx } = await import('@fazhi/report/docx');
  return { fileName: `${doc.title}.docx`, bytes: await renderDocx(doc), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
}
