// The engine's wasm where users run it, against native (issue 13, item 2: "wasm in Chromium
// within 2× of native"): the bench programs run in the page's engine worker, in Debian's
// Chromium (headless), against the release build in dist/ served on 127.0.0.1, and in
// `target/release/loopscope run --timestamps` on this machine, alternately, ROUNDS times
// each (default 3, one program after another each round; the medians are compared). A measurement, not a test: it prints the
// figures for BENCHMARKS.md, then the same figures on one line, `BENCH-JSON {...}`, for
// `cargo xtask bench-page`.
//
// What each time includes:
// - the worker: from the engine's `Started` message to its `Finished` message, both timed in
//   the worker as it posts them (`performance.now()` in a wrapper of the worker's
//   `postMessage`): the whole run (the engine's start-up, compiling the program and asyncio's
//   Python halves, running it), the progress messages it streams to the page every 100 ms
//   (the trace's new records encoded), and encoding the trace's last chunk. Not decoding the
//   request or finding the dropped-task lines before it, nor the page's work after it.
// - native: from spawning the process to reaping it (start-up, the run, the stamped stdout).
// The page's own time, from typing the program to the run shown (the page's main thread
// builds the timeline after the worker's run), is printed too, not compared.
//
// The programs are bench/*.py, sized by rewriting their constants (printed with each
// program) so that they fit the page's limits: a run stops at the page's event limit
// (5,000,000 at most, src/session.rs EVENT_LIMITS; the full sleeps.py records 10,090,022
// events, queue.py 15,000,757), and a step may run 20,000,000 instructions without yielding
// (src/worker.rs; one of arithmetic.py's coroutines runs about 22,000,000).
// The stamped output must be the same: the page's Export → "Console (text)" against native's
// stdout, byte for byte.
//
// Usage (after the release build in dist/, as `cargo xtask bench-page` makes it), at the
// repository root: node tests/e2e/measure/worker.mjs. It builds the native binary first
// (`cargo build --release -p loopscope-cli --bin loopscope`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { servePage } from './page.mjs';

const port = 4393;
const url = `http://127.0.0.1:${port}/`;
const root = fileURLToPath(new URL('../../../', import.meta.url));
const rounds = Number(process.env.ROUNDS ?? 3);
const eventLimit = 5_000_000;
const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Each program's constants as bench/ has them, and as they are run here.
const sizes = {
  'arithmetic.py': {
    from: { COROUTINES: '10', ITERATIONS: '2_000_000' },
    to: { COROUTINES: '20', ITERATIONS: '1_000_000' },
    why: 'the same 20,000,000 iterations in 20 coroutines, so that none runs over the worker\'s 20,000,000 instructions without yielding',
  },
  'queue.py': {
    from: { ITEMS_PER_PRODUCER: '10_000' },
    to: { ITEMS_PER_PRODUCER: '2_500' },
    why: 'a quarter of the items (250,000), under the page\'s largest event limit',
  },
  'sleeps.py': {
    from: { TASKS: '10_000' },
    to: { TASKS: '4_000' },
    why: '4,000 tasks of the 10,000 (400,000 sleeps), under the page\'s largest event limit',
  },
};

/** bench/NAME with its constants rewritten; fails if bench/ no longer has them. */
function sized(name) {
  let source = readFileSync(join(root, 'bench', name), 'utf8');
  for (const [constant, value] of Object.entries(sizes[name].from)) {
    const line = `${constant} = ${value}\n`;
    if (!source.includes(line)) {
      throw new Error(`bench/${name} has no line \`${line.trim()}\`: update worker.mjs's sizes`);
    }
    source = source.replace(line, `${constant} = ${sizes[name].to[constant]}\n`);
  }
  return source;
}

const built = spawnSync('cargo', ['build', '--release', '-p', 'loopscope-cli', '--bin', 'loopscope'],
  { cwd: root, stdio: 'inherit' });
if (built.status !== 0) {
  console.error('worker.mjs: cargo build --release -p loopscope-cli failed');
  process.exit(1);
}
const native = join(root, 'target/release/loopscope');
const dir = mkdtempSync(join(tmpdir(), 'loopscope-worker-'));
const programs = Object.keys(sizes).map((name) => {
  const source = sized(name);
  writeFileSync(join(dir, name), source);
  return { name, source };
});

const engineWasm = readdirSync(join(root, 'dist')).find((f) => /^loopscope-engine-.*\.wasm$/.test(f));
const engineBody = readFileSync(join(root, 'dist', engineWasm));

const { server, browser } = await servePage(port);

/** In a worker: keeps the time of every message it posts, by its first byte (the message's
 *  kind, src/transfer.rs: 2 finished, 3 started). */
const timeMessages = () => {
  if (self.loopscopePosted) return;
  self.loopscopePosted = [];
  const post = self.postMessage.bind(self);
  self.postMessage = (message, transfer) => {
    self.loopscopePosted.push([message instanceof Uint8Array ? message[0] : -1, performance.now()]);
    post(message, transfer);
  };
};
const STARTED = 3;
const FINISHED = 2;

