import type { Rng } from './random.js';

/**
 * Fake personal data that looks like the real thing: Guangdong-weighted surnames, ordinary given
 * names, mobile numbers and ID numbers with a valid check digit. None of it belongs to anyone.
 */
const surnames: readonly (readonly [string, number])[] = [
  ['陈', 9], ['李', 6], ['黄', 6], ['张', 5], ['梁', 4], ['林', 4], ['刘', 4], ['吴', 3], ['罗', 3], ['何', 3],
  ['郑', 2.5], ['谢', 2.5], ['王', 2.5], ['冯', 2], ['邓', 2], ['周', 2], ['曾', 2], ['杨', 2], ['钟', 1.5], ['麦', 1.5],
  ['彭', 1.5], ['郭', 1.5], ['卢', 1.5], ['叶', 1.5], ['蔡', 1.2], ['苏', 1], ['潘', 1], ['温', 1], ['许', 1], ['莫', 1],
  ['黎', 1], ['徐', 1], ['孙', 1], ['胡', 1], ['朱', 1], ['高', 1], ['袁', 0.8], ['关', 0.8], ['区', 0.3], ['欧阳', 0.3],
  ['司徒', 0.2], ['植', 0.2], ['谭', 1], ['余', 1], ['邱', 0.8], ['方', 0.8], ['严', 0.5], ['骆', 0.4],
];
const maleChars = [...'伟强军杰俊浩明志文华建国辉鹏宇涛斌峰锋健荣海波东子嘉家振永耀锦添汉栋铭泽坚荣光启立德智宏毅凯昊'];
const femaleChars = [...'芳丽敏静燕婷霞玲秀红娟颖欣慧琳怡佩雯婉思诗嘉洁倩妍桂凤玉萍翠莉晴悦彤琪梅兰淑'];
const sharedChars = [...'晓小子嘉家永少文卓雅'];

export type Gender = 'm' | 'f';

export function surname(rng: Rng): string {
  return rng.weighted(surnames);
}

export function personName(rng: Rng, gender: Gender = rng.chance(0.5) ? 'm' : 'f'): string {
  const pool = gender === 'm' ? maleChars : femaleChars;
  const first = rng.chance(0.25) ? rng.pick(sharedChars) : rng.pick(pool);
  return surname(rng) + (rng.chance(0.8) ? first + rng.pick(pool) : rng.pick(pool));
}

/** How 12345 tickets record a caller: 陈先生 / 黄女士. */
export function honorific(rng: Rng): string {
  return surname(rng) + (rng.chance(0.5) ? '先生' : '女士');
}

const mobilePrefixes = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '199'];

export function mobile(rng: Rng): string {
  return rng.pick(mobilePrefixes) + rng.digits(8);
}

// Residence areas: Nansha itself, the rest of Guangzhou, and the provinces most migrant workers come from.
const regionCodes: readonly (readonly [string, number])[] = [
  ['440115', 5], ['440113', 2], ['440111', 1], ['440106', 1], ['441502', 0.6], ['445221', 0.8], ['441781', 0.6], ['440882', 0.6],
  ['450921', 0.8], ['452501', 0.5], ['430521', 0.6], ['431081', 0.5], ['360731', 0.5], ['362101', 0.4], ['510722', 0.4], ['522422', 0.4],
  ['412826', 0.3], ['421127', 0.3],
];
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheck = '10X98765432';

