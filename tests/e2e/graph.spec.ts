// The live task graph follows the playhead: the gather example's main awaits gather(),
// which waits for its three children; a deadlock's circle of waits is drawn in red.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { focusPage, openApp, openExample, screenshot, watchProblems } from './helpers';

/** The gather example at its first event; the graph's SVG. */
async function gatherAtStart(page: Page): Promise<Locator> {
  await openApp(page);
  await openExample(page, '07_gather.py');
  await focusPage(page);
  await page.keyboard.press('Home');
  return page.locator('.task-graph');
}

test('the gather example: main awaits gather(), which waits for each child', async ({ page }) => {
  const problems = watchProblems(page);
  const graph = await gatherAtStart(page);
  // The first event creates main's task: it is ready, nothing else exists yet.
  await expect(graph.locator('.node')).toHaveCount(1);
  await expect(graph.locator('.node.ready')).toContainText('Task-1');
  // The first clock advance: every child sleeps, main waits on the gather future.
  await page.keyboard.press('Shift+ArrowRight');
  await expect(graph.locator('.node')).toHaveCount(5);
  await expect(graph.locator('.node.pending', { hasText: 'gather()' })).toHaveCount(1);
  await expect(graph.locator('.edge.follows')).toHaveCount(3);
  await expect(graph.locator('.edge.awaits')).toHaveCount(1);
  await expect(graph.locator('.node.waiting')).toHaveCount(4);
  await screenshot(page, 'graph-gather');
  // At the end every task is done and the gather future is gone with main's wait.
  await page.keyboard.press('End');
  await expect(graph.locator('.node.done')).toHaveCount(4);
  await expect(graph.locator('.edge.follows')).toHaveCount(0);
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
  await expect(page.locator('.task-graph .node.cycle')).toHaveCount(4);
  await expect(page.locator('.task-graph .edge.cycle')).toHaveCount(4);
  await screenshot(page, 'graph-deadlock');
  expect(problems).toEqual([]);
});

test('a step rewrites only the boxes and arrows that changed', async ({ page }) => {
  const problems = watchProblems(page);
  const graph = await gatherAtStart(page);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(graph.locator('.node')).toHaveCount(5);
  // Mark every box and arrow as drawn now, with its markup.
  const parts = '.task-graph .node, .task-graph .edge';
  await page.evaluate((parts) => {
    const drawn = new Map([...document.querySelectorAll(parts)].map((element) => [element, element.outerHTML]));
    Object.assign(window, { drawn });
  }, parts);
  const before = await graph.innerHTML();
  // One event on: the first child to wake changes; the others do not.
  for (let step = 0; step < 10 && (await graph.innerHTML()) === before; step++) {
    await page.keyboard.press('ArrowRight');
  }
  const kept = await page.evaluate((parts) => {
    const drawn = (window as unknown as { drawn: Map<Element, string> }).drawn;
    const elements = [...document.querySelectorAll(parts)];
    return {
      kept: elements.filter((element) => drawn.has(element)).length,
      redrawn: elements.filter((element) => !drawn.has(element)).length,
      // A part kept in place shows what it showed: it did not change.
      stale: elements.filter((element) => drawn.has(element) && drawn.get(element) !== element.outerHTML).length,
    };
  }, parts);
  expect(kept.kept).toBeGreaterThan(0);
  expect(kept.redrawn).toBeGreaterThan(0);
  expect(kept.stale).toBe(0);
  // Back at the first event the diagram is drawn from what it is now, not from the past.
  await page.keyboard.press('Home');
  await expect(graph.locator('.node')).toHaveCount(1);
  await expect(graph.locator('.edge')).toHaveCount(0);
  await expect(graph.locator('.node.ready')).toContainText('Task-1');
  expect(problems).toEqual([]);
});
