// Embed mode: minimal chrome, only the panels asked for, the requested event and theme.
import { test, expect } from '@playwright/test';
import { openApp, screenshot, watchProblems } from './helpers';

test('embed mode shows only the chosen panels', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page, '/?embed=1&panels=ready,timers,console,timeline&event=30&theme=dark');
  await expect(page.locator('.embed-bar')).toBeVisible();
  await expect(page.locator('.topbar')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Python program' })).toHaveCount(0);
  await expect(page.locator('section[aria-labelledby="ready-title"]')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="timers-title"]')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="tasks-title"]')).toHaveCount(0);
  await expect(page.locator('.timeline-overlay')).toBeVisible();
  await expect(page.locator('.event-label')).toHaveText(/^event 31 of/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'embed');
  expect(problems).toEqual([]);
});

test('the Embed dialog writes an iframe snippet that opens in embed mode', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  const snippet = page.locator('#embed-snippet');
  await expect(snippet).toHaveValue(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;panels=/);
  const value = await snippet.inputValue();
  const src = value.match(/src="([^"]+)"/)![1].replaceAll('&amp;', '&');
  await page.getByRole('button', { name: 'Close' }).click();
  await openApp(page, src);
  await expect(page.locator('.embed-bar')).toBeVisible();
  expect(problems).toEqual([]);
});

test('autoplay plays on its own', async ({ page }) => {
  await openApp(page, '/?embed=1&autoplay=1&speed=32');
  await expect(page.locator('.event-label')).not.toHaveText(/^event 1 of/);
});
