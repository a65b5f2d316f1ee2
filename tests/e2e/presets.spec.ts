// Every example in the Examples dialog runs to the end without an error, and the dialog
// shows what each one is about.
import { test, expect } from '@playwright/test';
import { openApp, openExample, watchProblems } from './helpers';

test('every preset runs without error', async ({ page }) => {
  // Twenty-four runs and their panels: a loaded machine needs more than the default time.
  test.slow();
  const problems = watchProblems(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const picks = page.locator('dialog button.pick');
  const files = await picks.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-file') ?? ''));
  expect(files.length).toBeGreaterThanOrEqual(24);
  // Each choice names the example and says what it shows.
  await expect(picks.first().locator('strong')).not.toBeEmpty();
  await expect(picks.first().locator('.pick-detail')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Close' }).click();
  for (const file of files) {
    await openExample(page, file);
    await expect(page.locator('.run-status').first(), file).toHaveText('finished');
    await expect(page.locator('.problem'), file).toHaveCount(0);
    await expect(page.locator('.code-input'), file).toHaveValue(/\S/);
  }
  expect(problems).toEqual([]);
});
