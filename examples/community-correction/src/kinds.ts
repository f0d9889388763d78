import { defineRecordKind } from '@fazhi/domain';

/** The area this plugin brings; clerks of the 司法所 are granted it (`memberships.areas`). */
export const communityCorrectionArea = { id: 'community_correction', label: '社区矫正', labelEn: 'Community correction' } as const;

/**
 * 社区矫正对象: one person serving a non-custodial sentence under the 司法所's supervision, from
 * 入矫 (entering correction) to 解矫 (its end). A person in the register on a day is one with 入矫日期
 * on or before it and no 解矫日期 yet, which is what the `active` measures count.
 */
export const correctionSubjects = defineRecordKind({
  id: 'community_correction_subjects',
  label: '社区矫正对象',
  labelEn: 'Persons under community correction',
  area: communityCorrectionArea.id,
  measureWord: '人',
  periodField: 'enteredOn',
  titleField: 'caseNo',
  businessKey: 'caseNo',
  fields: [
    { key: 'caseNo', label: '矫正编号', labelEn: 'Case no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'name', label: '姓名', labelEn: 'Name', type: 'text', required: true, personal: true, listed: true, maxLength: 50 },
    { key: 'idNumber', label: '身份证号', labelEn: 'ID number', type: 'text', personal: true, format: 'id-number' },
    {
      key: 'category',
      label: '矫正类别',
      labelEn: 'Sentence',
      type: 'enum',
      required: true,
      listed: true,
      options: [
        { value: 'control', label: '管制', labelEn: 'Public surveillance' },
        { value: 'probation', label: '缓刑', labelEn: 'Probation' },
        { value: 'parole', label: '假释', labelEn: 'Parole' },
        { value: 'medical_parole', label: '暂予监外执行', labelEn: 'Temporary service outside prison' },
      ],
    },
    { key: 'crime', label: '罪名', labelEn: 'Offence', type: 'text', maxLength: 100 },
    { key: 'enteredOn', label: '入矫日期', labelEn: 'Entered on', type: 'date', required: true, notFuture: true, listed: true },
    { key: 'termEndsOn', label: '矫正期满日期', labelEn: 'Term ends on', type: 'date', required: true },
    {
      key: 'riskLevel',
      label: '风险等级',
      labelEn: 'Risk level',
      type: 'enum',
      required: true,
      listed: true,
      options: [
        { value: 'low', label: '低风险', labelEn: 'Low' },
        { value: 'medium', label: '中风险', labelEn: 'Medium' },
        { value: 'high', label: '高风险', labelEn: 'High' },
      ],
    },
    { key: 'officer', label: '矫正小组负责人', labelEn: 'Supervising officer', type: 'text', maxLength: 50 },
    {
      key: 'status',
      label: '矫正状态',
      labelEn: 'Status',
      type: 'enum',
      required: true,
      listed: true,
      options: [
        { value: 'in_correction', label: '在矫', labelEn: 'Under correction' },
        { value: 'released', label: '已解矫', labelEn: 'Released' },
      ],
    },
    { key: 'releasedOn', label: '解矫日期', labelEn: 'Released on', type: 'date', notFuture: true, listed: true },
    {
      key: 'releaseReason',
      label: '解矫方式',
      labelEn: 'How it ended',
      type: 'enum',
      options: [
        { value: 'term_expired', label: '期满解除', labelEn: 'Term expired' },
        { value: 'revoked', label: '撤销缓刑、假释或收监执行', labelEn: 'Revoked / committed to prison' },
        { value: 'died', label: '死亡', labelEn: 'Died' },
        { value: 'other', label: '其他', labelEn: 'Other' },
      ],
    },
    { key: 'reoffendedOn', label: '再犯罪日期', labelEn: 'Reoffended on', type: 'date', notFuture: true, description: '矫正期间又犯新罪的日期；未再犯罪的留空' },
  ],
  rules: [
    { type: 'order', earlier: 'enteredOn', later: 'releasedOn' },
    { type: 'order', earlier: 'enteredOn', later: 'termEndsOn' },
    { type: 'order', earlier: 'enteredOn', later: 'reoffendedOn' },
    { type: 'required-when', field: 'releasedOn', when: { field: 'status', in: ['released'] } },
    { type: 'required-when', field: 'releaseReason', when: { field: 'status', in: ['released'] } },
  ],
  // On the kind, so the database enforces and records the step (the plugin only shows its button).
  workflow: {
    field: 'status',
    initial: 'in_correction',
    transitions: [{ from: ['in_correction'], to: 'released', label: '解除矫正', requires: ['releasedOn', 'releaseReason'] }],
  },
});

/** 走访与教育记录: a home visit, an individual talk, group education or community service with one person. */
export const correctionVisits = defineRecordKind({
  id: 'community_correction_visits',
  label: '社区矫正走访教育记录',
  labelEn: 'Community correction visits and education',
  area: communityCorrectionArea.id,
  measureWord: '次',
  periodField: 'visitedOn',
  titleField: 'visitNo',
  businessKey: 'visitNo',
  fields: [
    { key: 'visitNo', label: '记录编号', labelEn: 'Record no.', type: 'text', required: true, listed: true, maxLength: 50 },
    { key: 'subjectId', label: '矫正对象', labelEn: 'Person', type: 'ref', target: 'community_correction_subjects', required: true, listed: true },
    { key: 'visitedOn', label: '日期', labelEn: 'Date', type: 'date', required: true, notFuture: true, listed: true },
    {
      key: 'visitType',
      label: '形式',
      labelEn: 'Type',
      type: 'enum',
      required: true,
      listed: true,
      options: [
        { value: 'home_visit', label: '走访', labelEn: 'Home visit' },
        { value: 'talk', label: '个别谈话', labelEn: 'Individual talk' },
        { value: 'education', label: '集中教育学习', labelEn: 'Group education' },
        { value: 'community_service', label: '公益活动', labelEn: 'Community service' },
      ],
    },
    { key: 'hours', label: '时长', labelEn: 'Hours', type: 'decimal', scale: 1, min: 0, max: 24, unit: '小时' },
    { key: 'staff', label: '工作人员', labelEn: 'Staff', type: 'text', listed: true, maxLength: 50 },
    { key: 'notes', label: '情况记录', labelEn: 'Notes', type: 'longtext', maxLength: 2000 },
  ],
});

export const communityCorrectionKinds = [correctionSubjects, correctionVisits] as const;
