import { loadDataset, type Dataset } from '@fazhi/dataset';
import { createRegistry, getField, idNumberProblem, isPhoneNumber, pieceSeparator, todayInShanghai } from '@fazhi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { nanshaDir } from './generate-nansha.js';

/**
 * The seed keeps the rules the record kinds declare (loading validates every record with the zod
 * schemas; these say so explicitly): every ID and phone number is valid, and business keys are
 * unique among the live records of the street, as the database enforces.
 */
let ds: Dataset;
beforeAll(async () => {
  ds = await loadDataset(nanshaDir);
});

const registry = createRegistry();

describe('nansha-2024 and the record rules', () => {
  it('has only valid ID and phone numbers', () => {
    const today = todayInShanghai();
    let checked = 0;
    for (const kind of registry.list()) {
      const formatted = kind.fields.filter((f) => f.type === 'text' && f.format);
      for (const r of ds.records.get(kind.id) ?? []) {
        for (const f of formatted) {
          if (f.type !== 'text' || typeof r[f.key] !== 'string') continue;
          for (const piece of f.multiple ? (r[f.key] as string).split(pieceSeparator) : [r[f.key] as string]) {
            checked++;
            const ok = f.format === 'phone' ? isPhoneNumber(piece) : idNumberProblem(piece, today, f.legacyIdNumbers) === null;
            expect(ok, `${kind.id}.${f.key} ${r.id}`).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('has unique business keys among the live records of each street', () => {
    const streetOf = (orgId: string) => ds.orgs.streetLevelOf(orgId)?.id ?? orgId;
    for (const kind of registry.list()) {
      if (!kind.businessKey) continue;
      const key = getField(kind, kind.businessKey).key;
      const seen = new Map<string, string>();
      for (const r of ds.records.get(kind.id) ?? []) {
        if (r.deletedAt !== null) continue;
        const k = `${streetOf(r.orgId)}/${String(r[key])}`;
        expect(seen.get(k), `${kind.id} ${k}`).toBeUndefined();
        seen.set(k, r.id);
      }
      expect(seen.size, kind.id).toBeGreaterThan(0);
    }
  });
});
