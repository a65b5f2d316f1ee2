//! The engine's Web Worker (the `loopscope-engine` binary): the only place the engine runs.
//!
//! trunk builds it as a wasm module of its own beside the page's; `src/boot.js` compiles it
//! while the page's app loads and each worker (`src/worker.js`) instantiates it. [`main`]
//! says [`FromEngine::Ready`], then runs each [`RunRequest`] it receives: it first sends
//! [`FromEngine::Started`] with the lines where the program drops a task (the page has no
//! parser to find them), then streams what the run records every [`PROGRESS_INTERVAL_MS`]
//! so the page can show progress, and keep it if the run is stopped (the page terminates
//! the worker) or traps.

use std::cell::Cell;
use std::rc::Rc;

use loopscope_runtime::progress::ProgressHook;
use loopscope_runtime::{run_program_observed, Limits, RunOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use loopscope_web::transfer::{decode_request, encode_message, FromEngine, RunRequest, TraceChunk};

/// Instructions one step may run without yielding (an endless loop stops in a second or
/// two; until then the page shows the count climbing and offers Stop).
const MAX_INSTRUCTIONS_WITHOUT_YIELD: u64 = 20_000_000;

/// Bytes a run may hold in the page (the CLI's budget is 1 GiB): MemoryError past it, and
/// the run stopped with what it recorded at a quarter more (640 MiB). Traces are small
/// beside it: the 1,000,000-event program of issue 13 (2,000 tasks × 50 sleeps) peaks at
/// 24 MB natively, 5,000,000 events (the page's largest limit) at 56 MB. The page itself
/// holds ~150 bytes an event (750 MB at 5,000,000); 1 GiB here (stopped at 1.25 GiB, and a
/// worker's memory never shrinks) beside that leaves a 4 GiB laptop no room for the browser.
const MEMORY_BUDGET: usize = 512 << 20;

/// Milliseconds between two progress messages, at least.
const PROGRESS_INTERVAL_MS: f64 = 100.0;

// Only the browser build leaves library files out (Cargo.toml enables `fetched-library`
// for wasm32 alone); a native build of this binary, as clippy's, embeds them all.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    /// A library file the engine does not embed, by its path under the runtime's
    /// `src/modules/python/`: src/worker.js fetches it from the server.
    #[wasm_bindgen(js_name = loopscopeLibraryFile)]
    fn library_file(path: &str) -> Option<String>;
}

/// Answers run requests until the page terminates the worker.
fn main() {
    #[cfg(target_arch = "wasm32")]
    loopscope_runtime::set_library_loader(library_file);
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = {
        let scope = scope.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
            if let Some(request) = decode_request(&bytes) {
                run(&scope, request);
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &FromEngine::Ready);
}

/// Sends a message to the page, handing over its buffer rather than copying it.
fn post(scope: &DedicatedWorkerGlobalScope, message: &FromEngine) {
    let array = js_sys::Uint8Array::from(encode_message(message).as_slice());
    let _ = scope.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
}

/// Runs one program, streaming its trace to the page.
fn run(scope: &DedicatedWorkerGlobalScope, request: RunRequest) {
    let options = RunOptions {
        filename: request.filename,
        seed: request.seed,
        limits: Limits {
            max_events: usize::try_from(request.max_events).unwrap_or(usize::MAX),
            instructions_without_yield: MAX_INSTRUCTIONS_WITHOUT_YIELD,
            memory_bytes: MEMORY_BUDGET,
            ..Limits::default()
        },
        ..RunOptions::default()
    };
    post(
        scope,
        &FromEngine::Started {
            run: request.run,
            dropped_task_lines: loopscope_viewmodel::dropped_task_lines(&request.source),
        },
    );
    // Strings and records already sent, and when the last message left.
    let sent = Rc::new(Cell::new((0usize, 0usize, f64::NEG_INFINITY)));
    let hook = {
        let (scope, sent, run) = (scope.clone(), sent.clone(), request.run);
        ProgressHook::new(move |progress| {
            let (strings, records, last_post) = sent.get();
            let now_ms = js_sys::Date::now();
            if now_ms - last_post < PROGRESS_INTERVAL_MS {
                return;
            }
            post(
                &scope,
                &FromEngine::Progress {
                    run,
                    instructions: progress.instructions,
                    now: progress.now,
                    chunk: TraceChunk::after(progress.trace, strings, records),
                },
            );
            sent.set((
                progress.trace.strings.len(),
                progress.trace.records.len(),
                now_ms,
            ));
        })
    };
    let outcome = run_program_observed(&request.source, &options, Some(hook));
    let (strings, records, _) = sent.get();
    post(
        scope,
        &FromEngine::Finished {
            run: request.run,
            status: outcome.status,
            chunk: TraceChunk::after(&outcome.trace, strings, records),
        },
    );
}
