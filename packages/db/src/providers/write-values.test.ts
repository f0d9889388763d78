import { mediationCases } from '@fazhi/domain';
import { describe, expect, it } from 'vitest';
import { kindTable } from './kind-table.js';
import { writeValues } from './write-values.js';

const t = kindTable(mediationCases);

describe('write values', () => {
  it.each(['__proto__', 'constructor', 'toString'])('refuses the key %s like any unknown field, naming it', (key) => {
    // JSON.parse makes `__proto__` an own key, as a request body would carry it.
    const variables = JSON.parse(`{"caseNo": "C1", ${JSON.stringify(key)}: "x"}`) as Record<string, unknown>;
    let error: { statusCode?: number; message?: string; errors?: Record<string, unknown> } | undefined;
    try {
      writeValues(t, variables, 'create');
    } catch (e) {
      error = e as typeof error;
    }
    expect(error?.statusCode).toBe(400);
    expect(error?.message).toBe(`「人民调解案件」没有可填写的字段“${key}”`);
    expect(Object.keys(error?.errors ?? {})).toEqual([key]);
  });
});
