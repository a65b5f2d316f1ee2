// Measures the timeline on a big run in Debian's Chromium (headless), against the release
// build in dist/ served on 127.0.0.1: a program of 2,000 tasks × 50 random sleeps (about a
// million events) is run in the page, then: seeking anywhere (scrub slider and clicks on the
// timeline; input → next painted frame), playback (1,000 events/s and virtual time ×1), zoom
// and pan at one wheel step per frame, switching the axis, and the page's DOM size. A measurement, not a
// test: it asserts nothing and prints the figures for BENCHMARKS.md.
// Usage (after `cargo xtask test` or `serve` built dist/): node tests/e2e/measure/timeline.mjs
// Options (environment): TASKS=2000 SLEEPS=50 change the program's size; PANELS=timeline
// measures the page embedded with only those panels (through the run's share link), to
// tell the timeline's own cost from the other panels'. PROFILE=1 also traces 30 scrub seeks
// (Chromium's performance trace) and prints where the page's main thread spent them: self
// time per trace event name (script, style, layout, paint, garbage collection), and the
// functions V8's sampling profiler finds taking the script's part.
// Last it prints the figures on one line, `BENCH-JSON {...}`, for `cargo xtask bench-page`.
import { loadavg } from 'node:os';
import { servePage } from './page.mjs';

const port = 4392;
const url = `http://127.0.0.1:${port}/`;
const tasks = Number(process.env.TASKS ?? 2000);
const sleeps = Number(process.env.SLEEPS ?? 50);
const { server, browser } = await servePage(port);

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const stats = (xs) => ({ median_ms: quantile(xs, 0.5), p95_ms: quantile(xs, 0.95), max_ms: Math.max(...xs) });
const fps = (stamps) => (stamps.length - 1) / ((stamps[stamps.length - 1] - stamps[0]) / 1000);
const summary = (xs) => `median ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} samples)`;
const fpsOf = (stamps) => {
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
  const seconds = (stamps[stamps.length - 1] - stamps[0]) / 1000;
  return `${(gaps.length / seconds).toFixed(1)} fps over ${seconds.toFixed(1)} s; median frame ${quantile(gaps, 0.5).toFixed(1)} ms, p95 ${quantile(gaps, 0.95).toFixed(1)} ms, ${gaps.filter((g) => g > 20).length} of ${gaps.length} frames over 20 ms`;
};

const program = [
  'import asyncio', 'import random', '', '',
  'async def sleeper(index):',
  `    for _ in range(${sleeps}):`,
  '        await asyncio.sleep(random.random())',
  '    return index', '', '',
  'async def main():',
  `    tasks = [asyncio.create_task(sleeper(i)) for i in range(${tasks})]`,
  '    print(sum(await asyncio.gather(*tasks)))', '', '',
  'asyncio.run(main())', '',
].join('\n');

/** "event 12 of 1,000,004" → [12, 1000004]. */
async function position(page) {
  const text = (await page.locator('.event-label').first().textContent()) ?? '';
  const numbers = text.replaceAll(',', '').replaceAll('\u202f', '').match(/\d+/g)?.map(Number) ?? [0, 0];
  return numbers;
}

/** In the page: `timed(action)` resolves with the time from running `action` until the next
 *  frame was painted. Each measure's parts go to `timedParts` (milliseconds after the input):
 *  `handled` when the input's handler returned, `tick` the frame's start time (the
 *  compositor's 60 Hz tick that `requestAnimationFrame` passes), `framed` when the frame's
 *  callbacks began (after the page's work of the input's tasks and microtasks), `done` the
 *  figure (after the frame's callbacks, style, layout, paint). */
const timedHelper = () => {
  window.timedParts = [];
  window.timed = (action) => new Promise((resolve) => {
    const started = performance.now();
    action();
    const handled = performance.now() - started;
    requestAnimationFrame((tick) => {
      const framed = performance.now() - started;
      setTimeout(() => {
        const done = performance.now() - started;
        window.timedParts.push({ handled, tick: tick - started, tickAt: tick, framed, done });
        resolve(done);
      }, 0);
    });
  });
};

/** What the last `count` measures were made of (see `timedHelper`), as medians. */
async function parts(page, count) {
  const all = (await page.evaluate(() => window.timedParts)).slice(-count);
  const m = (f) => quantile(all.map(f), 0.5).toFixed(1);
  // Consecutive measures' frames, in ticks of the compositor's 60 Hz clock: each measure
  // starts right after the previous one's frame, so its frame can start no earlier than the
  // next tick.
  const gaps = all.slice(1).map((p, i) => (p.tickAt - all[i].tickAt) / (1000 / 60));
  return `input handler ${m((p) => p.handled)} ms; the frame's tick ${m((p) => p.tick)} ms after the input; `
    + `its callbacks began ${m((p) => p.framed - p.tick)} ms after its tick (the page's work still running); `
    + `the frame (callbacks, style, layout, paint) ${m((p) => p.done - p.framed)} ms; `
    + `consecutive frames ${quantile(gaps, 0.5).toFixed(2)} ticks apart (median; ${gaps.filter((g) => g > 1.5).length} of ${gaps.length} over 1.5)`;
}

