import { describe, expect, it } from 'vitest';
import { datasetAsOf } from './dataset-as-of.js';
import { releaseSnapshot } from './generate/release-snapshot.js';

describe('datasetAsOf', () => {
  const study = releaseSnapshot.kinds.find((k) => k.id === 'study_sessions')!;
  const format = study.fields.find((f) => f.key === 'format')!;
  const known = format.type === 'enum' ? format.options[0]!.value : '';

  it("keeps the snapshot's kinds and fields, and records whose options it knew", () => {
    const base = { orgId: 's1', deletedAt: null, topic: '学法', heldOn: '2024-03-01' };
    const ds = {
      records: new Map([
        ['study_sessions', [{ ...base, id: 'a', format: known, speaker: '新字段' }, { ...base, id: 'b', format: 'cadre_teaching' }]],
        ['law_work_meetings', [{ id: 'm', orgId: 's1', deletedAt: null }]],
      ]),
    };
    const old = datasetAsOf(ds, releaseSnapshot);
    expect([...old.records.keys()]).toEqual(['study_sessions']);
    expect(old.records.get('study_sessions')).toEqual([{ ...base, id: 'a', format: known }]);
  });
});
