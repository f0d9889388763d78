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
      type: 'enum',
      required: true,
      listed: true,
      options: options(
        ['party_committee', '党工委会议'],
        ['director_office', '主任办公会'],
        ['theory_group', '理论学习中心组学习'],
        ['special_study', '专题学习'],
        ['lecture', '法治讲座'],
        ['court_observation', '旁听庭审'],
        ['law_report', '述法'],
      ),
    },
    { key: 'topic', label: '学习内容', type: 'text', required: true, listed: true, maxLength: 500 },
    { key: 'heldOn', label: '日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'chairedBy', label: '主持人', type: 'text' },
    { key: 'attendees', label: '参加人数', type: 'integer', min: 0, unit: '人', listed: true },
  ],
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
    { key: 'title', label: '考试名称', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '考试日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'eligible', label: '应考人数', type: 'integer', min: 0, required: true, unit: '人', listed: true },
    { key: 'participants', label: '参考人数', type: 'integer', min: 0, required: true, unit: '人', listed: true },
    { key: 'passed', label: '合格人数', type: 'integer', min: 0, required: true, unit: '人', listed: true },
  ],
  rules: [
    { type: 'at-most', field: 'participants', limit: 'eligible' },
    { type: 'at-most', field: 'passed', limit: 'participants' },
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
    { key: 'title', label: '名称', type: 'text', required: true, listed: true },
    { key: 'category', label: '类别', type: 'enum', required: true, listed: true, options: options(['honour', '荣誉称号'], ['innovation_case', '创新案例'], ['model_unit', '先进典型']) },
    { key: 'level', label: '级别', type: 'enum', required: true, listed: true, options: options(['national', '全国'], ['provincial', '省级'], ['municipal', '市级'], ['district', '区级']) },
    { key: 'awardedBy', label: '授予/评选单位', type: 'text' },
    { key: 'awardedOn', label: '获评日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'project', label: '相关工作/项目', type: 'text', listed: true },
  ],
});
