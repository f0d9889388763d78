import { counselDutyShifts } from '@fazhi/domain';
import { dayNumber, isoDate, isWorkday } from '../calendar.js';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import { years } from '../targets.js';

/** Each community's counsel sits there half a day every other week, on a workday. */
export function generateCounselShifts(ctx: GenContext) {
  const rng = ctx.rng('counsel-shifts');
  const rows: Draft<typeof counselDutyShifts>[] = [];
  ctx.orgs.communities.forEach((community, c) => {
    const counsel = ctx.staff.lawyers[2 + (c % 8)]!.name;
    for (const year of years) {
      for (let day = dayNumber(`${year}-01-02`) + c; day < dayNumber(`${year + 1}-01-01`); day += 14) {
        let d = day;
        while (!isWorkday(isoDate(d))) d++;
        if (isoDate(d) >= `${year + 1}-01-01`) break;
        rows.push({ ...base(rng, community.id), counsel, dutyOn: isoDate(d), hours: 3.5, visitors: rng.int(0, 6) });
      }
    }
  });
  const dup = rows[20]!;
  rows.push({ ...dup, id: rng.uuid(), deletedAt: deletedAfter(rng, dup.dutyOn) });
  return { counsel_duty_shifts: rows };
}
