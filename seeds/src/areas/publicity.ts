import { publicityEvents, publicityPublications } from '@fazhi/domain';
import { addDays, isWorkday } from '../calendar.js';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import { short } from '../orgs.js';
import type { Rng } from '../random.js';
import { byField, countedDates } from '../series.js';
import { targets, years } from '../targets.js';

type Event = Draft<typeof publicityEvents>;
type Law = NonNullable<Event['laws']>[number];
type Format = Event['format'];

/** Fixed dates of the publicity calendar: title, month-day, laws, format. */
const themedDays: readonly (readonly [string, string, readonly Law[], Format])[] = [
  ['“3·15”消费者权益保护法治宣传', '03-15', ['civil_code', 'other'], 'stall'],
  ['全民国家安全教育日主题宣传', '04-15', ['national_security_law'], 'stall'],
  ['民法典宣传月进社区', '05-18', ['civil_code'], 'community'],
  ['安全生产月法治宣传咨询日', '06-16', ['work_safety_law'], 'stall'],
  ['国际禁毒日主题宣传', '06-26', ['other'], 'community'],
  ['防范电信网络诈骗宣传进社区', '08-21', ['anti_fraud_law'], 'community'],
  ['全国消防日法治宣传', '11-09', ['work_safety_law'], 'stall'],
  ['国家宪法日主题宣传', '12-04', ['constitution'], 'stall'],
];

const everyday: readonly (readonly [string, readonly Law[], Format, string | null])[] = [
  ['民法典进家庭讲座', ['civil_code'], 'lecture', null],
  ['新公司法进企业宣讲', ['company_law'], 'enterprise', '辖区企业会议室'],
  ['劳动法律法规进工地', ['labour_law'], 'enterprise', '在建工地生活区'],
  ['反诈宣传进社区', ['anti_fraud_law'], 'community', null],
  ['未成年人保护法进校园', ['minors_protection_law'], 'school', null],
  ['宪法学习进机关', ['constitution'], 'lecture', '街道党群服务中心'],
  ['普法志愿服务宣传摊位', ['civil_code', 'anti_fraud_law'], 'stall', null],
  ['法律明白人培训', ['civil_code', 'constitution'], 'lecture', '公共法律服务工作站'],
  ['行政处罚法进商圈', ['administrative_penalty_law'], 'enterprise', '金隆路商业街'],
  ['线上普法有奖答题', ['constitution', 'civil_code'], 'online', null],
  ['“法治体检”进企业', ['company_law', 'labour_law'], 'enterprise', '南沙国际人才港'],
  ['安全生产法进园区', ['work_safety_law'], 'enterprise', '辖区企业会议室'],
];

const placesByFormat: Record<Format, readonly string[]> = {
  lecture: ['街道党群服务中心', '公共法律服务工作站', '社区党群服务中心'],
  stall: ['蕉门河中心区广场', '南沙湾滨海公园', '金隆路商业街', '南沙客运港'],
  community: ['社区广场', '社区党群服务中心'],
  enterprise: ['南沙国际人才港', '辖区企业会议室', '在建工地生活区'],
  school: ['辖区小学', '辖区中学'],
  online: ['“南沙街道”微信公众号'],
  other: ['街道辖区'],
};

export function generatePublicity(ctx: GenContext) {
  const rng = ctx.rng('publicity');
  const { dept, communities, districtJustice } = ctx.orgs;
  const organizers = [dept.justice, dept.justice, dept.safety, dept.enforcement, dept.publicService, ...communities];

  const event = (title: string, heldOn: string, laws: readonly Law[], format: Format, orgId?: string, at?: string | null): Event => {
    const org = orgId ? undefined : rng.pick(organizers);
    const place = at ?? rng.pick(placesByFormat[format]);
    return {
      ...base(rng, orgId ?? org!.id),
      title,
      heldOn,
      place: org?.kind === 'community' && place.startsWith('社区') ? `${short(org)}${place.slice(2)}` : place,
      format,
      laws: [...laws],
      audience: format === 'online' ? rng.int(300, 2500) : format === 'stall' ? rng.int(80, 400) : rng.int(25, 150),
      organizer: org ? short(org) : '南沙区司法局',
    };
  };
  const randomEvent = (heldOn: string) => {
    const [title, laws, format, at] = rng.pick(everyday);
    return event(title, heldOn, laws, format, undefined, at);
  };

  const events: Event[] = [];
  for (const year of years) {
    const themed = themedDays.map(([title, md, laws, format]) => event(title, `${year}-${md}`, laws, format));
    // Constitution week (宪法宣传周) brings several extra events.
    const week = [1, 2, 3, 5, 6].map((d) => event('宪法宣传周系列活动', `${year}-12-0${d}`, ['constitution'], rng.pick(['community', 'school', 'lecture'] as const)));
    // The 2024 company-law revision came into force on 1 July 2024.
    const extra = year === 2024 ? [event('新《公司法》施行主题宣讲', '2024-07-01', ['company_law'], 'enterprise')] : [event('元旦普法游园活动', '2023-12-31', ['constitution', 'civil_code'], 'community')];
    const fixed = [...themed, ...week, ...extra];
    const rest = countedDates(rng, year, targets[year].publicityEvents - fixed.length, { offDays: 0.5 });
    events.push(...fixed, ...rest.map(randomEvent));
  }
  events.push(event('元旦普法游园活动', '2025-01-01', ['constitution', 'civil_code'], 'community'));
  events.push(randomEvent('2025-01-10'));
  for (const d of ['2024-05-23', '2024-10-16']) events.push({ ...randomEvent(d), deletedAt: deletedAfter(rng, d) });
  // Held in the street by the district bureau: its record, not the street's.
  events.push(event('区司法局“法治进万家”巡回宣讲', '2024-09-12', ['civil_code'], 'lecture', districtJustice.id));
  events.sort(byField('heldOn'));

  return { publicity_events: events, publicity_publications: publications(ctx, rng.fork('publications')) };
}

