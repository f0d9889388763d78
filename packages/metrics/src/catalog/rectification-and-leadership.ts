import { count, eq, figure, isIn, measure, notLaterThan, notNull, rate, sum, within } from './builders.js';

// Tasks that answer last year's assessments and inspections (上年考评、督察问题).
const assessmentSources = ['guangzhou_assessment', 'district_assessment', 'government_inspection'];
const task = { kind: 'rectification_tasks', period: within('assignedOn'), unit: '项' } as const;
const tasks = measure({ ...task, id: 'rectification.tasks', label: '上年考评问题整改任务', filters: [isIn('source', assessmentSources)], description: '年内分派的上年考评、督察问题整改任务' });
const completed = measure({ ...task, id: 'rectification.completed', label: '已完成整改任务', filters: [isIn('source', assessmentSources), isIn('status', ['completed', 'closed_out'])], description: '其中已完成或已销号的' });
const completedOnTime = measure({ ...task, id: 'rectification.completed_on_time', label: '按期完成整改任务', filters: [isIn('source', assessmentSources), isIn('status', ['completed', 'closed_out']), notLaterThan('completedOn', 'deadline')], description: '其中在整改期限内完成的' });
const reportedOnTime = measure({ ...task, id: 'rectification.reported_on_time', label: '按期书面报告的整改任务', filters: [isIn('source', assessmentSources), notLaterThan('reportedOn', 'deadline')], description: '其中在整改期限内书面报告整改情况的' });
// Patrol findings (巡察反馈问题) are reported apart from the assessments'.
const patrolTasks = measure({ ...task, id: 'rectification.patrol_tasks', label: '巡察反馈问题整改任务', filters: [eq('source', 'patrol')], description: '年内分派的巡察反馈问题整改任务' });
const patrolCompleted = measure({ ...task, id: 'rectification.patrol_completed', label: '已完成整改的巡察反馈问题', filters: [eq('source', 'patrol'), isIn('status', ['completed', 'closed_out'])], description: '其中已完成或已销号的' });

const sessions = measure({ id: 'leadership.study_sessions', label: '组织学法', unit: '次', kind: 'study_sessions', period: within('heldOn'), aggregation: count, description: '年内党工委会议、主任办公会、中心组学习等学法次数' });
const sessionsOfFormat = (format: string, name: string, label: string) =>
  measure({ ...sessions, id: `leadership.${name}`, label, filters: [eq('format', format)], description: `年内${label}学法次数` });
const partyCommittee = sessionsOfFormat('party_committee', 'party_committee_sessions', '党工委会议');
const directorOffice = sessionsOfFormat('director_office', 'director_office_sessions', '主任办公会');
const theoryGroup = sessionsOfFormat('theory_group', 'theory_group_sessions', '理论学习中心组学习');
const lectures = measure({ ...sessions, id: 'leadership.lecture_sessions', label: '法治讲座', filters: [eq('format', 'lecture')], description: '年内举办的干部法治讲座、法治培训场次' });
const cadreTeaching = measure({ ...sessions, id: 'leadership.cadre_teaching_sessions', label: '领导干部讲法治课', filters: [eq('format', 'cadre_teaching')], description: '年内领导干部亲自讲授法治课的次数' });
const warningEducation = measure({ ...sessions, id: 'leadership.warning_education_sessions', label: '警示教育', filters: [eq('format', 'warning_education')], description: '年内开展警示教育的次数' });
const warningCases = measure({ ...warningEducation, id: 'leadership.warning_cases', label: '警示教育通报案例', unit: '个', aggregation: sum('casesCount'), description: '年内警示教育通报的典型案例数合计' });
const studyAttendees = measure({ ...sessions, id: 'leadership.study_attendees', label: '参加学法人次', unit: '人次', aggregation: sum('attendees'), description: '年内各次学法、讲座的参加人数合计' });
const lawWorkMeetings = measure({ id: 'leadership.law_work_meetings', label: '召开法治建设专题会议', unit: '次', kind: 'law_work_meetings', period: within('heldOn'), description: '年内召开的法治建设专题会议、依法治街（镇）委员会会议和推进会' });
const lawCommitteeMeetings = measure({ ...lawWorkMeetings, id: 'leadership.law_committee_meetings', label: '召开依法治街（镇）委员会会议', filters: [eq('meetingType', 'law_committee')], description: '年内召开的依法治街（镇）委员会会议' });
const meetingIssues = measure({ ...lawWorkMeetings, id: 'leadership.law_work_meeting_issues', label: '专题会议研究解决法治建设问题', unit: '个', aggregation: sum('issuesDecided'), description: '年内法治建设专题会议研究解决的问题数合计' });
const internalRules = measure({ id: 'leadership.internal_rules', label: '制定修订内部制度', unit: '项', kind: 'internal_rules', period: within('adoptedOn'), filters: [isIn('action', ['adopted', 'revised'])], description: '年内印发的新制定或修订的内部制度' });
const legislativeComments = measure({ id: 'leadership.legislative_comments', label: '基层立法联系点征集意见', unit: '条', kind: 'legislative_feedback', period: within('submittedOn'), aggregation: sum('commentsCount'), description: '年内报送的立法征求意见条数合计' });
// 采纳率 over the submissions whose adoption is known, like the 优秀率 below.
const legislativeAnswered = measure({ ...legislativeComments, id: 'leadership.legislative_comments_answered', label: '已反馈采纳情况的立法意见', filters: [notNull('adoptedCount')], description: '年内报送且已反馈采纳情况的立法意见条数合计' });
const legislativeAdopted = measure({ ...legislativeAnswered, id: 'leadership.legislative_comments_adopted', label: '立法意见被采纳', aggregation: sum('adoptedCount'), description: '年内报送的立法意见中被采纳的条数合计' });
const exam = { kind: 'law_exams', period: within('heldOn'), unit: '人' } as const;
const examEligible = measure({ ...exam, id: 'leadership.exam_eligible', label: '学法考试应考人数', aggregation: sum('eligible'), description: '年内学法考试应考人数合计' });
const examParticipants = measure({ ...exam, id: 'leadership.exam_participants', label: '学法考试参考人数', aggregation: sum('participants'), description: '年内学法考试参考人数合计' });
const examPassed = measure({ ...exam, id: 'leadership.exam_passed', label: '学法考试合格人数', aggregation: sum('passed'), description: '年内学法考试合格人数合计' });
// 优秀率 over the exams that grade 优秀 at all: an exam without the grade neither adds nor dilutes.
const examGraded = measure({ ...exam, id: 'leadership.exam_graded_participants', label: '评定优秀等次的学法考试参考人数', filters: [notNull('excellent')], aggregation: sum('participants'), description: '年内评定了优秀等次的学法考试参考人数合计' });
const examExcellent = measure({ ...exam, id: 'leadership.exam_excellent', label: '学法考试优秀人数', filters: [notNull('excellent')], aggregation: sum('excellent'), description: '年内学法考试优秀人数合计' });
const honours = measure({ id: 'leadership.honours', label: '获评荣誉及创新案例', unit: '项', kind: 'honours', period: within('awardedOn'), description: '年内获评的荣誉称号、创新案例和先进典型' });
const democracyVillages = measure({ ...honours, id: 'leadership.democracy_rule_villages', label: '新获评民主法治示范村（社区）', unit: '个', filters: [eq('category', 'democracy_rule_village')], description: '年内新获评各级民主法治示范村（社区）称号的村（社区）' });

