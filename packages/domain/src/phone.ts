/**
 * Phone numbers as ledgers write them: a mainland mobile number (optionally with +86), or a
 * landline with its area code and a hyphen, optionally with an extension (020-12345678-123).
 * The patterns are plain POSIX-compatible regular expressions: the database uses the same text.
 */
export const mobilePattern = '^(\\+86[ -]?)?1[3-9][0-9]{9}$';
export const landlinePattern = '^0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(-[0-9]{1,6})?$';

export const phoneReason = '不是有效的电话号码：应为手机号（如 13812345678）或带区号的固定电话（如 020-12345678）';

const mobile = new RegExp(mobilePattern);
const landline = new RegExp(landlinePattern);

export function isPhoneNumber(text: string): boolean {
  return mobile.test(text) || landline.test(text);
}
