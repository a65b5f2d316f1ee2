// Side by side, in one Node process (issue 13): the same programs in Pyodide (CPython 3.11
// compiled to WebAssembly, pinned in ./pyodide/package.json), in Loopscope's engine
// compiled to WebAssembly (crates/node), and in the native `loopscope` binary. Pyodide runs
// on the conformance recorder's virtual clock (./pyodide/virtual_loop.py, over
// tests/conformance/record.py), so all three do the same work and must print the same
// stamped stdout; the script says when they do not. A measurement, not a test: it prints
// the figures for BENCHMARKS.md, then the same figures on one line, `BENCH-JSON {...}`, for
// `cargo xtask bench-page`. What a browser downloads to run Pyodide is measured here too:
// the package's files that `loadPyodide` fetches, each gzipped (-9), as a static host serves them.
//
// Usage, at the repository root:
//   (cd tests/e2e/measure/pyodide && npm ci)   # once: Pyodide itself
//   node tests/e2e/measure/pyodide.mjs [PROGRAM.py ...]   # default: bench/*.py
// It builds what it runs first: `cargo build --release -p loopscope-cli --bin loopscope`,
// `cargo build --release --target wasm32-unknown-unknown -p loopscope-node` and
// `wasm-bindgen --target nodejs` into target/wasm-node/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pyodideDir = fileURLToPath(new URL('./pyodide/', import.meta.url));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const seconds = (ms) => (ms / 1000).toFixed(3);
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

