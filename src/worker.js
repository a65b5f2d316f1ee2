// The engine's Web Worker. The page (src/boot.js) sends the wasm module it compiled and the
// URL of wasm-bindgen's glue; instantiating them runs the app's `main`, which finds no
// window and serves runs instead (src/worker.rs). A failure to load is rethrown as an
// uncaught error, which the page hears as the worker's `error` event.
self.addEventListener(
  "message",
  async (event) => {
    try {
      const { module, glue } = event.data;
      const { default: init } = await import(glue);
      await init({ module_or_path: module });
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  },
  { once: true },
);
