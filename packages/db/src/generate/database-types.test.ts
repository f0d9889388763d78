import type { SupabaseClient } from '@supabase/supabase-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SupabaseDatabase } from '../database-types.generated.js';
import { packageRoot } from '../package-paths.js';
import { databaseTypesFile, supabaseDatabaseTypes } from './database-types.js';

describe('the supabase-js Database type', () => {
  it('the committed file is what the generator writes from today\'s migrations (pnpm --filter @fazhi/db generate)', async () => {
    expect(readFileSync(join(packageRoot, databaseTypesFile), 'utf8')).toBe(await supabaseDatabaseTypes());
  });

  it('types the kind tables, their masked views and the RPCs', () => {
    type Public = SupabaseDatabase['public'];
    expectTypeOf<Public['Tables']['mediation_cases']['Row']['case_no']>().toEqualTypeOf<string>();
    expectTypeOf<Public['Tables']['mediation_cases']['Row']['amount']>().toEqualTypeOf<number | null>();
    // id and version have defaults; the business fields a kind requires do not.
    expectTypeOf<Public['Tables']['mediation_cases']['Insert']>().toHaveProperty('case_no').toEqualTypeOf<string>();
    expectTypeOf<Public['Tables']['mediation_cases']['Insert']['id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Public['Views']>().toHaveProperty('mediation_cases_view');
    expectTypeOf<Public['Functions']['log_personal_data_access']['Args']>().toEqualTypeOf<{ action: string; org_id: string; scope: string; area?: string | null }>();
  });

  it('a typed client checks table names, columns and RPC arguments', () => {
    const typed = (client: SupabaseClient<SupabaseDatabase>) => {
      void client.from('memberships').select('org_id, role');
      // @ts-expect-error: no such table
      void client.from('mediation_case').select('*');
      // @ts-expect-error: p_org is required
      void client.rpc('ledger_span', {});
      return client.rpc('indicator_values', { p_org: 'x', p_start: '2024-01-01', p_end: '2025-01-01' });
    };
    expectTypeOf(typed).returns.resolves.toHaveProperty('data').toEqualTypeOf<{ indicator_id: string; value: number; numerator: number; denominator: number }[] | null>();
  });
});
