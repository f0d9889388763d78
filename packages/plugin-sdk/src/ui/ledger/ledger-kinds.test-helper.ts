import { defineRecordKind } from '@fazhi/domain';
import { definePlugin } from '../../define-plugin.js';
import { pluginApiVersion } from '../../plugin.js';

/**
 * A kind no fazhi package ships, with what ledgers exercise: a business key (duplicates), a
 * personal field (masking), money and a count with a unit (合计), a long text (the printed form).
 */
export const fees = defineRecordKind({
  id: 'service_point_fees',
  label: '服务点收费登记',
  labelEn: 'Service point fees',
  area: 'service_point_fees',
  measureWord: '笔',
  businessKey: 'feeNo',
  fields: [
    { key: 'feeNo', label: '收费编号', type: 'text', required: true, listed: true, maxLength: 40 },
    { key: 'paidOn', label: '收费日期', type: 'date', required: true, listed: true },
    { key: 'payer', label: '缴费人', type: 'text', personal: true, listed: true },
    { key: 'amount', label: '金额', type: 'money', listed: true },
    { key: 'persons', label: '人数', type: 'integer', unit: '人', listed: true },
    { key: 'note', label: '情况说明', type: 'longtext' },
  ],
  periodField: 'paidOn',
  titleField: 'feeNo',
});

export const feesPlugin = definePlugin({
  id: 'service-point-fees',
  apiVersion: pluginApiVersion,
  label: '服务点收费',
  area: 'service_point_fees',
  areas: [{ id: 'service_point_fees', label: '服务点收费' }],
  resources: [
    {
      kind: fees,
      listColumns: ['feeNo', 'paidOn', 'payer', 'amount', 'persons'],
      listFilters: [{ type: 'period' }, { type: 'org' }, { type: 'text', fields: ['feeNo', 'note'] }],
      defaultSort: { field: 'feeNo', order: 'asc' },
      printForm: { title: '服务点收费登记表', rows: [['feeNo', 'paidOn'], ['payer', 'amount'], [{ field: 'note', span: 2 }]] },
    },
  ],
});
