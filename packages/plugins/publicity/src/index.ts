import { publicityEvents, publicityPublications } from '@fazhi/domain';
import { definePlugin, pluginApiVersion } from '@fazhi/plugin-sdk';

const photos = '.jpg,.jpeg,.png,.webp';
const documents = '.pdf,.jpg,.jpeg,.png,.doc,.docx';

/**
 * 普法宣传 (publicity): the street's legal-publicity events (活动形式, laws publicised, audience and
 * materials handed out, 活动照片 as evidence) and its publications by type and channel with their
 * reach. No workflow: an event or a publication is recorded once it has happened. Events whose
 * 参与人数 is missing are flagged (the audience figure sums that field), and so are online
 * publications whose 阅读/播放量 is not yet entered.
 * Declarations only; lists, forms, highlighting and the dashboard are the SDK's generic pages.
 */
export default definePlugin({
  id: 'publicity',
  apiVersion: pluginApiVersion,
  label: '普法宣传',
  labelEn: 'Legal publicity',
  area: 'publicity',
  order: 70,
  menuGroup: '法治建设',
  menuGroupEn: 'Rule-of-law building',
  resources: [
    {
      kind: publicityEvents,
      listColumns: ['title', 'heldOn', 'format', 'laws', 'place', 'audience', 'materialsDistributed', 'organizer'],
      listFilters: [
        { type: 'period' },
        { type: 'org' },
        { field: 'format' },
        { field: 'laws' },
        { type: 'text', fields: ['title', 'place', 'organizer'] },
      ],
      defaultSort: { field: 'heldOn', order: 'desc' },
      formSections: [
        { title: '活动', titleEn: 'Activity', fields: ['title', 'heldOn', 'place', 'format', 'organizer'] },
        { title: '宣传内容与成效', titleEn: 'Content and results', fields: ['laws', 'audience', 'materialsDistributed'] },
      ],
      attention: [{ id: 'no-audience', label: '未填参与人数', labelEn: 'Audience missing', when: [{ field: 'audience', empty: true }] }],
      attachments: [
        { id: 'photos', label: '活动照片', labelEn: 'Activity photos', accept: photos },
        { id: 'materials', label: '宣传资料', labelEn: 'Publicity materials', accept: documents },
      ],
    },
    {
      kind: publicityPublications,
      listColumns: ['title', 'mediaType', 'channel', 'issueNo', 'publishedOn', 'views', 'laws'],
      listFilters: [
        { type: 'period' },
        { type: 'org' },
        { field: 'mediaType' },
        { field: 'channel' },
        { field: 'laws' },
        { type: 'text', fields: ['title'] },
      ],
      defaultSort: { field: 'publishedOn', order: 'desc' },
      formSections: [
        { title: '作品', titleEn: 'Work', fields: ['title', 'mediaType', 'issueNo', 'laws'] },
        { title: '发布与传播', titleEn: 'Publishing and reach', fields: ['channel', 'publishedOn', 'views'] },
      ],
      // Reach is read off the platform days after posting; a notice board has none to read.
      attention: [{ id: 'no-reach', label: '未填阅读/播放量', labelEn: 'Reach missing', when: [{ field: 'channel', notIn: ['noticeboard'] }, { field: 'views', empty: true }] }],
      // Video files themselves are not stored (attachments take documents and pictures): a screenshot
      // of the published post is the evidence the assessors ask for.
      attachments: [{ id: 'screenshot', label: '发布截图或文稿', labelEn: 'Screenshot or text', accept: `${photos},.pdf,.doc,.docx` }],
    },
  ],
  dashboard: [
    { type: 'indicator-card', indicator: 'publicity.events', compare: true },
    { type: 'indicator-card', indicator: 'publicity.audience', compare: true },
    { type: 'indicator-card', indicator: 'publicity.materials_distributed', compare: true },
    { type: 'indicator-card', indicator: 'publicity.publications', compare: true },
    { type: 'indicator-card', indicator: 'publicity.videos', compare: true },
    { type: 'monthly-trend', indicator: 'publicity.events', title: '每月法治宣传活动', titleEn: 'Publicity activities by month', chart: 'bar' },
  ],
  indicatorGroups: [
    {
      id: 'publicity',
      label: '普法宣传',
      labelEn: 'Publicity',
      indicators: ['publicity.events', 'publicity.audience', 'publicity.materials_distributed', 'publicity.publications', 'publicity.videos', 'publicity.law_venues', 'publicity.law_venue_investment'],
    },
  ],
});
