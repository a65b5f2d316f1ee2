// Errors stay visible and nothing is lost: a syntax error is marked on its line, a runtime
// error keeps the trace up to the failure, an endless loop stops at a limit, and the editor's
// text survives a reload.
import { test, expect } from '@playwright/test';
import { openApp, screenshot, watchProblems } from './helpers';

async function replaceProgram(page: import('@playwright/test').Page, text: string) {
  const editor = page.getByRole('textbox', { name: 'Python program' });
  await editor.fill(text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

test('a syntax error is marked on its line', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await replaceProgram(page, 'import asyncio\n\nasync def main():\n    x = (1 +\n\nasyncio.run(main())\n');
  await expect(page.locator('.gutter-error')).toHaveCount(1);
  await expect(page.locator('.problem')).toContainText('SyntaxError');
  await expect(page.locator('.run-status.failed')).toBeVisible();
  // As in CPython, a program that does not compile never starts: no "uncaught exception".
  await expect(page.locator('.run-status').first()).toContainText("could not start (Python checks the whole program before running any of it): SyntaxError: '(' was never closed");
  await screenshot(page, 'syntax-error');
  expect(problems).toEqual([]);
});

test('a SyntaxError raised while running stops the run instead', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await replaceProgram(page, 'print("started")\nraise SyntaxError("made at run time")\n');
  await expect(page.locator('.run-status').first()).toContainText('stopped by an uncaught exception: SyntaxError: made at run time');
  await expect(page.locator('.gutter-error')).toHaveText(/2/);
  expect(problems).toEqual([]);
});

test('a runtime error keeps the trace up to the failure', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await replaceProgram(
    page,
    'import asyncio\n\n\nasync def fetch():\n    await asyncio.sleep(1)\n    print("fetched")\n    raise ValueError("the server said no")\n\n\nasync def main():\n    await asyncio.gather(fetch())\n\n\nasyncio.run(main())\n',
  );
  await expect(page.locator('.problem')).toContainText('Line 7: ValueError: the server said no');
  await expect(page.locator('.gutter-error')).toHaveText(/7/);
  await page.keyboard.press('End');
  await expect(page.locator('.console')).toContainText('fetched');
  await expect(page.locator('.console')).toContainText('ValueError: the server said no');
  await screenshot(page, 'runtime-error');
  expect(problems).toEqual([]);
});

test('sys.exit and a failing unittest.main exit with their status, no error marked', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  // SystemExit is how a program chooses its exit status: not an uncaught exception.
  await replaceProgram(page, 'import sys\n\nprint("checked")\nsys.exit(1)\n');
  await expect(page.locator('.run-status').first()).toHaveText('exited with status 1');
  await expect(page.locator('.gutter-error')).toHaveCount(0);
  await expect(page.locator('.problem')).toHaveCount(0);
  await replaceProgram(
    page,
    'import unittest\n\n\nclass Sums(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(1 + 1, 3)\n\n\nunittest.main()\n',
  );
  await expect(page.locator('.run-status').first()).toHaveText('exited with status 1');
  await expect(page.locator('.gutter-error')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(page.locator('.console')).toContainText('FAILED (failures=1)');
  await replaceProgram(page, 'raise SystemExit("bye")\n');
  await expect(page.locator('.run-status').first()).toHaveText('exited with status 1');
  await expect(page.locator('.gutter-error')).toHaveCount(0);
  await replaceProgram(page, 'import sys\nsys.exit(0)\n');
  await expect(page.locator('.run-status').first()).toHaveText('exited with status 0');
  await expect(page.locator('.run-status.failed')).toHaveCount(0);
  // A real uncaught exception is still marked on the line that raised it.
  await replaceProgram(page, 'def check():\n    raise KeyError("k")\n\ncheck()\n');
  await expect(page.locator('.run-status').first()).toContainText("stopped by an uncaught exception: KeyError: 'k'");
  await expect(page.locator('.gutter-error')).toHaveText(/2/);
  expect(problems).toEqual([]);
});

