import { licences } from '@fazhi/domain';
import { addDays, datesInYear } from '../calendar.js';
import { base, deletedAfter, seq, type Draft, type GenContext } from '../context.js';
import { companyName, shopName } from '../text-pools.js';
import { years } from '../targets.js';

type Licence = Draft<typeof licences>;

/** Licences under devolved powers: temporary road occupation and outdoor advertising, a few dozen a year. */
export function generateLicences(ctx: GenContext) {
  const rng = ctx.rng('licences');
  const team = ctx.orgs.dept.enforcement.id;
  const rows: Licence[] = [];
  for (const year of years) {
    datesInYear(rng, year, year === 2023 ? 31 : 38).forEach((appliedOn, i) => {
      const licenceType = rng.weighted<Licence['licenceType']>([['road_occupation', 3], ['outdoor_ads', 2]]);
      const decidedOn = addDays(appliedOn, rng.int(3, 15));
      const result = rng.weighted<NonNullable<Licence['result']>>([['granted', 17], ['refused', 2], ['withdrawn', 1]]);
      rows.push({
        ...base(rng, team),
        licenceNo: `NSXK-${year}-${seq(i + 1, 3)}`,
        licenceType,
        applicant: licenceType === 'outdoor_ads' ? shopName(rng) : companyName(rng, '建筑工程'),
        appliedOn,
        // Applications from the last days of the year are decided in January.
        decidedOn,
        result,
      });
    });
  }
  const dup = rows[10]!;
  rows.push({ ...dup, id: rng.uuid(), licenceNo: `${dup.licenceNo}-重复`, deletedAt: deletedAfter(rng, dup.appliedOn) });
  return { licences: rows };
}
