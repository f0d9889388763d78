import { businessEnvProjects, foreignNationalServices } from '@fazhi/domain';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import { foreignName, nationalities } from '../people.js';
import { countedDates } from '../series.js';
import { targets, years } from '../targets.js';

type Project = Draft<typeof businessEnvProjects>;

export function generateBusinessEnv(ctx: GenContext) {
  const rng = ctx.rng('business-env');
  const { dept, communities } = ctx.orgs;
  const jiaomen = communities[0]!.id;
  const project = (p: Omit<Project, 'id' | 'orgId' | 'deletedAt'>, orgId = dept.economy.id): Project => ({ ...base(rng, orgId), ...p });
  const signs = (title: string, output: number, startedOn: string, completedOn: string | null) =>
    project({ title, category: 'bilingual_signs', location: '蕉门河国际化社区第一网格', output, outputUnit: 'shops', startedOn, completedOn }, jiaomen);

  const batch2 = signs('第一网格商铺招牌双语化改造（第二批）', 22, '2024-06-17', '2024-08-29');
  const projects: Project[] = [
    // 2023 pilot.
    signs('蕉门河国际化社区商铺招牌双语化改造试点', 12, '2023-09-11', '2023-12-27'),
    project({ title: '蕉门河国际化社区建设方案编制', category: 'international_community', location: '蕉门社区', output: 1, outputUnit: 'items', startedOn: '2023-03-01', completedOn: '2023-07-20' }),
    // 2024: three batches, 18 + 22 + 25 = 65 shops.
    signs('第一网格商铺招牌双语化改造（第一批）', 18, '2024-03-25', '2024-05-30'),
    batch2,
    signs('第一网格商铺招牌双语化改造（第三批）', 25, '2024-09-23', '2024-12-20'),
    project({ title: '第一网格一、二级导视系统建设', category: 'wayfinding', location: '蕉门河国际化社区第一网格', output: 38, outputUnit: 'sets', startedOn: '2024-04-08', completedOn: '2024-09-27' }),
    project({ title: '金街中庭雕塑安装', category: 'other', location: '金街中庭', output: 1, outputUnit: 'items', startedOn: '2024-08-05', completedOn: '2024-10-31' }),
    project({ title: '南沙国际人才港一站式便民服务基地', category: 'service_base', location: '南沙国际人才港', output: 1, outputUnit: 'sites', startedOn: '2024-02-26', completedOn: '2024-06-28' }),
    // Started in 2024, finished in 2025: not counted for 2024.
    signs('第一网格商铺招牌双语化改造（第四批）', 14, '2024-11-18', '2025-01-24'),
    signs('第二网格商铺招牌双语化改造（筹备）', 0, '2025-02-10', null),
  ];
  // The second batch entered twice; the copy was deleted.
  projects.push({ ...batch2, id: rng.uuid(), deletedAt: deletedAfter(rng, '2024-08-29') });

  const services: Draft<typeof foreignNationalServices>[] = [];
  const serve = (servedOn: string) => {
    const nationality = rng.weighted(nationalities);
    services.push({
      ...base(rng, dept.publicService.id),
      servedOn,
      serviceType: rng.weighted([['residence', 25], ['policy', 22], ['legal', 12], ['daily_life', 20], ['employment', 14], ['other', 7]] as const),
      nationality,
      personName: foreignName(rng, nationality),
      place: servedOn >= '2024-06-28' ? rng.pick(['南沙国际人才港一站式便民服务基地', '蕉门社区国际化服务站']) : '蕉门社区国际化服务站',
    });
  };
  for (const year of years) for (const d of countedDates(rng, year, targets[year].foreignServices, {}, year === 2024 ? ['2024-12-31'] : ['2023-12-29'])) serve(d);
  serve('2025-01-02');
  serve('2025-01-07');
  serve('2024-07-16');
  services[services.length - 1]!.deletedAt = deletedAfter(rng, '2024-07-16');

  return { business_env_projects: projects, foreign_national_services: services };
}
