import { count, eq, figure, isIn, measure, notLaterThan, rate, sum, within } from './builders.js';

// Tasks that answer last year's assessments and inspections (上年考评、督察问题).
const assessmentSources = ['guangzhou_assessment', 'district_assessment', 'government_inspection'];
const task = { kind: 'rectification_tasks', period: within('assignedOn'), unit: '项' } as const;
const tasks = measure({ ...task, id: 'rectification.tasks', label: '上年考评问题整改任务', filters: [isIn('source', assessmentSources)], description: '年内分派的上年考评、督察问题整改任务' });
const completed = measure({ ...task, id: 'rectification.completed', label: '已完成整改任务', filters: [isIn('source', assessmentSources), isIn('status', ['completed', 'closed_out'])], description: '其中已完成或已销号的' });
const completedOnTime = measure({ ...task, id: 'rectification.completed_on_time', label: '按期完成整改任务', filters: [isIn('source', assessmentSources), isIn('status', ['completed', 'closed_out']), notLaterThan('completedOn', 'deadline')], description: '其中在整改期限内完成的' });
const reportedOnTime = measure({ ...task, id: 'rectification.reported_on_time', label: '按期书面报告的整改任务', filters: [isIn('source', assessmentSources), notLaterThan('reportedOn', 'deadline')], description: '其中在整改期限内书面报告整改情况的' });

const sessions = measure({ id: 'leadership.study_sessions', label: '组织学法', unit: '次', kind: 'study_sessions', period: within('heldOn'), aggregation: count, description: '年内党工委会议、主任办公会、中心组学习等学法次数' });
const sessionsOfFormat = (format: string, name: string, label: string) =>
  measure({ ...sessions, id: `leadership.${name}`, label, filters: [eq('format', format)], description: `年内${label}学法次数` });
const partyCommittee = sessionsOfFormat('party_committee', 'party_committee_sessions', '党工委会议');
const directorOffice = sessionsOfFormat('director_office', 'director_office_sessions', '主任办公会');
const theoryGroup = sessionsOfFormat('theory_group', 'theory_group_sessions', '理论学习中心组学习');
const exam = { kind: 'law_exams', period: within('heldOn'), unit: '人' } as const;
const examEligible = measure({ ...exam, id: 'leadership.exam_eligible', label: '学法考试应考人数', aggregation: sum('eligible'), description: '年内学法考试应考人数合计' });
const examParticipants = measure({ ...exam, id: 'leadership.exam_participants', label: '学法考试参考人数', aggregation: sum('participants'), description: '年内学法考试参考人数合计' });
const examPassed = measure({ ...exam, id: 'leadership.exam_passed', label: '学法考试合格人数', aggregation: sum('passed'), description: '年内学法考试合格人数合计' });
const honours = measure({ id: 'leadership.honours', label: '获评荣誉及创新案例', unit: '项', kind: 'honours', period: within('awardedOn'), description: '年内获评的荣誉称号、创新案例和先进典型' });

export const measures = [tasks, completed, completedOnTime, reportedOnTime, sessions, partyCommittee, directorOffice, theoryGroup, examEligible, examParticipants, examPassed, honours];

export const indicators = [
  figure(tasks, 'rectification'),
  figure(completed, 'rectification'),
  rate({ id: 'rectification.completion_rate', label: '整改完成率', area: 'rectification', numerator: completed, denominator: tasks, description: '已完成整改任务 ÷ 整改任务' }),
  rate({ id: 'rectification.on_time_rate', label: '整改按期完成率', area: 'rectification', numerator: completedOnTime, denominator: tasks, description: '按期完成整改任务 ÷ 整改任务' }),
  rate({ id: 'rectification.reported_on_time_rate', label: '整改情况按期书面报告率', area: 'rectification', numerator: reportedOnTime, denominator: tasks, description: '按期书面报告的任务 ÷ 整改任务' }),
  figure(sessions, 'leadership'),
  figure(partyCommittee, 'leadership'),
  figure(directorOffice, 'leadership'),
  figure(theoryGroup, 'leadership'),
  rate({ id: 'leadership.exam_participation_rate', label: '学法考试参考率', area: 'leadership', numerator: examParticipants, denominator: examEligible, description: '参考人数 ÷ 应考人数' }),
  rate({ id: 'leadership.exam_pass_rate', label: '学法考试合格率', area: 'leadership', numerator: examPassed, denominator: examParticipants, description: '合格人数 ÷ 参考人数' }),
  figure(honours, 'leadership'),
];
