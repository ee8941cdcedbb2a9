/** Steps in the browser shared by the specs. */
import type { Page } from 'playwright-core';

/** Signs in through the login page. */
export async function signInInUi(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** Does the forced first password change on the 修改密码 page and waits for the app shell. */
export async function changePasswordInUi(page: Page, currentPassword: string, newPassword: string): Promise<void> {
  await page.waitForURL('**/change-password');
  await page.getByLabel('当前密码').fill(currentPassword);
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Opens a page from the side navigation. */
export async function openNav(page: Page, label: string): Promise<void> {
  // The accessible name starts with the icon's label ("team 教师"); match the whole text after it.
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${escaped}$`) }).click();
}