test('an endless loop stops at a limit with a message', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await replaceProgram(page, 'import asyncio\n\n\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\n\n\nasyncio.run(spin())\n');
  await expect(page.locator('.run-status').first()).toContainText('stopped', { timeout: 30_000 });
  await expect(page.locator('.event-label')).not.toHaveText(/of 1$/);
  // A loop with no event loop at all is marked too: the trace says where the run was halted.
  await replaceProgram(page, 'total = 0\nwhile True:\n    total += 1\n');
  await expect(page.locator('.run-status').first()).toContainText('without yielding to the event loop', { timeout: 30_000 });
  await expect(page.locator('.gutter-error')).toHaveText(/[23]/);
  expect(problems).toEqual([]);
});

test('edits are autosaved and come back after a reload', async ({ page }) => {
  await openApp(page);
  const editor = page.getByRole('textbox', { name: 'Python program' });
  await editor.fill('print("kept across reloads")\n');
  await expect(page.locator('.console')).toContainText('kept across reloads');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Python program' })).toHaveValue('print("kept across reloads")\n');
  await page.evaluate(() => localStorage.clear());
});

test('the editor indents with Tab and after a colon', async ({ page }) => {
  await openApp(page);
  const editor = page.getByRole('textbox', { name: 'Python program' });
  await editor.fill('');
  await editor.click();
  await page.keyboard.type('if True:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('x = 1');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('y');
  await expect(editor).toHaveValue('if True:\n    x = 1\n    y');
  await page.evaluate(() => localStorage.clear());
});

test('the highlighted copy follows every edit, line for line', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  const editor = page.getByRole('textbox', { name: 'Python program' });
  // What the coloured layer shows, one entry per line, as the textarea would.
  const shown = () => page.locator('.code-highlight .code-line').evaluateAll(
    (lines) => lines.map((line) => line.textContent).join('\n'),
  );
  const edits = [
    'x = 1\nx = 1\n\nx = 1\n',                   // identical lines: keys must stay unique
    'y = 2\nx = 1\nx = 1\n\nx = 1\n',            // a line inserted at the top
    'y = 2\nx = 1\n\nx = 1\n',                   // a duplicate removed from the middle
    'y = 2\n"""\nx = 1\n\nx = 1\n',              // an open string re-colours what follows
    'y = 2\n"""\nx = 1\n"""\nx = 1\n',           // ... and closing it restores the rest
    '',
  ];
  for (const text of edits) {
    await editor.fill(text);
    await expect.poll(shown).toBe(text);
  }
  await editor.fill('y = 2\n"""\nx = 1\n"""\nx = 1\n');
  await expect(page.locator('.code-highlight .code-line').nth(2).locator('.tok-string')).toHaveText('x = 1');
  await expect(page.locator('.code-highlight .code-line').nth(4).locator('.tok-number')).toHaveText('1');
  expect(problems).toEqual([]);
  await page.evaluate(() => localStorage.clear());
});

test('a page whose app cannot load says so instead of staying blank', async ({ page }) => {
  // The wasm file only: boot.js's own URL carries the wasm's name in its query string.
  await page.route((url) => url.pathname.endsWith('.wasm'), (route) => route.abort());
  await page.goto('/');
  const banner = page.locator('#fatal-error');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('Loopscope could not start');
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test('an internal error in the app (a wasm trap) shows a banner, not a frozen page', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('#fatal-error')).toHaveCount(0);
  // What an aborting panic looks like from the page: an uncaught WebAssembly.RuntimeError.
  await page.evaluate(() => {
    setTimeout(() => {
      throw new WebAssembly.RuntimeError('unreachable');
    });
  });
  const banner = page.locator('#fatal-error');
  await expect(banner).toContainText('Loopscope hit an internal error and stopped');
  await expect(banner).toContainText('RuntimeError: unreachable');
  // An ordinary script error elsewhere on the page is not the app's failure.
  await page.reload();
  await expect(page.locator('.controls')).toBeVisible();
  await page.evaluate(() => {
    setTimeout(() => {
      throw new TypeError('someone else');
    });
  });
  await page.waitForTimeout(200);
  await expect(page.locator('#fatal-error')).toHaveCount(0);
});
