// Showing the why: the coroutine stack of the running task, every frame of its await chain
// with its line, the innermost marked in the editor, the narration naming it; any task can
// be selected to see where it waits, and T jumps to its next event.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { focusPage, openApp, panel, screenshot, setProgram, watchProblems } from './helpers';

// The conformance case whose task is three awaits deep.
const DEEP = readFileSync(join(__dirname, '../conformance/cases/await_chain_deep.py'), 'utf8');

test('the running task shows its whole await chain, innermost first', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await setProgram(page, DEEP);
  await focusPage(page);
  await page.keyboard.press('Home');
  // Step until the narration says the task resumes deep inside the chain.
  const narration = page.locator('.narration');
  for (let step = 0; step < 60; step++) {
    if ((await narration.textContent())?.includes('resumes fetch()')) break;
    await page.keyboard.press('ArrowRight');
  }
  await expect(narration).toHaveText('Task-1 resumes fetch() at line 6, awaited by parse() ← handle() ← main().');
  await expect(page.locator('.now-running .what')).toHaveText('Task-1 · resume fetch() at line 6');
  const stack = panel(page, 'stack-title');
  await expect(stack.locator('h2')).toContainText('Task-1 · running');
  const frames = stack.locator('li');
  await expect(frames).toHaveText([
    /^fetch\(\)\s*line 6\s*runs here$/,
    /^parse\(\)\s*line 11\s*awaits fetch\(\)$/,
    /^handle\(\)\s*line 15\s*awaits parse\(\)$/,
    /^main\(\)\s*line 20\s*awaits handle\(\)$/,
  ]);
  // The editor marks the innermost frame's line and the awaits above it.
  const top = (line: number) => `calc(var(--code-pad) + ${line - 1} * var(--code-line-height))`;
  await expect(page.locator('.line-bar-frame')).toHaveAttribute('style', new RegExp(`top: ${top(6).replace(/[()*+]/g, '\\$&')}`));
  await expect(page.locator('.line-bar-await')).toHaveCount(3);
  await screenshot(page, 'coroutine-stack');
  // The same step goes on to print in handle(): the chain is still where the task resumed,
  // and its innermost frame says where the task is now.
  await page.keyboard.press('ArrowRight');
  await expect(narration).toContainText('prints');
  await expect(frames.first()).toHaveText(/^fetch\(\)\s*line 6\s*ran from here, now at line 16$/);
  expect(problems).toEqual([]);
});

test('a selected task shows where it waits, and T jumps to its next event', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await setProgram(page, DEEP);
  await focusPage(page);
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  // The loop is waiting for the timer: nothing runs, the stack panel says how to look.
  const stack = panel(page, 'stack-title');
  await expect(stack).toContainText('Select a task in the Tasks panel');
  await page.locator('.tasks-table').getByRole('button', { name: 'Task-1' }).click();
  await expect(stack.locator('h2')).toContainText('Task-1 · selected');
  await expect(stack.locator('li').first()).toHaveText(/^fetch\(\)\s*line 6\s*stopped here$/);
  const before = await page.locator('.event-label').textContent();
  await page.keyboard.press('t');
  await expect(page.locator('.event-label')).not.toHaveText(before ?? '');
  await expect(page.locator('.narration')).toContainText('Task-1');
  expect(problems).toEqual([]);
});
