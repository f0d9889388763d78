import { dutyItems } from '@fazhi/domain';
import { base, seq, type Draft, type GenContext } from '../context.js';

type Duty = Draft<typeof dutyItems>;

/** [name, class, field]: the street's 履职事项清单, adopted in 2023 and revised in 2024. */
const items: readonly (readonly [string, Duty['dutyClass'], string])[] = [
  ['组织开展辖区法治宣传教育', 'basic', '司法行政'],
  ['人民调解组织建设和矛盾纠纷排查化解', 'basic', '司法行政'],
  ['社区矫正对象日常走访', 'cooperative', '司法行政'],
  ['出租屋消防安全巡查', 'basic', '应急管理'],
  ['生产经营单位安全生产检查', 'basic', '应急管理'],
  ['燃气经营场所安全执法', 'cooperative', '应急管理'],
  ['违法建设巡查与制止', 'basic', '规划建设'],
  ['城市更新项目意见征集', 'cooperative', '规划建设'],
  ['户外广告设施设置审批', 'basic', '城市管理'],
  ['门前三包责任落实监督', 'basic', '城市管理'],
  ['餐饮油烟污染查处', 'returned', '生态环境'],
  ['最低生活保障申请受理', 'basic', '民政'],
  ['特困人员供养审核', 'cooperative', '民政'],
  ['退役军人服务保障', 'basic', '退役军人事务'],
  ['流动人口登记', 'cooperative', '公安'],
  ['食品小作坊登记', 'returned', '市场监管'],
  ['居民医保参保登记', 'basic', '医疗保障'],
  ['就业困难人员认定', 'basic', '人力资源社会保障'],
];

export function generateDutyItems(ctx: GenContext) {
  const rng = ctx.rng('duty-items');
  const street = ctx.orgs.street.id;
  const rows: Duty[] = items.map(([name, dutyClass, field], i) => ({
    ...base(rng, street),
    code: `NSLZ-${seq(i + 1, 3)}`,
    name,
    dutyClass,
    field,
    listedOn: '2023-03-01',
    delistedOn: null,
  }));
  // The list took effect on 1 March 2023; its July 2024 revision added one item and removed one.
  rows.push({ ...base(rng, street), code: 'NSLZ-101', name: '养犬登记协助', dutyClass: 'cooperative', field: '公安', listedOn: '2024-07-01', delistedOn: null });
  rows.push({ ...base(rng, street), code: 'NSLZ-102', name: '建筑废弃物运输查处', dutyClass: 'basic', field: '城市管理', listedOn: '2023-03-01', delistedOn: '2024-07-01' });
  return { duty_items: rows };
}
