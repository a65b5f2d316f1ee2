// Every example in the presets menu runs to the end without an error.
import { test, expect } from '@playwright/test';
import { openApp, watchProblems } from './helpers';

test('every preset runs without error', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  const menu = page.getByRole('combobox', { name: 'Example program' });
  const files = await menu.locator('option').evaluateAll((options) =>
    options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== ''),
  );
  expect(files.length).toBeGreaterThanOrEqual(19);
  for (const file of files) {
    await menu.selectOption(file);
    await expect(page.locator('.run-status').first(), file).toHaveText('finished');
    await expect(page.locator('.problem'), file).toHaveCount(0);
    await expect(page.locator('.code-input'), file).toHaveValue(/\S/);
  }
  expect(problems).toEqual([]);
});