/** An 18-digit resident ID number (GB 11643) with a correct check digit and matching gender digit. */
export function idNumber(rng: Rng, birthYearFrom = 1955, birthYearTo = 2003, gender: Gender = rng.chance(0.5) ? 'm' : 'f'): string {
  const y = rng.int(birthYearFrom, birthYearTo);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const seq = rng.int(0, 99) * 10 + (gender === 'm' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const body = `${rng.weighted(regionCodes)}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * idWeights[i]!;
  return body + idCheck[sum % 11];
}

/** Several distinct names joined with 、, or `A、B等N人` for groups. */
export function partyNames(rng: Rng, count: number): string {
  const shown = Math.min(count, 3);
  const names = Array.from({ length: shown }, () => personName(rng));
  return count > 3 ? `${names.slice(0, 2).join('、')}等${count}人` : names.join('、');
}

const foreignNames: Record<string, { given: readonly string[]; family: readonly string[] }> = {
  美国: { given: ['James', 'Emily', 'Michael', 'Sarah', 'David', 'Jessica'], family: ['Smith', 'Johnson', 'Brown', 'Miller', 'Davis'] },
  英国: { given: ['Oliver', 'Amelia', 'Harry', 'Sophie', 'George'], family: ['Taylor', 'Wilson', 'Evans', 'Walker', 'Wright'] },
  加拿大: { given: ['Liam', 'Chloe', 'Noah', 'Emma'], family: ['Tremblay', 'Martin', 'Roy', 'Campbell'] },
  澳大利亚: { given: ['Jack', 'Isla', 'William', 'Mia'], family: ['Thompson', 'White', 'Harris', 'Kelly'] },
  德国: { given: ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix'], family: ['Müller', 'Schmidt', 'Fischer', 'Weber', 'Becker'] },
  法国: { given: ['Louis', 'Camille', 'Hugo', 'Léa'], family: ['Martin', 'Bernard', 'Dubois', 'Moreau'] },
  俄罗斯: { given: ['Ivan', 'Olga', 'Dmitry', 'Anna', 'Sergei'], family: ['Ivanov', 'Petrova', 'Smirnov', 'Volkova'] },
  韩国: { given: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun'], family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung'] },
  日本: { given: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren'], family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Ito'] },
  新加坡: { given: ['Wei Ming', 'Hui Min', 'Jun Jie', 'Xin Yi'], family: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong'] },
  马来西亚: { given: ['Ahmad', 'Siti', 'Kah Wai', 'Mei Ling'], family: ['Abdullah', 'Wong', 'Chong', 'Rahman'] },
  泰国: { given: ['Somchai', 'Malee', 'Niran', 'Ploy'], family: ['Srisuk', 'Chaiyaporn', 'Wongsa'] },
  意大利: { given: ['Marco', 'Giulia', 'Luca', 'Chiara'], family: ['Rossi', 'Russo', 'Ferrari', 'Esposito'] },
  巴西: { given: ['Lucas', 'Ana', 'Pedro', 'Julia'], family: ['Silva', 'Santos', 'Oliveira', 'Souza'] },
  中国香港: { given: ['Ka Ming', 'Wing Yan', 'Chi Keung', 'Mei Yee'], family: ['Chan', 'Wong', 'Leung', 'Cheung', 'Lau'] },
  中国澳门: { given: ['Kin Hou', 'Sio Man', 'Ka Weng'], family: ['Chan', 'Ho', 'Leong', 'Lei'] },
  中国台湾: { given: ['Chih-Hao', 'Ya-Ting', 'Chun-Hung', 'Yi-Chen'], family: ['Chen', 'Lin', 'Huang', 'Chang'] },
};

export const nationalities: readonly (readonly [string, number])[] = [
  ['中国香港', 14], ['中国澳门', 8], ['中国台湾', 4], ['美国', 7], ['英国', 5], ['加拿大', 4], ['澳大利亚', 3], ['德国', 4], ['法国', 3],
  ['俄罗斯', 5], ['韩国', 6], ['日本', 5], ['新加坡', 5], ['马来西亚', 4], ['泰国', 2], ['意大利', 2], ['巴西', 1],
];

export function foreignName(rng: Rng, nationality: string): string {
  const pool = foreignNames[nationality] ?? foreignNames['美国']!;
  return `${rng.pick(pool.given)} ${rng.pick(pool.family)}`;
}
