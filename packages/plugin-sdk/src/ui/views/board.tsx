import { findField, todayInShanghai, type FieldDef } from '@fazhi/domain';
import { useLink, useList, useNavigation, type BaseRecord, type CrudFilter } from '@refinedev/core';
import { Alert, Card, Empty, Space, Tag, Typography } from 'antd';
import type { PluginResource } from '../../plugin.js';
import { FieldValue } from '../fields/field-value.js';
import type { Labels } from '../use-labels.js';
import { attentionRulesOf, rulesMet } from './attention.js';

/** Most cards a board loads; beyond it the board says how many are not shown. */
export const boardLimit = 200;

/** Records grouped by the value of an enum field, in option order; unknown or empty values are left out. */
export function boardColumns(field: FieldDef & { type: 'enum' }, records: readonly BaseRecord[]) {
  return field.options.map((o) => ({ value: o.value, records: records.filter((r) => r[field.key] === o.value) }));
}

/**
 * The 看板 view of a resource (`resource.board`): one column per option of the grouping field,
 * a card per record with its title (a link to it), the declared card fields and its attention
 * tags (逾期 …, highlighted). Reads with the list's current filters, so both views agree.
 */
export function Board({ resource, filters, labels }: { resource: PluginResource; filters: CrudFilter[]; labels: Labels }) {
  const { kind, board } = resource;
  const Link = useLink();
  const { showUrl } = useNavigation();
  const { result, query } = useList<BaseRecord>({ resource: kind.id, filters, pagination: { currentPage: 1, pageSize: boardLimit, mode: 'server' }, sorters: [resource.defaultSort ?? { field: kind.periodField, order: 'desc' }] });
  const group = board ? findField(kind, board.groupBy) : undefined;
  if (!board || group?.type !== 'enum') return null;
  const title = findField(kind, kind.titleField)!;
  const cardFields = (board.cardFields ?? []).map((k) => findField(kind, k)).filter((f) => f !== undefined);
  const rules = attentionRulesOf(resource);
  const today = todayInShanghai();
  const hidden = (result.total ?? 0) - result.data.length;
  return (
    <div>
      {hidden > 0 ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={labels.t('fazhi.list.boardMore', { count: hidden })} /> : null}
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', alignItems: 'flex-start' }} aria-busy={query.isLoading}>
        {boardColumns(group, result.data).map((col) => (
          <section key={col.value} aria-label={labels.option(group, col.value)} className="fazhi-board-column" style={{ flex: '0 0 260px', background: '#fafafa', borderRadius: 8, padding: 8 }}>
            <Typography.Title level={5} style={{ margin: '4px 4px 8px' }}>
              {labels.option(group, col.value)} <Tag bordered={false}>{col.records.length}</Tag>
            </Typography.Title>
            <Space direction="vertical" style={{ width: '100%' }}>
              {col.records.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={labels.t('fazhi.list.boardEmpty')} /> : null}
              {col.records.map((r) => {
                const met = rulesMet(rules, r, today);
                return (
                  <Card key={String(r.id)} size="small" className={met.length ? 'fazhi-card-attention' : undefined} style={met.length ? { borderColor: '#ff4d4f', background: '#fff1f0' } : undefined}>
                    <Link to={showUrl(kind.id, r.id!)}>
                      <FieldValue field={title} value={r[title.key]} labels={labels} />
                    </Link>
                    {cardFields.map((f) => (
                      <div key={f.key}>
                        <Typography.Text type="secondary">{labels.field(f)}{labels.t('fazhi.history.colon')}</Typography.Text>
                        <FieldValue field={f} value={r[f.key]} labels={labels} />
                      </div>
                    ))}
                    {met.map((m) => (
                      <Tag key={m.id} color="red">
                        {labels.field(m)}
                      </Tag>
                    ))}
                  </Card>
                );
              })}
            </Space>
          </section>
        ))}
      </div>
    </div>
  );
}
