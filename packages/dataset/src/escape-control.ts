/**
 * Control characters (C0, DEL, C1) and bidirectional overrides: in a terminal they move the
 * cursor, clear the screen or reorder text, so a data value holding them could repaint the
 * message that quotes it.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlChars = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- likewise
const controlCharsAndNewline = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeOne = (ch: string) => named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Makes text safe to print: every control character becomes a visible escape (`\u001B`, `\t`).
 * Line breaks stay unless `singleLine` is set (one message per line). Backslashes are left alone,
 * so escaping twice changes nothing more.
 */
export function escapeControlChars(text: string, opts: { singleLine?: boolean } = {}): string {
  return text.replace(opts.singleLine ? controlCharsAndNewline : controlChars, escapeOne);
}
