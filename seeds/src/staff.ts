import type { DepartmentKey } from './orgs.js';
import { departmentNames } from './orgs.js';
import { personName } from './people.js';
import type { Rng } from './random.js';

/** A named official with a title, e.g. 陈志强（党工委副书记、办事处主任）. */
export interface Official {
  name: string;
  title: string;
}

export const withTitle = (o: Official) => `${o.name}（${o.title}）`;

/** The street's leaders and department staff: the same people recur across records. */
export interface Staff {
  secretary: Official;
  director: Official;
  deputies: Official[];
  /** The deputy in charge of rule of law (分管法治工作). */
  lawDeputy: Official;
  heads: Record<DepartmentKey, string>;
  contacts: Record<DepartmentKey, string[]>;
  mediators: string[];
  lawyers: { name: string; firm: string }[];
  counsels: string[];
}

const firmCores = ['衡沙', '明粤', '港湾', '正平', '海晟', '诚和', '立衡', '南湾', '信恒', '泓远'];

export function buildStaff(rng: Rng): Staff {
  const secretary = { name: personName(rng), title: '街道党工委书记' };
  const director = { name: personName(rng), title: '街道党工委副书记、办事处主任' };
  const deputies = [
    { name: personName(rng), title: '街道党工委委员、办事处副主任' },
    { name: personName(rng), title: '街道党工委委员、办事处副主任' },
    { name: personName(rng), title: '街道党工委委员、武装部部长' },
    { name: personName(rng), title: '街道党工委委员、政法委员' },
  ];
  const keys = Object.keys(departmentNames) as DepartmentKey[];
  const heads = Object.fromEntries(keys.map((k) => [k, personName(rng)])) as Record<DepartmentKey, string>;
  const contacts = Object.fromEntries(keys.map((k) => [k, [personName(rng), personName(rng)]])) as Record<DepartmentKey, string[]>;
  const mediators = Array.from({ length: 18 }, () => personName(rng));
  const firms = firmCores.map((c) => `广东${c}律师事务所`);
  const lawyers = Array.from({ length: 26 }, () => ({ name: personName(rng), firm: rng.pick(firms) }));
  return { secretary, director, deputies, lawDeputy: deputies[3]!, heads, contacts, mediators, lawyers, counsels: [lawyers[0]!.name, lawyers[1]!.name] };
}