export const measures = [
  tasks,
  completed,
  completedOnTime,
  reportedOnTime,
  patrolTasks,
  patrolCompleted,
  sessions,
  partyCommittee,
  directorOffice,
  theoryGroup,
  lectures,
  cadreTeaching,
  warningEducation,
  warningCases,
  studyAttendees,
  lawWorkMeetings,
  lawCommitteeMeetings,
  meetingIssues,
  internalRules,
  legislativeComments,
  legislativeAnswered,
  legislativeAdopted,
  examEligible,
  examParticipants,
  examPassed,
  examGraded,
  examExcellent,
  honours,
  democracyVillages,
];

export const indicators = [
  figure(tasks, 'rectification'),
  figure(completed, 'rectification'),
  rate({ id: 'rectification.completion_rate', label: '整改完成率', area: 'rectification', numerator: completed, denominator: tasks, description: '已完成整改任务 ÷ 整改任务' }),
  rate({ id: 'rectification.on_time_rate', label: '整改按期完成率', area: 'rectification', numerator: completedOnTime, denominator: tasks, description: '按期完成整改任务 ÷ 整改任务' }),
  rate({ id: 'rectification.reported_on_time_rate', label: '整改情况按期书面报告率', area: 'rectification', numerator: reportedOnTime, denominator: tasks, description: '按期书面报告的任务 ÷ 整改任务' }),
  figure(patrolTasks, 'rectification'),
  figure(patrolCompleted, 'rectification'),
  rate({ id: 'rectification.patrol_completion_rate', label: '巡察反馈问题整改完成率', area: 'rectification', numerator: patrolCompleted, denominator: patrolTasks, description: '已完成整改的巡察反馈问题 ÷ 巡察反馈问题整改任务' }),
  figure(sessions, 'leadership'),
  figure(partyCommittee, 'leadership'),
  figure(directorOffice, 'leadership'),
  figure(theoryGroup, 'leadership'),
  figure(lectures, 'leadership'),
  figure(cadreTeaching, 'leadership'),
  figure(warningEducation, 'leadership'),
  figure(warningCases, 'leadership'),
  figure(studyAttendees, 'leadership'),
  figure(lawWorkMeetings, 'leadership'),
  figure(lawCommitteeMeetings, 'leadership'),
  figure(meetingIssues, 'leadership'),
  figure(internalRules, 'leadership'),
  figure(legislativeComments, 'leadership'),
  rate({ id: 'leadership.legislative_adoption_rate', label: '立法意见采纳率', area: 'leadership', numerator: legislativeAdopted, denominator: legislativeAnswered, description: '被采纳的立法意见条数 ÷ 已反馈采纳情况的立法意见条数' }),
  rate({ id: 'leadership.exam_participation_rate', label: '学法考试参考率', area: 'leadership', numerator: examParticipants, denominator: examEligible, description: '参考人数 ÷ 应考人数' }),
  rate({ id: 'leadership.exam_pass_rate', label: '学法考试合格率', area: 'leadership', numerator: examPassed, denominator: examParticipants, description: '合格人数 ÷ 参考人数' }),
  rate({ id: 'leadership.exam_excellent_rate', label: '学法考试优秀率', area: 'leadership', numerator: examExcellent, denominator: examGraded, description: '优秀人数 ÷ 评定了优秀等次的考试的参考人数' }),
  figure(honours, 'leadership'),
  figure(democracyVillages, 'leadership'),
];
