import { describe, expect, it } from 'vitest';
import { ident, literal, pgName, wrapList } from './sql-text.js';

describe('sql-text', () => {
  it('quotes identifiers only when needed', () => {
    expect(ident('closed_on')).toBe('closed_on');
    expect(ident('user')).toBe('"user"');
    expect(ident('Odd"name')).toBe('"Odd""name"');
  });

  it('doubles quotes in literals', () => {
    expect(literal("o'b")).toBe("'o''b'");
  });

  it('keeps names within 63 bytes, unique and stable', () => {
    expect(pgName('mediation_cases', 'status', 'options')).toBe('mediation_cases_status_options');
    const long = pgName('a'.repeat(40), 'b'.repeat(40));
    expect(long).toHaveLength(63);
    expect(long).toMatch(/^a{13}_[0-9a-f]{8}_b{40}$/);
    expect(pgName('a'.repeat(40), 'b'.repeat(40))).toBe(long);
    expect(pgName('a'.repeat(40), 'c'.repeat(40))).not.toBe(long);
    // Multi-byte names are cut on a character boundary.
    const zh = pgName('记录'.repeat(20));
    expect(Buffer.byteLength(zh)).toBeLessThanOrEqual(63);
    expect(zh).not.toContain('\uFFFD');
  });

  it('wraps lists', () => {
    expect(wrapList(['aaaa', 'bbbb', 'cccc'], '  ', 14)).toBe('  aaaa, bbbb,\n  cccc');
  });
});
