import type { businessEnvProjects, contractReviews, mediationCases, officerTrainings, publicityEvents } from '@fazhi/domain';
import { base, seq, type Draft, type GenContext } from '../context.js';

/**
 * Values of the optional fields added for figures other streets and towns report (资料份数, 合同备案,
 * 培训班次, 法律顾问参与调解 …). Each is drawn from a random stream of its own, after the records are
 * built, so every other value of the records — and so every figure of the reference report — stays
 * as it was.
 */
export function addReportedElsewhereFields(
  ctx: GenContext,
  byKind: {
    publicity_events: Draft<typeof publicityEvents>[];
    contract_reviews: Draft<typeof contractReviews>[];
    officer_trainings: Draft<typeof officerTrainings>[];
    mediation_cases: Draft<typeof mediationCases>[];
  },
) {
  const rng = ctx.rng('reported-elsewhere');

  const materials = rng.fork('materials');
  for (const e of byKind.publicity_events) e.materialsDistributed = e.format === 'online' ? null : e.format === 'stall' ? materials.int(200, 800) : materials.int(40, 200);

  const contracts = rng.fork('contracts');
  for (const c of byKind.contract_reviews) {
    c.issuesFound = c.opinion === 'approved' ? 0 : contracts.int(1, 4);
    // 大额合同 (100万元 and above) go to the level above for filing.
    c.filed = c.amount != null && c.amount >= 1_000_000_00 ? true : null;
  }

  // Trainees of one classroom session share a 班次; online courses are taken one by one.
  const sessionNos = new Map<string, string>();
  for (const t of [...byKind.officer_trainings].sort((a, b) => a.trainedOn.localeCompare(b.trainedOn))) {
    if (t.format === 'online') continue;
    const key = `${t.trainedOn}|${t.course}`;
    const year = t.trainedOn.slice(0, 4);
    if (!sessionNos.has(key)) sessionNos.set(key, `PX${year}-${seq([...sessionNos.values()].filter((v) => v.startsWith(`PX${year}`)).length + 1, 2)}`);
    t.sessionNo = sessionNos.get(key)!;
  }

  const mediation = rng.fork('mediation');
  for (const m of byKind.mediation_cases) m.counselInvolved = mediation.chance(0.12) ? true : null;
}

/** 法治文化阵地: rule-of-law parks and corridors the street built, with the money spent. */
export function lawVenueProjects(ctx: GenContext): Draft<typeof businessEnvProjects>[] {
  const rng = ctx.rng('law-venues');
  const street = ctx.orgs.street.id;
  const venue = (title: string, location: string, startedOn: string, completedOn: string, investment: number): Draft<typeof businessEnvProjects> => ({
    ...base(rng, street),
    title,
    category: 'law_venue',
    location,
    output: 1,
    outputUnit: 'sites',
    startedOn,
    completedOn,
    investment,
  });
  return [
    venue('蕉门河法治文化长廊', '蕉门河中心区', '2023-03-01', '2023-06-30', 380_000_00),
    venue('金隆社区宪法主题广场', '金隆社区', '2024-02-19', '2024-05-31', 520_000_00),
    venue('港湾社区民法典主题公园', '港湾社区', '2024-07-01', '2024-11-28', 460_000_00),
  ];
}