/** Frame timestamps for `ms` while `perFrame` (a function body, given the frame's index) runs each frame. */
function frames(page, ms, perFrame = '') {
  return page.evaluate(([ms, perFrame]) => new Promise((resolve) => {
    const step = new Function('i', perFrame);
    const stamps = [];
    const tick = (t) => {
      stamps.push(t);
      step(stamps.length);
      if (t - stamps[0] < ms) requestAnimationFrame(tick); else resolve(stamps);
    };
    requestAnimationFrame(tick);
  }), [ms, perFrame]);
}

/** Self time of each trace event on the page's main thread, summed over the trace: wall
 *  time, and the thread's CPU time (`tdur`), which other work on the machine inflates less
 *  (a descheduled thread's wall time still runs). Sorted by CPU time. */
function selfTimes(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const spans = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur > 0)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const add = (name, wall, cpu) => {
    const [w, c] = self.get(name) ?? [0, 0];
    self.set(name, [w + wall, c + cpu]);
  };
  const open = [];
  for (const span of spans) {
    while (open.length && open[open.length - 1].ts + open[open.length - 1].dur <= span.ts) open.pop();
    const parent = open[open.length - 1];
    if (parent) add(parent.name, -span.dur, -(span.tdur ?? span.dur));
    add(span.name, span.dur, span.tdur ?? span.dur);
    open.push(span);
  }
  return [...self].sort((a, b) => b[1][1] - a[1][1]);
}

/** Traces `count` scrub seeks and prints the main thread's self time per event name. */
async function profileSeeks(page, total, random, count = 30) {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc'],
  });
  for (let i = 0; i < count; i++) {
    await scrubTo(page, Math.floor(random() * total));
  }
  const times = selfTimes(await browser.stopTracing());
  const ms = (us) => (us / 1000 / count).toFixed(2);
  const lines = times.slice(0, 14).map(([name, [wall, cpu]]) => `  ${name}: ${ms(cpu)} ms CPU (${ms(wall)} ms wall)`);
  const [wall, cpu] = times.reduce(([w, c], [, [dw, dc]]) => [w + dw, c + dc], [0, 0]);
  console.log(`main thread per scrub seek (self time, ${count} seeks traced; in all ${ms(cpu)} ms CPU, ${ms(wall)} ms wall):\n${lines.join('\n')}`);
  // The same seeks in V8's sampling profiler: which functions (wasm, its DOM calls) take the
  // script's part.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < count; i++) await scrubTo(page, Math.floor(random() * total));
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)
    .map(([name, us]) => `  ${name}: ${(us / 1000 / count).toFixed(2)} ms`);
  console.log(`sampled self time per scrub seek (${count} seeks):\n${top.join('\n')}`);
}

