import { adminDisputes, courtHearings } from './admin-disputes.js';
import { businessEnvProjects, foreignNationalServices } from './business-env.js';
import { auxiliaryStaff, enforcementActions, enforcementOfficers, officerTrainings } from './enforcement.js';
import { honours, lawExams, studySessions } from './leadership.js';
import { legalAidApplications } from './legal-aid.js';
import { contractReviews, legalConsultations, legalOpinions, majorDecisions, reviewMeetings } from './legality-review.js';
import { mediationCases } from './mediation.js';
import { orgAttributes } from './organisation.js';
import { publicityEvents, publicityPublications } from './publicity.js';
import { coordinationEvents, hotlineTickets, serviceItems, supervisionRounds } from './public-service.js';
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
  legalConsultations,
  contractReviews,
  legalOpinions,
  reviewMeetings,
  majorDecisions,
  adminDisputes,
  courtHearings,
  enforcementActions,
  enforcementOfficers,
  officerTrainings,
  auxiliaryStaff,
  mediationCases,
  legalAidApplications,
  publicityEvents,
  publicityPublications,
  businessEnvProjects,
  foreignNationalServices,
  serviceItems,
  hotlineTickets,
  supervisionRounds,
  coordinationEvents,
  rectificationTasks,
  orgAttributes,
] as const;
