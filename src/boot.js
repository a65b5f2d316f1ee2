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
// reload brings the program back.

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

const files = new URL(import.meta.url).searchParams;
try {
  const { default: init } = await import(files.get("js"));
  await init({ module_or_path: files.get("wasm") });
} catch (error) {
  showFailure("Loopscope could not start", error);
}
