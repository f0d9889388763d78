import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const enforcementActionKinds = options(
  ['guidance', '行政辅导'],
  ['reminder', '行政提示'],
  ['advice', '行政建议'],
  ['warning', '行政告诫'],
  ['interview', '行政约谈'],
  ['revisit', '回访'],
  ['inspection', '检查'],
  ['penalty', '行政处罚'],
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
    { key: 'actionNo', label: '执法编号', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'kind', label: '执法方式', type: 'enum', options: enforcementActionKinds, required: true, listed: true },
    { key: 'actedOn', label: '执法日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'targetType', label: '对象类型', type: 'enum', required: true, options: options(['enterprise', '企业'], ['individual_business', '个体工商户'], ['person', '自然人']) },
    { key: 'targetName', label: '执法对象', type: 'text', required: true, listed: true, personal: true, description: '对象为自然人时属个人信息' },
    { key: 'matter', label: '执法事项', type: 'text', listed: true },
    { key: 'jointInspection', label: '综合查一次', type: 'boolean', description: '多部门联合检查，“进一次门、查多项事”' },
    { key: 'officer1Id', label: '执法人员一', type: 'ref', target: 'enforcement_officers', required: true },
    { key: 'officer2Id', label: '执法人员二', type: 'ref', target: 'enforcement_officers', required: true },
    { key: 'legalBasis', label: '法律依据', type: 'text' },
    { key: 'penaltyAmount', label: '罚款金额', type: 'money', unit: '元' },
    { key: 'legalReviewDone', label: '已法制审核', type: 'boolean', description: '重大执法决定法制审核' },
    { key: 'publicized', label: '已执法公示', type: 'boolean' },
    { key: 'fullyRecorded', label: '全过程记录', type: 'boolean' },
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
    { key: 'name', label: '姓名', type: 'text', required: true, personal: true, listed: true },
    { key: 'certificateNo', label: '执法证号', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'unit', label: '所在队伍', type: 'text', listed: true },
    { key: 'position', label: '职务', type: 'text' },
    { key: 'since', label: '持证日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'until', label: '离岗日期', type: 'date', listed: true },
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
    { key: 'officerId', label: '执法人员', type: 'ref', target: 'enforcement_officers', required: true, listed: true },
    { key: 'course', label: '培训课程', type: 'text', required: true, listed: true },
    { key: 'trainedOn', label: '培训日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'hours', label: '培训学时', type: 'integer', min: 1, max: 200, required: true, unit: '学时', listed: true },
    { key: 'format', label: '培训形式', type: 'enum', options: options(['classroom', '集中授课'], ['online', '网络学习'], ['practice', '以案代训'], ['exam', '考试测评'], ['pre_service', '岗前培训']) },
    { key: 'sessionNo', label: '培训班次', type: 'text', maxLength: 50, description: '同一场培训的各名学员填同一班次编号，用于统计培训场次' },
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
    { key: 'name', label: '姓名', type: 'text', required: true, personal: true, listed: true },
    { key: 'post', label: '岗位', type: 'enum', required: true, listed: true, options: options(['patrol', '巡查'], ['city_management', '市容管理'], ['safety', '安全生产'], ['clerical', '内勤'], ['other', '其他']) },
    { key: 'team', label: '所在队伍', type: 'text' },
    { key: 'hiredOn', label: '招录日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'leftOn', label: '离职日期', type: 'date', listed: true },
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
    { key: 'title', label: '考试名称', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '考试日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'candidates', label: '参考人数', type: 'integer', min: 0, required: true, unit: '人', listed: true },
    { key: 'passed', label: '通过人数', type: 'integer', min: 0, required: true, unit: '人', listed: true },
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
    { key: 'title', label: '行动名称', type: 'text', required: true, listed: true },
    { key: 'field', label: '整治领域', type: 'text', listed: true },
    { key: 'startedOn', label: '开始日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'endedOn', label: '结束日期', type: 'date', listed: true },
    { key: 'findings', label: '发现问题数', type: 'integer', min: 0, unit: '个', listed: true },
    { key: 'rectified', label: '整改问题数', type: 'integer', min: 0, unit: '个' },
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
    { key: 'licenceNo', label: '许可编号', type: 'text', required: true, listed: true, maxLength: 50 },
    {
      key: 'licenceType',
      label: '许可事项',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['road_occupation', '临时占用道路'], ['outdoor_ads', '户外广告设施设置'], ['rural_planning', '乡村建设规划许可'], ['tree_felling', '林木采伐'], ['other', '其他']),
    },
    { key: 'applicant', label: '申请人', type: 'text', required: true, listed: true, personal: true, description: '申请人为自然人时属个人信息' },
    { key: 'appliedOn', label: '申请日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'decidedOn', label: '决定日期', type: 'date', notFuture: true, listed: true },
    { key: 'result', label: '决定结果', type: 'enum', listed: true, options: options(['granted', '准予许可'], ['refused', '不予许可'], ['withdrawn', '申请人撤回']) },
  ],
  rules: [
    { type: 'order', earlier: 'appliedOn', later: 'decidedOn' },
    { type: 'required-when', field: 'decidedOn', when: { field: 'result', in: ['granted', 'refused', 'withdrawn'] } },
  ],
});
