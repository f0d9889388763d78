/**
 * Saves a file under its own (Chinese) name. `window.open(url)` would name it after the URL: a
 * random blob id for the embedded store. A link with `download` names it for same-origin and blob
 * URLs; a cross-origin signed Storage URL ignores the attribute but carries the name itself
 * (its `download` parameter, answered with Content-Disposition).
 */
export function saveAs(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The object URL of an embedded file is no longer needed once the download has started.
  if (url.startsWith('blob:')) setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
