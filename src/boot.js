// Loads the Loopscope wasm app.
//
// trunk's default loader is an inline <script type="module">, which the page's
// Content-Security-Policy (no 'unsafe-inline') would block. Trunk.toml's
// `pattern_script` loads this file instead and passes the build's hashed file
// names in its query string.
const files = new URL(import.meta.url).searchParams;
const { default: init } = await import(files.get("js"));
await init({ module_or_path: files.get("wasm") });
