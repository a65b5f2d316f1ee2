// The engine's Web Worker. It loads the engine's wasm-bindgen glue at once; the page
// (src/boot.js) then sends the engine's wasm module, compiled, and instantiating it runs the
// engine's `main`, which serves runs (src/worker.rs). A failure to load (or the page's word
// that the module could not be had) is rethrown as an uncaught error, which the page hears as
// the worker's `error` event (after it started listening: the page sends the module then).

// The library's Python files that the engine does not embed (the runtime's
// src/python_sources.rs), which it asks for when a program first imports one. An import is
// synchronous, so the request is too (allowed in a worker, which has nothing else to do
// meanwhile). The directory is a copy of the runtime's src/modules/python, named after its
// content by xtask/hash-engine.mjs. Gives the file's text, or undefined.
const library = "python/";
self.loopscopeLibraryFile = (path) => {
  try {
    const request = new XMLHttpRequest();
    request.open("GET", new URL(library + path, import.meta.url), false);
    request.overrideMimeType("text/plain; charset=utf-8");
    request.send();
    return request.status === 200 ? request.responseText : undefined;
  } catch {
    return undefined;
  }
};

const glue = import("./loopscope-engine.js");
glue.catch(() => {});
self.addEventListener(
  "message",
  async (event) => {
    try {
      const { module, failure } = event.data;
      if (failure) {
        throw new Error(failure);
      }
      const { default: init } = await glue;
      await init({ module_or_path: module });
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  },
  { once: true },
);
