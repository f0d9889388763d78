import { builtInRecordKinds, type AnyRecord } from '@fazhi/domain';
import type { DatasetInput } from '@fazhi/dataset';
import { generateAdminDisputes } from './areas/admin-disputes.js';
import { generateBusinessEnv } from './areas/business-env.js';
import { generateCampaigns } from './areas/campaigns.js';
import { generateCounselShifts } from './areas/counsel-shifts.js';
import { generateDocuments } from './areas/documents.js';
import { generateDutyItems } from './areas/duty-items.js';
import { generateEnforcement } from './areas/enforcement.js';
import { addReportedElsewhereFields, lawVenueProjects } from './areas/extra-fields.js';
import { generateHotline } from './areas/hotline.js';
import { generateLawWork } from './areas/law-work.js';
import { generateLeadership } from './areas/leadership.js';
import { generateLegalAid } from './areas/legal-aid.js';
import { generateLicences } from './areas/licences.js';
import { generateLegalityReview } from './areas/legality-review.js';
import { generateMediation } from './areas/mediation.js';
import { generateOrganisation } from './areas/organisation.js';
import { generatePublicity } from './areas/publicity.js';
import { generateRectification } from './areas/rectification.js';
import { generateResidentConsultations } from './areas/resident-consultations.js';
import { generateDisclosureRequests, generateServiceCases } from './areas/service-cases.js';
import { generateServiceItems } from './areas/service-items.js';
import { generateCoordination, generateSupervision } from './areas/supervision.js';
import type { GenContext } from './context.js';
import { buildOrgs } from './orgs.js';
import { Rng } from './random.js';
import { buildStaff } from './staff.js';
import { withWorkflowStates } from './workflow-states.js';

/** Changing the seed changes every id and value; the figures stay as targeted. */
export const nanshaSeed = 20_241_231;

/** Builds the 南沙街道 dataset in memory: pure, deterministic, no I/O. */
export function buildNansha(seed = nanshaSeed): DatasetInput {
  const root = new Rng(seed);
  const orgs = buildOrgs(root.fork('orgs'));
  const ctx: GenContext = { orgs, staff: buildStaff(root.fork('staff')), rng: (label) => root.fork(label) };

  const publicService = ctx.rng('public-service');
  const hotline = generateHotline(ctx, publicService.fork('hotline'));
  const legality = generateLegalityReview(ctx);
  const enforcement = generateEnforcement(ctx);
  const mediation = generateMediation(ctx);
  const publicity = generatePublicity(ctx);
  const businessEnv = generateBusinessEnv(ctx);
  const serviceItems = generateServiceItems(ctx, publicService.fork('service-items'));
  addReportedElsewhereFields(ctx, { ...publicity, ...legality, ...enforcement, ...mediation });
  const byKind: Record<string, readonly object[]> = {
    ...generateLeadership(ctx),
    ...generateLawWork(ctx),
    ...legality,
    ...generateDocuments(ctx),
    ...generateCounselShifts(ctx),
    ...generateAdminDisputes(ctx),
    ...enforcement,
    ...generateCampaigns(ctx),
    ...generateLicences(ctx),
    ...mediation,
    ...generateLegalAid(ctx),
    ...generateResidentConsultations(ctx),
    ...publicity,
    ...businessEnv,
    business_env_projects: [...businessEnv.business_env_projects, ...lawVenueProjects(ctx)],
    service_items: serviceItems,
    ...generateDutyItems(ctx),
    service_cases: generateServiceCases(ctx, publicService.fork('service-cases'), serviceItems),
    disclosure_requests: generateDisclosureRequests(ctx, publicService.fork('disclosure')),
    hotline_tickets: hotline.tickets,
    supervision_rounds: generateSupervision(ctx, publicService.fork('supervision')),
    coordination_events: generateCoordination(ctx, publicService.fork('coordination'), hotline.ticketBefore),
    ...generateRectification(ctx),
    ...generateOrganisation(ctx),
  };

  const kinds = builtInRecordKinds.map((k) => k.id as string);
  const missing = kinds.filter((k) => !byKind[k]);
  if (missing.length) throw new Error(`no generator for ${missing.join(', ')}`);
  return {
    manifest: {
      name: 'nansha-2024',
      label: '南沙街道法治政府建设示例数据（2023—2024年）',
      rootOrgId: orgs.street.id,
      years: [2023, 2024],
      description:
        '广州市南沙区南沙街道2023、2024年法治政府建设各项工作的逐条记录（由程序生成的示例数据，人员信息均为虚构）。2024年各项数据与参考报告一致，2023年为用于同比的另一组数值。',
      kinds,
      // The street's ledgers cover 2023 and 2024: 2022 has no data, so 2023 has no 同比, and years
      // after 2024 hold only stray later dates (cases closed in January), so they compare with nothing.
      ledgerSpan: { from: '2023-01-01', to: '2024-12-31' },
    },
    orgs: orgs.units,
    records: new Map(builtInRecordKinds.map((k) => [k.id, withWorkflowStates(k, byKind[k.id] as AnyRecord[])])),
  };
}
