import type { RecordKind } from '@fazhi/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import type { DuplicateBusinessKey } from '../../services.js';
import { useFazhiServices } from '../services-context.js';
import { useLabels } from '../use-labels.js';
import { useDashboardScope } from './dashboard-widgets.js';

/**
 * For street admins: business keys (案件编号…) shared by several live records of a street in the
 * console's unit, stored before the database refused duplicates; of one kind when `kind` is given
 * (a list page), of every kind otherwise (the home page). Renders nothing when there are none,
 * when the user administers no unit, or when the backend offers no duplicate list.
 */
export function DuplicateKeysNotice({ kind }: { kind?: RecordKind }) {
  const { user, duplicates, kinds } = useFazhiServices();
  const { orgId } = useDashboardScope();
  const labels = useLabels();
  const { t } = labels;
  // The database names kind and key in Chinese; the registry has their English.
  const kindOf = (id: string) => (kinds.has(id) ? kinds.get(id) : undefined);
  const keyField = (id: string) => {
    const k = kindOf(id);
    return k?.businessKey ? k.fields.find((f) => f.key === k.businessKey) : undefined;
  };
  const wanted = user.memberships.some((m) => m.role === 'admin') && (!kind || kind.businessKey !== undefined);
  // On a list page the check is kept until a write to its kind: it sits under Refine's list key of
  // the kind, which every create, edit, delete, workflow step and import invalidates, so paging and
  // sorting do not run it again. The home page (all kinds) checks afresh on every visit.
  const state = useQuery<DuplicateBusinessKey[], Error>({
    queryKey: kind ? ['data', 'default', kind.id, 'list', 'fazhi-duplicate-keys', orgId] : ['fazhi-duplicate-keys', orgId],
    queryFn: () => duplicates!.list(orgId!),
    enabled: Boolean(duplicates && orgId && wanted),
    staleTime: kind ? Infinity : 0,
    gcTime: kind ? 5 * 60_000 : 0,
  });
  if (state.error) return <Alert type="error" showIcon message={t('fazhi.duplicates.failed', { message: state.error.message })} />;
  const found = (state.data ?? []).filter((d) => !kind || d.kindId === kind.id);
  if (!found.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('fazhi.duplicates.title', { count: found.length })}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {found.map((d) => (
              <li key={`${d.kindId}|${d.streetId}|${d.key}`}>{labels.withData('fazhi.duplicates.item', { kind: kindOf(d.kindId) ? labels.kind(kindOf(d.kindId)!) : d.kindLabel, field: keyField(d.kindId) ? labels.field(keyField(d.kindId)!) : d.keyLabel, n: d.recordIds.length }, { key: d.key })}</li>
            ))}
          </ul>
          {t('fazhi.duplicates.hint')}
        </>
      }
    />
  );
}
