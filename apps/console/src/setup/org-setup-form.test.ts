import { describe, expect, it } from 'vitest';
import { orgSetupFromForm } from './org-setup-form.js';

describe('orgSetupFromForm', () => {
  const form = { streetKind: 'street' as const, name: ' 示范街道办事处 ', adminEmail: ' chief@example.test ', adminPassword: 'first-admin-2024' };

  it('puts the street under the district, one unit per non-empty line, villages under a town', () => {
    const setup = orgSetupFromForm({ ...form, district: '示范区', communities: '东社区\n\n 西社区 \r\n', committees: '示范街道人民调解委员会', ledgerFrom: '2024-01-01', ledgerTo: '' });
    expect(setup).toEqual({
      units: [
        {
          kind: 'district',
          name: '示范区',
          children: [
            {
              kind: 'street',
              name: '示范街道办事处',
              shortName: null,
              ledgerFrom: '2024-01-01',
              ledgerTo: null,
              children: [
                { kind: 'community', name: '东社区' },
                { kind: 'community', name: '西社区' },
                { kind: 'mediation_committee', name: '示范街道人民调解委员会' },
              ],
            },
          ],
        },
      ],
      admin: { email: 'chief@example.test', password: 'first-admin-2024' },
    });
    const town = orgSetupFromForm({ ...form, streetKind: 'town', communities: '上村', departments: '综治办' });
    expect(town.units).toEqual([expect.objectContaining({ kind: 'town', children: [{ kind: 'village', name: '上村' }, { kind: 'department', name: '综治办' }] })]);
  });

  it('takes the units of an uploaded sheet instead of the form’s', () => {
    const sheet = [{ kind: 'town' as const, name: '示范镇', code: 'T1' }];
    expect(orgSetupFromForm({ ...form, communities: '不用' }, sheet)).toEqual({ units: sheet, admin: { email: 'chief@example.test', password: 'first-admin-2024' } });
  });
});
