import type { CrudFilter, CrudSort } from '@refinedev/core';

/**
 * The data the shared contract suite seeds and the list queries it asks, kept apart from the
 * suite itself so the Supabase wrapper's request-building tests walk the very same cases.
 * Records are of street A's community unless `street: 'B'`; titles are case numbers.
 */
export interface SeedRecord {
  street?: 'A' | 'B';
  values: Record<string, unknown>;
}

export const mediationSeed: readonly SeedRecord[] = [
  {
    values: {
      caseNo: 'M01', source: 'proactive', disputeType: 'neighbourhood', summary: 'Noise complaint 噪音扰民', partyNames: '张三、李四',
      partyPhones: '13800138000', partiesCount: 2, amount: 150000, acceptedOn: '2024-01-05', status: 'closed', closedOn: '2024-01-20',
      result: 'success', agreementForm: 'written', preventedCriminal: true,
    },
  },
  { values: { caseNo: 'M02', source: 'party_application', disputeType: 'contract', summary: 'noise again', partyNames: '王五', partiesCount: 3, acceptedOn: '2024-02-10', status: 'mediating', preventedCriminal: false } },
  { values: { caseNo: '100%_done', source: 'police_referral', disputeType: 'labour', summary: 'wage 工资', partiesCount: 1, amount: 9007199254740991, acceptedOn: '2024-03-01', status: 'accepted' } },
  {
    values: {
      caseNo: 'M04', source: 'court_entrusted', disputeType: 'neighbourhood', partiesCount: 5, amount: 0, acceptedOn: '2023-12-31', status: 'followed_up',
      closedOn: '2024-01-10', result: 'failure', followUpOn: '2024-02-01',
    },
  },
  { values: { caseNo: 'A1000-xdone', source: 'government_assigned', disputeType: 'other', summary: 'Parking, (car) "quoted"', partiesCount: 4, amount: 2000, acceptedOn: '2024-02-29', status: 'mediating' } },
  { values: { caseNo: 'M06-deleted', source: 'proactive', disputeType: 'other', partiesCount: 1, acceptedOn: '2024-01-01', status: 'accepted', deletedAt: '2024-06-01T10:00:00+08:00' } },
  { street: 'B', values: { caseNo: 'B01', source: 'proactive', disputeType: 'neighbourhood', partiesCount: 2, acceptedOn: '2024-01-05', status: 'accepted' } },
];

/** The visible, not deleted cases (what an unfiltered list of street A's writer returns). */
export const liveCases = ['M01', 'M02', '100%_done', 'M04', 'A1000-xdone'];

export interface FilterCase {
  name: string;
  resource: string;
  filters: CrudFilter[];
  /** Expected titles, in any order. */
  expect: string[];
}

const f = (field: string, operator: string, value: unknown) => ({ field, operator, value }) as CrudFilter;
const or = (...value: CrudFilter[]): CrudFilter => ({ operator: 'or', value });
const and = (...value: CrudFilter[]): CrudFilter => ({ operator: 'and', value });
const mc = (name: string, filters: CrudFilter[], expect: string[]): FilterCase => ({ name, resource: 'mediation_cases', filters, expect });

