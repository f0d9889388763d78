import { honours, internalRules, lawExams, lawWorkMeetings, legislativeFeedback, studySessions } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

const documents = '.pdf,.jpg,.jpeg,.png,.doc,.docx';
const period = { type: 'period' } as const;
const org = { type: 'org' } as const;

/**
 * 党政主要负责人履职 (leadership duty): the leaders' study of law by form (党工委会议, 主任办公会,
 * 中心组学习, 讲座, 旁听庭审 …), the law exams with their 参考率 and 合格率 per exam, rule-of-law work
 * meetings, internal rules, comments on draft laws and the honours won. No workflow: each is
 * recorded once it has happened. Highlights mark what the year-end figures would miss: a 警示教育
 * without its number of cases, comments on a draft law whose adoption is not yet known.
 * Declarations only; lists, forms, highlighting and the dashboard are the SDK's generic pages.
 */
export default definePlugin({
  id: 'leadership',
  apiVersion: pluginApiVersion,
  label: '党政主要负责人履职',
  labelEn: 'Leadership duty',
  area: 'leadership',
  order: 10,
  menuGroup: '法治建设',
  menuGroupEn: 'Rule-of-law building',
  resources: [
    {
      kind: studySessions,
      listColumns: ['topic', 'format', 'heldOn', 'chairedBy', 'speaker', 'attendees', 'casesCount'],
      listFilters: [period, org, { field: 'format' }, { type: 'text', fields: ['topic', 'chairedBy', 'speaker'] }],
      defaultSort: { field: 'heldOn', order: 'desc' },
      formSections: [
        { title: '学习', titleEn: 'Study', fields: ['format', 'topic', 'heldOn', 'chairedBy', 'attendees'] },
        { title: '讲法与警示教育', titleEn: 'Lectures and warning education', fields: ['speaker', 'casesCount'] },
      ],
      attention: [
        { id: 'cases-missing', label: '未填通报案例数', labelEn: 'Cases missing', when: [{ field: 'format', in: ['warning_education'] }, { field: 'casesCount', empty: true }] },
      ],
      attachments: [
        { id: 'records', label: '学习记录及签到表', labelEn: 'Study record and sign-in sheet', accept: documents },
        { id: 'photos', label: '现场照片', labelEn: 'Site photos', accept: '.jpg,.jpeg,.png,.webp' },
      ],
    },
    {
      kind: lawExams,
      listColumns: ['title', 'heldOn', 'eligible', 'participants', 'passed', 'excellent'],
      listFilters: [period, org, { type: 'text', fields: ['title'] }],
      defaultSort: { field: 'heldOn', order: 'desc' },
      ratioColumns: [
        { id: 'participation-rate', label: '参考率', labelEn: 'Participation', numerator: 'participants', denominator: 'eligible' },
        { id: 'pass-rate', label: '合格率', labelEn: 'Pass rate', numerator: 'passed', denominator: 'participants' },
      ],
      formSections: [
        { title: '考试', titleEn: 'Exam', fields: ['title', 'heldOn'] },
        { title: '考试结果', titleEn: 'Exam results', fields: ['eligible', 'participants', 'passed', 'excellent'] },
      ],
      attachments: [{ id: 'results', label: '考试成绩表', labelEn: 'Score sheet', accept: `${documents},.xls,.xlsx` }],
    },
    {
      kind: lawWorkMeetings,
      listColumns: ['title', 'meetingType', 'heldOn', 'chairedBy', 'issuesDecided'],
      listFilters: [period, org, { field: 'meetingType' }, { type: 'text', fields: ['title', 'chairedBy'] }],
      defaultSort: { field: 'heldOn', order: 'desc' },
      attachments: [{ id: 'minutes', label: '会议纪要', labelEn: 'Meeting minutes', accept: documents }],
    },
    {
      kind: internalRules,
      listColumns: ['title', 'action', 'adoptedOn', 'docNo', 'approvedAt'],
      listFilters: [period, org, { field: 'action' }, { type: 'text', fields: ['title', 'docNo', 'approvedAt'] }],
      defaultSort: { field: 'adoptedOn', order: 'desc' },
      attachments: [{ id: 'rule', label: '制度文件', labelEn: 'Regulation text', accept: documents }],
    },
    {
      kind: legislativeFeedback,
      listColumns: ['draftLaw', 'submittedOn', 'commentsCount', 'adoptedCount', 'requestedBy'],
      listFilters: [period, org, { type: 'text', fields: ['draftLaw', 'requestedBy'] }],
      defaultSort: { field: 'submittedOn', order: 'desc' },
      ratioColumns: [{ id: 'adoption-rate', label: '采纳率', labelEn: 'Adoption rate', numerator: 'adoptedCount', denominator: 'commentsCount' }],
      attention: [{ id: 'adoption-unknown', label: '待反馈采纳情况', labelEn: 'Adoption unknown', when: [{ field: 'adoptedCount', empty: true }] }],
      attachments: [{ id: 'comments', label: '报送的意见', labelEn: 'Comments submitted', accept: documents }],
    },
    {
      kind: honours,
      listColumns: ['title', 'category', 'level', 'awardedOn', 'awardedBy', 'project', 'village'],
      listFilters: [period, org, { field: 'category' }, { field: 'level' }, { type: 'text', fields: ['title', 'awardedBy', 'project', 'village'] }],
      defaultSort: { field: 'awardedOn', order: 'desc' },
      attachments: [{ id: 'certificate', label: '证书或通报文件', labelEn: 'Certificate or circular', accept: documents }],
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'leadership.study_sessions', compare: true },
    { type: 'indicator-card', indicator: 'leadership.study_attendees', compare: true },
    { type: 'indicator-card', indicator: 'leadership.exam_participation_rate', compare: true },
    { type: 'indicator-card', indicator: 'leadership.exam_pass_rate', compare: true },
    { type: 'indicator-card', indicator: 'leadership.law_work_meetings', compare: true },
    { type: 'indicator-card', indicator: 'leadership.legislative_comments', compare: true },
    { type: 'indicator-card', indicator: 'leadership.honours', compare: true },
    { type: 'monthly-trend', indicator: 'leadership.study_sessions', title: '每月领导干部学法', titleEn: 'Leaders\' law study by month', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'leadership-study',
      label: '领导干部学法用法',
      labelEn: 'Leaders\' law study and use',
      indicators: [
        'leadership.study_sessions',
        'leadership.party_committee_sessions',
        'leadership.director_office_sessions',
        'leadership.theory_group_sessions',
        'leadership.lecture_sessions',
        'leadership.cadre_teaching_sessions',
        'leadership.warning_education_sessions',
        'leadership.warning_cases',
        'leadership.study_attendees',
        'leadership.exam_participation_rate',
        'leadership.exam_pass_rate',
        'leadership.exam_excellent_rate',
      ],
    },
    {
      id: 'leadership-duty',
      label: '法治建设第一责任人履职',
      labelEn: 'Leaders\' rule-of-law duty',
      indicators: [
        'leadership.law_work_meetings',
        'leadership.law_committee_meetings',
        'leadership.law_work_meeting_issues',
        'leadership.internal_rules',
        'leadership.legislative_comments',
        'leadership.legislative_adoption_rate',
        'leadership.honours',
        'leadership.democracy_rule_villages',
      ],
    },
  ],
});
