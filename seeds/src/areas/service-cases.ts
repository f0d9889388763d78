import { disclosureRequests, serviceCases } from '@fazhi/domain';
import { addDays, datesInYear } from '../calendar.js';
import { base, deletedAfter, seq, type Draft, type GenContext } from '../context.js';
import { personName } from '../people.js';
import type { Rng } from '../random.js';
import { years } from '../targets.js';

type Case = Draft<typeof serviceCases>;

/**
 * Cases of the service hall (便民服务中心): a sample of a thousand or so a year over the listed
 * items, most closed within days and about half rated by the applicant.
 */
export function generateServiceCases(ctx: GenContext, rng: Rng, items: readonly { id: string }[]) {
  const centre = ctx.orgs.dept.serviceCentre.id;
  const cases: Case[] = [];
  for (const year of years) {
    datesInYear(rng, year, year === 2023 ? 1180 : 1326).forEach((receivedOn, i) => {
      const closed = rng.chance(0.97);
      const closedOn = closed ? addDays(receivedOn, rng.int(0, 9)) : null;
      cases.push({
        ...base(rng, centre),
        caseNo: `BJ${year}${seq(i + 1, 5)}`,
        itemId: rng.pick(items).id,
        applicantName: personName(rng),
        channel: rng.weighted<Case['channel']>([['counter', 6], ['online', 3], ['proxy', 1]]),
        receivedOn,
        closedOn: closedOn && closedOn <= '2025-02-14' ? closedOn : null,
        rating: closed && rng.chance(0.55) ? rng.weighted<NonNullable<Case['rating']>>([['satisfied', 96], ['basically', 3], ['dissatisfied', 1]]) : null,
      });
    });
  }
  const dup = cases[40]!;
  cases.push({ ...dup, id: rng.uuid(), caseNo: `${dup.caseNo}-1`, deletedAt: deletedAfter(rng, dup.receivedOn) });
  return cases;
}

/** Requests for government information: a handful a year. */
export function generateDisclosureRequests(ctx: GenContext, rng: Rng) {
  const office = ctx.orgs.dept.office.id;
  const subjects = ['城市更新项目补偿方案', '老旧小区改造资金使用情况', '某路段占道施工审批', '辖区违法建设处理决定', '社区微改造项目招标文件', '低保审批结果'];
  const results = [['disclosed', 4], ['partly_disclosed', 2], ['not_held', 1], ['not_ours', 1]] as const;
  return years.flatMap((year) =>
    datesInYear(rng, year, year === 2023 ? 5 : 7).map((receivedOn, i): Draft<typeof disclosureRequests> => ({
      ...base(rng, office),
      requestNo: `YSQ-${year}-${seq(i + 1, 3)}`,
      requesterName: personName(rng),
      subject: rng.pick(subjects),
      receivedOn,
      answeredOn: addDays(receivedOn, rng.int(5, 20)),
      result: rng.weighted(results),
    })),
  );
}
