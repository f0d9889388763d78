import { defineRecordKind } from '../record-kind.js';
import { options } from './options.js';

export const promotedLaws = options(
  ['constitution', '宪法'],
  ['civil_code', '民法典'],
  ['company_law', '公司法'],
  ['administrative_penalty_law', '行政处罚法'],
  ['anti_fraud_law', '反电信网络诈骗法'],
  ['minors_protection_law', '未成年人保护法'],
  ['labour_law', '劳动法律法规'],
  ['national_security_law', '国家安全法'],
  ['work_safety_law', '安全生产法'],
  ['other', '其他法律法规'],
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
    { key: 'title', label: '活动名称', type: 'text', required: true, listed: true },
    { key: 'heldOn', label: '活动日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'place', label: '活动地点', type: 'text' },
    {
      key: 'format',
      label: '活动形式',
      type: 'enum',
      required: true,
      listed: true,
      options: options(['lecture', '法治讲座'], ['stall', '宣传摊位'], ['community', '进社区'], ['enterprise', '进企业'], ['school', '进校园'], ['online', '线上活动'], ['other', '其他']),
    },
    { key: 'laws', label: '宣传法律法规', type: 'enum-set', options: promotedLaws, listed: true },
    { key: 'audience', label: '参与人数', type: 'integer', min: 0, unit: '人', listed: true },
    { key: 'organizer', label: '主办部门', type: 'text' },
    { key: 'materialsDistributed', label: '发放资料份数', type: 'integer', min: 0, unit: '份', description: '宣传单张、手册等现场发放份数' },
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
    { key: 'title', label: '标题', type: 'text', required: true, listed: true },
    { key: 'mediaType', label: '作品类型', type: 'enum', required: true, listed: true, options: options(['video', '普法视频'], ['article', '图文信息'], ['poster', '海报'], ['brochure', '宣传册']) },
    { key: 'issueNo', label: '期数', type: 'integer', min: 1 },
    { key: 'channel', label: '发布渠道', type: 'enum', required: true, listed: true, options: options(['wechat_account', '微信公众号'], ['video_account', '视频号'], ['douyin', '抖音'], ['website', '政府网站'], ['noticeboard', '宣传栏']) },
    { key: 'publishedOn', label: '发布日期', type: 'date', notFuture: true, required: true, listed: true },
    { key: 'views', label: '阅读/播放量', type: 'integer', min: 0 },
    { key: 'laws', label: '宣传法律法规', type: 'enum-set', options: promotedLaws },
  ],
});
