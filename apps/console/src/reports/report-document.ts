import type { ReportContent, ReportVersion } from '@fazhi/db/browser';
import { yearPeriod, type OrgUnit } from '@fazhi/domain';
import { buildReport, type ReportData, type ReportDocument, type ReportTemplate } from '@fazhi/report';
import { narrativeOf, withFrozenFigures } from './report-figures.js';

/** A 定稿 version shows the figures frozen at sign-off; any other the live ones. */
export function dataFor(version: ReportVersion | undefined, live: ReportData): ReportData {
  return version?.status === 'final' && version.frozenFigures ? withFrozenFigures(live, version.frozenFigures) : live;
}

/** 2025年1月20日, from a timestamp (the sign-off's, or today for a draft). */
export function chineseDate(iso: string): string {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(d);
  const part = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${part('year')}年${Number(part('month'))}月${Number(part('day'))}日`;
}

/**
 * The report the workspace shows and every export writes: the unit's template, the version's
 * figures (frozen for a 定稿) and its narrative; signed with the unit's name and the sign-off date
 * (today's for a draft).
 */
export function reportDocument(input: { template: ReportTemplate; org: OrgUnit; year: number; live: ReportData; version?: ReportVersion; content: ReportContent }): ReportDocument {
  const { template, org, year, live, version, content } = input;
  const date = chineseDate(version?.signedAt ?? new Date().toISOString());
  return buildReport({ template, orgName: org.shortName || org.name, period: yearPeriod(year), data: dataFor(version, live), narrative: narrativeOf(content, { org: org.name, date }), wording: content.wording });
}
