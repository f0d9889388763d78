/**
 * Resident ID numbers (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence, and a check character computed from the first 17 digits (ISO 7064 MOD 11-2).
 * Legacy 15-digit numbers (6 + YYMMDD of the 1900s + 3, no check character) are accepted only
 * where a field declares `legacyIdNumbers`.
 */

export const idNumberWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
export const idNumberCheckChars = '10X98765432';

/** Province-level codes (the first two digits of a region code). */
export const provinceCodes = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
] as const;

/** Why a number is refused; the texts are shared with the SQL the database checks with. */
export const idNumberReasons = {
  shape: '不是有效的身份证号：应为18位，前17位为数字，末位为数字或X',
  shapeOrLegacy: '不是有效的身份证号：应为18位（前17位为数字，末位为数字或X）或15位数字',
  region: '不是有效的身份证号：地区码无效',
  birthDate: '不是有效的身份证号：出生日期无效',
  birthTooEarly: '不是有效的身份证号：出生日期不能早于1900年',
  birthInFuture: '不是有效的身份证号：出生日期不能晚于今天',
  checksum: '不是有效的身份证号：校验码不正确',
} as const;

export type IdNumberReason = keyof typeof idNumberReasons;

/** The check character of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idNumberWeights[i]!;
  return idNumberCheckChars[sum % 11]!;
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Null when `text` is a valid ID number as of `today` (ISO date), else the reason. Checks, in
 * order: shape, region, birth year (from 1900), birth date (a real date, not after today), check
 * character.
 */
export function idNumberProblem(text: string, today: string, allowLegacy = false): IdNumberReason | null {
  let birth: string;
  if (/^\d{17}[\dX]$/.test(text)) birth = text.slice(6, 14);
  else if (allowLegacy && /^\d{15}$/.test(text)) birth = `19${text.slice(6, 12)}`;
  else return allowLegacy ? 'shapeOrLegacy' : 'shape';
  if (!(provinceCodes as readonly string[]).includes(text.slice(0, 2))) return 'region';
  const [y, m, d] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8))];
  if (y < 1900) return 'birthTooEarly';
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 'birthDate';
  if (`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}` > today) return 'birthInFuture';
  if (text.length === 18 && idNumberCheckChar(text) !== text[17]) return 'checksum';
  return null;
}
