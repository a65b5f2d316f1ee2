//! What the page's app (`src/main.rs`) and the engine's worker (`src/worker.rs`) share:
//! the messages between them and the trace's transfer format. They are two wasm modules,
//! so that the page downloads and compiles only the app, not the engine.

pub mod transfer;
