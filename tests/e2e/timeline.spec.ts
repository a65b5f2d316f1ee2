// The timeline: lanes end in each task's final state, everything drawn has a legend entry,
// asyncio's own tasks hide unless Internals is on, states that take no time still show, the
// chart works from the keyboard alone (with words for screen readers), wake-up arrows join
// the right lanes, hovering explains and clicking seeks, and the SVG export is a well-formed
// picture of every lane. The canvas itself cannot be read, so the tests read the export (the
// same scene the canvas paints) and the chart's words.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { focusPage, openApp, openExample, screenshot, watchProblems } from './helpers';

async function openPreset(page: Page, file: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await openApp(page);
  await openExample(page, file);
  await expect(page.locator('.event-label')).toHaveText(/^event 1 of \d+$/);
}

/** Downloads the timeline's SVG export and returns its text. */
async function exportSvg(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.timeline-toolbar').getByRole('button', { name: 'SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-timeline\.svg$/);
  return readFileSync(await download.path(), 'utf8');
}

/** What the SVG shows, parsed by the browser: lanes (name → vertical band) and arrows. */
interface Drawing {
  wellFormed: boolean;
  lanes: { name: string; top: number; bottom: number }[];
  arrows: { title: string; from: [number, number]; to: [number, number] }[];
  rects: { cls: string; x: number; y: number; width: number }[];
}

async function readSvg(page: Page, svg: string): Promise<Drawing> {
  // Parsed in a blank page: the app's Content-Security-Policy would refuse the SVG's <style>.
  const blank = await page.context().newPage();
  const drawing = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const wellFormed = doc.getElementsByTagName('parsererror').length === 0 && doc.documentElement.tagName === 'svg';
    const lanes = [...doc.querySelectorAll('text.f-label-text')].map((t) => {
      const y = Number(t.getAttribute('y'));
      const title = t.querySelector('title')?.textContent ?? '';
      // A lane's name sits 13 px below its top; lanes are 18 px apart.
      return { name: title || (t.textContent ?? ''), top: y - 13, bottom: y + 5 };
    });
    const arrows = [...doc.querySelectorAll('path.s-wake, path.s-wake-current')].map((p) => {
      const numbers = (p.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)!.map(Number);
      return {
        title: p.querySelector('title')?.textContent ?? '',
        from: [numbers[0], numbers[1]] as [number, number],
        to: [numbers[4], numbers[5]] as [number, number],
      };
    });
    const rects = [...doc.querySelectorAll('rect')].map((r) => ({
      cls: r.getAttribute('class') ?? '',
      x: Number(r.getAttribute('x')),
      y: Number(r.getAttribute('y')),
      width: Number(r.getAttribute('width')),
    }));
    return { wellFormed, lanes, arrows, rects };
  }, svg);
  await blank.close();
  return drawing;
}

function laneAt(drawing: Drawing, y: number): string | undefined {
  return drawing.lanes.find((lane) => y >= lane.top && y < lane.bottom)?.name;
}

test('lanes end in the final state, the legend covers everything, internals hide', async ({ page }) => {
  const problems = watchProblems(page);
  await openPreset(page, '16_taskgroup.py');
  const summary = page.locator('#timeline-summary');
  await expect(summary).toContainText('Task-2 · check(): done.');
  await expect(summary).toContainText('Task-3 · check(): failed.');
  await expect(summary).toContainText('Task-4 · check(): cancelled.');
  await expect(summary).toContainText("2 of asyncio's own tasks hidden");
  await expect(summary).not.toContainText('shutdown_asyncgens');

  // Every kind of thing the chart draws has an entry (the red blocking bar included).
  const legend = page.getByRole('list', { name: 'Timeline legend' });
  for (const words of ['running', 'ready', 'waiting', 'done', 'failed', 'cancelled',
    'loop idle (waiting for a timer)', 'loop blocked (time.sleep)', 'future resolved',
    'future failed', 'future cancelled', 'wake-up (what made a task ready)',
    'wake-up of the current event', 'ready → running', 'ready-queue length', 'clock advance',
    'current event', 'keyboard cursor', 'task not created yet', 'selected lane',
    'pitfall (hover for what went wrong)']) {
    await expect(legend.getByRole('listitem').filter({ hasText: new RegExp(`^${words.replace(/[()]/g, '\\$&')}$`) })).toHaveCount(1);
  }

  // The export shows each task lane ending in its state's colour, right of the run's end.
  const drawing = await readSvg(page, await exportSvg(page));
  expect(drawing.wellFormed).toBe(true);
  const names = drawing.lanes.map((lane) => lane.name);
  expect(names).toEqual(['event loop', 'ready queue', 'Task-1 · main()', 'Task-2 · check()', 'Task-3 · check()', 'Task-4 · check()']);
  const capOf = (name: string) => {
    const lane = drawing.lanes.find((l) => l.name === name)!;
    const inLane = drawing.rects.filter((r) => r.cls !== '' && r.y >= lane.top && r.y < lane.bottom && r.x > 176);
    return inLane.reduce((last, r) => (r.x > last.x ? r : last)).cls;
  };
  expect(capOf('Task-2 · check()')).toBe('f-done');
  expect(capOf('Task-3 · check()')).toBe('f-failed');
  expect(capOf('Task-4 · check()')).toBe('f-cancelled');

  // Internals on: asyncio.run's shutdown tasks get their lanes back.
  await page.getByRole('button', { name: 'Internals' }).click();
  await expect(summary).toContainText('Task-5 · BaseEventLoop.shutdown_asyncgens(): done.');
  await expect(summary).not.toContainText('hidden');
  await screenshot(page, 'timeline-taskgroup');
  expect(problems).toEqual([]);
});

