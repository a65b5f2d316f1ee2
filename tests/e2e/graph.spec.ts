// The live task graph follows the playhead: the gather example's main awaits gather(),
// which waits for its three children; a deadlock's circle of waits is drawn in red. The
// graph is drawn on a canvas; its boxes and arrows are also listed in words (for screen
// readers), which is what most checks read.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { focusPage, openApp, openExample, screenshot, watchProblems } from './helpers';

/** The gather example at its first event. */
async function gatherAtStart(page: Page): Promise<void> {
  await openApp(page);
  await openExample(page, '07_gather.py');
  await focusPage(page);
  await page.keyboard.press('Home');
}

const boxes = (page: Page) => page.locator('.graph-boxes li');
const arrows = (page: Page) => page.locator('.graph-arrows li');

/** The canvas pixel at (x, y) CSS pixels from its top left corner, as [r, g, b, a]. */
function pixel(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(([x, y]) => {
    const canvas = document.querySelector('canvas.task-graph') as HTMLCanvasElement;
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const data = canvas.getContext('2d')!.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
    return [...data];
  }, [x, y]);
}

test('the gather example: main awaits gather(), which waits for each child', async ({ page }) => {
  const problems = watchProblems(page);
  await gatherAtStart(page);
  // The first event creates main's task: it is ready, nothing else exists yet.
  await expect(boxes(page)).toHaveCount(1);
  await expect(page.locator('.graph-boxes li.ready')).toHaveText(/^Task-1, ready: /);
  // The first clock advance: every child sleeps, main waits on the gather future.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(boxes(page)).toHaveCount(5);
  await expect(page.locator('.graph-boxes li.pending', { hasText: 'gather()' })).toHaveCount(1);
  await expect(page.locator('.graph-arrows li.follows')).toHaveCount(3);
  await expect(page.locator('.graph-arrows li.awaits')).toHaveCount(1);
  await expect(page.locator('.graph-arrows li.awaits')).toHaveText(/^Task-1 .*gather\(\)$/);
  await expect(page.locator('.graph-boxes li.waiting')).toHaveCount(4);
  await screenshot(page, 'graph-gather');
  // At the end every task is done and the gather future is gone with main's wait.
  await page.keyboard.press('End');
  await expect(page.locator('.graph-boxes li.done')).toHaveCount(4);
  await expect(page.locator('.graph-arrows li.follows')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the canvas shows each box where the pointer finds it, and its tooltip says what it is', async ({ page }) => {
  const problems = watchProblems(page);
  await gatherAtStart(page);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(boxes(page)).toHaveCount(5);
  const canvas = page.locator('canvas.task-graph');
  // main's task is the first box (column 0, row 0: 8 px margin, 132 x 38 px): painted inside,
  // nothing painted beside it.
  await expect.poll(() => pixel(page, 8 + 120, 8 + 33).then((p) => p[3])).toBe(255);
  expect((await pixel(page, 4, 60))[3]).toBe(0);
  await canvas.hover({ position: { x: 8 + 60, y: 8 + 19 } });
  await expect(canvas).toHaveAttribute('title', /^Task-1: /);
  await canvas.hover({ position: { x: 4, y: 4 } });
  await expect(canvas).toHaveAttribute('title', '');
  // Back at the first event the picture and its words are what the first event shows.
  await page.keyboard.press('Home');
  await expect(boxes(page)).toHaveCount(1);
  await expect(arrows(page)).toHaveCount(0);
  await expect(page.locator('.graph-boxes li.ready')).toHaveText(/^Task-1, ready: /);
  const size = await canvas.boundingBox();
  expect(Math.round(size?.height ?? 0)).toBe(8 * 2 + 38);
  expect(problems).toEqual([]);
});

test('a deadlock: two tasks holding the lock the other wants, in red', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  const program = readFileSync(join(__dirname, '../../crates/viewmodel/tests/graphs/deadlock_locks.py'), 'utf8');
  await page.getByRole('textbox', { name: 'Python program' }).fill(program);
  await expect(page.locator('.run-status').first()).toContainText('deadlock');
  await focusPage(page);
  await page.keyboard.press('End');
  await expect(page.locator('.graph-cycle')).toHaveText('Deadlock: Task-2 → Task-3 wait for each other in a circle.');
  await expect(page.locator('.graph-boxes li.cycle')).toHaveCount(4);
  await expect(page.locator('.graph-arrows li.cycle')).toHaveCount(4);
  await expect(page.locator('.graph-arrows li.cycle').first()).toHaveText(/\(in the deadlock\)$/);
  await screenshot(page, 'graph-deadlock');
  expect(problems).toEqual([]);
});

