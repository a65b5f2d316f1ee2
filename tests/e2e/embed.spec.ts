// Embed mode: minimal chrome, only the chosen panels, honoured options, a frame whose height
// follows its content in a cross-origin course page, the postMessage protocol, and
// "Open in Loopscope" carrying the reader's program and position.
import { test, expect } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApp, screenshot, watchProblems } from './helpers';

test('embed mode shows only the chosen panels', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page, '/?embed=1&panels=ready,timers,console,timeline&event=30&theme=dark');
  await expect(page.locator('.embed-bar')).toBeVisible();
  await expect(page.locator('.topbar')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Python program' })).toHaveCount(0);
  await expect(page.locator('section[aria-labelledby="ready-title"]')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="timers-title"]')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="tasks-title"]')).toHaveCount(0);
  await expect(page.locator('.console-column')).toBeVisible();
  await expect(page.locator('section[aria-labelledby="graph-title"]')).toHaveCount(0);
  await expect(page.locator('.timeline-overlay')).toBeVisible();
  await expect(page.locator('.event-label')).toHaveText(/^event 31 of/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'embed');
  expect(problems).toEqual([]);
});

test('the task graph can be embedded without the console', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page, '/?embed=1&panels=graph,timeline&event=10');
  await expect(page.locator('section[aria-labelledby="graph-title"]')).toBeVisible();
  await expect(page.locator('.graph-boxes li')).not.toHaveCount(0);
  await expect(page.locator('section[aria-labelledby="console-title"]')).toHaveCount(0);
  await expect(page.locator('section[aria-labelledby="pitfalls-title"]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('speed, read-only and the reader\'s theme are honoured', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await openApp(page, '/?embed=1&panels=editor,console&speed=100&readonly=1');
  await expect(page.locator('#speed option:checked')).toHaveText('100 events/s');
  await expect(page.getByRole('textbox', { name: 'Python program' })).toHaveAttribute('readonly', '');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await openApp(page, '/?embed=1&speed=10x');
  await expect(page.locator('#speed option:checked')).toHaveText('virtual time ×10');
  await context.close();
});

test('autoplay plays on its own', async ({ page }) => {
  await openApp(page, '/?embed=1&autoplay=1&speed=32');
  await expect(page.locator('.event-label')).not.toHaveText(/^event 1 of/);
});

test('a course page on another origin: the snippet sizes the frame and drives it', async ({ page }) => {
  test.setTimeout(90_000);
  const problems = watchProblems(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  // A live preview of what the snippet shows.
  await expect(dialog.frameLocator('iframe[title="Preview of the embed"]').locator('.embed-bar')).toBeVisible();
  await dialog.getByLabel('tasks').check();
  await dialog.getByLabel('editor').check();
  await dialog.getByLabel('Start at event').fill('3');
  await dialog.getByLabel('Start at event').press('Tab');
  const snippet = await dialog.locator('#embed-snippet').inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;panels=editor,ready,timers,tasks,console,pitfalls,graph,timeline&amp;speed=4&amp;event=2#v3\./);
  expect(snippet).toContain('height="560"');
  expect(snippet).toContain('loopscope:resize');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The course page, served by its own server on another origin, with the snippet and its
  // own buttons.
  const lecture = `<!doctype html><html><body><h1>Lecture 3: gather</h1>${snippet}
<button id="step">Show step 10</button>
<script>
  window.heard = [];
  addEventListener("message", (e) => { if (typeof e.data === "object" && e.data.type) window.heard.push(e.data); });
  document.getElementById("step").addEventListener("click", () => {
    document.querySelector("iframe").contentWindow.postMessage({ type: "loopscope:seek", event: 9 }, "*");
  });
</script></body></html>`;
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(lecture);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const coursePort = (server.address() as AddressInfo).port;
  await page.goto(`http://course.test:${coursePort}/lecture.html`);
  const frame = page.frameLocator('iframe[data-loopscope]');
  await expect(frame.locator('.event-label')).toHaveText(/^event 3 of \d+$/, { timeout: 20_000 });
  // The frame grows or shrinks to its content, not the fixed fallback height.
  const iframe = page.locator('iframe[data-loopscope]');
  await expect.poll(async () => {
    const frameHeight = await iframe.evaluate((element) => element.clientHeight);
    const contentHeight = await frame.locator('.app').evaluate((app) => app.getBoundingClientRect().height);
    return Math.abs(frameHeight - contentHeight);
  }).toBeLessThan(2);
  expect(await iframe.evaluate((element) => element.clientHeight)).not.toBe(560);
  // The course page drives it and hears where it is.
  // (Clicked from a script: the button moves while the frame settles on its height.)
  await page.getByRole('button', { name: 'Show step 10' }).evaluate((button: HTMLButtonElement) => button.click());
  await expect(frame.locator('.event-label')).toHaveText(/^event 10 of/);
  const heard = await page.evaluate(() => (window as unknown as { heard: { type: string; event?: number }[] }).heard);
  expect(heard.some((message) => message.type === 'loopscope:ready')).toBe(true);
  expect(heard.some((message) => message.type === 'loopscope:resize')).toBe(true);
  expect(heard.some((message) => message.type === 'loopscope:event' && message.event === 9)).toBe(true);
  await screenshot(page, 'embed-in-course-page');

  // A reader edits the program, steps, and opens it in the full app: both carry over.
  const editor = frame.getByRole('textbox', { name: 'Python program' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# a reader\'s note\n');
  await expect(frame.locator('.run-status')).toHaveText('finished', { timeout: 20_000 });
  await frame.locator('.embed-bar .brand').click();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const opened = page.waitForEvent('popup');
  await frame.getByRole('link', { name: 'Open in Loopscope ↗' }).click();
  const full = await opened;
  await expect(full.locator('.controls')).toBeVisible();
  await expect(full.getByRole('textbox', { name: 'Python program' })).toHaveValue(/# a reader's note/);
  await expect(full.locator('.event-label')).toHaveText(/^event 3 of/, { timeout: 20_000 });
  await full.close();
  server.close();
  expect(problems).toEqual([]);
});
