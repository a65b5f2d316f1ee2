// Long lists on a big run: the ready queue, the timer heap and the tasks table draw only
// the rows in view, so the page's DOM stays the same size whatever the run's; the
// rows drawn are the right ones after a seek and after scrolling, and each still says its
// place in the whole list for screen readers.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { focusPage, openApp, panel, setProgram, watchProblems } from './helpers';

const TASKS = 1500;

// 1,500 tasks, each sleeping a different time (so the timer heap has 1,500 rows in a known
// order).
const program = [
  'import asyncio',
  '',
  '',
  'async def sleeper(index):',
  '    await asyncio.sleep(1 + index / 1000)',
  '    return index',
  '',
  '',
  'async def main():',
  `    tasks = [asyncio.create_task(sleeper(i)) for i in range(${TASKS})]`,
  '    await asyncio.gather(*tasks)',
  '',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

/** Rows in the DOM beyond which a list is not virtualized (a screenful and a few more). */
const MOST_ROWS = 40;

/** Scrolls a panel's list to its end (the rows drawn follow its scroll event). */
async function scrollToEnd(scroller: Locator): Promise<void> {
  await scroller.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
}

async function elementCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('*').length);
}

test('long lists draw only the rows in view, and the right ones', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openApp(page);
  await setProgram(page, program);
  await expect(page.locator('.run-status').first()).toHaveText('finished');
  await focusPage(page);

  const timers = panel(page, 'timers-title');
  const ready = panel(page, 'ready-title');
  const tasks = panel(page, 'tasks-title');

  // The first clock advance: every sleeper waits on its own timer, earliest first.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(timers.locator('h2 .count')).toHaveText(`${TASKS} scheduled`);
  const timerRows = timers.locator('.timer-heap li');
  expect(await timerRows.count()).toBeLessThanOrEqual(MOST_ROWS);
  await expect(timerRows.first()).toHaveAttribute('aria-posinset', '1');
  await expect(timerRows.first()).toHaveAttribute('aria-setsize', String(TASKS));
  await expect(timerRows.first()).toContainText('in 0s');
  await expect(timerRows.first()).toContainText('Task-2 ');

  // Scrolled to its end, the heap shows its last timers: the last sleeper's is last.
  await scrollToEnd(timers.locator('.rows'));
  await expect(timerRows.last()).toHaveAttribute('aria-posinset', String(TASKS));
  await expect(timerRows.last()).toContainText(`Task-${TASKS + 1} `);
  expect(await timerRows.count()).toBeLessThanOrEqual(MOST_ROWS);

  // The tasks table: every task counted, a screenful drawn; its last row after scrolling.
  const table = tasks.locator('table');
  await expect(table).toHaveAttribute('aria-rowcount', String(TASKS + 2));
  const taskRows = tasks.locator('tbody tr:not(.spacer)');
  expect(await taskRows.count()).toBeLessThanOrEqual(MOST_ROWS);
  await expect(taskRows.first()).toHaveAttribute('aria-rowindex', '2');
  await expect(taskRows.first().locator('button')).toHaveText('Task-1');
  await taskRows.first().locator('button').click();
  await scrollToEnd(tasks.locator('.rows'));
  await expect(taskRows.last()).toHaveAttribute('aria-rowindex', String(TASKS + 2));
  await expect(taskRows.last().locator('button')).toHaveText(`Task-${TASKS + 1}`);

  // Seek to where main() waits at gather with every sleeper ready: the queue, head first.
  // (Task-1, selected above: its next events are its start and its suspension.)
  await focusPage(page);
  await page.keyboard.press('Home');
  for (let step = 0; step < 6; step++) {
    if ((await ready.locator('h2 .count').textContent()) === `${TASKS} waiting`) break;
    await page.keyboard.press('t');
  }
  await expect(ready.locator('h2 .count')).toHaveText(`${TASKS} waiting`);
  const readyRows = ready.locator('.ready-queue li');
  expect(await readyRows.count()).toBeLessThanOrEqual(MOST_ROWS);
  await expect(readyRows.first()).toHaveClass(/head/);
  await expect(readyRows.first()).toContainText('Task-2 ');
  await scrollToEnd(ready.locator('.rows'));
  await expect(readyRows.last()).toHaveAttribute('aria-posinset', String(TASKS));
  await expect(readyRows.last()).toContainText(`Task-${TASKS + 1} `);

  // One event on (the head runs): the rows in view stay, each now showing the row at its
  // place (the queue moved up by one), as rows drawn afresh show it.
  const rowsInView = '.ready-queue li, .tasks-table tbody tr:not(.spacer)';
  for (const list of [ready, tasks]) {
    await list.locator('.rows').evaluate((element) => {
      element.scrollTop = 0;
    });
  }
  await expect(readyRows.first()).toHaveAttribute('aria-posinset', '1');
  await expect(taskRows.first()).toHaveAttribute('aria-rowindex', '2');
  await page.evaluate((rowsInView) => {
    Object.assign(window, { drawnRows: new Set(document.querySelectorAll(rowsInView)) });
  }, rowsInView);
  await focusPage(page);
  await page.keyboard.press('ArrowRight');
  await expect(ready.locator('h2 .count')).toHaveText(`${TASKS - 1} waiting`);
  await expect(readyRows.first()).toContainText('Task-3 ');
  await expect(readyRows.first()).toHaveAttribute('aria-setsize', String(TASKS - 1));
  const shown = () => page.evaluate((rowsInView) => {
    const drawn = (window as unknown as { drawnRows: Set<Element> }).drawnRows;
    const rows = [...document.querySelectorAll(rowsInView)];
    return {
      kept: rows.filter((row) => drawn.has(row)).length,
      rows: rows.length,
      // Each element: its tag, attributes (classes in any order) and text.
      text: rows.map((row) => [row, ...row.querySelectorAll('*')].map((element) => {
        const attributes = [...element.attributes]
          .map((a) => (a.name === 'class' ? `class=${[...element.classList].sort()}` : `${a.name}=${a.value}`))
          .sort();
        return `${element.tagName} ${attributes.join(' ')}: ${element.textContent}`;
      }).join('\n')),
    };
  }, rowsInView);
  const inPlace = await shown();
  expect(inPlace.kept).toBe(inPlace.rows);
  // Scrolled away and back, the rows are drawn afresh: the same rows.
  for (const list of [ready, tasks]) {
    await scrollToEnd(list.locator('.rows'));
  }
  await expect(readyRows.last()).toHaveAttribute('aria-posinset', String(TASKS - 1));
  for (const list of [ready, tasks]) {
    await list.locator('.rows').evaluate((element) => {
      element.scrollTop = 0;
    });
  }
  await expect(readyRows.first()).toHaveAttribute('aria-posinset', '1');
  await expect(taskRows.first()).toHaveAttribute('aria-rowindex', '2');
  const afresh = await shown();
  expect(afresh.kept).toBe(0);
  expect(afresh.text).toEqual(inPlace.text);

  // The whole page stays small: a few thousand elements at most for thousands of rows.
  expect(await elementCount(page)).toBeLessThan(3000);
  expect(problems).toEqual([]);
});
