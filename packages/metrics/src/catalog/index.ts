import type { Catalog } from '../definitions.js';
import * as disputeResolution from './dispute-resolution.js';
import * as enforcement from './enforcement.js';
import { catalogLabelsEn } from './english.js';
import * as legalityAndDisputes from './legality-and-disputes.js';
import * as organisation from './organisation.js';
import * as publicService from './public-service.js';
import * as publicityAndBusiness from './publicity-and-business.js';
import * as rectificationAndLeadership from './rectification-and-leadership.js';

export * from './builders.js';

const parts = [legalityAndDisputes, enforcement, disputeResolution, publicityAndBusiness, publicService, rectificationAndLeadership, organisation];

/** A definition with its English name from `catalogLabelsEn`, unless it declares its own. */
const inEnglish = <T extends { id: string; labelEn?: string }>(d: T): T => (d.labelEn || !catalogLabelsEn[d.id] ? d : { ...d, labelEn: catalogLabelsEn[d.id] });

/** Every measure and indicator fazhi ships; one definition each. */
export const builtInCatalog: Catalog = {
  measures: parts.flatMap((p) => p.measures).map(inEnglish),
  indicators: parts.flatMap((p) => p.indicators).map(inEnglish),
};
