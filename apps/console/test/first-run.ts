import type { Page } from 'playwright-core';

/** A street of its own as the 建立本单位 form takes it. */
export interface StreetSetup {
  district?: string;
  street: string;
  communities: readonly string[];
  committees?: readonly string[];
  departments?: readonly string[];
  ledgerFrom?: string;
  adminEmail: string;
  adminPassword: string;
}

/**
 * From an empty profile: the sign-in page's first-run choice, 建立本单位, the form filled and sent;
 * returns on the sign-in page once the console says the unit is set up. Reusable by every
 * scenario that starts from a street of its own (members, local accounts …).
 */
export async function setUpStreet(page: Page, baseUrl: string, s: StreetSetup): Promise<void> {
  await page.goto(`${baseUrl}login`);
  await page.getByTestId('first-run').waitFor();
  await page.getByRole('button', { name: '建立本单位' }).click();
  await page.getByTestId('setup-page').waitFor();
  if (s.district) await page.getByLabel('所属区（可不填）').fill(s.district);
  await page.getByLabel('本单位名称').fill(s.street);
  await page.getByLabel('社区或村（每行一个）').fill(s.communities.join('\n'));
  if (s.committees) await page.getByLabel('人民调解委员会（每行一个）').fill(s.committees.join('\n'));
  if (s.departments) await page.getByLabel('部门（每行一个）').fill(s.departments.join('\n'));
  if (s.ledgerFrom) await page.getByLabel('建账起始日').fill(s.ledgerFrom);
  await page.getByLabel('首位管理员邮箱').fill(s.adminEmail);
  await page.getByLabel('首位管理员密码（至少 8 位）').fill(s.adminPassword);
  await page.getByLabel('再次输入密码').fill(s.adminPassword);
  await page.getByRole('button', { name: /建立本单位/ }).last().click();
  await page.waitForURL(/\/login\?setup=1/, { timeout: 120_000 });
  await page.getByText('已建立本单位，请用管理员账号登录').waitFor();
}

/** Signs in with any account through the sign-in page and waits for the console's menu. */
export async function signInWith(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  if (!/\/login/.test(page.url())) await page.goto(`${baseUrl}login`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('user-menu').waitFor();
}
