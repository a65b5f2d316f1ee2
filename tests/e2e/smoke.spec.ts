// Smoke test: the release build loads under its Content-Security-Policy, the wasm app
// mounts, runs the default example, and nothing complains in the console, not even a warning.
import { test, expect } from '@playwright/test';
import { focusPage, openApp, screenshot, setProgram, watchProblems } from './helpers';

test('the page loads, mounts the app and logs no errors or warnings', async ({ page }) => {
  const problems = watchProblems(page);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await openApp(page);

  await expect(page).toHaveTitle('Loopscope');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Loopscope' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Python program' })).toHaveValue(/asyncio\.gather/);
  await expect(page.locator('.run-status').first()).toHaveText('finished');
  await expect(page.locator('.timeline-overlay')).toBeVisible();

  await screenshot(page, 'smoke');
  expect(problems).toEqual([]);
  expect(warnings).toEqual([]);
});

test('on a narrow screen the panels stack and the playback bar stays on screen', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 420, height: 800 });
  await openApp(page);
  const bar = page.getByRole('group', { name: 'Playback' });
  const onScreen = async () => {
    const box = await bar.boundingBox();
    return box !== null && box.y >= 0 && box.y + box.height <= 800;
  };
  // Far down the page, below the editor and the loop panels, yet pinned to the bottom.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(1600);
  expect(await onScreen()).toBe(true);
  await page.mouse.wheel(0, 700);
  await expect.poll(onScreen).toBe(true);
  // Stacked panels keep their height: the console is a readable box, not a sliver.
  const console = await page.locator('.console-panel').boundingBox();
  expect(console?.height ?? 0).toBeGreaterThan(200);
  await bar.getByRole('button', { name: /Play/ }).click();
  await expect(bar.getByRole('button', { name: /Pause/ })).toBeVisible();
  await screenshot(page, 'narrow');
  expect(problems).toEqual([]);
});

test('many tasks in the task graph leave the console readable', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await setProgram(
    page,
    'import asyncio\n\nasync def job(i):\n    await asyncio.sleep(i)\n    print("job", i)\n\n' +
      'async def main():\n    await asyncio.gather(*(job(i) for i in range(8)))\n\nasyncio.run(main())\n',
  );
  await expect(page.locator('.run-status').first()).toHaveText('finished');
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(page.locator('.graph-boxes li')).toHaveCount(9);
  const console = await page.locator('.console-panel').boundingBox();
  expect(console?.height ?? 0).toBeGreaterThanOrEqual(180);
  await expect(page.locator('.console li').last()).toContainText('job 7');
  await expect(page.locator('.console li').last()).toBeInViewport();
  expect(problems).toEqual([]);
});
