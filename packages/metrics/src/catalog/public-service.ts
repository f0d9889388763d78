import { activeAtEnd, eq, figure, isIn, measure, notLaterThan, notNull, rate, within } from './builders.js';

const catalogueItems = measure({ id: 'public_service.catalogue_items', label: '梳理政务服务事项', unit: '个', kind: 'service_items', period: activeAtEnd('listedOn', 'delistedOn'), description: '期末在目录内的政务服务事项' });
const onlineItems = measure({ ...catalogueItems, id: 'public_service.online_items', label: '可网上办理的政务服务事项', filters: [eq('online', true)], description: '期末在目录内且可网上办理的事项' });
const fullSupervisions = measure({ id: 'public_service.full_coverage_supervisions', label: '开展全覆盖督查', unit: '次', kind: 'supervision_rounds', period: within('conductedOn'), filters: [eq('scope', 'full_coverage')], description: '年内开展的全覆盖督查次数' });
const coordination = measure({ id: 'public_service.coordination_events', label: '组织协调会议及现场勘查', unit: '次', kind: 'coordination_events', period: within('heldOn'), description: '年内组织的协调会议和现场勘查次数' });

const tickets = { kind: 'hotline_tickets', period: within('receivedAt'), unit: '件' } as const;
const received = measure({ ...tickets, id: 'public_service.tickets_received', label: '办理12345热线工单', description: '年内派单受理的12345热线工单' });
const closed = measure({ ...tickets, id: 'public_service.tickets_closed', label: '已办结工单', filters: [notNull('closedAt')], description: '年内受理的工单中已办结的' });
const closedOnTime = measure({ ...tickets, id: 'public_service.tickets_closed_on_time', label: '按时办结工单', filters: [notNull('closedAt'), notLaterThan('closedAt', 'dueAt')], description: '年内受理的工单中在办理时限内办结的' });
const rated = measure({ ...tickets, id: 'public_service.tickets_rated', label: '已评价工单', filters: [notNull('satisfaction')], description: '年内受理的工单中有满意度评价的' });
const satisfied = measure({ ...tickets, id: 'public_service.tickets_satisfied', label: '评价满意工单', filters: [isIn('satisfaction', ['satisfied', 'basically'])], description: '评价为满意或基本满意的工单' });

const cases = { kind: 'service_cases', period: within('receivedOn'), unit: '件' } as const;
const serviceCases = measure({ ...cases, id: 'public_service.service_cases', label: '政务服务办件', description: '年内政务服务（便民服务）中心受理的办件' });
const serviceCasesClosed = measure({ ...cases, id: 'public_service.service_cases_closed', label: '已办结办件', filters: [notNull('closedOn')], description: '年内受理的办件中已办结的' });
const serviceCasesRated = measure({ ...cases, id: 'public_service.service_cases_rated', label: '已评价办件', filters: [notNull('rating')], description: '年内受理的办件中有评价的' });
const serviceCasesSatisfied = measure({ ...cases, id: 'public_service.service_cases_satisfied', label: '评价满意办件', filters: [isIn('rating', ['satisfied', 'basically'])], description: '评价为满意或基本满意的办件' });
const dutyItems = measure({ id: 'public_service.duty_items', label: '履职事项清单事项', unit: '项', kind: 'duty_items', period: activeAtEnd('listedOn', 'delistedOn'), description: '期末在履职事项清单内的事项' });
const dutyItemsOfClass = (dutyClass: string, name: string, label: string) =>
  measure({ ...dutyItems, id: `public_service.${name}`, label, filters: [eq('dutyClass', dutyClass)], description: `期末清单内的${label}` });
const basicDuties = dutyItemsOfClass('basic', 'basic_duty_items', '基本履职事项');
const cooperativeDuties = dutyItemsOfClass('cooperative', 'cooperative_duty_items', '配合履职事项');
const returnedDuties = dutyItemsOfClass('returned', 'returned_duty_items', '上级部门收回事项');
const disclosureRequests = measure({ id: 'public_service.disclosure_requests', label: '办理政府信息公开申请', unit: '件', kind: 'disclosure_requests', period: within('receivedOn'), description: '年内收到的政府信息公开申请' });

export const measures = [
  catalogueItems,
  onlineItems,
  fullSupervisions,
  coordination,
  received,
  closed,
  closedOnTime,
  rated,
  satisfied,
  serviceCases,
  serviceCasesClosed,
  serviceCasesRated,
  serviceCasesSatisfied,
  disclosureRequests,
  dutyItems,
  basicDuties,
  cooperativeDuties,
  returnedDuties,
];

export const indicators = [
  figure(catalogueItems, 'public_service'),
  rate({ id: 'public_service.online_rate', label: '政务服务事项网上可办率', area: 'public_service', numerator: onlineItems, denominator: catalogueItems, description: '可网上办理的事项 ÷ 目录内事项' }),
  figure(fullSupervisions, 'public_service'),
  figure(received, 'public_service'),
  figure(coordination, 'public_service'),
  rate({ id: 'public_service.ticket_closure_rate', label: '工单办结率', area: 'public_service', numerator: closed, denominator: received, description: '已办结工单 ÷ 受理工单' }),
  rate({ id: 'public_service.ticket_on_time_rate', label: '工单按时办结率', area: 'public_service', numerator: closedOnTime, denominator: received, description: '按时办结工单 ÷ 受理工单' }),
  figure(serviceCases, 'public_service'),
  rate({ id: 'public_service.service_case_closure_rate', label: '政务服务办件办结率', area: 'public_service', numerator: serviceCasesClosed, denominator: serviceCases, description: '已办结办件 ÷ 受理办件' }),
  rate({ id: 'public_service.service_satisfaction_rate', label: '政务服务群众满意率', area: 'public_service', numerator: serviceCasesSatisfied, denominator: serviceCasesRated, description: '评价满意或基本满意的办件 ÷ 已评价办件' }),
  figure(disclosureRequests, 'public_service'),
  figure(dutyItems, 'public_service'),
  figure(basicDuties, 'public_service'),
  figure(cooperativeDuties, 'public_service'),
  figure(returnedDuties, 'public_service'),
  rate({ id: 'public_service.ticket_satisfaction_rate', label: '工单满意率', area: 'public_service', numerator: satisfied, denominator: rated, description: '评价满意或基本满意的工单 ÷ 已评价工单' }),
];
