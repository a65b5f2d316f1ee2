// Copying: "Copied" when the Clipboard API works; where it is missing (a classroom server
// over plain http is not a secure context), the text is shown selected with how to copy it.
import { test, expect } from '@playwright/test';
import { openApp, watchProblems } from './helpers';

test('Copy link says it copied, and the clipboard holds the link', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.share-status')).toHaveText('Copied ✓ The link opens this program at this event.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  expect(copied).toMatch(/#v3\./);
  expect(problems).toEqual([]);
  await context.close();
});

test('over plain http from another machine, the link is offered to copy by hand', async ({ page, baseURL }) => {
  const problems = watchProblems(page);
  const port = new URL(baseURL!).port;
  await openApp(page, `http://classroom.test:${port}/`);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  expect(await page.evaluate(() => 'clipboard' in navigator)).toBe(false);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const byHand = page.getByRole('group', { name: 'Link to this program and event' });
  await expect(byHand).toBeVisible();
  await expect(byHand).toContainText('press Ctrl+C');
  const field = byHand.getByRole('textbox');
  await expect(field).toHaveValue(new RegExp(`^http://classroom\\.test:${port}/#v3\\.`));
  await expect(field).toBeFocused();
  // The whole link is selected, ready for Ctrl+C.
  expect(await field.evaluate((input: HTMLInputElement) => input.selectionEnd! - input.selectionStart!)).toBe((await field.inputValue()).length);
  await byHand.getByRole('button', { name: 'Done' }).click();
  await expect(byHand).toHaveCount(0);
  // The snippet too.
  await page.getByRole('button', { name: 'Embed' }).click();
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await expect(page.getByRole('group', { name: 'Snippet' })).toContainText('press Ctrl+C');
  expect(problems).toEqual([]);
});
