// Stepping through the gather example: the ready queue, the timer heap and the console at
// known moments, then back in time to an earlier state. Seeking never re-runs the program.
import { test, expect } from '@playwright/test';
import { focusPage, openApp, openExample, panel, screenshot, watchProblems } from './helpers';

test('step the gather example forward and back', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openApp(page);
  await openExample(page, '07_gather.py');
  await focusPage(page);

  const timers = panel(page, 'timers-title').locator('li');
  const ready = panel(page, 'ready-title').locator('li');
  const consoleLines = page.locator('.console li');
  const clock = page.locator('.now-running .clock');

  // The first event: nothing scheduled yet, nothing printed.
  await page.keyboard.press('Home');
  await expect(page.locator('.event-label')).toHaveText(/^event 1 of \d+$/);
  await expect(clock).toHaveText('t = 0s');
  await expect(timers).toHaveCount(0);
  await expect(consoleLines).toHaveCount(0);

  // The first clock advance: the loop jumps to t=1, where the earliest of three sleeps is due.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(clock).toHaveText('t = 1s');
  await expect(timers).toHaveCount(3);
  await expect(timers.nth(0)).toContainText('in 0s');
  await expect(timers.nth(0)).toContainText('Task-3');
  await expect(timers.nth(1)).toContainText('in 1s');
  await expect(timers.nth(2)).toContainText('in 2s');

  // Next event: the due timer moves to the ready queue.
  await page.keyboard.press('ArrowRight');
  await expect(ready).toHaveCount(1);
  await expect(ready.nth(0)).toContainText('Task-3');
  await expect(ready.nth(0)).toHaveClass(/head/);
  await expect(timers).toHaveCount(2);
  await screenshot(page, 'gather-t1');

  // Step back twice: before the clock advance, at t=0 with all three timers pending.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(clock).toHaveText('t = 0s');
  await expect(ready).toHaveCount(0);
  await expect(timers).toHaveCount(3);
  await expect(timers.nth(0)).toContainText('in 1s');
  await expect(timers.nth(2)).toContainText('in 3s');

  // The end: every result printed, stamped with virtual time.
  await page.keyboard.press('End');
  await expect(consoleLines).toHaveCount(4);
  await expect(consoleLines.nth(0)).toContainText('addition: 30');
  await expect(consoleLines.nth(1)).toContainText('multiplication: 200');
  await expect(consoleLines.nth(2)).toContainText('division: 0.5');
  await expect(consoleLines.nth(0).locator('.stamp')).toHaveText('3s');
  await expect(page.locator('.tasks-table tbody tr')).not.toHaveCount(0);
  await screenshot(page, 'gather-end');

  // Clicking a console line seeks to the event that printed it.
  await consoleLines.nth(0).getByRole('button').click();
  await expect(consoleLines).toHaveCount(1);

  // Home again: the console is empty; the program was not re-run (same event count).
  const label = await page.locator('.event-label').textContent();
  await focusPage(page);
  await page.keyboard.press('Home');
  await expect(consoleLines).toHaveCount(0);
  const total = label?.split(' of ')[1];
  await expect(page.locator('.event-label')).toHaveText(`event 1 of ${total}`);

  // Play runs forward on its own.
  await page.keyboard.press(' ');
  await expect(page.locator('.event-label')).not.toHaveText(`event 1 of ${total}`);
  await page.keyboard.press(' ');

  // The help dialog opens with '?'.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeHidden();
  expect(problems).toEqual([]);
});
