import { OrgTree, yearPeriod, type AnyRecord } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import { describe, expect, it } from 'vitest';
import { buildReport } from './build-report.js';
import { inlineText, type Block, type Section } from './model.js';
import { parseNarrative } from './narrative.js';
import { reportDataFromEvaluator } from './report-data.js';
import { streetAnnualTemplate } from './street-annual-template.js';
import type { ReportTemplate } from './template.js';

const orgs = new OrgTree([
  { id: 's', parentId: null, kind: 'street', name: '甲街道' },
  { id: 'c', parentId: 's', kind: 'community', name: '乙社区' },
]);
const r = (orgId: string, f: Record<string, unknown>, deletedAt: string | null = null): AnyRecord => ({ id: Math.random().toString(36), orgId, deletedAt, ...f });
const records = new Map<string, AnyRecord[]>([
  [
    'mediation_cases',
    [
      r('c', { result: 'success', closedOn: '2024-03-01', acceptedOn: '2024-02-01', partiesCount: 2, amount: 560_218_050 }),
      r('s', { result: 'success', closedOn: '2023-03-01', acceptedOn: '2023-02-01', partiesCount: 2, amount: 1 }),
      r('s', { result: 'success', closedOn: '2023-04-01', acceptedOn: '2023-02-01', partiesCount: 2, amount: 1 }),
    ],
  ],
  ['auxiliary_staff', Array.from({ length: 134 }, () => r('s', { hiredOn: '2024-05-01' }))],
  ['honours', [r('s', { title: '全国社会治理创新案例', awardedOn: '2024-11-01' }), r('c', { title: '新时代“枫桥经验”典型', awardedOn: '2024-12-01' }), r('s', { title: '已删除的荣誉', awardedOn: '2024-11-02' }, '2024-12-01T00:00:00+08:00')]],
]);
const evaluator = new Evaluator({ orgs, records, catalog: builtInCatalog });
const period = yearPeriod(2024);
const data = reportDataFromEvaluator(evaluator, streetAnnualTemplate, 's', period, records, orgs.subtreeIds('s'));

const allBlocks = (sections: readonly Section[]): Block[] => sections.flatMap((s) => [...s.blocks, ...allBlocks(s.sections)]);
const text = (b: Block) => (b.type === 'paragraph' ? inlineText(b.inlines) : b.type === 'missing' ? b.text : '');

const paragraphs = (sections: readonly Section[]) => allBlocks(sections).filter((b) => b.type === 'paragraph').map(text);

