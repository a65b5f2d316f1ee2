//! The page's side of the engine's Web Worker: start a run, follow its progress, stop it.
//!
//! The page never runs a program itself, so it stays responsive whatever the program does.
//! boot.js compiles the wasm module once and exposes `loopscopeStartEngine()`, which starts
//! a worker on that same module (see [`crate::worker`]). A run streams its trace in chunks;
//! [`Engine::stop`] terminates the worker (a run cannot be interrupted any other way) and
//! keeps what arrived, and so does a trap in the worker. A fresh worker then takes over.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use loopscope_web::transfer::{
    decode_message, encode_request, FromEngine, RunRequest, TraceAssembler,
};

#[wasm_bindgen]
extern "C" {
    /// Defined by boot.js: a worker running this wasm module, loading it.
    #[wasm_bindgen(js_name = loopscopeStartEngine, catch)]
    fn start_engine_worker() -> Result<Worker, JsValue>;
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Ending {
    /// The program ran to its end (or to a limit): its exit status.
    Finished(i32),
    /// The user stopped it.
    Stopped,
    /// The engine failed (a trap in the worker); what the browser said.
    Crashed(String),
}

/// What the engine tells the page.
pub enum EngineEvent {
    /// A run is under way: events recorded, instructions executed, virtual time.
    Progress {
        run: u32,
        events: usize,
        instructions: u64,
        now: f64,
    },
    /// A run ended; `trace` is everything it recorded (named by the page).
    Ended {
        run: u32,
        trace: TraceAssembler,
        ending: Ending,
    },
    /// The engine could not be started at all.
    Unavailable(String),
}

/// Workers that fail before saying they are ready, in a row, before the page gives up.
const MAX_FAILED_STARTS: u32 = 2;

enum State {
    /// The worker is loading; `queued` runs as soon as it is ready.
    Loading {
        queued: Option<RunRequest>,
    },
    Idle,
    Busy {
        run: u32,
        trace: TraceAssembler,
    },
    /// No engine (it failed to start).
    Unavailable,
}

/// A worker's message and error handlers.
type Handlers = (Closure<dyn Fn(MessageEvent)>, Closure<dyn Fn(ErrorEvent)>);

struct Inner {
    worker: Option<Worker>,
    state: State,
    failed_starts: u32,
    listener: Rc<dyn Fn(EngineEvent)>,
    /// The current worker's handlers (dropped with it).
    handlers: Option<Handlers>,
}

/// The engine, shared by whoever starts and stops runs.
#[derive(Clone)]
pub struct Engine(Rc<RefCell<Inner>>);

impl Engine {
    /// Starts the worker; `listener` hears about every run (never while [`Engine`] is borrowed).
    pub fn new(listener: impl Fn(EngineEvent) + 'static) -> Engine {
        let engine = Engine(Rc::new(RefCell::new(Inner {
            worker: None,
            state: State::Loading { queued: None },
            failed_starts: 0,
            listener: Rc::new(listener),
            handlers: None,
        })));
        engine.spawn();
        engine
    }

    /// Runs `request`, abandoning any run under way (its worker is terminated unheard).
    pub fn start(&self, request: RunRequest) {
        let mut inner = self.0.borrow_mut();
        match &mut inner.state {
            State::Loading { queued } => *queued = Some(request),
            State::Idle => {
                let run = request.run;
                send(inner.worker.as_ref(), &request);
                inner.state = State::Busy {
                    run,
                    trace: TraceAssembler::default(),
                };
            }
            State::Busy { .. } => {
                drop(inner);
                self.replace_worker(Some(request));
            }
            State::Unavailable => {}
        }
    }

    /// Abandons the run under way, if any, without a word.
    pub fn cancel(&self) {
        let busy = matches!(self.0.borrow().state, State::Busy { .. });
        if busy {
            self.replace_worker(None);
        } else if let State::Loading { queued } = &mut self.0.borrow_mut().state {
            *queued = None;
        }
    }

    /// Stops the run under way; its listener hears [`Ending::Stopped`] with what it recorded.
    pub fn stop(&self) {
        self.end_busy_run(Ending::Stopped);
    }

    /// Ends the busy run (if any) with `ending`, keeping its trace, on a fresh worker.
    fn end_busy_run(&self, ending: Ending) {
        let ended = {
            let mut inner = self.0.borrow_mut();
            match std::mem::replace(&mut inner.state, State::Loading { queued: None }) {
                State::Busy { run, trace } => Some((run, trace)),
                other => {
                    inner.state = other;
                    None
                }
            }
        };
        let Some((run, trace)) = ended else { return };
        self.replace_worker(None);
        self.tell(EngineEvent::Ended { run, trace, ending });
    }

    /// Terminates the worker and starts another, which will run `queued` once loaded.
    fn replace_worker(&self, queued: Option<RunRequest>) {
        {
            let mut inner = self.0.borrow_mut();
            if let Some(worker) = inner.worker.take() {
                quit(&worker);
            }
            inner.handlers = None;
            inner.state = State::Loading { queued };
        }
        self.spawn();
    }

    fn spawn(&self) {
        let worker = match start_engine_worker() {
            Ok(worker) => worker,
            Err(error) => {
                self.0.borrow_mut().state = State::Unavailable;
                self.tell(EngineEvent::Unavailable(describe(&error)));
                return;
            }
        };
        let on_message = {
            let engine = self.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                let bytes = js_sys::Uint8Array::new(&event.data()).to_vec();
                if let Some(message) = decode_message(&bytes) {
                    engine.receive(message);
                }
            })
        };
        let on_error = {
            let engine = self.clone();
            Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
                event.prevent_default();
                engine.fail(event.message());
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut inner = self.0.borrow_mut();
        inner.worker = Some(worker);
        inner.handlers = Some((on_message, on_error));
    }

    fn receive(&self, message: FromEngine) {
        let event = {
            let mut inner = self.0.borrow_mut();
            let inner = &mut *inner;
            match (message, &mut inner.state) {
                (FromEngine::Ready, State::Loading { queued }) => {
                    inner.failed_starts = 0;
                    match queued.take() {
                        Some(request) => {
                            send(inner.worker.as_ref(), &request);
                            inner.state = State::Busy {
                                run: request.run,
                                trace: TraceAssembler::default(),
                            };
                        }
                        None => inner.state = State::Idle,
                    }
                    None
                }
                (
                    FromEngine::Started {
                        run,
                        dropped_task_lines,
                    },
                    State::Busy { run: busy, trace },
                ) if run == *busy => {
                    trace.set_dropped_task_lines(dropped_task_lines);
                    None
                }
                (
                    FromEngine::Progress {
                        run,
                        instructions,
                        now,
                        chunk,
                    },
                    State::Busy { run: busy, trace },
                ) if run == *busy => {
                    trace.append(chunk);
                    Some(EngineEvent::Progress {
                        run,
                        events: trace.event_count(),
                        instructions,
                        now,
                    })
                }
                (FromEngine::Finished { run, status, chunk }, State::Busy { run: busy, .. })
                    if run == *busy =>
                {
                    let State::Busy { mut trace, .. } =
                        std::mem::replace(&mut inner.state, State::Idle)
                    else {
                        unreachable!("matched Busy above")
                    };
                    trace.append(chunk);
                    Some(EngineEvent::Ended {
                        run,
                        trace,
                        ending: Ending::Finished(status),
                    })
                }
                _ => None,
            }
        };
        if let Some(event) = event {
            self.tell(event);
        }
    }

    /// The worker failed: a trap during a run, or it could not load.
    fn fail(&self, message: String) {
        let state = std::mem::replace(&mut self.0.borrow_mut().state, State::Unavailable);
        match state {
            State::Busy { run, trace } => {
                self.replace_worker(None);
                self.tell(EngineEvent::Ended {
                    run,
                    trace,
                    ending: Ending::Crashed(message),
                });
            }
            State::Loading { queued } => {
                let give_up = {
                    let mut inner = self.0.borrow_mut();
                    inner.failed_starts += 1;
                    inner.failed_starts >= MAX_FAILED_STARTS
                };
                if give_up {
                    if let Some(worker) = self.0.borrow_mut().worker.take() {
                        quit(&worker);
                    }
                    self.tell(EngineEvent::Unavailable(message));
                } else {
                    self.replace_worker(queued);
                }
            }
            State::Idle => self.replace_worker(None),
            State::Unavailable => {}
        }
    }

    fn tell(&self, event: EngineEvent) {
        let listener = self.0.borrow().listener.clone();
        listener(event);
    }
}

/// Terminates a worker, unhooking the page's handlers first (a message already on its way
/// must not reach a handler that is gone).
fn quit(worker: &Worker) {
    worker.set_onmessage(None);
    worker.set_onerror(None);
    worker.terminate();
}

fn send(worker: Option<&Worker>, request: &RunRequest) {
    let Some(worker) = worker else { return };
    let array = js_sys::Uint8Array::from(encode_request(request).as_slice());
    let _ = worker.post_message_with_transfer(&array, &js_sys::Array::of1(&array.buffer()));
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|| "the engine's worker could not be created".to_string())
}
