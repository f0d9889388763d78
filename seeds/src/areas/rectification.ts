import { rectificationTasks } from '@fazhi/domain';
import { addDays } from '../calendar.js';
import { base, deletedAfter, type Draft, type GenContext } from '../context.js';
import { departmentNames, type DepartmentKey } from '../orgs.js';

type Task = Draft<typeof rectificationTasks>;
type Source = Task['source'];

/** Problem, source, responsible department. Own wording of typical assessment findings. */
const problems2024: readonly (readonly [string, Source, DepartmentKey])[] = [
  ['领导干部学法计划未按季度落实，学法记录不完整', 'guangzhou_assessment', 'office'],
  ['重大行政决策目录未按时向社会公开', 'guangzhou_assessment', 'office'],
  ['部分行政执法案卷文书不规范，裁量说明不充分', 'guangzhou_assessment', 'enforcement'],
  ['行政执法公示信息更新不及时', 'guangzhou_assessment', 'enforcement'],
  ['普法责任制清单未及时调整', 'guangzhou_assessment', 'justice'],
  ['政府合同履约情况跟踪台账缺失', 'district_assessment', 'justice'],
  ['法律顾问参与重大事项审查的记录不完整', 'district_assessment', 'justice'],
  ['12345热线工单回访机制不健全', 'district_assessment', 'serviceCentre'],
  ['政务服务事项办事指南要素不全', 'district_assessment', 'serviceCentre'],
  ['人民调解卷宗归档不规范', 'district_assessment', 'justice'],
  ['执法人员培训学时登记不完整', 'government_inspection', 'enforcement'],
  ['行政争议案件预警机制落实不到位', 'government_inspection', 'office'],
];
const problems2023: readonly (readonly [string, Source, DepartmentKey])[] = [
  ['法治政府建设年度报告公开不及时', 'guangzhou_assessment', 'office'],
  ['行政执法全过程记录设备配备不足', 'guangzhou_assessment', 'enforcement'],
  ['合法性审查意见未全部书面留存', 'guangzhou_assessment', 'justice'],
  ['“谁执法谁普法”责任落实不到位', 'district_assessment', 'justice'],
  ['法律援助宣传覆盖面不足', 'district_assessment', 'legalStation'],
  ['社区法律顾问服务台账不完整', 'district_assessment', 'justice'],
  ['出租屋安全检查记录不规范', 'district_assessment', 'safety'],
  ['行政执法主体资格公示不完整', 'government_inspection', 'enforcement'],
  ['领导干部述法工作未全覆盖', 'government_inspection', 'office'],
];

export function generateRectification(ctx: GenContext) {
  const rng = ctx.rng('rectification');
  const { dept } = ctx.orgs;
  const { staff } = ctx;
  const deputies = staff.deputies;
  const task = (problem: string, source: Source, d: DepartmentKey, sourceYear: number, assignedOn: string, months: number, outcome: 'on_time' | 'late' | 'open' | 'pending'): Task => {
    const deadline = addDays(assignedOn, months * 30);
    const completedOn = outcome === 'on_time' ? addDays(deadline, -rng.int(5, 40)) : outcome === 'late' ? addDays(deadline, rng.int(5, 30)) : null;
    const reportedOn = completedOn ? (outcome === 'on_time' ? addDays(completedOn, rng.int(0, 4)) : addDays(completedOn, rng.int(1, 6))) : null;
    const closedOut = completedOn !== null && rng.chance(0.7);
    return {
      ...base(rng, dept[d].id),
      problem,
      source,
      sourceYear,
      // A task not yet started has no measure: 开始整改 is the step that records it.
      measure: outcome === 'pending' ? null : `制定整改方案，明确责任人和完成时限，由${departmentNames[d]}牵头落实并报送整改佐证材料`,
      department: departmentNames[d],
      leaderLiaison: rng.pick(deputies).name,
      headLiaison: staff.heads[d],
      contactLiaison: rng.pick(staff.contacts[d]),
      assignedOn,
      deadline,
      status: outcome === 'pending' ? 'pending' : outcome === 'open' ? 'in_progress' : closedOut ? 'closed_out' : 'completed',
      completedOn,
      reportedOn: reportedOn && reportedOn > deadline && outcome === 'on_time' ? deadline : reportedOn,
      closedOutOn: closedOut ? addDays(reportedOn!, rng.int(3, 20)) : null,
      evidence: completedOn ? rng.pick(['整改方案、会议纪要及工作台账', '整改情况报告及佐证照片', '新制定的制度文件及落实记录', '整改前后对照材料']) : null,
      escalation: outcome === 'late' ? 'interview' : 'none',
    };
  };

  const tasks: Task[] = [];
  // Assigned in 2024 from the 2023 assessments and inspection: all done and reported by the deadline.
  const dates2024 = ['2024-03-19', '2024-03-19', '2024-03-19', '2024-03-19', '2024-03-19', '2024-04-16', '2024-04-16', '2024-04-16', '2024-04-16', '2024-04-16', '2024-05-28', '2024-05-28'];
  problems2024.forEach(([p, s, d], i) => tasks.push(task(p, s, d, 2023, dates2024[i]!, rng.int(2, 4), 'on_time')));
  // Assigned in 2023 from the 2022 assessments: one finished and reported late.
  const dates2023 = ['2023-03-22', '2023-03-22', '2023-03-22', '2023-04-18', '2023-04-18', '2023-04-18', '2023-04-18', '2023-06-06', '2023-12-28'];
  problems2023.forEach(([p, s, d], i) => tasks.push(task(p, s, d, 2022, dates2023[i]!, rng.int(2, 4), i === 4 ? 'late' : 'on_time')));
  // Other sources in 2024 (audit, patrol): not part of the assessment follow-up, and not all on time.
  tasks.push(
    task('专项资金使用审批手续不全', 'audit', 'office', 2024, '2024-06-18', 3, 'late'),
    task('政府采购项目验收记录缺失', 'audit', 'office', 2024, '2024-06-18', 3, 'on_time'),
    task('党建工作责任制落实不够到位', 'patrol', 'party', 2024, '2024-08-06', 2, 'open'),
    task('基层党组织会议记录不规范', 'patrol', 'party', 2024, '2024-08-06', 2, 'on_time'),
    task('社区居务公开栏目更新不及时', 'other', 'office', 2024, '2024-09-10', 2, 'on_time'),
  );
  // From the 2024 assessment, assigned in 2025: still pending.
  tasks.push(task('行政执法“三项制度”落实情况自查不全面', 'district_assessment', 'enforcement', 2024, '2025-01-20', 3, 'pending'));
  // An assessment task entered twice (the copy never progressed) and deleted.
  const dup = task(problems2024[3]![0], 'guangzhou_assessment', 'enforcement', 2023, '2024-03-19', 3, 'pending');
  tasks.push({ ...dup, deletedAt: deletedAfter(rng, '2024-03-19', 2) });
  return { rectification_tasks: tasks };
}
