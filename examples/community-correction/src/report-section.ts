import type { ReportSectionContribution } from '@fazhi/model';

/**
 * 社区矫正's part of the annual report. Its id is new to the default template, so by the merge rule
 * (`mergeReportSections`) it is appended at the end of 主要成效 (`achievements`); a template that
 * already has a `community-correction` section gets it replaced in place.
 */
export const communityCorrectionReportSection: ReportSectionContribution = {
  id: 'community-correction',
  parent: 'achievements',
  heading: '依法开展社区矫正工作',
  blocks: [
    { type: 'narrative', key: 'community_correction', prompt: '简述社区矫正监督管理、教育帮扶和安全稳控的做法。' },
    {
      type: 'figures',
      text: '全年新接收社区矫正对象{community_correction.new_subjects}，解除矫正{community_correction.released_subjects}（其中期满解除{community_correction.term_expired}），年末在册{community_correction.active_subjects}（{community_correction.active_subjects|yoy}）。开展走访、个别谈话和集中教育{community_correction.visits}，覆盖社区矫正对象{community_correction.visited_subjects}；社区矫正对象再犯罪率{community_correction.reoffending_rate}。',
    },
  ],
};