export const filterCases: readonly FilterCase[] = [
  mc('eq', [f('disputeType', 'eq', 'neighbourhood')], ['M01', 'M04']),
  mc('eqs', [f('caseNo', 'eqs', 'M02')], ['M02']),
  mc('eq null', [f('amount', 'eq', null)], ['M02']),
  mc('ne', [f('disputeType', 'ne', 'neighbourhood')], ['M02', '100%_done', 'A1000-xdone']),
  mc('nes', [f('caseNo', 'nes', 'M02')], ['M01', '100%_done', 'M04', 'A1000-xdone']),
  mc('lt integer', [f('partiesCount', 'lt', 2)], ['100%_done']),
  mc('gt money', [f('amount', 'gt', 2000)], ['M01', '100%_done']),
  mc('lte date', [f('acceptedOn', 'lte', '2024-01-05')], ['M01', 'M04']),
  mc('gte date (other notation)', [f('acceptedOn', 'gte', '2024/2/29')], ['100%_done', 'A1000-xdone']),
  mc('in', [f('source', 'in', ['proactive', 'police_referral'])], ['M01', '100%_done']),
  mc('in (empty list)', [f('source', 'in', [])], []),
  mc('nin', [f('source', 'nin', ['proactive', 'police_referral'])], ['M02', 'M04', 'A1000-xdone']),
  mc('ina on a scalar column', [f('status', 'ina', ['closed', 'followed_up'])], ['M01', 'M04']),
  mc('nina on a scalar column', [f('status', 'nina', ['closed', 'followed_up'])], ['M02', '100%_done', 'A1000-xdone']),
  mc('contains (case-insensitive)', [f('summary', 'contains', 'NOISE')], ['M01', 'M02']),
  mc('ncontains', [f('summary', 'ncontains', 'noise')], ['100%_done', 'A1000-xdone']),
  mc('containss', [f('summary', 'containss', 'Noise')], ['M01']),
  mc('ncontainss', [f('summary', 'ncontainss', 'Noise')], ['M02', '100%_done', 'A1000-xdone']),
  mc('contains escapes %', [f('caseNo', 'contains', '100%')], ['100%_done']),
  mc('contains escapes _', [f('caseNo', 'contains', '%_')], ['100%_done']),
  mc('contains with PostgREST-reserved characters', [f('summary', 'contains', ', (car) "quoted"')], ['A1000-xdone']),
  mc('contains Chinese', [f('summary', 'contains', '工资')], ['100%_done']),
  mc('startswith', [f('caseNo', 'startswith', 'm0')], ['M01', 'M02', 'M04']),
  mc('nstartswith', [f('caseNo', 'nstartswith', 'm0')], ['100%_done', 'A1000-xdone']),
  mc('startswiths', [f('caseNo', 'startswiths', 'm0')], []),
  mc('nstartswiths', [f('caseNo', 'nstartswiths', 'M0')], ['100%_done', 'A1000-xdone']),
  mc('endswith escapes _', [f('caseNo', 'endswith', '_DONE')], ['100%_done']),
  mc('nendswith', [f('caseNo', 'nendswith', 'DONE')], ['M01', 'M02', 'M04']),
  mc('endswiths', [f('caseNo', 'endswiths', 'xdone')], ['A1000-xdone']),
  mc('nendswiths', [f('caseNo', 'nendswiths', 'DONE')], liveCases),
  mc('between', [f('acceptedOn', 'between', ['2024-01-01', '2024-02-28'])], ['M01', 'M02']),
  mc('nbetween', [f('acceptedOn', 'nbetween', ['2024-01-01', '2024-02-28'])], ['100%_done', 'M04', 'A1000-xdone']),
  mc('null', [f('closedOn', 'null', true)], ['M02', '100%_done', 'A1000-xdone']),
  mc('nnull', [f('closedOn', 'nnull', true)], ['M01', 'M04']),
  mc('boolean eq', [f('preventedCriminal', 'eq', true)], ['M01']),
  mc('undefined value is no condition', [f('status', 'eq', undefined)], liveCases),
  mc('or', [or(f('status', 'eq', 'closed'), f('partiesCount', 'gt', 4))], ['M01', 'M04']),
  mc('and inside or', [or(and(f('disputeType', 'eq', 'neighbourhood'), f('amount', 'gte', 100000)), f('status', 'eq', 'accepted'))], ['M01', '100%_done']),
  mc('or inside and', [and(or(f('source', 'eq', 'proactive'), f('source', 'eq', 'court_entrusted')), f('acceptedOn', 'lt', '2024-01-06'))], ['M01', 'M04']),
  // The plugin SDK's attention rules (逾期 …): a keyed `and` of a date before a day and "empty or not final".
  mc('keyed and: a date before a day while a state is empty or not final', [{ key: 'attention.overdue', operator: 'and', value: [f('acceptedOn', 'lt', '2024-02-11'), or(f('result', 'null', true), f('result', 'nin', ['success']))] }], ['M02', 'M04']),
  mc('three levels with negations', [or(and(f('caseNo', 'ncontains', 'm0'), or(f('amount', 'nin', [0, 2000]), f('summary', 'null', true))), f('caseNo', 'eq', 'M04'))], ['100%_done', 'M04']),
  mc('or with reserved characters inside', [or(f('summary', 'contains', '(car)'), f('caseNo', 'in', ['M02', 'a,b']))], ['M02', 'A1000-xdone']),
  mc('two top-level filters (AND)', [f('disputeType', 'eq', 'neighbourhood'), f('status', 'eq', 'closed')], ['M01']),
];

