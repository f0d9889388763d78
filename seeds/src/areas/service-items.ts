import { serviceItems } from '@fazhi/domain';
import { addDays } from '../calendar.js';
import { base, deletedAfter, seq, type Draft, type GenContext } from '../context.js';
import type { DepartmentKey } from '../orgs.js';
import { departmentNames } from '../orgs.js';
import type { Rng } from '../random.js';

type Item = Draft<typeof serviceItems>;
type Category = Item['category'];

/** Base services of a street catalogue, with the variants real catalogues list separately. */
const catalogue: readonly (readonly [Category, DepartmentKey, string, readonly string[]])[] = [
  ['social_security', 'publicService', '城乡居民基本养老保险', ['参保登记', '待遇申领', '参保信息变更', '注销登记']],
  ['social_security', 'publicService', '城乡居民基本医疗保险', ['参保登记', '缴费信息变更', '异地就医备案']],
  ['social_security', 'publicService', '灵活就业人员社会保险', ['参保登记', '缴费基数申报', '停保']],
  ['social_security', 'publicService', '失业人员', ['失业登记', '失业保险金申领', '就业困难人员认定']],
  ['social_security', 'publicService', '就业创业', ['创业补贴申请', '创业担保贷款申请', '求职登记', '公益性岗位申请']],
  ['social_security', 'publicService', '退役军人', ['信息采集', '优待证申领', '优抚对象抚恤补助申请']],
  ['civil_affairs', 'publicService', '最低生活保障', ['申请', '变更', '停发', '复核']],
  ['civil_affairs', 'publicService', '特困人员救助供养', ['申请', '终止', '照料护理等级评估']],
  ['civil_affairs', 'publicService', '临时救助', ['申请', '急难型临时救助']],
  ['civil_affairs', 'publicService', '残疾人', ['两项补贴申请', '证件申领', '辅助器具适配申请', '就业登记']],
  ['civil_affairs', 'publicService', '老年人', ['高龄津贴申领', '长者饭堂助餐登记', '居家养老服务资助申请', '老年人优待证办理']],
  ['civil_affairs', 'publicService', '殡葬', ['基本殡葬服务费用减免', '惠民殡葬补贴申领']],
  ['civil_affairs', 'publicService', '困境儿童', ['基本生活保障申请', '孤儿基本生活费申领']],
  ['civil_affairs', 'office', '社会组织', ['社区社会组织备案', '备案事项变更']],
  ['health', 'publicService', '生育', ['生育登记', '再生育审批', '生育保险待遇申领']],
  ['health', 'publicService', '计划生育家庭', ['奖励扶助申请', '特别扶助申请', '独生子女父母光荣证补办']],
  ['health', 'publicService', '流动人口', ['婚育情况证明', '健康档案建立']],
  ['housing', 'planning', '公共租赁住房', ['资格申请', '资格年审', '退出']],
  ['housing', 'planning', '住房', ['租赁补贴申请', '老旧小区加装电梯备案', '房屋安全鉴定申请']],
  ['housing', 'safety', '出租屋', ['租赁登记备案', '租赁登记变更', '租赁合同备案注销']],
  ['housing', 'enforcement', '户外广告和招牌', ['设置备案', '临时设置申请']],
  ['housing', 'enforcement', '建筑废弃物', ['排放核准', '运输车辆备案']],
  ['business', 'economy', '个体工商户', ['设立登记指导', '变更登记指导', '注销登记指导']],
  ['business', 'economy', '企业', ['开办一站式服务', '用工招聘对接', '政策兑现咨询', '诉求受理']],
  ['business', 'economy', '食品小作坊', ['登记', '登记变更', '登记注销']],
  ['business', 'emergency', '安全生产', ['企业安全生产标准化咨询', '危险作业报备']],
  ['household', 'serviceCentre', '居住证', ['办理', '签注', '补领']],
  ['household', 'serviceCentre', '户籍', ['证明开具', '迁入咨询', '人才入户咨询']],
  ['household', 'serviceCentre', '港澳居民', ['来往内地通行证咨询', '居住证办理咨询']],
  ['household', 'serviceCentre', '证明', ['亲属关系证明', '居住证明', '无犯罪记录证明申请指引']],
  ['other', 'justice', '人民调解', ['申请', '司法确认申请指引']],
  ['other', 'legalStation', '法律援助', ['申请受理', '法律咨询', '公证业务指引']],
  ['other', 'party', '党员组织关系', ['转入', '转出']],
  ['other', 'office', '政府信息公开', ['申请', '依申请公开答复']],
  ['other', 'emergency', '应急避难场所', ['查询', '物资申领']],
  ['social_security', 'publicService', '', ['城乡居民养老保险待遇资格认证', '被征地农民养老保障咨询', '退休人员社会化管理登记', '职工医保个人账户家庭共济备案', '大病保险待遇咨询', '长期护理保险申请', '医疗费用零星报销', '生育医疗费用报销', '就业援助申请', '职业介绍服务']],
  ['civil_affairs', 'publicService', '', ['社区养老服务站使用登记', '老年人助浴服务申请', '长者紧急呼援服务申请', '残疾人托养服务申请', '残疾人康复服务申请', '重点优抚对象医疗补助申请', '困难群众冬春救助', '社会救助家庭经济状况核对授权']],
  ['health', 'publicService', '', ['计划生育手术并发症人员扶助申请', '婴幼儿照护服务咨询', '健康教育讲座报名', '食品安全投诉举报受理']],
  ['housing', 'enforcement', '', ['占道施工临时许可申请指引', '余泥渣土运输投诉受理', '违法建设线索举报受理', '城市道路挖掘申请指引', '户外临时宣传品设置申请', '夜间施工投诉受理']],
  ['business', 'emergency', '', ['安全生产培训报名', '企业应急预案备案指导', '三小场所消防安全指导', '危险化学品经营咨询', '燃气经营场所安全检查预约']],
  ['household', 'serviceCentre', '', ['户口簿补领指引', '集体户口借用登记', '死亡登记指引', '姓名变更指引', '出入境证件办理指引', '居住证积分查询']],
  ['other', 'justice', '', ['人民调解员咨询', '法律明白人培训报名', '社区法律顾问预约', '公证预约指引', '仲裁申请指引', '法治宣传资料申领', '普法讲座预约', '行政复议申请指引', '政府法律顾问意见征询', '村居法律服务预约', '人民陪审员报名咨询', '特殊人群帮教登记', '矛盾纠纷排查登记', '综治中心事项受理', '网格事项上报', '平安志愿者招募报名', '出租屋治安责任书签订']],
  // Items listed under their full names.
  ['social_security', 'publicService', '', ['工伤认定申请指引', '劳动能力鉴定申请', '工伤保险待遇申领', '生育津贴申领', '社会保障卡申领', '社会保障卡挂失', '社会保障卡补换', '医疗救助申请', '门诊特定病种待遇申请', '职业技能培训补贴申请', '技能人才评价报名', '劳动保障监察投诉受理', '欠薪线索登记', '劳动人事争议调解申请', '家庭养老床位申请', '长者助餐配餐补贴申请', '居家适老化改造申请', '灵活就业人员就业登记', '就业见习补贴申请', '高校毕业生就业服务']],
  ['civil_affairs', 'publicService', '', ['婚姻登记预约指引', '婚姻状况证明指引', '慈善募捐备案指引', '志愿者注册', '低收入家庭认定申请', '低收入家庭认定复核', '社区服务场地预约', '居民公约备案', '义务兵家庭优待金申领', '立功受奖喜报送达登记', '重度残疾人护理补贴申请', '困难残疾人生活补贴申请', '精神障碍患者监护补助申请', '流浪乞讨人员救助指引', '事实无人抚养儿童认定申请', '孤寡老人探访服务登记']],
  ['health', 'publicService', '', ['预防接种证办理指引', '家庭医生签约服务申请', '老年人健康体检预约', '慢性病管理登记', '病媒生物防制咨询', '母婴室使用登记', '适龄妇女两癌筛查报名', '严重精神障碍患者登记管理', '无偿献血证明查询']],
  ['housing', 'planning', '', ['业主大会筹备指导', '业主委员会备案指导', '物业服务投诉受理', '住宅专项维修资金使用申请指导', '危房改造申请', '瓶装燃气用户登记', '燃气安全隐患报告', '低洼地区水浸报告', '农村住房建设申请审核', '临时建筑使用申请', '小区公共设施维修报告', '二次供水设施问题报告']],
  ['business', 'economy', '', ['项目落地服务', '厂房物业对接', '涉企收费咨询', '企业合规指导', '农贸市场摊位申请', '临时经营场所申请', '外国人来华工作许可咨询', '外籍人员住宿登记指引', '企业用工备案指引', '中小企业融资对接', '商事登记预约', '外贸企业政策咨询']],
  ['household', 'serviceCentre', '', ['居民身份证办理指引', '临时身份证明开具', '出生医学证明指引', '新生儿入户指引', '户口迁出证明指引', '台湾居民来往大陆通行证咨询', '居住登记', '来穗人员积分制服务', '随迁子女入学证明', '港澳居民居住登记']],
  ['other', 'office', '', ['来访登记', '网上信访受理', '12345热线诉求受理', '档案查阅', '档案证明出具', '党群服务中心场地预约', '党员志愿服务登记', '律师咨询预约', '调解申请指引', '司法鉴定指引', '消防安全检查预约', '消防设施维护报告', '群防群治志愿者登记', '视频监控调阅申请', '文体场馆预约', '社区文化活动报名', '义务教育入学咨询', '学位申请材料审核', '家庭经济困难学生资助申请', '人才绿卡咨询', '人才公寓申请', '社区矫正报到指引', '刑满释放人员帮扶登记', '禁毒宣传资料申领', '流动儿童关爱服务登记']],
];

