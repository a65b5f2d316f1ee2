// The engine's Web Worker. It loads the engine's wasm-bindgen glue at once; the page
// (src/boot.js) then sends the engine's wasm module, compiled, and instantiating it runs the
// engine's `main`, which serves runs (src/worker.rs). A failure to load (or the page's word
// that the module could not be had) is rethrown as an uncaught error, which the page hears as
// the worker's `error` event (after it started listening: the page sends the module then).
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
