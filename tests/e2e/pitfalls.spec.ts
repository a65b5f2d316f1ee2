// Pitfalls: each recorded program of crates/viewmodel/tests/pitfalls/ shows its pitfall in
// the Pitfalls panel; its button seeks to the event, where the narration says it.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, openExample, screenshot, watchProblems } from './helpers';

const PROGRAMS = join(__dirname, '../../crates/viewmodel/tests/pitfalls');

const CASES = [
  { file: 'blocking_call.py', kind: 'blocking call', words: 'time.sleep(2) at line 11 blocked the loop for 2 s; Task-3 and Task-4 were ready and waited.' },
  { file: 'never_awaited.py', kind: 'never awaited', words: 'send_report() at line 11 was called without await' },
  { file: 'exception_never_retrieved.py', kind: 'exception never retrieved', words: 'Task-2 raised ValueError' },
  { file: 'task_dropped.py', kind: 'task dropped', words: 'Task-2 was created at line 12 (and 2 more tasks created there)' },
  { file: 'queue_grows.py', kind: 'queue only grows', words: '12 items put, 2 taken, 10 still in it at the end' },
  { file: 'deadlock_event.py', kind: 'deadlock', words: 'Task-1 waits for Event.wait on Event' },
  { file: 'deadlock_lock_twice.py', kind: 'deadlock', words: 'which it holds itself' },
] as const;

test('each pitfall is found, seeks to its event and is narrated there', async ({ page }) => {
  test.slow();
  const problems = watchProblems(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openApp(page);
  const editor = page.getByRole('textbox', { name: 'Python program' });
  for (const { file, kind, words } of CASES) {
    await editor.fill(readFileSync(join(PROGRAMS, file), 'utf8'));
    const pitfall = page.locator('.pitfall');
    await expect(pitfall, file).toHaveCount(1);
    await expect(pitfall.locator('.pitfall-kind'), file).toHaveText(kind);
    await expect(pitfall.locator('p'), file).toContainText(words);
    await pitfall.getByRole('button').click();
    await expect(pitfall, file).toHaveClass(/current/);
    await expect(page.locator('.pitfall-note'), file).toContainText(words);
    if (file === 'blocking_call.py') await screenshot(page, 'pitfall-blocking');
  }
  // A program without pitfalls says so.
  await openExample(page, '07_gather.py');
  await expect(page.locator('section[aria-labelledby="pitfalls-title"] .empty')).toHaveText('None found in this run.');
  expect(problems).toEqual([]);
});

test("a pitfall's diamond on the timeline says its sentence and seeks to it", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openApp(page);
  await page.getByRole('textbox', { name: 'Python program' }).fill(readFileSync(join(PROGRAMS, 'blocking_call.py'), 'utf8'));
  await expect(page.locator('.pitfall')).toHaveCount(1);
  // The canvas cannot be read: the SVG export (the same scene) says where the diamond is.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.timeline-toolbar').getByRole('button', { name: 'SVG' }).click(),
  ]);
  const svg = readFileSync((await download.path())!, 'utf8');
  const diamonds = [...svg.matchAll(/<polygon class="f-pitfall s-paper" points="([\d.]+),([\d.]+)/g)];
  expect(diamonds).toHaveLength(1);
  // The first corner is the top one, 5 px above the centre.
  const at = { x: Number(diamonds[0][1]), y: Number(diamonds[0][2]) + 5 };
  const chart = page.locator('.timeline-overlay');
  await chart.hover({ position: at });
  const tip = page.locator('.timeline-tooltip');
  await expect(tip.locator('strong')).toContainText('pitfall: blocking call');
  await expect(tip).toContainText('time.sleep(2) at line 11 blocked the loop for 2 s');
  await chart.click({ position: at });
  await expect(page.locator('.pitfall')).toHaveClass(/current/);
  await expect(page.locator('.pitfall-note')).toContainText('time.sleep(2) at line 11');
  expect(problems).toEqual([]);
});
