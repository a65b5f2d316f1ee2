// Measures the web app's budgets in Debian's Chromium (headless) against the release
// build in dist/, served on 127.0.0.1: first render, and the frame rate while a
// 500-task program plays. A measurement, not a test: it asserts nothing and prints the
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
} finally {
  await browser.close();
  server.kill();
}
