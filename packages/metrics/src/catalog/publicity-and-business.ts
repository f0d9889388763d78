import { eq, figure, measure, sum, within } from './builders.js';

const events = measure({ id: 'publicity.events', label: '开展法治宣传活动', unit: '场次', kind: 'publicity_events', period: within('heldOn'), description: '年内开展的各类法治宣传活动' });
const audience = measure({ ...events, id: 'publicity.audience', label: '法治宣传活动参与人数', unit: '人次', aggregation: sum('audience'), description: '年内法治宣传活动参与人数合计' });
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
const foreignServices = measure({ id: 'business_env.foreign_services', label: '为境外人士提供服务', unit: '人次', kind: 'foreign_national_services', period: within('servedOn'), description: '年内为境外人士提供服务的人次' });

export const measures = [events, audience, publications, videos, bilingualSigns, foreignServices];

export const indicators = [
  figure(events, 'publicity'),
  figure(audience, 'publicity'),
  figure(publications, 'publicity'),
  figure(videos, 'publicity'),
  figure(bilingualSigns, 'business_env'),
  figure(foreignServices, 'business_env'),
];
