import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const promotedLaws = options(
  ['constitution', '宪法', 'Constitution'],
  ['civil_code', '民法典', 'Civil Code'],
  ['company_law', '公司法', 'Company Law'],
  ['administrative_penalty_law', '行政处罚法', 'Administrative Penalty Law'],
  ['anti_fraud_law', '反电信网络诈骗法', 'Anti-Telecom Fraud Law'],
  ['minors_protection_law', '未成年人保护法', 'Minors Protection Law'],
  ['labour_law', '劳动法律法规', 'Labour laws'],
  ['national_security_law', '国家安全法', 'National Security Law'],
  ['work_safety_law', '安全生产法', 'Work Safety Law'],
  ['other', '其他法律法规', 'Other laws'],
);

export const publicityEvents = defineRecordKind({
  id: 'publicity_events',
  label: '普法宣传活动',
  labelEn: 'Publicity events',
  area: 'publicity',
  measureWord: '场次',
  periodField: 'heldOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '活动名称', labelEn: 'Activity name', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '活动日期', labelEn: 'Activity date', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'place', label: '活动地点', labelEn: 'Venue', type: 'text' },
    {
      key: 'format',
      label: '活动形式',
      labelEn: 'Activity format',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['lecture', '法治讲座', 'Rule-of-law lecture'], ['stall', '宣传摊位', 'Information stall'], ['community', '进社区', 'In communities'], ['enterprise', '进企业', 'In enterprises'], ['school', '进校园', 'In schools'], ['online', '线上活动', 'Online activity'], ['other', '其他', 'Other']),
    },
    { key: 'laws', label: '宣传法律法规', labelEn: 'Laws promoted', type: 'enum-set', options: promotedLaws, listed: true },
    { key: 'audience', label: '参与人数', labelEn: 'Participants', type: 'integer', min: 0, unit: '人', listed: true },
    { key: 'organizer', label: '主办部门', labelEn: 'Organiser', type: 'text' },
    { key: 'materialsDistributed', label: '发放资料份数', labelEn: 'Materials handed out', type: 'integer', min: 0, unit: '份', description: '宣传单张、手册等现场发放份数', descriptionEn: 'Leaflets, brochures and the like handed out on site' },
  ],
});

export const publicityPublications = defineRecordKind({
  id: 'publicity_publications',
  label: '普法作品发布',
  labelEn: 'Publicity publications',
  area: 'publicity',
  measureWord: '期',
  periodField: 'publishedOn',
  titleField: 'title',
  fields: [
    { key: 'title', label: '标题', labelEn: 'Title', type: 'text', required: true, listed: true },
    { key: 'mediaType', label: '作品类型', labelEn: 'Work type', type: 'enum', required: true, listed: true, options: options(['video', '普法视频', 'Legal video'], ['article', '图文信息', 'Illustrated post'], ['poster', '海报', 'Poster'], ['brochure', '宣传册', 'Brochure']) },
    { key: 'issueNo', label: '期数', labelEn: 'Issues', type: 'integer', min: 1 },
    { key: 'channel', label: '发布渠道', labelEn: 'Channel', type: 'enum', required: true, listed: true, options: options(['wechat_account', '微信公众号', 'WeChat account'], ['video_account', '视频号', 'WeChat Channels'], ['douyin', '抖音', 'Douyin'], ['website', '政府网站', 'Government website'], ['noticeboard', '宣传栏', 'Notice board']) },
    { key: 'publishedOn', label: '发布日期', labelEn: 'Published on', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'views', label: '阅读/播放量', labelEn: 'Views', type: 'integer', min: 0 },
    { key: 'laws', label: '宣传法律法规', labelEn: 'Laws promoted', type: 'enum-set', options: promotedLaws },
  ],
});
