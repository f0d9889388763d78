import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const studySessions = defineRecordKind({
  id: 'study_sessions',
  label: '领导干部学法',
  labelEn: 'Leadership study sessions',
  area: 'leadership',
  measureWord: '次',
  periodField: 'heldOn',
  titleField: 'topic',
  fields: [
    {
      key: 'format',
      label: '学习形式',
      labelEn: 'Study format',
      type: 'enum',
      required: true,
      listed: true,
      options: options(
        ['party_committee', '党工委会议', 'Party working committee meeting'],
        ['director_office', '主任办公会', 'Director\'s office meeting'],
        ['theory_group', '理论学习中心组学习', 'Central study group'],
        ['special_study', '专题学习', 'Thematic study'],
        ['lecture', '法治讲座', 'Rule-of-law lecture'],
        ['court_observation', '旁听庭审', 'Court hearing observation'],
        ['law_report', '述法', 'Rule-of-law report'],
        ['cadre_teaching', '领导干部讲法治课', 'Leaders\' rule-of-law lecture'],
        ['warning_education', '警示教育', 'Warning education'],
      ),
    },
    { key: 'topic', label: '学习内容', labelEn: 'Study content', type: 'text', required: true, listed: true, maxLength: 500 },
    { key: 'heldOn', label: '日期', labelEn: 'Date', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'chairedBy', label: '主持人', labelEn: 'Chaired by', type: 'text' },
    { key: 'attendees', label: '参加人数', labelEn: 'Participants', type: 'integer', min: 0, unit: '人', listed: true },
    { key: 'speaker', label: '主讲人', labelEn: 'Speaker', type: 'text', description: '领导干部讲法治课时填写，姓名及职务', descriptionEn: 'For leaders\' rule-of-law lectures: name and position' },
    { key: 'casesCount', label: '通报案例数', labelEn: 'Cases reported', type: 'integer', min: 0, unit: '个', description: '警示教育通报的典型案例数', descriptionEn: 'Typical cases reported in warning education' },
  ],
  rules: [{ type: 'required-when', field: 'speaker', when: { field: 'format', in: ['cadre_teaching'] } }],
});

export const lawExams = defineRecordKind({
  id: 'law_exams',
  label: '学法考试',
  labelEn: 'Law exams',
  area: 'leadership',
  measureWord: '次',
  periodField: 'heldOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '考试名称', labelEn: 'Exam name', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '考试日期', labelEn: 'Exam date', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'eligible', label: '应考人数', labelEn: 'Expected candidates', type: 'integer', min: 0, required: true, unit: '人', listed: true },
    { key: 'participants', label: '参考人数', labelEn: 'Candidates', type: 'integer', min: 0, required: true, unit: '人', listed: true },
    { key: 'passed', label: '合格人数', labelEn: 'Passed', type: 'integer', min: 0, required: true, unit: '人', listed: true },
    { key: 'excellent', label: '优秀人数', labelEn: 'Excellent', type: 'integer', min: 0, unit: '人', description: '未评定优秀等次时留空', descriptionEn: 'Leave empty when no excellent grade is given' },
  ],
  rules: [
    { type: 'at-most', field: 'participants', limit: 'eligible' },
    { type: 'at-most', field: 'passed', limit: 'participants' },
    { type: 'at-most', field: 'excellent', limit: 'passed' },
  ],
});

export const honours = defineRecordKind({
  id: 'honours',
  label: '荣誉及创新案例',
  labelEn: 'Honours and innovation cases',
  area: 'leadership',
  measureWord: '项',
  periodField: 'awardedOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '名称', labelEn: 'Name', type: 'text', required: true, listed: true },
    { key: 'category', label: '类别', labelEn: 'Category', type: 'enum', required: true, listed: true, options: options(['honour', '荣誉称号', 'Honorary title'], ['innovation_case', '创新案例', 'Innovation case'], ['model_unit', '先进典型', 'Exemplary model'], ['democracy_rule_village', '民主法治示范村（社区）', 'Model democratic rule-of-law village (community)']) },
    { key: 'level', label: '级别', labelEn: 'Level', type: 'enum', required: true, listed: true, options: options(['national', '全国', 'National'], ['provincial', '省级', 'Provincial'], ['municipal', '市级', 'Municipal'], ['district', '区级', 'District']) },
    { key: 'awardedBy', label: '授予/评选单位', labelEn: 'Awarded by', type: 'text' },
    { key: 'awardedOn', label: '获评日期', labelEn: 'Awarded on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'project', label: '相关工作/项目', labelEn: 'Related work or project', type: 'text', listed: true },
    { key: 'village', label: '获评村（社区）', labelEn: 'Awarded village (community)', type: 'text', description: '民主法治示范村（社区）称号的获评单位', descriptionEn: 'The unit awarded the model democratic rule-of-law village (community) title' },
  ],
  rules: [{ type: 'required-when', field: 'village', when: { field: 'category', in: ['democracy_rule_village'] } }],
});

