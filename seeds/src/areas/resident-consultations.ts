import { residentConsultations } from '@fazhi/domain';
import { datesInYear } from '../calendar.js';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import { mobile, personName } from '../people.js';
import { years } from '../targets.js';

type Consultation = Draft<typeof residentConsultations>;

const topics = ['婚姻家庭财产分割', '劳动合同解除与经济补偿', '房屋租赁押金纠纷', '物业费缴纳争议', '交通事故赔偿标准', '继承与遗嘱效力', '民间借贷催收', '消费维权', '邻里漏水纠纷', '工伤认定程序'];

/**
 * Residents' and enterprises' consultations at the public legal service station and with the
 * communities' counsel: a few hundred sittings a year, some of them families (several persons).
 */
export function generateResidentConsultations(ctx: GenContext) {
  const rng = ctx.rng('resident-consultations');
  const { dept, communities } = ctx.orgs;
  const rows: Consultation[] = [];
  for (const year of years) {
    for (const consultedOn of datesInYear(rng, year, year === 2023 ? 212 : 248)) {
      const channel = rng.weighted<Consultation['channel']>([['walk_in', 5], ['phone', 3], ['online', 1], ['village_duty', 3]]);
      const requesterType = rng.weighted<Consultation['requesterType']>([['resident', 9], ['enterprise', 1]]);
      rows.push({
        ...base(rng, channel === 'village_duty' ? rng.pick(communities).id : dept.legalStation.id),
        consultedOn,
        requesterType,
        channel,
        topic: rng.pick(topics),
        persons: rng.chance(0.15) ? rng.int(2, 4) : 1,
        requesterName: channel === 'online' ? null : personName(rng),
        requesterPhone: rng.chance(0.6) ? mobile(rng) : null,
        answeredBy: rng.pick(ctx.staff.counsels),
      });
    }
  }
  const dup = rows[rows.length - 5]!;
  rows.push({ ...dup, id: rng.uuid(), deletedAt: deletedAfter(rng, dup.consultedOn) });
  return { resident_consultations: rows };
}
