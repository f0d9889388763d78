import { useParsed, useTranslate } from '@refinedev/core';
import { useLayoutEffect } from 'react';
import { useLocation } from 'react-router';
import { documentTitle } from '../document-title.js';

/**
 * Keeps `document.title` on the current page (mounted once, inside Refine and the router). The
 * resource's label is its meta label (the kind's, or the console's for its own pages), actions are
 * the dictionary's `actions.*` (新建, 编辑, 查看), so the title follows the language too.
 */
export function DocumentTitle({ app, fallback }: { app: string; fallback?: string }) {
  const { resource, action } = useParsed();
  const t = useTranslate();
  const { pathname } = useLocation();
  const meta = resource?.meta as { label?: string } | undefined;
  const page = meta?.label ?? fallback;
  const actionLabel = action && action !== 'list' ? t(`actions.${action}`) : undefined;
  const title = documentTitle({ ...(page ? { page } : {}), ...(actionLabel ? { action: actionLabel } : {}) }, app);
  useLayoutEffect(() => {
    document.title = title;
  }, [title, pathname]);
  return null;
}
