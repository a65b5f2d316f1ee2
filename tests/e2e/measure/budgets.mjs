// Measures the web app's budgets in Debian's Chromium (headless) against the release
// build in dist/, served on 127.0.0.1: first render, the frame rate while a 500-task
// program plays, and the cost of a keystroke and of a step in a 3,000-line program. A measurement, not a test: it asserts nothing and prints the
// figures for BENCHMARKS.md.
// Usage (after `trunk build --release`): node tests/e2e/measure/budgets.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const port = 4391;
const url = `http://127.0.0.1:${port}/`;
const e2eDir = fileURLToPath(new URL('..', import.meta.url));
const server = spawn('node', ['serve-dist.mjs', String(port)], { cwd: e2eDir, stdio: 'inherit' });
await new Promise((resolve) => setTimeout(resolve, 500));

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  // First render: from navigation to the first program's events on screen.
  const renders = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(url);
    await page.locator('.event-label').filter({ hasText: 'event' }).waitFor();
    renders.push(Date.now() - started);
    await context.close();
  }
  console.log(`first render (navigation → first program shown), 7 cold loads: median ${median(renders)} ms, max ${Math.max(...renders)} ms`);

  // Playback of a 500-task program: frame intervals while playing.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('.event-label').filter({ hasText: 'event' }).waitFor();
  const program = [
    'import asyncio', '', '',
    'async def worker(i):',
    '    for step in range(3):',
    '        await asyncio.sleep(0.01 * (i % 7 + 1))',
    '', '',
    'async def main():',
    '    await asyncio.gather(*(worker(i) for i in range(500)))',
    '', '',
    'asyncio.run(main())', '',
  ].join('\n');
  await page.locator('.editor-scroll textarea').fill(program);
  await page.waitForTimeout(3000); // the debounced re-run
  const label = await page.locator('.event-label').textContent();
  const speeds = await page.locator('#speed option').evaluateAll((options) => options.map((o) => o.value));
  const fastest = speeds[speeds.length - 1];
  await page.locator('#speed').selectOption(fastest);
  await page.locator('.controls button', { hasText: 'Play' }).click();
  const frames = await page.evaluate(() => new Promise((resolve) => {
    const stamps = [];
    const tick = (t) => {
      stamps.push(t);
      if (t - stamps[0] < 3000) requestAnimationFrame(tick); else resolve(stamps);
    };
    requestAnimationFrame(tick);
  }));
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
  const slow = gaps.filter((g) => g > 1000 / 50).length;
  console.log(`playback of 500 tasks (${label.trim()}, speed ${fastest} ev/s): ${(gaps.length / seconds).toFixed(1)} fps over ${seconds.toFixed(1)} s; median frame ${median(gaps).toFixed(1)} ms, worst ${Math.max(...gaps).toFixed(1)} ms, ${slow} of ${gaps.length} frames over 20 ms`);
  await context.close();

  // A long program: how long one keystroke and one step take until the next frame.
  const long = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const editing = await long.newPage();
  await editing.goto(url);
  await editing.locator('.event-label').filter({ hasText: 'event' }).waitFor();
  const lines = ['import asyncio', ''];
  for (let i = 0; lines.length < 2990; i++) {
    lines.push(`async def job_${i}(delay):`, `    # wait, then report "${i}"`, '    await asyncio.sleep(delay)', `    return ${i} * 2`, '');
  }
  lines.push('async def main():', '    print(await asyncio.gather(job_0(0.1), job_1(0.2)))', '', 'asyncio.run(main())', '');
  const loadMs = await editing.evaluate((text) => new Promise((resolve) => {
    const started = performance.now();
    const area = document.querySelector('.editor-scroll textarea');
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
  }), lines.join('\n'));
  await editing.waitForTimeout(3000);
  const untilNextFrame = (action) => editing.evaluate((action) => new Promise((resolve) => {
    const started = performance.now();
    if (action === 'key') {
      const area = document.querySelector('.editor-scroll textarea');
      area.value = area.value.replace('# wait', '# Wait');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    }
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
  }), action);
  const keys = [];
  const steps = [];
  for (let i = 0; i < 9; i++) {
    keys.push(await untilNextFrame('key'));
    await editing.evaluate(() => {
      const area = document.querySelector('.editor-scroll textarea');
      area.value = area.value.replace('# Wait', '# wait');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await editing.waitForTimeout(50);
  }
  await editing.waitForTimeout(3000);
  for (let i = 0; i < 9; i++) {
    steps.push(await untilNextFrame('step'));
    await editing.waitForTimeout(50);
  }
  console.log(`${lines.length}-line program: pasting it → next frame ${loadMs.toFixed(0)} ms; keystroke → next frame median ${median(keys).toFixed(1)} ms (max ${Math.max(...keys).toFixed(1)}); step → next frame median ${median(steps).toFixed(1)} ms (max ${Math.max(...steps).toFixed(1)})`);
  await long.close();
} finally {
  await browser.close();
  server.kill();
}
