/**
 * The figures the generated records must yield, per year. 2024 reproduces the reference report
 * (seed-report-2024.txt) exactly; 2023 holds different, plausible values so year-on-year
 * comparisons have something to compare.
 */
export interface YearTargets {
  consultations: number;
  contractReviews: number;
  legalOpinions: number;
  reviewMeetings: number;
  disputes: { handling_decision: number; reconsideration: number; litigation: number };
  actions: { guidance: number; interview: number; warning: number; reminder: number; advice: number; revisit: number; inspection: number; penalty: number };
  auxiliaryHired: number;
  mediation: { successes: number; parties: number; amountFen: number };
  legalAid: { accepted: number; amountFen: number };
  publicityEvents: number;
  videos: number;
  bilingualShops: number;
  foreignServices: number;
  fullCoverageSupervisions: number;
  hotlineTickets: number;
  coordinationEvents: number;
  rectificationTasks: number;
  studySessions: number;
}

export const targets: Record<2023 | 2024, YearTargets> = {
  2024: {
    consultations: 90,
    contractReviews: 1715,
    legalOpinions: 6,
    reviewMeetings: 15,
    disputes: { handling_decision: 3, reconsideration: 6, litigation: 5 },
    actions: { guidance: 15, interview: 11, warning: 1, reminder: 18, advice: 9, revisit: 16, inspection: 142, penalty: 12 },
    auxiliaryHired: 134,
    mediation: { successes: 242, parties: 1692, amountFen: 560_218_050 },
    legalAid: { accepted: 456, amountFen: 1_567_996_400 },
    publicityEvents: 168,
    videos: 16,
    bilingualShops: 65,
    foreignServices: 97,
    fullCoverageSupervisions: 9,
    hotlineTickets: 21_349,
    coordinationEvents: 25,
    rectificationTasks: 12,
    studySessions: 20,
  },
  2023: {
    consultations: 82,
    contractReviews: 1603,
    legalOpinions: 5,
    reviewMeetings: 12,
    disputes: { handling_decision: 2, reconsideration: 4, litigation: 6 },
    actions: { guidance: 12, interview: 9, warning: 2, reminder: 14, advice: 6, revisit: 10, inspection: 121, penalty: 15 },
    auxiliaryHired: 46,
    mediation: { successes: 221, parties: 1489, amountFen: 487_356_720 },
    legalAid: { accepted: 412, amountFen: 1_389_452_300 },
    publicityEvents: 151,
    videos: 11,
    bilingualShops: 12,
    foreignServices: 64,
    fullCoverageSupervisions: 6,
    hotlineTickets: 19_684,
    coordinationEvents: 19,
    rectificationTasks: 9,
    studySessions: 16,
  },
};

export const years = [2023, 2024] as const;
export type Year = (typeof years)[number];

/** Records are entered up to about the time the report is drafted. */
export const dataCutoff = '2025-02-14';