test('a step rewrites only the lines whose words changed', async ({ page }) => {
  const problems = watchProblems(page);
  await gatherAtStart(page);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(boxes(page)).toHaveCount(5);
  const lines = '.graph-boxes li, .graph-arrows li';
  await page.evaluate((lines) => {
    const drawn = new Map([...document.querySelectorAll(lines)].map((element) => [element, element.outerHTML]));
    Object.assign(window, { drawn });
  }, lines);
  const before = await page.locator('.graph-boxes').innerHTML();
  // On until the first child wakes: its line changes, the others stay as they were.
  for (let step = 0; step < 10 && (await page.locator('.graph-boxes').innerHTML()) === before; step++) {
    await page.keyboard.press('ArrowRight');
  }
  const kept = await page.evaluate((lines) => {
    const drawn = (window as unknown as { drawn: Map<Element, string> }).drawn;
    const elements = [...document.querySelectorAll(lines)];
    return {
      same: elements.filter((element) => drawn.get(element) === element.outerHTML).length,
      changed: elements.filter((element) => drawn.get(element) !== element.outerHTML).length,
      created: elements.filter((element) => !drawn.has(element)).length,
    };
  }, lines);
  expect(kept.same).toBeGreaterThan(0);
  expect(kept.changed).toBeGreaterThan(0);
  expect(kept.created).toBe(0);
  expect(problems).toEqual([]);
});

test('arrows kept from the last picture are the arrows a fresh picture paints', async ({ page, context }) => {
  const problems = watchProblems(page);
  await gatherAtStart(page);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(boxes(page)).toHaveCount(5);
  const words = (on: Page, list: string) => on.locator(list).evaluate((ul) => ul.textContent ?? '');
  const picture = (on: Page) => on.evaluate(() => (document.querySelector('canvas.task-graph') as HTMLCanvasElement).toDataURL());
  // On to an event whose boxes changed and whose arrows did not: the canvas copies the
  // arrows it painted for the event before.
  let found = false;
  for (let step = 0; step < 20 && !found; step++) {
    const [arrowsBefore, boxesBefore] = [await words(page, '.graph-arrows'), await words(page, '.graph-boxes')];
    await page.keyboard.press('ArrowRight');
    const [arrowsNow, boxesNow] = [await words(page, '.graph-arrows'), await words(page, '.graph-boxes')];
    found = arrowsNow !== '' && arrowsNow === arrowsBefore && boxesNow !== boxesBefore;
  }
  expect(found).toBe(true);
  const kept = await picture(page);
  const event = await page.locator('input.scrub').inputValue();
  const arrowsThere = await words(page, '.graph-arrows');
  // The last event has other arrows: painted again.
  await page.keyboard.press('End');
  await expect.poll(() => words(page, '.graph-arrows')).not.toBe(arrowsThere);
  await expect.poll(() => words(page, '.graph-arrows')).not.toBe('');
  const atEnd = await picture(page);
  // A second page paints both events with nothing kept from before: the same pictures.
  const fresh = await context.newPage();
  await gatherAtStart(fresh);
  await fresh.keyboard.press('End');
  await expect.poll(() => words(fresh, '.graph-arrows')).toBe(await words(page, '.graph-arrows'));
  await expect.poll(() => picture(fresh)).toBe(atEnd);
  await fresh.locator('input.scrub').fill(event);
  await expect.poll(() => words(fresh, '.graph-arrows')).toBe(arrowsThere);
  await expect.poll(() => picture(fresh)).toBe(kept);
  expect(problems).toEqual([]);
});