/** Meetings that deploy or review rule-of-law work (not study): 专题会议, 依法治街（镇）委员会会议, 推进会. */
export const lawWorkMeetings = defineRecordKind({
  id: 'law_work_meetings',
  label: '法治建设专题会议',
  labelEn: 'Rule-of-law work meetings',
  area: 'leadership',
  measureWord: '次',
  periodField: 'heldOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '会议名称', labelEn: 'Meeting name', type: 'text', required: true, listed: true },
    {
      key: 'meetingType',
      label: '会议类型',
      labelEn: 'Meeting type',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['special_meeting', '法治建设专题会议', 'Rule-of-law thematic meeting'], ['law_committee', '依法治街（镇）委员会会议', 'Street rule-of-law committee meeting'], ['promotion_meeting', '法治建设推进会', 'Rule-of-law progress meeting']),
    },
    { key: 'heldOn', label: '会议日期', labelEn: 'Meeting date', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'chairedBy', label: '主持人', labelEn: 'Chaired by', type: 'text' },
    { key: 'issuesDecided', label: '研究解决问题数', labelEn: 'Issues resolved', type: 'integer', min: 0, unit: '个', listed: true },
  ],
});

/** Internal rules the office adopts, revises or repeals (制定／修订内部制度). */
export const internalRules = defineRecordKind({
  id: 'internal_rules',
  label: '内部制度',
  labelEn: 'Internal rules',
  area: 'leadership',
  measureWord: '项',
  periodField: 'adoptedOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '制度名称', labelEn: 'Regulation name', type: 'text', required: true, listed: true },
    { key: 'action', label: '制定方式', labelEn: 'How adopted', type: 'enum', required: true, listed: true, options: options(['adopted', '制定', 'Adopted'], ['revised', '修订', 'Revised'], ['repealed', '废止', 'Repealed']) },
    { key: 'adoptedOn', label: '印发日期', labelEn: 'Issued on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'approvedAt', label: '审议会议', labelEn: 'Deliberating meeting', type: 'text', description: '审议通过的会议名称', descriptionEn: 'The meeting that passed it' },
    { key: 'docNo', label: '文号', labelEn: 'Document no.', type: 'text', maxLength: 80 },
  ],
});

/** Comments on draft laws gathered through a grassroots legislative contact point (基层立法联系点). */
export const legislativeFeedback = defineRecordKind({
  id: 'legislative_feedback',
  label: '立法意见征集',
  labelEn: 'Legislative feedback',
  area: 'leadership',
  measureWord: '次',
  periodField: 'submittedOn',
  titleField: 'draftLaw',
  fields: [
    { key: 'draftLaw', label: '征求意见稿名称', labelEn: 'Consultation draft', type: 'text', required: true, listed: true },
    { key: 'submittedOn', label: '报送日期', labelEn: 'Submitted on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'commentsCount', label: '征集意见条数', labelEn: 'Comments collected', type: 'integer', min: 0, required: true, unit: '条', listed: true },
    { key: 'adoptedCount', label: '被采纳条数', labelEn: 'Comments adopted', type: 'integer', min: 0, unit: '条', listed: true },
    { key: 'requestedBy', label: '征求意见单位', labelEn: 'Consulting body', type: 'text' },
  ],
  rules: [{ type: 'at-most', field: 'adoptedCount', limit: 'commentsCount' }],
});
