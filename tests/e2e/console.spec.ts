// The console on a program that prints a hundred thousand lines: only the lines in view are
// in the DOM, the right ones after a seek and after scrolling, each saying its place in the
// whole output; a short console still draws every line (the browser's find covers it); the
// newest line printed by the shown event is in view.
import { test, expect, type Locator } from '@playwright/test';
import { focusPage, openApp, setProgram, watchProblems } from './helpers';

const LINES = 100_000;

/** Lines in the DOM beyond which the console is not virtualized (a screenful and a few more). */
const MOST_LINES = 80;

async function scrollTo(scroller: Locator, fraction: number): Promise<void> {
  await scroller.evaluate((element, fraction) => {
    element.scrollTop = (element.scrollHeight - element.clientHeight) * fraction;
  }, fraction);
}

test('a hundred thousand printed lines draw only the lines in view', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openApp(page);
  await setProgram(page, `for i in range(${LINES}):\n    print("line", i)\n`);
  await expect(page.locator('.run-status').first()).toHaveText(/^finished/);
  await focusPage(page);
  await page.keyboard.press('End');
  const console = page.locator('.console');
  const lines = console.locator('li');
  await expect(page.locator('#console-title .count')).toHaveText(`${LINES} lines`);
  await expect(console).toHaveClass(/windowed/);
  // At the last event the newest line is in view, as in a terminal.
  await expect(lines.last()).toContainText(`line ${LINES - 1}`);
  await expect(lines.last()).toBeInViewport();
  expect(await lines.count()).toBeLessThan(MOST_LINES);
  await expect(lines.first()).toHaveAttribute('aria-setsize', String(LINES));

  await scrollTo(console, 1);
  await expect(lines.last()).toHaveAttribute('aria-posinset', String(LINES));
  await expect(lines.last()).toContainText(`line ${LINES - 1}`);
  expect(await lines.count()).toBeLessThan(MOST_LINES);

  await scrollTo(console, 0.5);
  const middle = lines.nth(10);
  const place = Number(await middle.getAttribute('aria-posinset'));
  expect(place).toBeGreaterThan(LINES * 0.45);
  expect(place).toBeLessThan(LINES * 0.55);
  await expect(middle).toContainText(`line ${place - 1}`);

  // Clicking a line seeks to the event that printed it; the console then ends there.
  await middle.locator('button').click();
  await expect(page.locator('#console-title .count')).toHaveText(`${place} lines`);
  expect(await lines.count()).toBeLessThan(MOST_LINES);
  await scrollTo(console, 1);
  await expect(lines.last()).toContainText(`line ${place - 1}`);
  await expect(lines.last().locator('.console-line')).toHaveClass(/latest/);
  expect(problems).toEqual([]);
});

test('a short console draws every line, wrapped', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openApp(page);
  await setProgram(page, 'for i in range(300):\n    print("line", i, "x" * 300)\n');
  await focusPage(page);
  await page.keyboard.press('End');
  const console = page.locator('.console');
  await expect(console.locator('li')).toHaveCount(300);
  await expect(console).not.toHaveClass(/windowed/);
  await expect(console.locator('li').last()).toBeInViewport();
  // Stepping back brings the line that event printed into view.
  await page.keyboard.press('Home');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
  const shown = Number((await page.locator('#console-title .count').textContent())!.split(' ')[0]);
  expect(shown).toBeGreaterThan(0);
  await expect(console.locator('li').last()).toContainText(`line ${shown - 1}`);
  await expect(console.locator('li').last()).toBeInViewport();
  expect(problems).toEqual([]);
});
