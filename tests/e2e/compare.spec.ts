// Compare: the lesson preset puts the same four jobs awaited one by one, as tasks and with
// gather on one axis, with each run's total and printed lines; this program against an
// example; a composition against itself with another parameter.
import { test, expect } from '@playwright/test';
import { openApp, openExample, screenshot, watchProblems } from './helpers';

test('the lesson preset: one by one takes 10 s, tasks and gather 4 s', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('button', { name: 'Lesson: one by one vs tasks vs gather' }).click();
  const runs = page.locator('.compare-run');
  await expect(runs).toHaveCount(3);
  await expect(runs.locator('h3')).toHaveText([
    /Jobs awaited one by one\s*total 10s/,
    /Jobs as tasks\s*total 4s/,
    /Jobs with gather\s*total 4s/,
  ]);
  // When each line printed: one by one, resize finishes at 4 s; overlapped, at 1 s.
  await runs.nth(0).locator('summary').click();
  await expect(runs.nth(0).locator('.compare-console li').nth(3)).toHaveText('4s resize done after 1 s');
  await runs.nth(2).locator('summary').click();
  await expect(runs.nth(2).locator('.compare-console li', { hasText: 'resize done' })).toHaveText('1s resize done after 1 s');
  await expect(runs.nth(0).locator('.print-mark')).toHaveCount(9);
  await screenshot(page, 'compare-lesson');
  expect(problems).toEqual([]);
});

test('this program against an example, and a composition against other parameters', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await openExample(page, '02_async_sleep.py');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('combobox', { name: 'Compare with an example' }).selectOption('01_blocking_sleep.py');
  const runs = page.locator('.compare-run');
  await expect(runs).toHaveCount(2);
  await expect(runs.nth(0).locator('h3')).toContainText('This program');

  await page.getByRole('tab', { name: 'Compose' }).click();
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption('producer_consumer');
  await page.getByRole('button', { name: 'This composition with other parameters' }).click();
  await expect(runs).toHaveCount(2);
  await page.getByRole('spinbutton', { name: 'Other run: Consumers' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Other run: Consumers' }).press('Enter');
  await expect(runs.nth(0).locator('.total')).toHaveText('total 3.5s');
  await expect(runs.nth(1).locator('.total')).toHaveText('total 6.5s');
  expect(problems).toEqual([]);
});
