// trunk's post-build hook (Trunk.toml): names the files trunk leaves unhashed after their
// content, so that a deploy never mixes versions in a cache (browsers and proxies may keep a
// file with an unchanged name across deploys; index.html, always fetched afresh, names the
// rest). trunk hashes the app's wasm and glue and the stylesheets, but names a worker's
// files after its binary (loopscope-engine.js, loopscope-engine_bg.wasm), and copies
// worker.js, boot.js and the library's Python directory (python/) as they are. Each file
// below is renamed NAME-HASH.EXT (SHA-256, 16 hex digits, like trunk's) after the names it
// holds are rewritten, in dependency order: the engine's wasm and glue and the library's
// directory (python-HASH/, after every file's path and content), then worker.js (imports
// the glue, fetches from the library), then boot.js (fetches the engine's wasm, starts
// worker.js), then index.html (loads boot.js).
// Runs in trunk's staging directory (TRUNK_STAGING_DIR); plain node, no dependencies.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('hash-engine.mjs runs as trunk\'s post_build hook (TRUNK_STAGING_DIR is not set)');
  process.exit(1);
}

const read = (name) => readFileSync(join(dir, name));
const hash = (...contents) => {
  const digest = createHash('sha256');
  for (const content of contents) digest.update(content);
  return digest.digest('hex').slice(0, 16);
};

/** Replaces each of `names`' quoted occurrences in text file `file` (exactly one each). */
function rewrite(file, names) {
  let text = read(file).toString('utf8');
  for (const [from, to] of names) {
    const parts = text.split(from);
    if (parts.length !== 2) {
      console.error(`hash-engine.mjs: ${file} should name ${from} once, names it ${parts.length - 1} times`);
      process.exit(1);
    }
    text = parts.join(to);
  }
  writeFileSync(join(dir, file), text);
}

/** Renames `file` after its content (NAME-HASH.EXT) and gives the new name. */
function renameHashed(file, stem, extension) {
  const hashed = `${stem}-${hash(read(file))}${extension}`;
  renameSync(join(dir, file), join(dir, hashed));
  return hashed;
}

// The engine: its wasm and glue, named after both (the glue's default wasm path follows).
const engineHash = hash(read('loopscope-engine_bg.wasm'), read('loopscope-engine.js'));
const engineWasm = `loopscope-engine-${engineHash}_bg.wasm`;
const engineJs = `loopscope-engine-${engineHash}.js`;
rewrite('loopscope-engine.js', [["'loopscope-engine_bg.wasm'", `'${engineWasm}'`]]);
renameSync(join(dir, 'loopscope-engine_bg.wasm'), join(dir, engineWasm));
renameSync(join(dir, 'loopscope-engine.js'), join(dir, engineJs));

// The library's Python files, fetched by the workers on a program's first import of one.
const libraryFiles = readdirSync(join(dir, 'python'), { recursive: true })
  .map((name) => name.split('\\').join('/'))
  .filter((name) => name.endsWith('.py'))
  .sort();
const library = `python-${hash(...libraryFiles.flatMap((name) => [name, read(join('python', name))]))}`;
renameSync(join(dir, 'python'), join(dir, library));

rewrite('worker.js', [
  ['"./loopscope-engine.js"', `"./${engineJs}"`],
  ['"python/"', `"${library}/"`],
]);
const worker = renameHashed('worker.js', 'worker', '.js');

rewrite('boot.js', [
  ['"loopscope-engine_bg.wasm"', `"${engineWasm}"`],
  ['"worker.js"', `"${worker}"`],
]);
const boot = renameHashed('boot.js', 'boot', '.js');

rewrite('index.html', [['/boot.js?', `/${boot}?`]]);
console.log(`hash-engine.mjs: ${engineWasm}, ${engineJs}, ${library}/, ${worker}, ${boot}`);
