import { eq, figure, measure, sum, within } from './builders.js';

const events = measure({ id: 'publicity.events', label: '开展法治宣传活动', unit: '场次', kind: 'publicity_events', period: within('heldOn'), description: '年内开展的各类法治宣传活动' });
const audience = measure({ ...events, id: 'publicity.audience', label: '法治宣传活动参与人数', unit: '人次', aggregation: sum('audience'), description: '年内法治宣传活动参与人数合计' });
const materials = measure({ ...events, id: 'publicity.materials_distributed', label: '发放法治宣传资料', unit: '份', aggregation: sum('materialsDistributed'), description: '年内法治宣传活动现场发放的宣传资料份数合计' });
const publications = measure({ id: 'publicity.publications', label: '发布普法作品', unit: '期', kind: 'publicity_publications', period: within('publishedOn'), description: '年内发布的各类普法作品' });
const videos = measure({ ...publications, id: 'publicity.videos', label: '发布普法视频', filters: [eq('mediaType', 'video')], description: '年内发布的普法视频' });

const bilingualSigns = measure({
  id: 'business_env.bilingual_signs',
  label: '完成商铺招牌双语化改造',
  unit: '家',
  kind: 'business_env_projects',
  period: within('completedOn'),
  filters: [eq('category', 'bilingual_signs')],
  aggregation: sum('output'),
  description: '年内完成的商铺招牌双语化改造项目中改造的商铺数合计',
});
const lawVenueInvestment = measure({ id: 'publicity.law_venue_investment', label: '法治文化阵地建设投入', unit: '元', kind: 'business_env_projects', period: within('completedOn'), filters: [eq('category', 'law_venue')], aggregation: sum('investment'), valueType: 'money', description: '年内建成的法治文化阵地项目投入金额合计' });
const lawVenues = measure({ ...lawVenueInvestment, id: 'publicity.law_venues', label: '建成法治文化阵地', unit: '个', aggregation: { type: 'count' }, valueType: 'count', description: '年内建成的法治文化阵地（法治公园、广场、长廊等）' });
const foreignServices = measure({ id: 'business_env.foreign_services', label: '为境外人士提供服务', unit: '人次', kind: 'foreign_national_services', period: within('servedOn'), description: '年内为境外人士提供服务的人次' });

export const measures = [events, audience, materials, publications, videos, lawVenues, lawVenueInvestment, bilingualSigns, foreignServices];

export const indicators = [
  figure(events, 'publicity'),
  figure(audience, 'publicity'),
  figure(materials, 'publicity'),
  figure(publications, 'publicity'),
  figure(videos, 'publicity'),
  figure(lawVenues, 'publicity'),
  figure(lawVenueInvestment, 'publicity'),
  figure(bilingualSigns, 'business_env'),
  figure(foreignServices, 'business_env'),
];
