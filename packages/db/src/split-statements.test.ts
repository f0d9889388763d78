import { describe, expect, it } from 'vitest';
import { splitStatements } from './split-statements.js';

describe('splitStatements (as the Supabase CLI splits migrations)', () => {
  it('splits on semicolons, trims, and drops empty statements', () => {
    expect(splitStatements('create table a (x int);\n\n  insert into a values (1) ;;\n')).toEqual(['create table a (x int)', 'insert into a values (1)']);
    expect(splitStatements('  ;\n')).toEqual([]);
  });

  it('keeps comments with the statement they precede, and a trailing comment as its own', () => {
    expect(splitStatements('-- a; b\nselect 1; /* c; /* nested; */ d; */ select 2;\n-- end')).toEqual(['-- a; b\nselect 1', '/* c; /* nested; */ d; */ select 2', '-- end']);
  });

  it('does not split inside quotes, dollar quotes or parentheses', () => {
    const fn = `create function f() returns int language plpgsql as $body$ begin perform 1; return 2; end $body$`;
    expect(splitStatements(`select 'a;b', "c;d", 'it''s;'; ${fn}; select $$x;y$$;`)).toEqual([`select 'a;b', "c;d", 'it''s;'`, fn, 'select $$x;y$$']);
    expect(splitStatements('create rule r as on insert to t do also (insert into u values (1); insert into v values (2)); select 1')).toEqual([
      'create rule r as on insert to t do also (insert into u values (1); insert into v values (2))',
      'select 1',
    ]);
  });

  it('keeps a BEGIN ATOMIC body whole', () => {
    const fn = 'create function g() returns int language sql begin atomic select 1; select 2; end';
    expect(splitStatements(`${fn}; select 3;`)).toEqual([fn, 'select 3']);
  });

  it('treats a backslash as escaping the next character, as the CLI does', () => {
    expect(splitStatements('select 1 \\; select 2; select 3')).toEqual(['select 1 \\; select 2', 'select 3']);
  });
});
