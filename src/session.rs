//! The page's shared state: the program, its settings, the last run and the event shown.
//!
//! [`Session`] is a bundle of signals provided as context, so every component reads and
//! writes the same state. Running the program is the only expensive step and happens only
//! in [`Session::run_now`]; seeking just changes `event`.

use std::sync::Arc;

use leptos::prelude::*;
use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, Limits, RunOptions};
use loopscope_viewmodel::{LoopView, Narration, Timeline};

use crate::editor::LineProblem;
use crate::embed::DEFAULT_SPEED;
use crate::examples::find;
use crate::problem::locate;

/// Trace events before a run in the page stops (a browser tab has less room than the CLI).
const MAX_EVENTS: usize = 200_000;

/// Instructions one step may run without yielding (an endless loop stops in a second or two).
const MAX_INSTRUCTIONS_WITHOUT_YIELD: u64 = 20_000_000;

/// Filename for programs that are not an unchanged preset.
pub const EDITED_FILENAME: &str = "main.py";

/// A finished run of the program.
pub struct Run {
    /// The program that ran (the editor may hold a newer one).
    pub source: String,
    /// Exit status: 0 ok, 1 uncaught exception, 2 parse error, 3 deadlock or limit.
    pub status: i32,
    /// The recorded run, ready to be scrubbed.
    pub timeline: Timeline,
    /// Where it went wrong, for a failed run.
    pub problem: Option<LineProblem>,
    /// One line saying how the run ended.
    pub summary: String,
}

impl Run {
    /// Runs `source` to the end (or to a limit) and keeps its trace.
    pub fn execute(source: &str, filename: &str, seed: u64) -> Run {
        let options = RunOptions {
            filename: filename.to_string(),
            seed,
            limits: Limits {
                max_events: MAX_EVENTS,
                instructions_without_yield: MAX_INSTRUCTIONS_WITHOUT_YIELD,
                ..Limits::default()
            },
            ..RunOptions::default()
        };
        let outcome = run_program(source, &options);
        let stderr = outcome.stream_text(Stream::Stderr);
        let located = (outcome.status != 0)
            .then(|| locate(&stderr, filename))
            .flatten();
        let last_line = outcome
            .trace
            .events
            .iter()
            .rev()
            .map(|event| event.line)
            .find(|line| *line > 0);
        let timeline = Timeline::new(outcome.trace, source);
        let ended_message = timeline.end_status().1.unwrap_or_default();
        let problem = located.as_ref().and_then(|located| {
            located.line.or(last_line).map(|line| LineProblem {
                line,
                message: located.message.clone(),
            })
        });
        let summary = match outcome.status {
            0 => "finished".to_string(),
            1 => format!(
                "stopped by an uncaught exception: {}",
                located.map(|located| located.message).unwrap_or_default()
            ),
            2 => format!(
                "could not start: {}",
                located.map(|located| located.message).unwrap_or_default()
            ),
            _ if !ended_message.is_empty() => format!("stopped: {ended_message}"),
            status => format!("stopped (status {status})"),
        };
        Run {
            source: source.to_string(),
            status: outcome.status,
            timeline,
            problem,
            summary,
        }
    }

    /// Number of events (the last index is one less).
    pub fn event_count(&self) -> usize {
        self.timeline.len()
    }
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
    /// Playback speed in events per second.
    pub speed: RwSignal<f64>,
    /// Narration explains internals instead of concepts.
    pub internals: RwSignal<bool>,
    /// The timeline's axis counts events instead of virtual seconds.
    pub event_axis: RwSignal<bool>,
    /// The loop's state at `event`.
    pub view: Memo<LoopView>,
}

impl Session {
    pub fn new(source: String, filename: String, seed: u64) -> Session {
        let run: RwSignal<Option<Arc<Run>>> = RwSignal::new(None);
        let event = RwSignal::new(0);
        let view = Memo::new(move |_| {
            let event = event.get();
            run.with(|run| {
                run.as_ref()
                    .map(|run| run.timeline.state_at(event))
                    .unwrap_or_default()
            })
        });
        Session {
            source: RwSignal::new(source),
            filename: RwSignal::new(filename),
            seed: RwSignal::new(seed),
            run,
            event,
            playing: RwSignal::new(false),
            speed: RwSignal::new(DEFAULT_SPEED),
            internals: RwSignal::new(false),
            event_axis: RwSignal::new(false),
            view,
        }
    }

    /// The session provided by [`crate::app::App`].
    pub fn get() -> Session {
        expect_context::<Session>()
    }

    /// Runs the editor's program now and shows event `event` of the new trace (clamped).
    pub fn run_now(&self, event: usize) {
        let source = self.source.get_untracked();
        let edited_preset =
            find(&self.filename.get_untracked()).is_some_and(|preset| preset.source != source);
        if edited_preset {
            self.filename.set(EDITED_FILENAME.to_string());
        }
        let run = Run::execute(
            &source,
            &self.filename.get_untracked(),
            self.seed.get_untracked(),
        );
        let last = run.event_count().saturating_sub(1);
        self.run.set(Some(Arc::new(run)));
        self.event.set(event.min(last));
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
    /// The narration of the shown event, in the chosen voice.
    pub fn narration(&self) -> String {
        let mode = if self.internals.get() {
            Narration::Internals
        } else {
            Narration::Concepts
        };
        let event = self.event.get();
        self.run
            .with(|run| run.as_ref().map(|run| run.timeline.narration(event, mode)))
            .unwrap_or_default()
    }
}
