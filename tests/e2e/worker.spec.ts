// The engine runs in a Web Worker: a slow program never freezes the page, shows live
// progress and can be stopped (what it recorded stays), an edit replaces the run under way,
// the event limit is a setting, an engine failure keeps what was recorded, and a program
// that was stopped or crashed is not run again by itself on the next load.
import { test, expect, type Page } from '@playwright/test';
import { focusPage, openApp, runSettled, watchProblems } from './helpers';

// Prints as it goes, then computes for a long time between prints (about a minute in all).
const SLOW = [
  'import asyncio',
  '',
  '',
  'async def crunch(name):',
  '    for round in range(100):',
  '        total = 0',
  '        for i in range(1_000_000):',
  '            total += i',
  '        print(name, round)',
  '        await asyncio.sleep(0)',
  '',
  '',
  'async def main():',
  '    await asyncio.gather(crunch("a"), crunch("b"), crunch("c"))',
  '',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

const QUICK = 'print("quick one")\n';

// The engine worker's script, worker-HASH.js (xtask/hash-engine.mjs names it after its content).
const WORKER_SCRIPT = /\/worker-[0-9a-f]{16}\.js$/;

async function type(page: Page, program: string) {
  await page.getByRole('textbox', { name: 'Python program' }).fill(program);
}

// Each test races a CPU-bound program in the worker against the page: on a machine shared
// by many builds that outgrows the default 30 s.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
});

test('a slow program runs in the background, shows progress, and Stop keeps what it recorded', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await type(page, SLOW);
  const status = page.locator('.run-status').first();
  await expect(status).toHaveText(/^running… [\d,]+ events · t = [\d.]+s · [\d.]+ (k|M) instructions$/);
  const stop = page.getByRole('button', { name: '■ Stop' });
  await expect(stop).toBeVisible();
  // The counts move while the page stays responsive: the seed field takes typing.
  const first = await status.textContent();
  await expect(status).not.toHaveText(first ?? '');
  await expect(page.locator('.console')).toHaveCount(1);
  const seed = page.getByRole('spinbutton', { name: 'Seed' });
  await seed.fill('12');
  await expect(seed).toHaveValue('12');
  await expect(status).toHaveText(/^running…/);
  await seed.fill('0');
  // Wait for a few rounds to be recorded, then stop.
  await expect.poll(async () => Number((await status.textContent())?.match(/running… ([\d,]+)/)?.[1].replace(/,/g, '') ?? 0), { timeout: 30_000 }).toBeGreaterThan(20);
  await stop.click();
  await expect(status).toHaveText(/^stopped by you after [\d,]+ events: showing what was recorded$/);
  await expect(stop).toHaveCount(0);
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(page.locator('.console li').first()).toContainText('a 0');
  await expect(page.locator('.event-label')).not.toHaveText(/of 1$/);
  expect(problems).toEqual([]);

  // Reloading does not run it again by itself; a button does.
  await page.reload();
  await expect(page.locator('.controls')).toBeVisible();
  await expect(status).toHaveText("You stopped this program's last run, so it was not run again.");
  await expect(page.getByRole('textbox', { name: 'Python program' })).toHaveValue(SLOW);
  await page.getByRole('button', { name: 'Run it anyway' }).click();
  await expect(status).toHaveText(/^running…/);
  await page.getByRole('button', { name: '■ Stop' }).click();
  await runSettled(page);
});

test('reloading while a slow draft runs shows the page at once, and does not run it again', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await type(page, SLOW);
  const status = page.locator('.run-status').first();
  await expect(status).toHaveText(/^running…/);
  // Long enough to count as a slow run (the guard marks it after 1.5 s).
  await page.waitForTimeout(2500);
  const started = Date.now();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Python program' })).toHaveValue(SLOW);
  await expect(status).toHaveText('This program was still running when the page was closed last time, so it was not run again.');
  expect(Date.now() - started).toBeLessThan(5000);
  await expect(page.getByRole('button', { name: 'Run it anyway' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('an edit during a run abandons it and runs the new program', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await type(page, SLOW);
  const status = page.locator('.run-status').first();
  await expect(status).toHaveText(/^running…/);
  await type(page, QUICK);
  await expect(status).toHaveText('finished');
  await expect(page.locator('.console')).toContainText('quick one');
  // A slow run that was abandoned for an edit holds nothing back at the next load.
  await page.reload();
  await runSettled(page);
  await expect(status).toHaveText('finished');
  expect(problems).toEqual([]);
});

test('the event limit is a setting, and a run that hits it offers to raise it', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await page.getByRole('button', { name: '⚙ Settings' }).click();
  const limit = page.getByRole('combobox', { name: 'Event limit' });
  await expect(limit).toHaveValue('200000');
  await expect(limit.locator('option:checked')).toHaveText('200,000 (≈ 30 MB)');
  await limit.selectOption('100000');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  await type(page, 'import asyncio\n\nasync def spin():\n    for i in range(40_000):\n        await asyncio.sleep(0)\n    print("done spinning")\n\nasyncio.run(spin())\n');
  const status = page.locator('.run-status').first();
  await expect(status).toHaveText(/event limit reached: the program produced more than 100000 loop events/, { timeout: 20_000 });
  await page.getByRole('button', { name: /^Raise the limit to 200,000 events/ }).click();
  await expect(status).toHaveText('finished', { timeout: 20_000 });
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(page.locator('.console')).toContainText('done spinning');
  // Remembered.
  await page.reload();
  await page.getByRole('button', { name: '⚙ Settings' }).click();
  await expect(page.getByRole('combobox', { name: 'Event limit' })).toHaveValue('200000');
  expect(problems).toEqual([]);
});

test('an engine that fails mid-run leaves what it recorded, a message, and a live page', async ({ page }) => {
  const problems = watchProblems(page);
  // Fault injection: the worker's clock throws after a while, in the middle of a run, and
  // unwinds the engine the way a trap does (the engine's progress hook reads that clock).
  await page.route(WORKER_SCRIPT, async (route) => {
    const response = await route.fetch();
    const faulty = `const realNow = Date.now; let calls = 0;
Date.now = () => { if (++calls > 150) throw new WebAssembly.RuntimeError('unreachable'); return realNow(); };
${await response.text()}`;
    await route.fulfill({ response, body: faulty });
  });
  await openApp(page);
  await type(page, SLOW);
  const status = page.locator('.run-status').first();
  await expect(status).toHaveText(/^the engine failed after [\d,]+ events \(an internal error\): showing what it recorded$/, { timeout: 30_000 });
  await expect(page.locator('#fatal-error')).toHaveCount(0);
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(page.locator('.console li').first()).toContainText('a 0');
  // The page carries on: another program runs, on a fresh worker.
  await type(page, QUICK);
  await expect(status).toHaveText('finished');
  await expect(page.locator('.console')).toContainText('quick one');
  // The failing program again, then a reload: it is held back, with a button to run it.
  await type(page, SLOW);
  await expect(status).toHaveText(/^the engine failed after/, { timeout: 30_000 });
  await page.unroute(WORKER_SCRIPT);
  await page.reload();
  await expect(page.locator('.controls')).toBeVisible();
  await expect(status).toHaveText('The engine failed while running this program last time, so it was not run again.');
  await page.getByRole('button', { name: 'Run it anyway' }).click();
  await expect(status).toHaveText(/^running…/);
  await page.getByRole('button', { name: '■ Stop' }).click();
  await runSettled(page);
  expect(problems).toEqual([]);
});
