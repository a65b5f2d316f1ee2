//! Entry point of the Loopscope web app: mounts [`app::App`] into the page's `<body>`.
//!
//! trunk builds this binary for `wasm32-unknown-unknown`; `src/boot.js` loads it. Programs
//! run in the engine's Web Worker, a wasm module of its own (`src/worker.rs`), so this one
//! holds no engine: nothing here calls it (the trace's types come with it). The pure
//! modules (highlighting, share links, embed parameters, error locations) also build and
//! test natively: `cargo test -p loopscope-web`.

mod app;
mod compare;
mod composer;
mod controls;
mod dialog;
mod download;
mod early_editor;
mod editor;
mod embed;
mod embed_dialog;
mod embed_frame;
mod engine;
mod examples;
mod exports;
mod guard;
mod help;
mod highlight;
mod markup;
mod number_text;
mod opening;
mod panels;
mod problem;
mod program_picker;
mod programs;
mod run_status;
mod scroll_view;
mod session;
mod share;
mod share_link;
mod speed;
mod storage;
mod theme;
mod timeline;
mod tour;

fn main() {
    leptos::mount::mount_to_body(app::App);
    early_editor::hand_over();
}