function build(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`pyodide.mjs: ${command} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

if (!existsSync(join(pyodideDir, 'node_modules', 'pyodide'))) {
  console.error('pyodide.mjs: Pyodide is not installed: (cd tests/e2e/measure/pyodide && npm ci)');
  process.exit(1);
}
build('cargo', ['build', '--release', '-p', 'loopscope-cli', '--bin', 'loopscope']);
build('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'loopscope-node']);
build('wasm-bindgen', ['--target', 'nodejs', '--out-dir', 'target/wasm-node',
  'target/wasm32-unknown-unknown/release/loopscope_node.wasm']);

const programs = process.argv.length > 2
  ? process.argv.slice(2).map((p) => join(process.cwd(), p))
  : readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.py') && f !== 'run_cpython.py')
    .sort().map((f) => join(root, 'bench', f));

// A small gather program: cold start to its first output line.
const firstOutputProgram = [
  'import asyncio',
  'async def hello(n):',
  '    await asyncio.sleep(0.1 * n)',
  '    return n',
  'async def main():',
  '    print(await asyncio.gather(hello(1), hello(2), hello(3)))',
  'asyncio.run(main())',
  '',
].join('\n');

const loadStart = load();
console.log(`load average (1, 5, 15 min) at the start: ${loadStart}`);
// The files a page fetches to start Pyodide: its loader, the Emscripten glue, the wasm, the
// standard library and the package index.
const pyodideFiles = ['pyodide.mjs', 'pyodide.asm.js', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];
let pyodideRaw = 0;
let pyodideGzip = 0;
for (const file of pyodideFiles) {
  const body = readFileSync(join(pyodideDir, 'node_modules', 'pyodide', file));
  pyodideRaw += body.length;
  pyodideGzip += gzipSync(body, { level: 9 }).length;
}
console.log(`Pyodide's download (${pyodideFiles.join(', ')}): ${pyodideRaw.toLocaleString('en')} bytes raw, ${pyodideGzip.toLocaleString('en')} gzipped`);
const wasmBytes = readFileSync(join(root, 'target/wasm-node/loopscope_node_bg.wasm')).length;

// Loopscope's wasm: loading the module compiles and instantiates it.
let started = performance.now();
const engine = createRequire(import.meta.url)(join(root, 'target/wasm-node/loopscope_node.js'));
const engineStart = performance.now() - started;
started = performance.now();
const engineFirst = engine.run(firstOutputProgram, 'first.py').stdout;
const engineFirstRun = performance.now() - started;

// Pyodide: load, then the recorder and the virtual loop into its file system.
started = performance.now();
const { loadPyodide } = await import(join(pyodideDir, 'node_modules/pyodide/pyodide.mjs'));
const pyodide = await loadPyodide({ env: { PYTHONHASHSEED: '0' } });
pyodide.FS.mkdirTree('/measure');
pyodide.FS.writeFile('/measure/record.py', readFileSync(join(root, 'tests/conformance/record.py')));
pyodide.FS.writeFile('/measure/virtual_loop.py', readFileSync(join(pyodideDir, 'virtual_loop.py')));
pyodide.runPython("import sys; sys.path.insert(0, '/measure'); import virtual_loop");
const pyodideStart = performance.now() - started;
const runInPyodide = pyodide.runPython('virtual_loop.run');
started = performance.now();
const pyodideFirst = runInPyodide(firstOutputProgram, 'first.py');
const pyodideFirstRun = performance.now() - started;
const pyodideVersion = pyodide.runPython("sys.version.split()[0]");

console.log(`Pyodide ${pyodide.version} (Python ${pyodideVersion}); Loopscope's wasm ${wasmBytes} bytes`);
console.log(`start-up: Loopscope wasm ${seconds(engineStart)} s, Pyodide ${seconds(pyodideStart)} s (${ratio(pyodideStart, engineStart)})`);
console.log(`cold start to first output (start-up + the gather program): Loopscope wasm ${seconds(engineStart + engineFirstRun)} s, Pyodide ${seconds(pyodideStart + pyodideFirstRun)} s (${ratio(pyodideStart + pyodideFirstRun, engineStart + engineFirstRun)}); same output: ${engineFirst === pyodideFirst ? 'yes' : 'NO'}`);

const native = join(root, 'target/release/loopscope');
const rows = [];
for (const program of programs) {
  const name = basename(program);
  const source = readFileSync(program, 'utf8');

  let t = performance.now();
  const ran = engine.run(source, name);
  const wasmMs = performance.now() - t;

  t = performance.now();
  const nativeRun = spawnSync(native, ['run', '--timestamps', name],
    { cwd: join(program, '..'), encoding: 'utf8', maxBuffer: 1 << 28 });
  const nativeMs = performance.now() - t;

  t = performance.now();
  let pyodideOut;
  try {
    pyodideOut = runInPyodide(source, name);
  } catch (error) {
    pyodideOut = `failed: ${String(error).split('\n').filter(Boolean).pop()}`;
  }
  const pyodideMs = performance.now() - t;

  const same = ran.stdout === pyodideOut && ran.stdout === nativeRun.stdout;
  rows.push({ name, wasmMs, nativeMs, pyodideMs, same, records: ran.records });
  console.log(`${name}: Loopscope wasm ${seconds(wasmMs)} s (${ran.records} records, status ${ran.status}), native ${seconds(nativeMs)} s, Pyodide ${seconds(pyodideMs)} s; same output: ${same ? 'yes' : 'NO'}`);
  if (!same) {
    console.log(`  wasm: ${JSON.stringify(ran.stdout.slice(0, 200))}\n  native: ${JSON.stringify(nativeRun.stdout.slice(0, 200))}\n  Pyodide: ${JSON.stringify(pyodideOut.slice(0, 200))}`);
  }
}

console.log('\n| program | Pyodide | Loopscope wasm | speed-up | Loopscope native | wasm / native | same output |');
console.log('|---|---:|---:|---:|---:|---:|---|');
for (const r of rows) {
  console.log(`| \`${r.name}\` | ${seconds(r.pyodideMs)} s | ${seconds(r.wasmMs)} s | ${ratio(r.pyodideMs, r.wasmMs)} | ${seconds(r.nativeMs)} s | ${ratio(r.wasmMs, r.nativeMs)} | ${r.same ? 'yes' : 'NO'} |`);
}
const loadEnd = load();
console.log(`\nload average (1, 5, 15 min) at the end: ${loadEnd}`);
console.log(`BENCH-JSON ${JSON.stringify({
  script: 'pyodide',
  load_start: loadStart,
  load_end: loadEnd,
  pyodide_version: pyodide.version,
  pyodide_python: pyodideVersion,
  pyodide_download_raw_bytes: pyodideRaw,
  pyodide_download_gzip_bytes: pyodideGzip,
  wasm_node_bytes: wasmBytes,
  startup_loopscope_ms: engineStart,
  startup_pyodide_ms: pyodideStart,
  first_output_loopscope_ms: engineStart + engineFirstRun,
  first_output_pyodide_ms: pyodideStart + pyodideFirstRun,
  first_output_same: engineFirst === pyodideFirst,
  programs: rows.map((r) => ({
    name: r.name, pyodide_ms: r.pyodideMs, wasm_ms: r.wasmMs, native_ms: r.nativeMs, same: r.same,
  })),
})}`);
