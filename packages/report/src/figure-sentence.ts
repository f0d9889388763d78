import type { Inline } from './model.js';
import { placeholderPattern } from './template.js';

/**
 * A `figures` sentence adapts to the data. Parts in `[…]` are optional: one is left out when it has
 * nothing to say — every figure in it is zero or has no value (no hearings, so no 出庭应诉率).
 * (A 同比 always says something: the change, or why there is none.) Optional parts next to each other, joined
 * by one mark (、，；), form a list whose marks follow the parts that remain:
 *
 *     全年办理法律咨询{a}[、审查合同{b}][、出具法律意见书{c}]        (marks inside the parts), or
 *     全年[办理法律咨询{a}]、[审查合同{b}]、[出具法律意见书{c}]      (marks between them).
 *
 * The whole sentence is left out when every figure left in it is zero, and replaced by a readiness
 * warning when a figure outside `[…]` has no value: never 「办理法律咨询0次」 or 「达标率为—」. A rate
 * of 0% is not "nothing": with a denominator behind it, it is reported like any other figure.
 */
export type SentenceNode =
  | { type: 'text'; text: string }
  | { type: 'slot'; name: string; modifier?: string }
  | { type: 'optional'; nodes: SentenceNode[] };

/** What a placeholder resolves to: its inline, and the facts the adaptation rules look at. */
export interface ResolvedSlot {
  inline: Inline;
  /** This year's figure: its value and label (not for `|prev`, `|yoy` or `{year}`); a rate of 0% still says something. */
  figure?: Figure;
}

export type SentenceResult =
  | { type: 'sentence'; inlines: Inline[] }
  | { type: 'omitted' }
  /** Labels of required figures without a value. */
  | { type: 'unready'; missing: string[] };

/** Parses `[…]` groups (nested allowed) around text and `{…}` placeholders; the schema has checked the brackets. */
export function parseSentence(text: string): SentenceNode[] {
  const root: SentenceNode[] = [];
  const stack: SentenceNode[][] = [root];
  const top = () => stack[stack.length - 1]!;
  const pushText = (t: string) => {
    for (const part of t.split(/([[\]])/)) {
      if (part === '[') {
        const group: SentenceNode = { type: 'optional', nodes: [] };
        top().push(group);
        stack.push(group.nodes);
      } else if (part === ']') {
        if (stack.length > 1) stack.pop();
      } else if (part) top().push({ type: 'text', text: part });
    }
  };
  let last = 0;
  for (const m of text.matchAll(placeholderPattern)) {
    pushText(text.slice(last, m.index));
    top().push({ type: 'slot', name: m[1]!, ...(m[2] ? { modifier: m[2] } : {}) });
    last = m.index! + m[0].length;
  }
  pushText(text.slice(last));
  return root;
}

interface Figure {
  value: number | null;
  label: string;
  rate: boolean;
}

/** Zero of a count says nothing; 0% of a rate with a denominator is a fact to report. */
const isNothing = (f: Figure) => f.value === null || (f.value === 0 && !f.rate);

interface Rendered {
  inlines: Inline[];
  figures: Figure[];
}

const LINK = /^[、，；]$/;

export function renderSentence(nodes: readonly SentenceNode[], resolve: (name: string, modifier?: string) => ResolvedSlot): SentenceResult {
  const renderList = (list: readonly SentenceNode[]): Rendered => {
    const out: Rendered = { inlines: [], figures: [] };
    const add = (r: Rendered) => {
      out.inlines.push(...r.inlines);
      out.figures.push(...r.figures);
    };
    for (let i = 0; i < list.length; i++) {
      const node = list[i]!;
      if (node.type === 'text') out.inlines.push({ type: 'text', text: node.text });
      else if (node.type === 'slot') {
        const s = resolve(node.name, node.modifier);
        add({ inlines: [s.inline], figures: s.figure ? [s.figure] : [] });
      } else {
        // A run of optional parts joined by single marks: a part's mark goes with it.
        let kept = 0;
        for (;;) {
          const part = renderList((list[i] as Extract<SentenceNode, { type: 'optional' }>).nodes);
          if (!saysNothing(part)) {
            const link = i > 0 && kept > 0 ? list[i - 1] : undefined;
            if (link?.type === 'text') out.inlines.push({ type: 'text', text: link.text });
            add(part);
            kept++;
          }
          const next = list[i + 1];
          if (next?.type === 'text' && LINK.test(next.text) && list[i + 2]?.type === 'optional') i += 2;
          else break;
        }
      }
    }
    return out;
  };

  const r = renderList(nodes);
  const missing = r.figures.filter((f) => f.value === null).map((f) => f.label);
  if (missing.length) return { type: 'unready', missing: [...new Set(missing)] };
  const hadFigures = hasFigureSlot(nodes);
  if (hadFigures && r.figures.every(isNothing)) return { type: 'omitted' };
  return { type: 'sentence', inlines: mergeText(r.inlines) };
}

/** A part whose figures are all zero or valueless (a part without figures is plain text, and stays). */
function saysNothing(part: Rendered): boolean {
  return part.figures.length > 0 && part.figures.every(isNothing);
}

function hasFigureSlot(nodes: readonly SentenceNode[]): boolean {
  return nodes.some((n) => (n.type === 'slot' ? n.name.includes('.') && n.modifier !== 'prev' && n.modifier !== 'yoy' : n.type === 'optional' && hasFigureSlot(n.nodes)));
}

/** Adjacent text runs as one, so the model stays as simple as a hand-written paragraph. */
function mergeText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of inlines) {
    const prev = out[out.length - 1];
    if (i.type === 'text' && prev?.type === 'text') out[out.length - 1] = { type: 'text', text: prev.text + i.text };
    else if (i.type !== 'text' || i.text) out.push(i);
  }
  return out;
}
