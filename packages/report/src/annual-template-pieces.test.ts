import { describe, expect, it } from 'vitest';
import { communityAnnualTemplate } from './community-annual-template.js';
import { streetAnnualTemplate } from './street-annual-template.js';
import type { ReportTemplate, TemplateBlock, TemplateSection } from './template.js';

/** Every block of a template with the section it stands in. */
function blocksOf(t: ReportTemplate): { where: string; block: TemplateBlock }[] {
  const out: { where: string; block: TemplateBlock }[] = t.preamble.map((block) => ({ where: 'preamble', block }));
  const visit = (sections: readonly TemplateSection[]) =>
    sections.forEach((s) => {
      out.push(...s.blocks.map((block) => ({ where: s.id, block })));
      visit(s.sections ?? []);
    });
  visit(t.sections);
  return out;
}

/** A sentence as written, with the unit's own subject (`{org}…委员会` / 辖区各…委员会) set aside. */
const sentence = (b: TemplateBlock) => (b.type === 'figures' ? b.text.replace(/^全年，.*?人民调解委员会/, '全年，…人民调解委员会') : b.type === 'narrative' ? `${b.key}:${b.prompt}` : JSON.stringify(b));

describe('the built-in annual templates share their common parts', () => {
  it('the street and community templates write no sentence, prompt or section twice: what both say comes from annual-template-pieces', () => {
    const street = blocksOf(streetAnnualTemplate);
    const community = blocksOf(communityAnnualTemplate);
    const copied = community.filter((c) => street.some((s) => sentence(s.block) === sentence(c.block) && s.block !== c.block && JSON.stringify(s.block) === JSON.stringify(c.block)));
    expect(copied.map((c) => `${c.where}: ${sentence(c.block)}`)).toEqual([]);
    // The parts both use are the very same pieces.
    const shared = community.filter((c) => street.some((s) => s.block === c.block)).map((c) => c.where);
    expect(shared).toEqual(expect.arrayContaining(['legal-services', 'problems']));
    expect(communityAnnualTemplate.sections.find((s) => s.id === 'problems')).toBe(streetAnnualTemplate.sections.find((s) => s.id === 'problems'));
    // The mediation sentences differ only in their subject.
    const mediation = (t: ReportTemplate) => blocksOf(t).filter((b) => b.where === 'mediation' && b.block.type === 'figures').map((b) => sentence(b.block));
    expect(mediation(communityAnnualTemplate)).toEqual(mediation(streetAnnualTemplate));
  });
});
