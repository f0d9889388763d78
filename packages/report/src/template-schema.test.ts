import { OrgTree, yearPeriod, type AnyRecord } from '@fazhi/domain';
import { builtInCatalog, Evaluator } from '@fazhi/metrics';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportData } from './build-report.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { streetAnnualTemplate } from './street-annual-template.js';
import { parseReportTemplate, ReportTemplateError, reportTemplateJsonSchema } from './template-schema.js';

/** A deep copy to break: what a template file read from disk would be (untyped on purpose). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const copy = (): any => JSON.parse(JSON.stringify(streetAnnualTemplate));

function problems(value: unknown): readonly string[] {
  try {
    parseReportTemplate(value, 'my.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ReportTemplateError);
    expect((e as Error).message).toMatch(/^报告模板“my\.json”有 \d+ 处错误：\n/);
    return (e as ReportTemplateError).problems;
  }
  return expect.unreachable('the template was accepted');
}

describe('parseReportTemplate', () => {
  it('accepts the default template as it would be read from a JSON file', () => {
    expect(parseReportTemplate(copy(), 'default')).toEqual(streetAnnualTemplate);
  });

  it('accepts (and drops) the $schema key editors use', () => {
    expect(parseReportTemplate({ ...copy(), $schema: './node_modules/@fazhi/report/report-template.schema.json' }, 'x')).toEqual(streetAnnualTemplate);
  });

  it('names a missing, mistyped, empty or unknown value by its path', () => {
    const t = copy();
    delete t.title;
    t.sections[1].heading = 5;
    t.sections[3].blocks = 'none';
    t.sections[4].heding = 'typo';
    t.sections[5].blocks[0].indicators = [];
    t.sections[0].sections[0].blocks[0].prompt = '';
    t.figureDefaults.moneyTrimZeros = 'yes';
    expect(problems(t)).toEqual([
      'title：缺少必填项（应为文字）',
      'sections[0].sections[0].blocks[0].prompt：不能为空',
      'sections[1].heading：应为文字',
      'sections[3].blocks：应为数组',
      'sections[4]：未知的项 “heding”',
      'sections[5].blocks[0].indicators：至少要有 1 项',
      'figureDefaults.moneyTrimZeros：应为布尔值（true 或 false）',
    ]);
  });

  it('names a block of an unknown type, and a block missing its fields', () => {
    const t = copy();
    t.preamble = [{ type: 'figure', text: 'x' }, { type: 'record-list', kind: 'honours' }];
    expect(problems(t)).toEqual([
      'preamble[0].type：块的类型 type 应为 figures、narrative、record-list 或 indicator-table',
      'preamble[1].dateField：缺少必填项（应为文字）',
      'preamble[1].item：缺少必填项（应为文字）',
      'preamble[1].intro：缺少必填项（应为文字）',
      'preamble[1].outro：缺少必填项（应为文字）',
    ]);
  });

  it('refuses placeholders that could not be filled, naming each', () => {
    const t = copy();
    t.sections[2].blocks = [{ type: 'figures', text: '{foo}{a.b|zz}{year|yoy}{ }{a.b|prev}{org}' }, { type: 'figures', text: '共{a.b件' }];
    t.sections[3].heading = '{nextYear}年{mediation.successful_cases}';
    expect(problems(t)).toEqual([
      'sections[2].blocks[0].text：未知的占位符“{foo}”：可用 {year}、{prevYear}、{nextYear}、{org} 或指标编号如 {mediation.successful_cases}',
      'sections[2].blocks[0].text：占位符“{a.b|zz}”的修饰“|zz”无效：指标后只能跟 |yoy（同比）、|prev（上年数）、|num（比率的分子）或 |den（比率的分母）',
      'sections[2].blocks[0].text：占位符“{year|yoy}”：|yoy 只能跟在指标编号后',
      'sections[2].blocks[0].text：占位符“{ }”的写法无效',
      'sections[2].blocks[1].text：有不成对的花括号“{”或“}”',
      'sections[3].heading：占位符“{mediation.successful_cases}”：这里只能用 {year}、{prevYear}、{nextYear}、{org}',
    ]);
  });

  it('refuses ids that are not kebab-case, duplicate section ids and narrative keys with spaces', () => {
    const t = copy();
    t.sections[1].id = 'Leader Ship';
    t.sections[2].id = 'achievements';
    t.sections[0].sections[1].id = 'plans';
    t.preamble[0].key = 'pre amble';
    t.sections[5].blocks[0].indicators[0] = 'Consultations';
    expect(problems(t)).toEqual([
      'preamble[0].key：应为不含空格的段落名，如 problems',
      'sections[1].id：应为 kebab-case 的编号，如 legal-services',
      'sections[5].blocks[0].indicators[0]：应为指标编号，如 mediation.successful_cases',
      'sections[2].id：章节编号“achievements”重复',
      'sections[3].id：章节编号“plans”重复',
    ]);
  });

  it('refuses a narrative key used twice (the blank narrative file would then be refused itself)', () => {
    const t = copy();
    t.sections[2].blocks.push({ type: 'narrative', key: 'preamble', prompt: '再写一次' });
    expect(problems(t)).toEqual(['sections[2].blocks[2].key：叙述段落名“preamble”重复（已用于 preamble[0]）']);
  });

  it('names the whole template when it is not an object', () => {
    expect(problems(null)).toEqual(['（整个模板）：应为对象']);
    expect(problems([])).toEqual(['（整个模板）：应为对象']);
  });
});

describe('report-template.schema.json (for editors)', () => {
  it('is the JSON Schema of the zod schema, as shipped', () => {
    const shipped: unknown = JSON.parse(readFileSync(new URL('../report-template.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(reportTemplateJsonSchema());
  });
});

describe('any template the schema accepts renders', () => {
  const orgs = new OrgTree([{ id: 's', parentId: null, kind: 'street', name: '甲街道' }]);
  const records = new Map<string, AnyRecord[]>([
    ['honours', [{ id: 'h1', orgId: 's', deletedAt: null, title: '“枫桥”典型', awardedOn: '2024-11-01' }]],
    ['mediation_cases', [{ id: 'm1', orgId: 's', deletedAt: null, result: 'success', closedOn: '2024-03-01', acceptedOn: '2024-02-01', partiesCount: 2, amount: 100 }]],
  ]);
  const evaluator = new Evaluator({ orgs, records, catalog: builtInCatalog });
  const period = yearPeriod(2024);
  const ids = builtInCatalog.indicators.map((i) => i.id);
  // Every built-in figure computed once; a generated template picks among them.
  const data: ReportData = { comparisons: new Map(ids.map((id) => [id, evaluator.compare(id, 's', period)])), records };

  // Mostly well-formed pieces, with a few of each kind of mistake so both sides are reached.
  const rarely = <T,>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 30 }, { arbitrary: bad, weight: 1 });
  const word = rarely(fc.constantFrom('全年', '办理', '，', '、', '。', '{year}', '{prevYear}', '{nextYear}', '{org}', '“', '<b>&', '\n', ''), fc.constantFrom('{', '}', '|', '{nope}', '{year|yoy}'));
  const rates = builtInCatalog.indicators.filter((i) => i.denominator !== undefined).map((i) => i.id);
  const figure = fc.oneof(
    fc.constantFrom(...ids).chain((id) => rarely(fc.constantFrom(`{${id}}`, `{${id}|yoy}`, `{${id}|prev}`), fc.constant(`{${id}|bad}`))),
    fc.constantFrom(...rates).chain((id) => fc.constantFrom(`{${id}|num}`, `{${id}|den}`)),
  );
  // Optional parts: balanced on the whole, with a stray bracket now and then for the schema to refuse.
  const plain = fc.array(fc.oneof(word, figure), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(''));
  const optional = fc.tuple(plain, rarely(fc.constant(']'), fc.constant(''))).map(([inner, close]) => `[${inner}${close}`);
  const sentence = fc.array(fc.oneof(word, figure, optional), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
  const heading = fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
  const block = fc.oneof(
    sentence.map((text) => ({ type: 'figures', text })),
    fc.record({ type: fc.constant('narrative'), key: rarely(fc.constantFrom('a', 'b'), fc.constantFrom('a b', '')), prompt: heading }),
    fc.record({ type: fc.constant('record-list'), kind: fc.constantFrom('honours', 'mediation_cases'), dateField: fc.constantFrom('awardedOn', 'closedOn', 'nope'), item: fc.constantFrom('{title}', '{nope}', 'x'), intro: heading, outro: heading }),
    fc.record({ type: fc.constant('indicator-table'), caption: heading, indicators: fc.array(fc.constantFrom(...ids), { maxLength: 4 }) }),
  );
  const section = fc.letrec<{ section: unknown }>((tie) => ({
    section: fc.record(
      { id: rarely(fc.nat().map((n) => `s-${n}`), fc.constantFrom('F', 's-1')), heading, blocks: fc.array(block, { maxLength: 3 }), sections: fc.array(tie('section'), { maxLength: 2 }), unnumbered: fc.boolean(), attachment: fc.boolean() },
      { requiredKeys: ['id', 'heading', 'blocks'] },
    ),
  })).section;
  const template = fc.record({ id: fc.constant('t'), label: fc.constant('模板'), title: heading, preamble: fc.array(block, { maxLength: 2 }), sections: fc.array(section, { maxLength: 4 }) });

  it('builds and renders to Markdown and HTML without throwing', () => {
    let accepted = 0;
    fc.assert(
      fc.property(template, (value) => {
        let t;
        try {
          t = parseReportTemplate(value, 'generated');
        } catch (e) {
          if (e instanceof ReportTemplateError) return;
          throw e;
        }
        accepted++;
        const doc = buildReport({ template: t, orgName: '甲街道', period, data });
        renderMarkdown(doc);
        renderHtml(doc);
        // Nothing the schema accepted is left unfilled in the output text.
        expect(JSON.stringify(doc)).not.toMatch(/\{(year|prevYear|nextYear|org)\}/);
      }),
      { numRuns: 10_000 },
    );
    // The generator must reach the accepted side often enough for the property to mean something.
    expect(accepted).toBeGreaterThan(1_000);
  });
});
