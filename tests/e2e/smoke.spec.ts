// Smoke test: the release build loads under its Content-Security-Policy, the wasm app
// mounts, runs the default example, and nothing complains in the console.
import { test, expect } from '@playwright/test';
import { openApp, screenshot, watchProblems } from './helpers';

test('the page loads, mounts the app and logs no errors', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);

  await expect(page).toHaveTitle('Loopscope');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Loopscope' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Python program' })).toHaveValue(/asyncio\.gather/);
  await expect(page.locator('.run-status').first()).toHaveText('finished');
  await expect(page.locator('.timeline-scroll svg')).toBeVisible();

  await screenshot(page, 'smoke');
  expect(problems).toEqual([]);
});