type Publication = Draft<typeof publicityPublications>;

const videoTopics = [
  '新《公司法》的十个变化', '物业费纠纷怎么办', '欠薪了找谁维权', '电动自行车事故的责任划分', '预付卡消费要注意什么', '高空抛物的法律责任',
  '遗嘱怎么立才有效', '租房押金被扣怎么办', '反诈：识别冒充客服诈骗', '未成年人网络保护', '宪法与我们的生活', '邻里噪音的法律边界',
  '法律援助怎么申请', '人民调解协议的效力', '劳动合同必备条款', '燃气安全责任', '个人信息保护小课堂', '婚前财产怎么认定',
];
const articleTitles = [
  '【以案释法】工地欠薪，农民工如何讨回工资', '【以案释法】高空抛物致人损害谁担责', '【以案释法】帮人“跑分”也是犯罪', '【以案释法】租房押金被扣，调解帮忙要回',
  '【调解故事】一场漏水引发的邻里纠纷', '【调解故事】物业费纠纷的化解', '【调解故事】电动车碰撞后的握手言和', '【法律援助案例】工伤职工获赔', '【法律援助案例】老人追索赡养费',
  '【普法小贴士】预付卡消费注意事项', '【普法小贴士】遗嘱的几种形式', '【普法小贴士】签劳动合同要看清哪些条款', '【普法小贴士】识破刷单返利骗局',
  '【法治动态】街道开展宪法宣传周活动', '【法治动态】公共法律服务工作站升级开放', '【法治动态】“法律明白人”培训举行', '【执法公示】行政处罚决定信息公示', '【执法公示】行政执法人员名单公示',
];

function publications(ctx: GenContext, rng: Rng): Publication[] {
  const orgId = ctx.orgs.dept.justice.id;
  const out: Publication[] = [];
  const pub = (title: string, mediaType: Publication['mediaType'], publishedOn: string, issueNo: number | null): Publication => ({
    ...base(rng, orgId),
    title,
    mediaType,
    issueNo,
    channel: mediaType === 'video' ? rng.pick(['video_account', 'douyin'] as const) : mediaType === 'article' ? 'wechat_account' : 'noticeboard',
    publishedOn,
    views: mediaType === 'video' ? rng.int(800, 12_000) : mediaType === 'article' ? rng.int(300, 4_000) : null,
    laws: null,
  });
  // Videos: a numbered series per year, roughly every three weeks, on working days.
  const videoDates = (year: number, n: number) => {
    const out: string[] = [];
    let d = `${year}-01-${year === 2024 ? '19' : '12'}`;
    const gap = Math.floor(330 / n);
    for (let i = 0; i < n; i++) {
      while (!isWorkday(d)) d = addDays(d, 1);
      out.push(d);
      d = addDays(d, gap + rng.int(-4, 4));
    }
    return out;
  };
  const topics = rng.shuffle(videoTopics);
  let t = 0;
  for (const year of years) {
    const dates = videoDates(year, targets[year].videos - (year === 2023 ? 1 : 0));
    if (year === 2023) dates.push('2023-12-29');
    dates.forEach((d, i) => out.push(pub(`南沙法治小课堂${year}年第${i + 1}期：${topics[t++ % topics.length]}`, 'video', d, i + 1)));
    const articles = countedDates(rng, year, year === 2024 ? 64 : 52);
    for (const d of articles) out.push(pub(rng.pick(articleTitles), 'article', d, null));
    for (const d of countedDates(rng, year, year === 2024 ? 9 : 7)) out.push(pub(`${d.slice(0, 4)}年普法宣传海报：${rng.pick(['宪法', '民法典', '反诈', '安全生产', '国家安全'])}`, 'poster', d, null));
  }
  out.push(pub('“八五”普法宣传手册（2024年版）', 'brochure', '2024-03-20', null));
  // Near misses: the first video of 2025 and a 2024 video uploaded twice and deleted.
  out.push(pub(`南沙法治小课堂2025年第1期：${topics[t % topics.length]}`, 'video', '2025-01-10', 1));
  const twice = out.find((p) => p.mediaType === 'video' && p.publishedOn.startsWith('2024') && p.issueNo === 5)!;
  out.push({ ...twice, id: rng.uuid(), deletedAt: deletedAfter(rng, twice.publishedOn, 1) });
  return out.sort(byField('publishedOn'));
}
