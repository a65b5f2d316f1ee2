//! The page's shared state: the program, its settings, the last run and the event shown.
//!
//! [`Session`] is a bundle of signals provided as context, so every component reads and
//! writes the same state. Running the program is the only expensive step: [`Session::run_now`]
//! hands it to the engine's worker ([`crate::engine`]) and the run arrives later, with
//! progress on the way; seeking just changes `event`.

use std::sync::Arc;

use leptos::prelude::*;
use loopscope_runtime::trace::Stream;
use loopscope_viewmodel::{EndReason, Halt, LoopOutline, Narration, Playhead, Timeline};

use crate::editor::LineProblem;
use crate::engine::{Ending, Engine, EngineEvent};
use crate::examples::find;
use crate::guard::{self, Held};
use crate::number_text::grouped;
use crate::opening::Notice;
use crate::problem::locate;
use crate::speed::{Speed, DEFAULT_SPEED};
use crate::storage;
use loopscope_web::transfer::{Recorded, RunRequest};

/// The event limits the page offers (a browser tab has less room than the CLI).
pub const EVENT_LIMITS: [u64; 6] = [100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000];

/// The event limit until the user picks another.
pub const DEFAULT_EVENT_LIMIT: u64 = 200_000;

/// Memory a run takes per event, worker and page together (the trace twice, the timeline's
/// checkpoints and lanes): measured in BENCHMARKS.md.
pub const BYTES_PER_EVENT: u64 = 150;

/// Filename for programs that are not an unchanged preset.
pub const EDITED_FILENAME: &str = "main.py";

/// A run of the program, finished or not.
pub struct Run {
    /// The program that ran (the editor may hold a newer one).
    pub source: String,
    pub ending: Ending,
    /// The recorded run, ready to be scrubbed.
    pub timeline: Timeline,
    /// Where it went wrong, for a failed run.
    pub problem: Option<LineProblem>,
    /// One line saying how the run ended.
    pub summary: String,
    /// It stopped at the page's event limit.
    pub event_limit_hit: bool,
}

impl Run {
    /// A run from what the engine recorded.
    pub fn new(source: &str, filename: &str, recorded: Recorded, ending: Ending) -> Run {
        let Recorded {
            trace,
            dropped_task_lines,
        } = recorded;
        let last_line = trace
            .events
            .iter()
            .rev()
            .map(|event| event.line)
            .find(|line| *line > 0);
        let timeline = Timeline::with_dropped_tasks(trace, source, &dropped_task_lines);
        let end = timeline.end();
        // Only a program that ended by itself with an error or at a limit (not a SystemExit,
        // whatever its status) has a place where it went wrong.
        let went_wrong = !matches!(end.reason, EndReason::Finished | EndReason::SystemExit);
        let located = (matches!(ending, Ending::Finished(_)) && went_wrong)
            .then(|| timeline.trace().stream_text(Stream::Stderr))
            .and_then(|stderr| locate(&stderr, filename));
        let raised_at = match &end.reason {
            EndReason::Uncaught { line, .. } | EndReason::Halted { line, .. } => *line,
            _ => None,
        };
        let problem = located.as_ref().and_then(|located| {
            raised_at
                .or(located.line)
                .or(last_line)
                .map(|line| LineProblem {
                    line,
                    message: located.message.clone(),
                })
        });
        let message = || {
            located
                .as_ref()
                .map(|located| located.message.clone())
                .unwrap_or_default()
        };
        let event_limit_hit = matches!(
            end.reason,
            EndReason::Halted {
                halt: Halt::EventLimit,
                ..
            }
        );
        let events = grouped(timeline.len() as u64);
        let summary = match (&ending, &end.reason) {
            (Ending::Finished(_), EndReason::Finished) => "finished".to_string(),
            (Ending::Finished(status), EndReason::SystemExit) => {
                format!("exited with status {status}")
            }
            (Ending::Finished(1), EndReason::NotStarted) => format!(
                "could not start (Python checks the whole program before running any of it): {}",
                message()
            ),
            (Ending::Finished(_), EndReason::NotStarted) => {
                format!("could not start: {}", message())
            }
            (Ending::Finished(_), EndReason::Uncaught { .. }) => {
                format!("stopped by an uncaught exception: {}", message())
            }
            (Ending::Finished(_), EndReason::Halted { message, .. }) if !message.is_empty() => {
                format!("stopped: {message}")
            }
            (Ending::Finished(status), EndReason::Halted { .. }) => {
                format!("stopped (status {status})")
            }
            (Ending::Stopped, _) => {
                format!("stopped by you after {events} events: showing what was recorded")
            }
            (Ending::Crashed(_), _) => format!(
                "the engine failed after {events} events (an internal error): showing what it recorded"
            ),
        };
        Run {
            source: source.to_string(),
            ending,
            timeline,
            problem,
            summary,
            event_limit_hit,
        }
    }

    /// Number of events (the last index is one less).
    pub fn event_count(&self) -> usize {
        self.timeline.len()
    }

    /// Anything but a clean finish.
    pub fn failed(&self) -> bool {
        self.ending != Ending::Finished(0)
    }
}

