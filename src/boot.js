// Loads the Loopscope wasm app, and says so when it cannot run.
//
// trunk's default loader is an inline <script type="module">, which the page's
// Content-Security-Policy (no 'unsafe-inline') would block. Trunk.toml's
// `pattern_script` loads this file instead and passes the build's hashed file
// names in its query string.
//
// The release build aborts on a panic (no unwinding, no message: see
// docs/ARCHITECTURE.md), which reaches the page as a WebAssembly.RuntimeError. After
// one the app's state cannot be trusted, so instead of a page that silently stops
// answering, a banner says what happened. The editor autosaves every edit, so a
// reload brings the program back. (A trap in the engine happens in its worker, where
// the app itself reports it and carries on.)

function showFailure(what, error) {
  if (document.getElementById("fatal-error")) {
    return;
  }
  const banner = document.createElement("div");
  banner.id = "fatal-error";
  banner.className = "banner fatal";
  banner.setAttribute("role", "alert");
  const message = document.createElement("p");
  const detail = error && error.message ? ` (${error.name}: ${error.message})` : "";
  message.textContent = `${what}${detail}. Reload the page to start again; your program is kept in this browser.`;
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "Reload";
  reload.addEventListener("click", () => location.reload());
  banner.append(message, reload);
  document.body.prepend(banner);
}

function isWasmFailure(error) {
  return error instanceof WebAssembly.RuntimeError;
}

window.addEventListener("error", (event) => {
  if (isWasmFailure(event.error)) {
    showFailure("Loopscope hit an internal error and stopped", event.error);
  }
});
window.addEventListener("unhandledrejection", (event) => {
  if (isWasmFailure(event.reason)) {
    showFailure("Loopscope hit an internal error and stopped", event.reason);
  }
});

// The editor before the app. The app's wasm takes a while to arrive and compile on a slow
// link, so the program is shown at once in a plain textarea (index.html's #early-editor):
// the autosaved draft, else the default example index.html holds (no request to wait for
// behind the wasm downloads); a share link's program read-only (the app
// decides what becomes of the draft then). What is typed there is the draft, saved as it
// is typed, so the app opens it and nothing is lost even if the app never starts; the app
// then moves the caret into its own editor and removes this one (src/early_editor.rs).
// Embeds wait for the app.
const DRAFT_KEY = "loopscope.draft.v1"; // src/storage.rs
const POSITION_KEY = "loopscope.position.v1";

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

// A share link's program (src/share_link.rs: `#v2.` or `#v3.`, base64url of raw DEFLATE of
// a postcard payload whose first field is the program: a varint length, then UTF-8), or
// null for anything else; the app checks the link properly and explains a damaged one.
async function linkedProgram(fragment) {
  const link = /^#v[23]\.([A-Za-z0-9_-]+)$/.exec(fragment);
  if (!link || typeof DecompressionStream !== "function") {
    return null;
  }
  try {
    const base64 = link[1].replaceAll("-", "+").replaceAll("_", "/");
    const compressed = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    const payload = new Uint8Array(await new Response(stream).arrayBuffer());
    let length = 0;
    let at = 0;
    for (let shift = 0; at < 5; shift += 7) {
      const byte = payload[at++];
      length += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) {
        break;
      }
    }
    if (at + length > payload.length) {
      return null;
    }
    return new TextDecoder("utf-8", { fatal: true }).decode(payload.subarray(at, at + length));
  } catch {
    return null;
  }
}

async function showEarlyEditor() {
  const editor = document.getElementById("early-editor");
  const embed = new URLSearchParams(location.search).get("embed");
  if (!editor || embed === "1" || embed === "true") {
    return;
  }
  const fromLink = location.hash.length > 1;
  const program = fromLink ? await linkedProgram(location.hash) : (stored(DRAFT_KEY) ?? editor.value);
  // The app may have mounted meanwhile: it removed the textarea.
  if (program === null || !editor.isConnected) {
    return;
  }
  editor.value = program;
  editor.readOnly = fromLink;
  editor.hidden = false;
  editor.addEventListener("input", () => {
    editor.dataset.edited = "true";
    try {
      localStorage.setItem(DRAFT_KEY, editor.value);
      // The position belonged to the program before this edit.
      localStorage.removeItem(POSITION_KEY);
    } catch {
      // Storage disabled or full: the app still takes the text from the textarea.
    }
  });
}

showEarlyEditor();

const files = new URL(import.meta.url).searchParams;
const glueUrl = new URL(files.get("js"), location.href).href;
const wasmUrl = new URL(files.get("wasm"), location.href).href;
// The engine is a wasm module of its own (trunk's worker build names it after its binary,
// src/worker.js imports its glue): only its workers run it, and the app's module is small.
const engineWasmUrl = new URL("loopscope-engine_bg.wasm", import.meta.url).href;

// A wasm module, fetched and compiled once.
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  if (response.headers.get("content-type")?.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// The engine downloads and compiles beside the app (asked for after it), and the first engine
// worker starts with the page (its script and glue load meanwhile): the first program runs
// as soon as both modules are ready. A worker receives the compiled module once the app has
// claimed it (and so listens to it), and instantiates it; one that cannot have the module
// is told why and fails, which the app hears as the worker's error (src/engine.rs).
const appModule = compile(wasmUrl);
appModule.catch(() => {});
const engineModule = compile(engineWasmUrl);
engineModule.catch(() => {});
const newWorker = () => new Worker(new URL("worker.js", import.meta.url), { type: "module" });
let spareWorker = newWorker();
// The app calls this (src/engine.rs) for a worker running the engine.
window.loopscopeStartEngine = () => {
  const worker = spareWorker ?? newWorker();
  spareWorker = null;
  engineModule.then(
    (module) => worker.postMessage({ module }),
    (error) => worker.postMessage({ failure: `the engine could not load (${error})` }),
  );
  return worker;
};

try {
  const [glue, module] = await Promise.all([import(glueUrl), appModule]);
  const exports = await glue.default({ module_or_path: module });
  // For tests/e2e/measure/budgets.mjs: the page's wasm memory, in bytes.
  window.loopscopeMemoryBytes = () => exports.memory.buffer.byteLength;
  document.getElementById("loading")?.remove();
} catch (error) {
  document.getElementById("loading")?.remove();
  showFailure("Loopscope could not start", error);
}
