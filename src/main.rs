//! Entry point of the Loopscope web app: mounts [`app::App`] into the page's `<body>`.
//!
//! trunk builds this binary for `wasm32-unknown-unknown`; `src/boot.js` loads it.

mod app;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