describe('buildReport with the default street template', () => {
  const doc = buildReport({ template: streetAnnualTemplate, orgName: '甲街道', period, data });

  it('numbers the five required parts and their subsections; the table is an attachment', () => {
    expect(doc.title).toBe('甲街道2024年法治政府建设情况报告');
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '一、2024年推进法治政府建设的主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、2025年推进法治政府建设的主要安排',
      '五、其他需要报告的情况',
    ]);
    expect(doc.sections[0]!.sections[3]!.heading).toBe('（四）多元化解社会矛盾纠纷');
    expect(doc.attachments?.map((s) => s.heading)).toEqual(['主要指标统计表']);
  });

  it('binds figures to indicators, with YoY wording and exact numbers by default', () => {
    const mediation = doc.sections[0]!.sections.find((s) => s.id === 'mediation')!;
    const para = mediation.blocks.find((b) => b.type === 'paragraph')!;
    expect(text(para)).toBe('全年，辖区各人民调解委员会成功调处矛盾纠纷1宗（同比下降50%），涉及当事人2人，涉及金额560.22万元。');
    const figure = para.type === 'paragraph' ? para.inlines.find((i) => i.type === 'figure') : undefined;
    expect(figure).toMatchObject({ indicatorId: 'mediation.successful_cases', value: 1, text: '1宗' });
    expect(paragraphs(doc.sections).join('\n')).toContain('招录执法辅助人员134名');
  });

  it('leaves out sentences whose figures are all zero and never prints a figure without a value', () => {
    const body = paragraphs(doc.sections).join('\n');
    // This street recorded no consultations, disputes, publicity or tickets: none of it is mentioned.
    for (const absent of ['法律咨询', '行政复议', '法治宣传活动', '热线工单', '出庭应诉率', '达标率']) expect(body).not.toContain(absent);
    expect(body).not.toMatch(/[^\d.]0(次|份|宗|件|名|场次|万元|元|%)/);
    expect(body).not.toContain('—');
  });

  it('says clearly where narrative is missing, with slots for shortcomings and their causes', () => {
    const problems = doc.sections[2]!;
    expect(problems.blocks).toEqual([
      { type: 'missing', text: '【待补充】逐条写明存在的不足（一是、二是……），写具体表现。（叙述文件段落：problems）' },
      { type: 'missing', text: '【待补充】分析产生上述不足的原因，主观原因和客观原因分开写。（叙述文件段落：causes）' },
    ]);
    // A required figure without a value (no hall area recorded) turns its sentence into a readiness warning.
    const all = allBlocks(doc.sections).map(text).join('\n');
    expect(all).toContain('【待核实】以下指标本期没有数据，相关语句暂不生成：公共法律服务工作站大厅面积');
  });

  it('lists records of the period, skipping soft-deleted ones', () => {
    const all = allBlocks(doc.sections).map(text).join('\n');
    expect(all).toContain('本年度相关工作获评“全国社会治理创新案例”、“新时代‘枫桥经验’典型”。');
    expect(all).not.toContain('已删除的荣誉');
  });

  it('uses narrative text, the narrative file\'s hedge, and the signature', () => {
    const narrative = parseNarrative(['---', 'signature: 甲街道办事处', 'date: 2025年1月20日', 'hedge:', '  enforcement.aux_staff_recruited: 余', '---', '## problems', '一是{year}年学习不够深入。'].join('\n'));
    const d = buildReport({ template: streetAnnualTemplate, orgName: '甲街道', period, data, narrative });
    expect(d.sections[2]!.blocks.map(text)[0]).toBe('一是2024年学习不够深入。');
    expect(paragraphs(d.sections).join('\n')).toContain('招录执法辅助人员130余名');
    expect(d.signature).toEqual({ org: '甲街道办事处', date: '2025年1月20日' });
    // The user's per-figure choice wins over the file.
    const exact = buildReport({ template: streetAnnualTemplate, orgName: '甲街道', period, data, narrative, wording: { 'enforcement.aux_staff_recruited': 'exact' } });
    expect(paragraphs(exact.sections).join('\n')).toContain('招录执法辅助人员134名');
  });

  it('words a figure hedged on request, marks it, and keeps the table exact', () => {
    const d = buildReport({ template: streetAnnualTemplate, orgName: '甲街道', period, data, wording: { 'enforcement.aux_staff_recruited': 'hedged', 'mediation.successful_amount': 'hedged' } });
    const figures = allBlocks(d.sections).flatMap((b) => (b.type === 'paragraph' ? b.inlines : []));
    expect(figures.find((i) => i.type === 'figure' && i.indicatorId === 'enforcement.aux_staff_recruited')).toMatchObject({ text: '130余名', value: 134, hedged: true });
    expect(paragraphs(d.sections).join('\n')).toContain('涉及金额560余万元');
    const table = d.attachments![0]!.blocks[0]!;
    if (table.type !== 'table') throw new Error('no table');
    expect(table.rows.find((row) => row[0] === '成功调处案件涉及金额')![1]).toBe('560.22万元');
  });

  it('prints a rate beside the counts it divides, so it can be checked', () => {
    const sentence = paragraphs(doc.sections).find((t) => t.startsWith('年内新受理'))!;
    const [, accepted, succeeded, rate] = /新受理的矛盾纠纷(\d+)宗，其中已调解成功(\d+)宗，调解成功率为([\d.]+)%/.exec(sentence)!.map(Number) as number[];
    expect(rate).toBeCloseTo((succeeded! / accepted!) * 100, 1);
    expect(evaluator.compare('mediation.success_rate', 's', period).current.value).toBeCloseTo(rate!, 1);
  });

  it('fills the indicator table with this year, last year and the change, one rendering per figure', () => {
    const table = doc.attachments![0]!.blocks[0]!;
    expect(table.type).toBe('table');
    if (table.type !== 'table') return;
    expect(table.columns).toEqual(['指标', '2024年', '2023年', '同比']);
    expect(table.rows.find((row) => row[0] === '成功调处矛盾纠纷')).toEqual(['成功调处矛盾纠纷', '1宗', '2宗', '同比下降50%']);
    // The same figure reads the same in the text and the table, and no amount reads 0.00万元.
    expect(table.rows.find((row) => row[0] === '成功调处案件涉及金额')![1]).toBe('560.22万元');
    expect(table.rows.find((row) => row[0] === '法律援助案件涉及金额')![1]).toBe('0元');
  });

  it('fails clearly when a template names an indicator that was not computed, or counts of a figure that is no rate', () => {
    const t: ReportTemplate = { ...streetAnnualTemplate, preamble: [{ type: 'figures', text: '{no.such}' }] };
    expect(() => buildReport({ template: t, orgName: '甲街道', period, data })).toThrow('报告模板引用的指标“no.such”没有计算结果');
    const notRate: ReportTemplate = { ...streetAnnualTemplate, preamble: [{ type: 'figures', text: '共{mediation.successful_cases|num}宗' }] };
    expect(() => buildReport({ template: notRate, orgName: '甲街道', period, data })).toThrow('报告模板中的“{mediation.successful_cases|num}”：指标“成功调处矛盾纠纷”不是比率，没有分子和分母');
  });
});
