// Smoke test: the release build loads under its Content-Security-Policy, the wasm app
// mounts, and nothing complains in the console.
import { test, expect } from '@playwright/test';
import { join } from 'node:path';

test('the page loads, mounts the app and logs no errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));

  await page.goto('/');

  await expect(page).toHaveTitle('Loopscope');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  // The body is empty until the wasm app mounts, so this proves the app ran.
  await expect(page.getByRole('heading', { level: 1, name: 'Loopscope' })).toBeVisible();
  await expect(page.getByText('The visualizer is coming.')).toBeVisible();

  await page.screenshot({ path: join(__dirname, 'artifacts', 'screenshots', 'smoke.png') });
  expect(problems).toEqual([]);
});
