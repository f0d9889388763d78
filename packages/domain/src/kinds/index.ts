import { adminDisputes, courtHearings } from './admin-disputes.js';
import { businessEnvProjects, foreignNationalServices } from './business-env.js';
import { auxiliaryStaff, certificateExams, enforcementActions, enforcementOfficers, licences, officerTrainings, specialCampaigns } from './enforcement.js';
import { honours, internalRules, lawExams, lawWorkMeetings, legislativeFeedback, studySessions } from './leadership.js';
import { legalAidApplications, residentConsultations } from './legal-aid.js';
import { contractReviews, counselDutyShifts, counselEngagements, documentReviews, legalConsultations, legalOpinions, majorDecisions, reviewMeetings } from './legality-review.js';
import { mediationCases } from './mediation.js';
import { orgAttributes } from './organisation.js';
import { publicityEvents, publicityPublications } from './publicity.js';
import { coordinationEvents, disclosureRequests, dutyItems, hotlineTickets, serviceCases, serviceItems, supervisionRounds } from './public-service.js';
import { rectificationTasks } from './rectification.js';

export * from './admin-disputes.js';
export * from './business-env.js';
export * from './enforcement.js';
export * from './leadership.js';
export * from './legal-aid.js';
export * from './legality-review.js';
export * from './mediation.js';
export * from './organisation.js';
export * from './publicity.js';
export * from './public-service.js';
export * from './rectification.js';
export { options } from './options.js';

/** Every record kind fazhi ships, in report order. */
export const builtInRecordKinds = [
  studySessions,
  lawExams,
  honours,
  lawWorkMeetings,
  internalRules,
  legislativeFeedback,
  legalConsultations,
  contractReviews,
  legalOpinions,
  reviewMeetings,
  majorDecisions,
  documentReviews,
  counselEngagements,
  counselDutyShifts,
  adminDisputes,
  courtHearings,
  enforcementActions,
  enforcementOfficers,
  officerTrainings,
  auxiliaryStaff,
  certificateExams,
  specialCampaigns,
  licences,
  mediationCases,
  legalAidApplications,
  residentConsultations,
  publicityEvents,
  publicityPublications,
  businessEnvProjects,
  foreignNationalServices,
  serviceItems,
  dutyItems,
  hotlineTickets,
  serviceCases,
  disclosureRequests,
  supervisionRounds,
  coordinationEvents,
  rectificationTasks,
  orgAttributes,
] as const;