test('the gather preset: arrows join the right lanes, zero-time states show', async ({ page }) => {
  const problems = watchProblems(page);
  await openPreset(page, '07_gather.py');
  const drawing = await readSvg(page, await exportSvg(page));
  expect(drawing.wellFormed).toBe(true);
  expect(drawing.lanes.map((lane) => lane.name)).toEqual([
    'event loop', 'ready queue', 'Task-1 · main()', 'Task-2 · addition()', 'Task-3 · multiplication()', 'Task-4 · division()',
  ]);
  const joins = drawing.arrows.map((a) => ({ title: a.title, from: laneAt(drawing, a.from[1]), to: laneAt(drawing, a.to[1]) }));
  // Each child is woken by its sleep's timer, from the loop's lane.
  for (const child of ['Task-2 · addition()', 'Task-3 · multiplication()', 'Task-4 · division()']) {
    const name = child.split(' ')[0];
    expect(joins).toContainEqual({
      title: expect.stringMatching(new RegExp(`^${name} became ready because a timer fired`)),
      from: 'event loop',
      to: child,
    });
  }
  // main is woken when gather's future resolves: from the child that finished last.
  expect(joins).toContainEqual({
    title: expect.stringMatching(/^Task-1 became ready because Task-2 finished/),
    from: 'Task-2 · addition()',
    to: 'Task-1 · main()',
  });
  // main's steps take no virtual time, yet show as marks a few pixels wide.
  const main = drawing.lanes.find((lane) => lane.name === 'Task-1 · main()')!;
  const running = drawing.rects.filter((r) => r.cls === 'f-running' && r.y >= main.top && r.y < main.bottom);
  expect(running.length).toBeGreaterThanOrEqual(2);
  expect(Math.min(...running.map((r) => r.width))).toBeGreaterThanOrEqual(3);

  // The PNG export is the canvas as shown: a PNG image of the chart's size.
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.timeline-toolbar').getByRole('button', { name: 'PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('07_gather-timeline.png');
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chart = (await page.locator('.timeline-overlay').boundingBox())!;
  expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.floor(chart.width));
  expect(problems).toEqual([]);
});

test('the timeline works from the keyboard alone and speaks', async ({ page }) => {
  const problems = watchProblems(page);
  await openPreset(page, '07_gather.py');
  await focusPage(page);
  // Tab until the chart has the focus (Escape first lets Tab leave the code editor).
  const chart = page.locator('.timeline-overlay');
  for (let i = 0; i < 60 && !(await chart.evaluate((el) => el === document.activeElement)); i++) {
    if (await page.evaluate(() => document.activeElement?.tagName === 'TEXTAREA')) {
      await page.keyboard.press('Escape');
    }
    await page.keyboard.press('Tab');
  }
  await expect(chart).toBeFocused();
  const said = page.locator('.timeline-announcement');
  await expect(said).toContainText('event loop, event 1 of');
  const label = page.locator('.event-label');
  const before = await label.textContent();

  // Down to main's lane, then right to its next moments: the program does not step.
  await page.keyboard.press('ArrowDown');
  await expect(said).toContainText('Task-1 · main()');
  await page.keyboard.press('ArrowRight');
  await expect(said).toContainText(': running.');
  // Sighted keyboard users see the same words beside the cursor.
  await expect(page.locator('.timeline-tooltip strong')).toHaveText('Task-1 · main() — running');
  await expect(label).toHaveText(before!);
  const event = Number((await said.textContent())!.match(/event (\d+) of/)![1]);

  // S selects the lane (as clicking its name does), Enter goes there.
  await page.keyboard.press('s');
  await expect(said).toHaveText('Lane selected: its wake-ups are drawn even in a crowded view.');
  await page.keyboard.press('Enter');
  await expect(label).toHaveText(new RegExp(`^event ${event} of`));
  // + zooms in, 0 fits again.
  await page.keyboard.press('+');
  await expect(page.locator('.zoom-factor')).toHaveText('2×');
  await page.keyboard.press('0');
  await expect(page.locator('.zoom-factor')).toHaveText('1×');
  await expect(page.locator('#timeline-summary')).toContainText('Timeline of the event loop and 4 tasks over 3.000 s');
  await screenshot(page, 'timeline-keyboard');
  expect(problems).toEqual([]);
});

test('hovering explains a moment, clicking goes there, stepping moves nothing', async ({ page }) => {
  const problems = watchProblems(page);
  await openPreset(page, '07_gather.py');
  const chart = page.locator('.timeline-overlay');
  const box = (await chart.boundingBox())!;
  // The loop's lane, a third of the way in.
  const at = { x: 176 + (box.width - 176 - 16) / 3, y: 22 + 9 };
  await chart.hover({ position: at });
  const tip = page.locator('.timeline-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip.locator('strong')).toContainText('event loop');
  await chart.click({ position: at });
  await expect(page.locator('.event-label')).not.toHaveText(/^event 1 of/);

  // Stepping through the run leaves the timeline where it is.
  const section = page.getByRole('region', { name: 'Timeline' });
  const start = await section.boundingBox();
  await focusPage(page);
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('ArrowRight');
    expect(await section.boundingBox()).toEqual(start);
  }
  expect(problems).toEqual([]);
});