const categoryCode: Record<Category, string> = { social_security: '01', civil_affairs: '02', health: '03', housing: '04', business: '05', household: '06', other: '07' };

/**
 * 233 items in the catalogue at the end of 2024 (208 listed earlier and still there, one delisted
 * on 1 January 2025, 24 added in 2024); 218 at the end of 2023. Near misses: items delisted during
 * 2023 or 2024, one listed and delisted within 2024, items listed in 2025, a deleted duplicate.
 */
export function generateServiceItems(ctx: GenContext, rng: Rng): Item[] {
  const all = rng.shuffle(catalogue.flatMap(([category, d, subject, variants]) => variants.map((v) => [category, d, `${subject}${v}`] as const)));
  const plan: readonly (readonly [number, () => [string, string | null]])[] = [
    [208, () => [`${rng.int(2019, 2023)}-${seq(rng.int(1, 12), 2)}-${seq(rng.int(1, 28), 2)}`, null]],
    [9, () => [`${rng.int(2019, 2023)}-${seq(rng.int(1, 12), 2)}-01`, `2024-${seq(rng.int(3, 11), 2)}-${seq(rng.int(1, 28), 2)}`]],
    [4, () => [`${rng.int(2019, 2021)}-06-01`, `2023-${seq(rng.int(2, 11), 2)}-15`]],
    [1, () => ['2020-07-01', '2025-01-01']],
    [24, () => [`2024-${seq(rng.int(1, 12), 2)}-${seq(rng.int(1, 28), 2)}`, null]],
    [1, () => ['2024-03-01', '2024-11-30']],
    [2, () => [`2025-01-${seq(rng.int(2, 20), 2)}`, null]],
  ];
  const needed = plan.reduce((s, [n]) => s + n, 0);
  if (all.length < needed) throw new Error(`service catalogue has ${all.length} names, needs ${needed}`);
  const items: Item[] = [];
  let k = 0;
  for (const [n, dates] of plan) {
    for (let i = 0; i < n; i++) {
      const [category, d, name] = all[k++]!;
      const [listedOn, delistedOn] = dates();
      items.push({
        ...base(rng, ctx.orgs.dept.serviceCentre.id),
        code: '',
        name,
        category,
        department: departmentNames[d],
        mode: rng.chance(0.55) ? 'instant' : 'promised',
        online: rng.chance(0.78),
        listedOn,
        delistedOn,
      });
    }
  }
  const original = items[3]!;
  items.push({ ...original, id: rng.uuid(), deletedAt: deletedAfter(rng, addDays(original.listedOn, 1)) });
  const counters = new Map<string, number>();
  for (const it of items) {
    const n = (counters.get(it.category) ?? 0) + 1;
    counters.set(it.category, n);
    it.code = it.deletedAt ? original.code : `44011500${categoryCode[it.category]}${seq(n)}`;
  }
  return items;
}
