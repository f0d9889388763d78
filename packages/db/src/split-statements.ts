/**
 * Splits a SQL script into statements the way the Supabase CLI does before it records a migration
 * in `supabase_migrations.schema_migrations.statements` (pkg/parser in supabase/cli): a `;` ends a
 * statement unless it is inside quotes ('…', "…"), a dollar-quoted body ($$…$$, $tag$…$tag$), a
 * comment (-- …, nested /* … *\/), parentheses, or a `BEGIN ATOMIC … END` body; a backslash escapes
 * the next character. Each statement keeps its comments, loses trailing `;` and surrounding
 * whitespace, and empty ones are dropped, so our runner records exactly what `supabase db push`
 * would.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  // Open parentheses and BEGIN ATOMIC blocks; a `;` only splits at depth 0.
  const blocks: ('(' | 'atomic')[] = [];
  const n = sql.length;

  const emit = (end: number) => {
    const text = sql.slice(start, end).replace(/;+$/, '').trim();
    if (text !== '') out.push(text);
    start = end;
  };

  while (i < n) {
    const c = sql[i]!;
    if (c === '-' && sql[i + 1] === '-') {
      const eol = sql.indexOf('\n', i + 2);
      i = eol === -1 ? n : eol + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'" || c === '"') {
      i++;
      while (i < n) {
        if (sql[i] === c) {
          if (sql[i + 1] === c) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (c === '$') {
      const tag = /^\$[\p{L}\p{N}_]*\$/u.exec(sql.slice(i, i + 64));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close === -1 ? n : close + tag[0].length;
      } else i++;
    } else if (c === '\\') {
      i += 2;
    } else if (c === '(') {
      blocks.push('(');
      i++;
    } else if (c === ')' && blocks.at(-1) === '(') {
      blocks.pop();
      i++;
    } else if ((c === 'c' || c === 'C') && /\satomic$/i.test(sql.slice(Math.max(0, i - 6), i + 1))) {
      // Like the CLI, any whitespace-preceded ATOMIC opens a block and the next END closes it.
      blocks.push('atomic');
      i++;
    } else if ((c === 'd' || c === 'D') && blocks.at(-1) === 'atomic' && /end$/i.test(sql.slice(i - 2, i + 1))) {
      blocks.pop();
      i++;
    } else if (c === ';' && blocks.length === 0) {
      i++;
      emit(i);
    } else i++;
  }
  emit(n);
  return out;
}
