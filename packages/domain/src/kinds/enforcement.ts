import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const enforcementActionKinds = options(
  ['guidance', '行政辅导', 'Administrative guidance'],
  ['reminder', '行政提示', 'Administrative reminder'],
  ['advice', '行政建议', 'Administrative advice'],
  ['warning', '行政告诫', 'Administrative warning'],
  ['interview', '行政约谈', 'Administrative interview'],
  ['revisit', '回访', 'Follow-up visit'],
  ['inspection', '检查', 'Inspection'],
  ['penalty', '行政处罚', 'Administrative penalty'],
);

export const enforcementActions = defineRecordKind({
  id: 'enforcement_actions',
  label: '行政执法行为',
  labelEn: 'Enforcement actions',
  area: 'enforcement',
  measureWord: '次',
  periodField: 'actedOn',
  titleField: 'actionNo',
  businessKey: 'actionNo',
  fields: [
    { key: 'actionNo', label: '执法编号', labelEn: 'Enforcement no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'kind', label: '执法方式', labelEn: 'Enforcement type', type: 'enum', options: enforcementActionKinds, required: true, listed: true },
    { key: 'actedOn', label: '执法日期', labelEn: 'Acted on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'targetType', label: '对象类型', labelEn: 'Subject type', type: 'enum', required: true, options: options(['enterprise', '企业', 'Enterprise'], ['individual_business', '个体工商户', 'Sole trader'], ['person', '自然人', 'Natural person']) },
    { key: 'targetName', label: '执法对象', labelEn: 'Subject', type: 'text', required: true, listed: true, personal: true, description: '对象为自然人时属个人信息', descriptionEn: 'Personal data when the subject is a natural person' },
    { key: 'matter', label: '执法事项', labelEn: 'Matter', type: 'text', listed: true },
    { key: 'jointInspection', label: '综合查一次', labelEn: 'Joint inspection', type: 'boolean', description: '多部门联合检查，“进一次门、查多项事”', descriptionEn: 'Multi-department joint inspection: one visit, many checks' },
    { key: 'officer1Id', label: '执法人员一', labelEn: 'Officer 1', type: 'ref', target: 'enforcement_officers', required: true },
    { key: 'officer2Id', label: '执法人员二', labelEn: 'Officer 2', type: 'ref', target: 'enforcement_officers', required: true },
    { key: 'legalBasis', label: '法律依据', labelEn: 'Legal basis', type: 'text' },
    { key: 'penaltyAmount', label: '罚款金额', labelEn: 'Fine', type: 'money', unit: '元' },
    { key: 'legalReviewDone', label: '已法制审核', labelEn: 'Legally reviewed', type: 'boolean', description: '重大执法决定法制审核', descriptionEn: 'Legal review of major enforcement decisions' },
    { key: 'publicized', label: '已执法公示', labelEn: 'Publicly disclosed', type: 'boolean' },
    { key: 'fullyRecorded', label: '全过程记录', labelEn: 'Fully recorded', type: 'boolean' },
  ],
  rules: [{ type: 'required-when', field: 'legalBasis', when: { field: 'kind', in: ['penalty'] } }],
});

export const enforcementOfficers = defineRecordKind({
  id: 'enforcement_officers',
  label: '行政执法人员',
  labelEn: 'Enforcement officers',
  area: 'enforcement',
  measureWord: '名',
  periodField: 'since',
  titleField: 'name',
  businessKey: 'certificateNo',
  fields: [
    { key: 'name', label: '姓名', labelEn: 'Name', type: 'text', required: true, personal: true, listed: true },
    { key: 'certificateNo', label: '执法证号', labelEn: 'Enforcement card no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'unit', label: '所在队伍', labelEn: 'Team', type: 'text', listed: true },
    { key: 'position', label: '职务', labelEn: 'Position', type: 'text' },
    { key: 'since', label: '持证日期', labelEn: 'Certified on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'until', label: '离岗日期', labelEn: 'Left post on', type: 'date', listed: true },
  ],
  rules: [{ type: 'order', earlier: 'since', later: 'until' }],
});

export const officerTrainings = defineRecordKind({
  id: 'officer_trainings',
  label: '执法人员培训',
  labelEn: 'Officer training',
  area: 'enforcement',
  measureWord: '次',
  periodField: 'trainedOn',
  titleField: 'course',
  fields: [
    { key: 'officerId', label: '执法人员', labelEn: 'Officer', type: 'ref', target: 'enforcement_officers', required: true, listed: true },
    { key: 'course', label: '培训课程', labelEn: 'Course', type: 'text', required: true, listed: true },
    { key: 'trainedOn', label: '培训日期', labelEn: 'Trained on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'hours', label: '培训学时', labelEn: 'Training hours', type: 'integer', min: 1, max: 200, required: true, unit: '学时', listed: true },
    { key: 'format', label: '培训形式', labelEn: 'Training format', type: 'enum', options: options(['classroom', '集中授课', 'Classroom'], ['online', '网络学习', 'Online learning'], ['practice', '以案代训', 'Case-based training'], ['exam', '考试测评', 'Exam'], ['pre_service', '岗前培训', 'Pre-service training']) },
    { key: 'sessionNo', label: '培训班次', labelEn: 'Training session', type: 'text', maxLength: 50, description: '同一场培训的各名学员填同一班次编号，用于统计培训场次', descriptionEn: 'Every trainee of one session enters the same session no., to count sessions' },
  ],
});

export const auxiliaryStaff = defineRecordKind({
  id: 'auxiliary_staff',
  label: '执法辅助人员',
  labelEn: 'Auxiliary enforcement staff',
  area: 'enforcement',
  measureWord: '名',
  periodField: 'hiredOn',
  titleField: 'name',
  fields: [
    { key: 'name', label: '姓名', labelEn: 'Name', type: 'text', required: true, personal: true, listed: true },
    { key: 'post', label: '岗位', labelEn: 'Post', type: 'enum', required: true, listed: true, options: options(['patrol', '巡查', 'Patrol'], ['city_management', '市容管理', 'City appearance'], ['safety', '安全生产', 'Work safety'], ['clerical', '内勤', 'Office duty'], ['other', '其他', 'Other']) },
    { key: 'team', label: '所在队伍', labelEn: 'Team', type: 'text' },
    { key: 'hiredOn', label: '招录日期', labelEn: 'Recruited on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'leftOn', label: '离职日期', labelEn: 'Left on', type: 'date', listed: true },
  ],
  rules: [{ type: 'order', earlier: 'hiredOn', later: 'leftOn' }],
});

/** 执法资格考试: sittings of the exam for an enforcement certificate, as counted by the office. */
export const certificateExams = defineRecordKind({
  id: 'certificate_exams',
  label: '执法资格考试',
  labelEn: 'Enforcement certificate exams',
  area: 'enforcement',
  measureWord: '次',
  periodField: 'heldOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '考试名称', labelEn: 'Exam name', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '考试日期', labelEn: 'Exam date', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'candidates', label: '参考人数', labelEn: 'Candidates', type: 'integer', min: 0, required: true, unit: '人', listed: true },
    { key: 'passed', label: '通过人数', labelEn: 'Passed', type: 'integer', min: 0, required: true, unit: '人', listed: true },
  ],
  rules: [{ type: 'at-most', field: 'passed', limit: 'candidates' }],
});

/** 专项整治／专项行动: campaigns run over weeks, with the problems they found and fixed. */
export const specialCampaigns = defineRecordKind({
  id: 'special_campaigns',
  label: '专项整治行动',
  labelEn: 'Special campaigns',
  area: 'enforcement',
  measureWord: '次',
  periodField: 'startedOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '行动名称', labelEn: 'Campaign name', type: 'text', required: true, listed: true },
    { key: 'field', label: '整治领域', labelEn: 'Field', type: 'text', listed: true },
    { key: 'startedOn', label: '开始日期', labelEn: 'Start date', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'endedOn', label: '结束日期', labelEn: 'End date', type: 'date', listed: true },
    { key: 'findings', label: '发现问题数', labelEn: 'Problems found', type: 'integer', min: 0, unit: '个', listed: true },
    { key: 'rectified', label: '整改问题数', labelEn: 'Problems fixed', type: 'integer', min: 0, unit: '个' },
  ],
  rules: [
    { type: 'order', earlier: 'startedOn', later: 'endedOn' },
    { type: 'at-most', field: 'rectified', limit: 'findings' },
  ],
});

/** 行政许可: licences the street or town decides under powers devolved to it (林木采伐、乡村建设规划、占道 …). */
export const licences = defineRecordKind({
  id: 'licences',
  label: '行政许可',
  labelEn: 'Licences',
  area: 'enforcement',
  measureWord: '件',
  periodField: 'decidedOn',
  titleField: 'licenceNo',
  businessKey: 'licenceNo',
  fields: [
    { key: 'licenceNo', label: '许可编号', labelEn: 'Permit no.', type: 'text', required: true, listed: true, maxLength: 50 },
    {
      key: 'licenceType',
      label: '许可事项',
      labelEn: 'Permit matter',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['road_occupation', '临时占用道路', 'Temporary road occupation'], ['outdoor_ads', '户外广告设施设置', 'Outdoor advertising'], ['rural_planning', '乡村建设规划许可', 'Rural building permit'], ['tree_felling', '林木采伐', 'Tree felling'], ['other', '其他', 'Other']),
    },
    { key: 'applicant', label: '申请人', labelEn: 'Applicant', type: 'text', required: true, listed: true, personal: true, description: '申请人为自然人时属个人信息', descriptionEn: 'Personal data when the applicant is a natural person' },
    { key: 'appliedOn', label: '申请日期', labelEn: 'Applied on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'decidedOn', label: '决定日期', labelEn: 'Decided on', type: 'date', notFuture: true, listed: true },
    { key: 'result', label: '决定结果', labelEn: 'Decision', type: 'enum', listed: true, options: options(['granted', '准予许可', 'Granted'], ['refused', '不予许可', 'Refused'], ['withdrawn', '申请人撤回', 'Withdrawn by applicant']) },
  ],
  rules: [
    { type: 'order', earlier: 'appliedOn', later: 'decidedOn' },
    { type: 'required-when', field: 'decidedOn', when: { field: 'result', in: ['granted', 'refused', 'withdrawn'] } },
  ],
});
