/**
 * A browser tab's title: the page, the action when it is not the list, then the application —
 * 「人民调解案件 · 编辑 — 法治政府建设工作台」, 「人民调解案件 — 法治政府建设工作台」, or the
 * application alone for a page without a resource.
 */
export function documentTitle(parts: { page?: string; action?: string }, app: string): string {
  const page = [parts.page, parts.action].filter(Boolean).join(' · ');
  return page ? `${page} — ${app}` : app;
}