/** Seeks with the scrub slider and resolves after the next painted frame, with the time taken. */
function scrubTo(page, k) {
  return page.evaluate((k) => window.timed(() => {
    const input = document.querySelector('input.scrub');
    input.value = String(k);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }), k);
}

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(timedHelper);
  await page.goto(url);
  // Raise the page's event limit where it is a setting (ignored where it is not).
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('loopscope.event-limit.v1', '2000000');
  });
  await page.goto(url);
  await page.locator('.event-label').filter({ hasText: 'event' }).first().waitFor();
  await page.locator('.run-status').filter({ hasText: /^finished$/ }).first().waitFor();
  // The DOM with the default (small) program, to compare with the big run's.
  const small = await page.evaluate(() => ({
    page: document.querySelectorAll('*').length,
    timeline: document.querySelectorAll('.timeline *').length,
  }));
  const [, smallEvents] = await position(page);
  // Other work on the machine slows every figure: its load, at the start and the end.
  const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
  const figures = { script: 'timeline', load_start: load(), tasks, sleeps, panels: process.env.PANELS ?? null,
    small_events: smallEvents, dom_page_small: small.page, dom_timeline_small: small.timeline };
  const started = Date.now();
  await page.locator('.editor-scroll textarea').fill(program);
  // The run: wait until the event count is large and stops changing.
  let total = 0;
  for (let stable = 0; stable < 3 && Date.now() - started < 600_000;) {
    await page.waitForTimeout(1000);
    const [, count] = await position(page);
    stable = count > 1000 && count === total ? stable + 1 : 0;
    total = count;
  }
  const ran = (Date.now() - started - 3000) / 1000;
  const status = (await page.locator('.run-status').first().textContent())?.trim();
  if (process.env.PANELS) {
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.waitForTimeout(500);
    const hash = await page.evaluate(() => location.hash);
    await page.goto(`${url}?embed=1&panels=${process.env.PANELS}${hash}`);
    for (let waited = 0; waited < 600 && (await position(page))[1] !== total; waited++) {
      await page.waitForTimeout(1000);
    }
    console.log(`embedded with panels=${process.env.PANELS}`);
  }
  console.log(`program: ${tasks} tasks x ${sleeps} random sleeps: ${total.toLocaleString('en')} events in the page, run + timeline built in about ${ran.toFixed(1)} s (status: ${status})`);

  const dom = await page.evaluate(() => ({
    page: document.querySelectorAll('*').length,
    timeline: document.querySelectorAll('.timeline *').length,
  }));
  console.log(`DOM: ${dom.page} elements in the page, ${dom.timeline} in the timeline (with the default program of ${smallEvents.toLocaleString('en')} events: ${small.page} and ${small.timeline})`);
  Object.assign(figures, { events: total, run_seconds: ran, status, dom_page: dom.page, dom_timeline: dom.timeline });

  // Seeks anywhere through the scrub slider.
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const slider = [];
  for (let i = 0; i < 60; i++) {
    slider.push(await scrubTo(page, Math.floor(random() * total)));
  }
  console.log(`seek anywhere (scrub slider, input → next frame): ${summary(slider)}`);
  console.log(`  made of (medians): ${await parts(page, slider.length)}`);
  figures.seek_slider = stats(slider);
  if (process.env.PROFILE) await profileSeeks(page, total, random);

  // Clicks on the timeline's loop lane at random places.
  const box = await page.locator('.timeline-overlay').boundingBox();
  const clicks = [];
  for (let i = 0; i < 60; i++) {
    const x = 190 + random() * (box.width - 220);
    clicks.push(await page.evaluate(([x, y]) => window.timed(() => {
      const canvas = document.querySelector('.timeline-overlay');
      const rect = canvas.getBoundingClientRect();
      const init = { bubbles: true, clientX: rect.left + x, clientY: rect.top + y, button: 0 };
      canvas.dispatchEvent(new MouseEvent('mousedown', init));
      canvas.dispatchEvent(new MouseEvent('click', init));
    }), [x, 31]));
  }
  console.log(`seek by clicking the timeline (click → next frame): ${summary(clicks)}`);
  console.log(`  made of (medians): ${await parts(page, clicks.length)}`);
  figures.seek_click = stats(clicks);

  // Axis switch, both ways.
  const axis = [];
  for (let i = 0; i < 6; i++) {
    axis.push(await page.evaluate(() => window.timed(() => {
      [...document.querySelectorAll('.timeline-toolbar button')].find((b) => b.textContent.startsWith('Axis'))?.click();
    })));
  }
  console.log(`axis switch (click → next frame): ${summary(axis)}`);
  figures.axis_switch = stats(axis);

  // Zoom in and out, one Ctrl+wheel step per frame, around the middle of the chart.
  const wheel = (ctrl, shift, delta) => `
    const canvas = document.querySelector('.timeline-overlay');
    const rect = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true,
      clientX: rect.left + rect.width / 2, clientY: rect.top + 40,
      ctrlKey: ${ctrl}, shiftKey: ${shift}, deltaY: ${delta} * (Math.floor(i / 60) % 2 ? -1 : 1) }));`;
  const zoom = await frames(page, 4000, wheel(true, false, -40));
  console.log(`zoom (a Ctrl+wheel step every frame, 4 s): ${fpsOf(zoom)}`);
  figures.zoom_fps = fps(zoom);
  // Zoomed in 16x, pan with Shift+wheel.
  for (let i = 0; i < 4; i++) await page.locator('.timeline-toolbar button[aria-label="Zoom in"]').click();
  const pan = await frames(page, 4000, wheel(false, true, 60));
  console.log(`pan at 16x (a Shift+wheel step every frame, 4 s): ${fpsOf(pan)}`);
  figures.pan_fps = fps(pan);
  await page.locator('.timeline-toolbar button', { hasText: 'Fit' }).click();

  // Playback from the first event at the fastest events-per-second speed, and at virtual
  // time ×1 (the fastest virtual speed that still plays for the whole measure: ×10 and ×100
  // reach this program's end within about 3 s and 0.3 s).
  const play = page.locator('.controls button', { hasText: /Play|Pause/ }).first();
  for (const speed of ['1000', '1x']) {
    await page.evaluate(() => {
      const input = document.querySelector('input.scrub');
      input.value = '0';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.locator('#speed').selectOption(speed);
    await play.click();
    const [before] = await position(page);
    const playing = await frames(page, 4000);
    const [after] = await position(page);
    await play.click();
    console.log(`playback at ${speed === '1x' ? 'virtual time ×1' : `${speed} events/s`}: ${fpsOf(playing)}; ${(after - before).toLocaleString('en')} events shown`);
    figures[speed === '1x' ? 'playback_virtual_fps' : 'playback_events_fps'] = fps(playing);
  }
  figures.load_end = load();
  console.log(`load average at the start: ${figures.load_start}; at the end: ${figures.load_end}`);
  console.log(`BENCH-JSON ${JSON.stringify(figures)}`);
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
