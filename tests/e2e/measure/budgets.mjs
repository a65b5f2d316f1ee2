// Measures the web app's budgets in Debian's Chromium (headless) against the release
// build in dist/, served on 127.0.0.1 (gzip, like a static host): what the page downloads
// (each file, raw and gzipped), the editor and the first events over a throttled link with a
// cold cache, first render on localhost, the frame rate while a 500-task program plays, the
// cost of a keystroke and of a step in a 3,000-line program, and the page's memory per
// event. A measurement, not a test: it asserts nothing and prints the figures for
// BENCHMARKS.md, then the same figures on one line, `BENCH-JSON {...}`, for `cargo xtask
// bench-page`.
// Usage (after the release build, e.g. `cargo xtask test`): node tests/e2e/measure/budgets.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { servePage } from './page.mjs';

const port = 4391;
const url = `http://127.0.0.1:${port}/`;
const { server, browser } = await servePage(port);

// Several builds may share the machine: every figure depends on its load.
const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
const loadStart = load();
console.log(`load average at the start: ${loadStart}`);
// The figures again, as numbers, for `cargo xtask bench-page` (printed last, as one line).
const figures = { script: 'budgets', load_start: loadStart };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// What the page downloads: every file at the top of dist/ (boot.js loads the app's wasm and,
// beside it, the engine's for its workers; worker.js is the workers' script; the default
// example is shown before the app has loaded). The library's Python directory
// (python-HASH/) is fetched a file at a time, only the files a program imports: summed
// apart.
const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
const sizes = (path) => {
  const body = readFileSync(path);
  return [body.length, gzipSync(body, { level: 9 }).length];
};
const bytes = (raw, gzipped) => `${raw.toLocaleString('en')} raw, ${gzipped.toLocaleString('en')} gzipped`;
let rawTotal = 0;
let gzipTotal = 0;
const libraries = [];
console.log('files of dist/ (raw bytes, gzip -9 bytes):');
for (const entry of readdirSync(dist, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
  if (entry.isDirectory()) {
    libraries.push(entry.name);
    continue;
  }
  const [raw, gzipped] = sizes(join(dist, entry.name));
  rawTotal += raw;
  gzipTotal += gzipped;
  console.log(`  ${entry.name}: ${bytes(raw, gzipped)}`);
}
console.log(`  total: ${bytes(rawTotal, gzipTotal)}`);
figures.download_raw_bytes = rawTotal;
figures.download_gzip_bytes = gzipTotal;
for (const library of libraries) {
  const files = readdirSync(join(dist, library), { recursive: true }).filter((name) => name.endsWith('.py'));
  const [raw, gzipped] = files.map((name) => sizes(join(dist, library, name))).reduce(([r, g], [a, b]) => [r + a, g + b], [0, 0]);
  console.log(`  ${library}/ (fetched a file at a time, on a program's first import of it): ${files.length} files, ${bytes(raw, gzipped)} (each file gzipped on its own)`);
}

// Marks when the editor accepts input and when the first program's events are on screen,
// in milliseconds since navigation started.
const markMoments = () => {
  const moments = {};
  window.loopscopeMoments = moments;
  const look = () => {
    const now = performance.now();
    const usable = (editor) => editor && !editor.readOnly && !editor.hidden && editor.getBoundingClientRect().height > 0;
    // The program in a plain textarea before the app has loaded (src/boot.js), then the app's editor.
    if (!moments.early && usable(document.querySelector('#early-editor'))) moments.early = now;
    if (!moments.editor && usable(document.querySelector('.code-input'))) moments.editor = now;
    const label = document.querySelector('.event-label')?.textContent ?? '';
    const status = document.querySelector('.run-status')?.textContent ?? '';
    if (!moments.events && /of [1-9]\d+$/.test(label) && status === 'finished') moments.events = now;
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
};

try {
  // Cold cache over a throttled link: 20 Mbit/s down, 40 ms round trip.
  const throttled = { early: [], editor: [], usable: [], events: [], bytes: [] };
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('loopscope.toured.v1', '1'));
    await page.addInitScript(markMoments);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: (20 * 1000 * 1000) / 8,
      uploadThroughput: (5 * 1000 * 1000) / 8,
    });
    let received = 0;
    cdp.on('Network.loadingFinished', (event) => { received += event.encodedDataLength; });
    await page.goto(url);
    await page.waitForFunction(() => window.loopscopeMoments?.events, null, { timeout: 30_000 });
    const moments = await page.evaluate(() => window.loopscopeMoments);
    throttled.early.push(moments.early ?? Infinity);
    throttled.editor.push(moments.editor);
    throttled.usable.push(Math.min(moments.early ?? Infinity, moments.editor));
    throttled.events.push(moments.events);
    throttled.bytes.push(received);
    await context.close();
  }
  const ms = (xs) => `median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
  figures.throttled_usable_median_ms = median(throttled.usable);
  figures.throttled_events_median_ms = median(throttled.events);
  figures.throttled_wire_bytes_median = median(throttled.bytes);
  console.log(`throttled cold load (20 Mbit/s, 40 ms RTT, cache disabled), 7 loads: editor usable ${ms(throttled.usable)} (the textarea before the app ${ms(throttled.early)}; the app's editor ${ms(throttled.editor)}); default program's first events on screen ${ms(throttled.events)}; bytes over the wire (the page's own requests) median ${median(throttled.bytes).toLocaleString('en')}`);

  // First render: from navigation to the first program's events on screen.
  const renders = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const started = Date.now();
    await page.addInitScript(() => localStorage.setItem('loopscope.toured.v1', '1'));
    await page.goto(url);
    await page.locator('.run-status').filter({ hasText: /^finished$/ }).waitFor();
    renders.push(Date.now() - started);
    await context.close();
  }
  figures.first_render_median_ms = median(renders);
  figures.first_render_max_ms = Math.max(...renders);
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
  await page.locator('.run-status').filter({ hasText: /^finished$/ }).waitFor();
  const label = await page.locator('.event-label').textContent();
  // The fastest speed in events per second (the menu ends with virtual-time speeds, `10x`).
  const speeds = await page.locator('#speed option').evaluateAll((options) => options.map((o) => o.value));
  const fastest = speeds.filter((speed) => !speed.endsWith('x')).sort((a, b) => Number(a) - Number(b)).pop();
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
  figures.playback_fps = gaps.length / seconds;
  figures.playback_worst_frame_ms = Math.max(...gaps);
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
  figures.long_program_lines = lines.length;
  figures.keystroke_median_ms = median(keys);
  figures.step_median_ms = median(steps);
  console.log(`${lines.length}-line program: pasting it → next frame ${loadMs.toFixed(0)} ms; keystroke → next frame median ${median(keys).toFixed(1)} ms (max ${Math.max(...keys).toFixed(1)}); step → next frame median ${median(steps).toFixed(1)} ms (max ${Math.max(...steps).toFixed(1)})`);
  await long.close();

  // Memory: the page's wasm memory after a run of about 200,000 events (the trace, the
  // timeline's checkpoints and lanes), per event; the worker holds the trace once more
  // while it runs (40 bytes per event plus its strings).
  const memoryContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const memoryPage = await memoryContext.newPage();
  await memoryPage.addInitScript(() => localStorage.setItem('loopscope.toured.v1', '1'));
  await memoryPage.goto(url);
  await memoryPage.locator('.run-status').filter({ hasText: /^finished$/ }).waitFor();
  const before = await memoryPage.evaluate(() => window.loopscopeMemoryBytes());
  await memoryPage.locator('.editor-scroll textarea').fill([
    'import asyncio', '', '',
    'async def tick(i):',
    '    for step in range(200):',
    '        await asyncio.sleep(0.001 * (i % 10 + 1))',
    '', '',
    'async def main():',
    '    await asyncio.gather(*(tick(i) for i in range(120)))',
    '', '',
    'asyncio.run(main())', '',
  ].join('\n'));
  // The default program's run says "finished" too: wait for the new run's event count and
  // its end (finished, or stopped at the page's event limit).
  await memoryPage.waitForFunction(() => {
    const total = Number((document.querySelector('.event-label')?.textContent ?? '').match(/of ([\d]+)/)?.[1] ?? 0);
    return total > 10_000 && !(document.querySelector('.run-status')?.textContent ?? 'running').startsWith('running');
  }, null, { timeout: 180_000 });
  const after = await memoryPage.evaluate(() => window.loopscopeMemoryBytes());
  const events = Number((await memoryPage.locator('.event-label').textContent()).match(/of ([\d]+)/)[1]);
  console.log(`memory: page wasm memory ${before.toLocaleString('en')} → ${after.toLocaleString('en')} bytes for a ${events.toLocaleString('en')}-event run: ${((after - before) / events).toFixed(0)} bytes per event in the page`);
  await memoryContext.close();
  figures.memory_events = events;
  figures.memory_bytes_per_event = (after - before) / events;
  figures.load_end = load();
  console.log(`load average at the end: ${figures.load_end}`);
  console.log(`BENCH-JSON ${JSON.stringify(figures)}`);
} finally {
  await browser.close();
  server.kill();
}
