// React building blocks for the console and for plugins that override a page. Pages themselves
// are lazy chunks (see pages.tsx); this entry pulls antd and Refine, the main entry does not.
export { createI18nProvider, dictionaries, flatDictionary, interpolate, type I18nOptions, type Locale } from './i18n/i18n-provider.js';
export type { Dictionary } from './i18n/zh-cn.js';
export { FazhiServicesProvider, useFazhiServices } from './services-context.js';
export { useLabels, type Labels } from './use-labels.js';
export { DocumentTitle } from './document-title.js';
export { defaultPages, pageLoader, pluginRoutes, ResourcePage, todoRoute, type PageName, type PluginRoute } from './pages.js';
export { TodoCount } from './todo/todo-count.js';
export { daysLeft, resolveTodos, todoFilters, todoPath, userTodos, type ResolvedTodo } from './todo/todo-rules.js';
export { FieldInput } from './fields/field-input.js';
export { FieldValue } from './fields/field-value.js';
export { formatFieldValue, groupYuan, looksMasked } from './fields/format-value.js';
export { dependentFields, fieldFromForm, fieldToForm, formToFields, recordToForm, validateForm, type FormValues } from './fields/form-values.js';
export { fieldRules } from './fields/form-rules.js';
export { orgTreeData, subtreeOf } from './fields/org-tree.js';
export { attentionFilterName, filtersToCrud, listFiltersOf, periodOf, resolveFilter } from './list/list-filters.js';
export { attentionRulesOf, meetsRule } from './views/attention.js';
export { belowThreshold, relatedSumFilters, sumsByRecord } from './views/related-sums.js';
export { columnsStorageKey, defaultColumns, useColumnPrefs } from './list/column-prefs.js';
export { formSectionsOf } from './form/form-layout.js';
export { saveProblem } from './form/conflict.js';
export { availableTransitions } from './workflow/transitions.js';
export { StepHistory } from './workflow/step-history.js';
export { stepFields, WorkflowButtons } from './workflow/workflow-buttons.js';
export { AttachmentsPanel } from './attachments/attachments-panel.js';
// The one size formatter (12 KB, 1.5 MB) lives in @fazhi/domain, shared with @fazhi/db's messages.
export { formatFileSize } from '@fazhi/domain';
export { formatShanghaiDateTime, shanghaiWallClock } from './fields/shanghai-time.js';
export { IndicatorCard } from './dashboard/indicator-card.js';
export { IndicatorTable } from './dashboard/indicator-table.js';
export { asOfText, changeText } from './dashboard/change-text.js';
export { TrendChart, trendSummary, type TrendChartProps, type TrendPoint } from './dashboard/trend-chart.js';
export { DashboardWidgets, useDashboardScope } from './dashboard/dashboard-widgets.js';
export { drillQuery, drillSearch, readDrill, resolveDrill, withoutDrill, type DrillTarget, type ResolvedDrill } from './drill/drill-target.js';
export { useDrillUrl, type DrillUrl } from './drill/use-drill-url.js';
export { filterText, measureFilter, measureListFilters, periodFilters, periodText } from './drill/measure-filters.js';
export { DuplicateKeysNotice } from './dashboard/duplicate-keys-notice.js';
export { useAsync } from './dashboard/use-async.js';