/// What the engine is doing for the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Activity {
    /// Nothing: the shown run is the latest.
    Idle,
    /// A run is under way (or waits for the engine to load).
    Running(RunProgress),
}

/// How far the run under way has got.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunProgress {
    pub events: usize,
    pub instructions: u64,
    /// Virtual time, in seconds.
    pub now: f64,
    /// When it started (`Date.now()`, milliseconds).
    pub started_ms: f64,
}

/// The loop's state at the shown event, and the run it belongs to (a playhead moves on
/// only within its own run).
#[derive(Clone)]
pub struct Shown {
    pub run: Option<Arc<Run>>,
    pub playhead: Playhead,
}

/// Every piece of state the components share.
#[derive(Clone, Copy)]
pub struct Session {
    pub source: RwSignal<String>,
    /// The run's filename (shown in tracebacks): the preset's file or `main.py`.
    pub filename: RwSignal<String>,
    pub seed: RwSignal<u64>,
    pub run: RwSignal<Option<Arc<Run>>>,
    /// The event shown (index into the trace).
    pub event: RwSignal<usize>,
    pub playing: RwSignal<bool>,
    /// Playback speed.
    pub speed: RwSignal<Speed>,
    /// Narration explains internals instead of concepts, and the panels list asyncio's own
    /// tasks and objects.
    pub internals: RwSignal<bool>,
    /// The timeline's axis counts events instead of virtual seconds.
    pub event_axis: RwSignal<bool>,
    /// The shown run's state at `event`: each seek moves on from the last.
    pub shown: Memo<Shown>,
    /// The loop's state at `event`, its long lists as ids (each panel builds the rows it
    /// draws: [`Session::at_playhead`]); asyncio's own tasks and objects only with Internals.
    pub view: Memo<LoopOutline>,
    /// The task picked in the Tasks panel (its coroutine stack is shown).
    pub selected_task: RwSignal<Option<u32>>,
    /// What the engine is doing.
    pub activity: RwSignal<Activity>,
    /// Events before a run stops (a setting).
    pub event_limit: RwSignal<u64>,
    /// Why the program was not run at load (the crash-loop guard), until it runs.
    pub held: RwSignal<Option<Held>>,
    /// Why the engine cannot run programs at all, if it cannot.
    pub engine_problem: RwSignal<Option<String>>,
    /// The notice after an opening replaced the user's program (with Undo).
    pub notice: RwSignal<Option<Notice>>,
    /// Bumped when "My programs" changes, so its list re-reads storage.
    pub saved_programs: RwSignal<u32>,
    engine: StoredValue<Option<Engine>, LocalStorage>,
    /// The latest request and the event to show when its run arrives.
    requested: StoredValue<Option<(RunRequest, usize)>>,
}

impl Session {
    pub fn new(source: String, filename: String, seed: u64) -> Session {
        let run: RwSignal<Option<Arc<Run>>> = RwSignal::new(None);
        let event = RwSignal::new(0);
        let internals = RwSignal::new(false);
        let shown = Memo::new_owning(move |previous: Option<Shown>| {
            let event = event.get();
            let run = run.get();
            let from = previous
                .filter(|previous| match (&previous.run, &run) {
                    (Some(before), Some(now)) => Arc::ptr_eq(before, now),
                    _ => false,
                })
                .map(|previous| previous.playhead);
            let playhead = run
                .as_ref()
                .map(|run| run.timeline.playhead(event, from))
                .unwrap_or_default();
            (Shown { run, playhead }, true)
        });
        let view = Memo::new(move |_| {
            let internals = internals.get();
            shown.with(|shown| {
                shown
                    .run
                    .as_ref()
                    .map(|run| run.timeline.outline_at(&shown.playhead, internals))
                    .unwrap_or_default()
            })
        });
        let session = Session {
            source: RwSignal::new(source),
            filename: RwSignal::new(filename),
            seed: RwSignal::new(seed),
            run,
            event,
            playing: RwSignal::new(false),
            speed: RwSignal::new(DEFAULT_SPEED),
            internals,
            event_axis: RwSignal::new(false),
            shown,
            view,
            selected_task: RwSignal::new(None),
            activity: RwSignal::new(Activity::Idle),
            event_limit: RwSignal::new(storage::load_event_limit().unwrap_or(DEFAULT_EVENT_LIMIT)),
            held: RwSignal::new(None),
            engine_problem: RwSignal::new(None),
            notice: RwSignal::new(None),
            saved_programs: RwSignal::new(0),
            engine: StoredValue::new_local(None),
            requested: StoredValue::new(None),
        };
        let engine = Engine::new(move |event| session.on_engine(event));
        session.engine.set_value(Some(engine));
        session
    }

    /// The session provided by [`crate::app::App`].
    pub fn get() -> Session {
        expect_context::<Session>()
    }

