//! Entry point of the Loopscope web app: mounts [`app::App`] into the page's `<body>`.
//!
//! trunk builds this binary for `wasm32-unknown-unknown`; `src/boot.js` loads it. The pure
//! modules (highlighting, share links, embed parameters, error locations) also build and
//! test natively: `cargo test -p loopscope-web`.

mod app;
mod controls;
mod dialog;
mod download;
mod editor;
mod embed;
mod examples;
mod help;
mod highlight;
mod number_text;
mod panels;
mod problem;
mod session;
mod share;
mod share_link;
mod storage;
mod theme;
mod timeline;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
