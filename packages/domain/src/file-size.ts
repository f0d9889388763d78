const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A file size as people read it: 512 B, 12 KB, 1.5 MB (binary units, at most one decimal, no
 * trailing .0). The unit is chosen after rounding, so 1,048,575 bytes read 1 MB, not 1024 KB, and
 * a small file is never 「0 MB」.
 */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let unit = 0;
  let value = bytes;
  while (unit < units.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}