    /// Runs the editor's program now (in the engine's worker) and shows event `event` of the
    /// new trace (clamped) when it arrives. A run under way is abandoned.
    pub fn run_now(&self, event: usize) {
        let source = self.source.get_untracked();
        let edited_preset =
            find(&self.filename.get_untracked()).is_some_and(|preset| preset.source != source);
        if edited_preset {
            self.filename.set(EDITED_FILENAME.to_string());
        }
        self.abandon_run();
        let run = self
            .requested
            .with_value(|requested| requested.as_ref().map_or(0, |(request, _)| request.run))
            + 1;
        let request = RunRequest {
            run,
            source,
            filename: self.filename.get_untracked(),
            seed: self.seed.get_untracked(),
            max_events: self.event_limit.get_untracked(),
        };
        self.held.set(None);
        self.requested.set_value(Some((request.clone(), event)));
        self.activity.set(Activity::Running(RunProgress {
            events: 0,
            instructions: 0,
            now: 0.0,
            started_ms: js_sys::Date::now(),
        }));
        self.with_engine(|engine| engine.start(request));
    }

    /// Stops the run under way: what it recorded so far is shown.
    pub fn stop(&self) {
        self.with_engine(Engine::stop);
    }

    /// Abandons the run under way, if any (the program changed): nothing of it is shown.
    pub fn abandon_run(&self) {
        if !matches!(self.activity.get_untracked(), Activity::Running(_)) {
            return;
        }
        self.with_engine(Engine::cancel);
        self.activity.set(Activity::Idle);
        if let Some((request, _)) = self.requested.get_value() {
            guard::release(&guard::fingerprint(&request.source, request.seed));
        }
    }

    fn with_engine(&self, act: impl FnOnce(&Engine)) {
        // The engine calls back into the session: act on a clone, outside the stored value.
        if let Some(engine) = self.engine.with_value(Clone::clone) {
            act(&engine);
        }
    }

    fn on_engine(&self, event: EngineEvent) {
        let Some((request, event_to_show)) = self.requested.get_value() else {
            return;
        };
        let fingerprint = guard::fingerprint(&request.source, request.seed);
        match event {
            EngineEvent::Progress {
                run,
                events,
                instructions,
                now,
            } if run == request.run => {
                let Activity::Running(progress) = self.activity.get_untracked() else {
                    return;
                };
                if js_sys::Date::now() - progress.started_ms > guard::SLOW_RUN_MS {
                    guard::hold(&fingerprint, Held::Unfinished);
                }
                self.activity.set(Activity::Running(RunProgress {
                    events,
                    instructions,
                    now,
                    ..progress
                }));
            }
            EngineEvent::Ended { run, trace, ending } if run == request.run => {
                match ending {
                    Ending::Finished(_) => guard::release(&fingerprint),
                    Ending::Stopped => guard::hold(&fingerprint, Held::Stopped),
                    Ending::Crashed(_) => guard::hold(&fingerprint, Held::Crashed),
                }
                let trace = trace.finish(&request.filename, request.seed);
                let run = Run::new(&request.source, &request.filename, trace, ending);
                let last = run.event_count().saturating_sub(1);
                self.run.set(Some(Arc::new(run)));
                self.event.set(event_to_show.min(last));
                self.activity.set(Activity::Idle);
            }
            EngineEvent::Unavailable(message) => {
                self.engine_problem.set(Some(message));
                self.activity.set(Activity::Idle);
            }
            _ => {}
        }
    }

    /// Whether `source` is the shown run's program or the one under way.
    pub fn has_run_for(&self, source: &str) -> bool {
        let shown = self
            .run
            .with_untracked(|run| run.as_ref().is_some_and(|run| run.source == source));
        let under_way = matches!(self.activity.get_untracked(), Activity::Running(_))
            && self.requested.with_value(|requested| {
                requested
                    .as_ref()
                    .is_some_and(|(request, _)| request.source == source)
            });
        shown || under_way
    }

    /// Tells the "My programs" list to read storage again.
    pub fn saved_programs_changed(&self) {
        self.saved_programs.update(|version| *version += 1);
    }

    /// Sets the event limit (remembered) for the next runs.
    pub fn set_event_limit(&self, limit: u64) {
        self.event_limit.set(limit);
        storage::save_event_limit(limit);
    }

    /// The last event's index (0 when there is no run).
    pub fn last_event(&self) -> usize {
        self.run.with(|run| {
            run.as_ref()
                .map_or(0, |run| run.event_count().saturating_sub(1))
        })
    }

    /// Shows event `event` (clamped to the trace).
    pub fn seek(&self, event: usize) {
        let last = self.last_event();
        self.event.set(event.min(last));
    }
}

impl Session {
    /// `read(timeline, playhead)` at the shown event (tracked), if a run is shown: how a
    /// panel builds the rows of [`Session::view`] it draws.
    pub fn at_playhead<T>(&self, read: impl FnOnce(&Timeline, &Playhead) -> T) -> Option<T> {
        self.shown.with(|shown| {
            shown
                .run
                .as_ref()
                .map(|run| read(&run.timeline, &shown.playhead))
        })
    }

    /// The narration of the shown event, in the chosen voice.
    pub fn narration(&self) -> String {
        let mode = if self.internals.get() {
            Narration::Internals
        } else {
            Narration::Concepts
        };
        self.at_playhead(|timeline, playhead| timeline.narration_at(playhead, mode))
            .unwrap_or_default()
    }
}