/** Enum-set and date-time cases, on kinds that have such fields. */
export const publicitySeed: readonly SeedRecord[] = [
  { values: { title: 'P1', heldOn: '2024-03-01', format: 'lecture', laws: ['civil_code', 'constitution'], audience: 50 } },
  { values: { title: 'P2', heldOn: '2024-03-02', format: 'stall', laws: ['civil_code'], audience: 120 } },
  { values: { title: 'P3', heldOn: '2024-03-03', format: 'online', laws: ['anti_fraud_law'] } },
];

export const hotlineSeed: readonly SeedRecord[] = [
  { values: { ticketNo: 'T1', channel: 'phone', kind: 'complaint', topic: 'housing', callerName: '赵六', callerPhone: '13912345678', receivedAt: '2024-03-05T09:30:00+08:00', dueAt: '2024-03-10T09:30:00+08:00' } },
  { values: { ticketNo: 'T2', channel: 'web', kind: 'consultation', topic: 'labour', receivedAt: '2024-03-05T01:29:59Z', dueAt: '2024-03-06T00:00:00+08:00', closedAt: '2024-03-05 18:00' } },
];

const pe = (name: string, filters: CrudFilter[], expect: string[]): FilterCase => ({ name, resource: 'publicity_events', filters, expect });
const ht = (name: string, filters: CrudFilter[], expect: string[]): FilterCase => ({ name, resource: 'hotline_tickets', filters, expect });

export const typedFilterCases: readonly FilterCase[] = [
  pe('enum-set eq (has element)', [f('laws', 'eq', 'civil_code')], ['P1', 'P2']),
  pe('enum-set ne', [f('laws', 'ne', 'civil_code')], ['P3']),
  pe('enum-set in (overlap)', [f('laws', 'in', ['constitution', 'anti_fraud_law'])], ['P1', 'P3']),
  pe('enum-set nin', [f('laws', 'nin', ['constitution', 'anti_fraud_law'])], ['P2']),
  pe('enum-set ina (has all)', [f('laws', 'ina', ['civil_code', 'constitution'])], ['P1']),
  pe('enum-set nina', [f('laws', 'nina', ['civil_code', 'constitution'])], ['P2', 'P3']),
  pe('integer null inside or', [or(f('audience', 'null', true), f('audience', 'gte', 100))], ['P2', 'P3']),
  ht('datetime gte (+08:00 local time)', [f('receivedAt', 'gte', '2024-03-05 09:30')], ['T1']),
  ht('datetime lt (offset converted)', [f('receivedAt', 'lt', '2024-03-05T01:30:00Z')], ['T2']),
  ht('datetime by date (start of day, China time)', [f('receivedAt', 'gte', '2024-03-05')], ['T1', 'T2']),
];

/**
 * One column against another of the same row (an indicator's "closed on time"); a row with either
 * side empty is left out. The SQL provider runs these; PostgREST cannot compare two columns, so
 * the Supabase wrapper refuses them in Chinese (its own test).
 */
export const fieldComparisonCases: readonly FilterCase[] = [
  ht('datetime lte another column (closed on time)', [f('closedAt', 'lte', { ref: 'dueAt' })], ['T2']),
  ht('datetime gt another column (an empty side never matches)', [f('closedAt', 'gt', { ref: 'dueAt' })], []),
  ht('inside an or', [or(f('closedAt', 'gt', { ref: 'dueAt' }), f('ticketNo', 'eq', 'T1'))], ['T1']),
];

export interface SortCase {
  name: string;
  sorters: CrudSort[];
  /** Expected titles in this exact order (unfiltered list of live cases). */
  expect: string[];
}

export const sortCases: readonly SortCase[] = [
  { name: 'money desc, nulls last', sorters: [{ field: 'amount', order: 'desc' }], expect: ['100%_done', 'M01', 'A1000-xdone', 'M04', 'M02'] },
  { name: 'money asc, nulls last', sorters: [{ field: 'amount', order: 'asc' }], expect: ['M04', 'A1000-xdone', 'M01', '100%_done', 'M02'] },
  {
    name: 'two sorters',
    sorters: [{ field: 'disputeType', order: 'asc' }, { field: 'acceptedOn', order: 'desc' }],
    expect: ['M02', '100%_done', 'M01', 'M04', 'A1000-xdone'],
  },
];