const figures = { script: 'worker', load_start: load(), rounds, event_limit: eventLimit,
  engine_wasm_bytes: engineBody.length, engine_wasm_gzip_bytes: gzipSync(engineBody, { level: 9 }).length };
console.log(`load average at the start: ${figures.load_start}`);
console.log(`the page's engine ${engineWasm}: ${engineBody.length.toLocaleString('en')} bytes, ${figures.engine_wasm_gzip_bytes.toLocaleString('en')} gzipped`);

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate((limit) => {
    localStorage.clear();
    localStorage.setItem('loopscope.event-limit.v1', String(limit));
  }, eventLimit);
  page.on('worker', (worker) => worker.evaluate(timeMessages).catch(() => {}));
  await page.goto(url);
  await page.locator('.run-status').filter({ hasText: /^finished$/ }).first().waitFor();
  for (const worker of page.workers()) await worker.evaluate(timeMessages);

  /** Runs `source` in the page: the worker's time, the page's, the events and the console. */
  const inPage = async (source) => {
    for (const worker of page.workers()) await worker.evaluate(() => { self.loopscopePosted = []; });
    const typed = Date.now();
    await page.locator('.editor-scroll textarea').fill(source);
    let worker = null;
    let posted = [];
    while (!posted.some(([kind]) => kind === FINISHED)) {
      await page.waitForTimeout(200);
      if (Date.now() - typed > 900_000) throw new Error('the run did not finish in 15 minutes');
      for (const candidate of page.workers()) {
        const messages = await candidate.evaluate(() => self.loopscopePosted ?? []);
        if (messages.some(([kind]) => kind === STARTED)) [worker, posted] = [candidate, messages];
      }
    }
    const status = page.locator('.run-status').first();
    await page.waitForFunction(() => !document.querySelector('.run-status')?.classList.contains('running'),
      null, { timeout: 900_000, polling: 100 });
    const pageMs = Date.now() - typed;
    const started = posted.find(([kind]) => kind === STARTED)[1];
    const finished = posted.find(([kind]) => kind === FINISHED)[1];
    const label = (await page.locator('.event-label').first().textContent()) ?? '';
    const events = Number(label.replace(/[,\u202f]/g, '').match(/of (\d+)/)?.[1] ?? 0);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.export-menu').getByRole('button', { name: 'Console (text)' }).click(),
    ]);
    const stdout = readFileSync(await file.path(), 'utf8');
    return { workerMs: finished - started, pageMs, events, stdout, status: (await status.textContent())?.trim() };
  };
  const inNative = (name) => {
    const t = performance.now();
    const ran = spawnSync(native, ['run', '--timestamps', name], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    return { nativeMs: performance.now() - t, stdout: ran.stdout, status: ran.status };
  };

  // Round by round, each program in turn: the page runs a program when its text changes, so
  // the same program is never typed twice in a row.
  const rows = programs.map(({ name }) => ({ name,
    constants: Object.entries(sizes[name].to).map(([c, v]) => `${c} = ${v}`).join(', '),
    worker_runs_ms: [], native_runs_ms: [], page_runs_ms: [], same: true }));
  for (const row of rows) console.log(`${row.name} with ${row.constants}: ${sizes[row.name].why}`);
  for (let round = 0; round < rounds; round++) {
    for (const [index, { name, source }] of programs.entries()) {
      const row = rows[index];
      const paged = await inPage(source);
      const ran = inNative(name);
      const same = paged.stdout === ran.stdout && ran.status === 0;
      row.same &&= same;
      row.events = paged.events;
      row.worker_runs_ms.push(paged.workerMs);
      row.native_runs_ms.push(ran.nativeMs);
      row.page_runs_ms.push(paged.pageMs);
      console.log(`round ${round + 1}, ${name}: the page's worker ${paged.workerMs.toFixed(0)} ms (${paged.events.toLocaleString('en')} events, ${paged.status}; the page showed it ${paged.pageMs} ms after the program was typed), native ${ran.nativeMs.toFixed(0)} ms (exit ${ran.status}); same output: ${same ? 'yes' : 'NO'}`);
      if (!same) {
        console.log(`  page: ${JSON.stringify(paged.stdout.slice(0, 300))}\n  native: ${JSON.stringify(ran.stdout.slice(0, 300))}`);
      }
    }
  }
  for (const row of rows) {
    row.worker_ms = median(row.worker_runs_ms);
    row.native_ms = median(row.native_runs_ms);
    row.page_ms = median(row.page_runs_ms);
  }
  console.log(`\n| program | size | events | the page's worker | native | worker / native | same output |`);
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(`| \`${r.name}\` | ${r.constants} | ${r.events.toLocaleString('en')} | ${(r.worker_ms / 1000).toFixed(3)} s | ${(r.native_ms / 1000).toFixed(3)} s | ${(r.worker_ms / r.native_ms).toFixed(2)}× | ${r.same ? 'yes' : 'NO'} |`);
  }
  figures.programs = rows;
  figures.load_end = load();
  console.log(`\nload average at the end: ${figures.load_end}`);
  console.log(`BENCH-JSON ${JSON.stringify(figures)}`);
  await context.close();
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
