//! Compare: runs side by side on one virtual-time axis — this program and an example,
//! this composition and the same one with other parameters, or the course notes' lesson
//! (the same four jobs awaited one by one, as tasks, with gather) in one click. Each run
//! shows its lanes, its total virtual time and the moment each line was printed.
//!
//! "This program" is the page's own run, shown as it is. The other runs go, one after the
//! other, to an engine worker of the comparison's own (the page never runs a program
//! itself), with a small event limit: they are programs the page offers, not the reader's.
//! Each is run once: editing the page's program compares it again with the runs kept.

use std::collections::VecDeque;
use std::fmt::Write as _;
use std::sync::Arc;

use leptos::prelude::*;
use loopscope_composer::{generate, Composition, TemplateId};
use loopscope_viewmodel::chart::{tick_step, Paint};
use loopscope_viewmodel::LaneOwner;

use crate::composer::Composer;
use crate::engine::{Ending, Engine, EngineEvent};
use crate::examples::{find, PRESETS};
use crate::markup::escape;
use crate::number_text::{decimal, format_seconds};
use crate::session::{Run, Session};
use loopscope_web::transfer::RunRequest;

/// Events a compared run may record (compared programs are small).
const MAX_EVENTS: u64 = 50_000;
/// The file name compared programs run under.
const FILENAME: &str = "compared.py";
/// The drawing's size: label column, plot width, lane pitch.
const LABEL: i32 = 150;
const PLOT: f64 = 760.0;
const PITCH: i32 = 16;

/// One run in the comparison.
pub struct CompareRun {
    label: String,
    run: Arc<Run>,
}

impl CompareRun {
    /// Virtual time at the end of the run.
    fn total(&self) -> f64 {
        let timeline = &self.run.timeline;
        timeline.event_time(timeline.len())
    }
}

/// What the other runs are.
#[derive(Clone, Debug, PartialEq)]
enum Other {
    /// The lesson's three variants (the page's program is not part of it).
    Lesson,
    /// An example, by file name.
    Example(String),
    /// The composition being composed, with other parameter values.
    Variant(Composition),
}

/// A program waiting for the comparison's engine.
struct Job {
    label: String,
    source: String,
    seed: u64,
}

/// Runs already made, by program and seed: a run is deterministic, so the lesson's three
/// programs, an example or a variant run once, however often the page's own program is
/// edited and run again while they are compared. The latest few are kept (each holds its
/// trace and timeline).
struct RunCache<T> {
    /// Oldest first.
    runs: VecDeque<(String, u64, T)>,
}

/// Runs [`RunCache`] keeps.
const CACHED_RUNS: usize = 8;

impl<T: Clone> RunCache<T> {
    fn new() -> RunCache<T> {
        RunCache {
            runs: VecDeque::new(),
        }
    }

    /// The run of `source` with `seed`, if made (it becomes the latest used).
    fn get(&mut self, source: &str, seed: u64) -> Option<T> {
        let at = self
            .runs
            .iter()
            .position(|(s, n, _)| *n == seed && s == source)?;
        let entry = self.runs.remove(at)?;
        let run = entry.2.clone();
        self.runs.push_back(entry);
        Some(run)
    }

    /// Keeps `run`, made from `source` with `seed`, forgetting the least recently used past
    /// [`CACHED_RUNS`].
    fn put(&mut self, source: String, seed: u64, run: T) {
        self.runs.retain(|(s, n, _)| !(*n == seed && *s == source));
        if self.runs.len() == CACHED_RUNS {
            self.runs.pop_front();
        }
        self.runs.push_back((source, seed, run));
    }
}

/// The comparison's state, shared as context.
#[derive(Clone, Copy)]
pub struct Compare {
    pub open: RwSignal<bool>,
    other: RwSignal<Option<Other>>,
    /// The runs shown, in order.
    shown: RwSignal<Vec<Arc<CompareRun>>>,
    /// Why the other runs cannot be made (no engine).
    problem: RwSignal<Option<String>>,
    /// The programs still to run, and the one running (number, job).
    queue: StoredValue<VecDeque<Job>>,
    running: StoredValue<Option<(u32, Job)>>,
    /// Numbers the runs asked of the engine (a late answer is never taken for a newer one).
    next_run: StoredValue<u32>,
    /// The runs the engine made for the comparison (the page's own run is never in it).
    cache: StoredValue<RunCache<Arc<Run>>>,
    engine: StoredValue<Option<Engine>, LocalStorage>,
}

impl Compare {
    pub fn new() -> Compare {
        Compare {
            open: RwSignal::new(false),
            other: RwSignal::new(None),
            shown: RwSignal::new(Vec::new()),
            problem: RwSignal::new(None),
            queue: StoredValue::new(VecDeque::new()),
            running: StoredValue::new(None),
            next_run: StoredValue::new(0),
            cache: StoredValue::new(RunCache::new()),
            engine: StoredValue::new_local(None),
        }
    }

    pub fn get() -> Compare {
        expect_context::<Compare>()
    }

    /// Shows `first` (the page's run, if any), then runs `jobs` one by one and shows each.
    fn compare(&self, first: Option<Arc<CompareRun>>, jobs: Vec<Job>) {
        self.shown.set(first.into_iter().collect());
        self.problem.set(None);
        self.queue.set_value(jobs.into());
        self.running.set_value(None);
        if self.engine.with_value(Option::is_none) {
            let compare = *self;
            let engine = Engine::new(move |event| compare.on_engine(event));
            self.engine.set_value(Some(engine));
        }
        self.start_next();
    }

    /// Shows the queued jobs already run, in order, up to the first that is not, which it
    /// hands to the engine.
    fn start_next(&self) {
        let job = loop {
            let Some(job) = self.queue.try_update_value(VecDeque::pop_front).flatten() else {
                return;
            };
            let cached = self
                .cache
                .try_update_value(|cache| cache.get(&job.source, job.seed))
                .flatten();
            match cached {
                Some(run) => self.show(job.label, run),
                None => break job,
            }
        };
        let run = self.next_run.try_update_value(|n| {
            *n += 1;
            *n
        });
        let request = RunRequest {
            run: run.unwrap_or_default(),
            source: job.source.clone(),
            filename: FILENAME.to_string(),
            seed: job.seed,
            max_events: MAX_EVENTS,
        };
        self.running.set_value(Some((request.run, job)));
        // The engine calls back into the comparison: act on a clone, outside the stored value.
        if let Some(engine) = self.engine.with_value(Clone::clone) {
            engine.start(request);
        }
    }

    fn on_engine(&self, event: EngineEvent) {
        match event {
            EngineEvent::Ended { run, trace, ending } => {
                let Some((number, job)) = self.running.try_update_value(Option::take).flatten()
                else {
                    return;
                };
                if number != run {
                    self.running.set_value(Some((number, job)));
                    return;
                }
                let trace = trace.finish(FILENAME, job.seed);
                let crashed = matches!(ending, Ending::Crashed(_));
                let run = Arc::new(Run::new(&job.source, FILENAME, trace, ending));
                // A crash is the worker's, not the program's: the next comparison tries again.
                if !crashed {
                    self.cache.update_value(|cache| {
                        cache.put(job.source.clone(), job.seed, Arc::clone(&run));
                    });
                }
                self.show(job.label, run);
                self.start_next();
            }
            EngineEvent::Unavailable(message) => self.problem.set(Some(message)),
            EngineEvent::Progress { .. } => {}
        }
    }

    /// Adds `run` to the runs shown.
    fn show(&self, label: String, run: Arc<Run>) {
        self.shown
            .update(|shown| shown.push(Arc::new(CompareRun { label, run })));
    }
}

/// The lesson's programs: the lesson template under each of its modes.
fn lesson_jobs(seed: u64) -> Vec<Job> {
    let template = TemplateId::Lesson.build();
    let Some(mode) = template.param("MODE").cloned() else {
        return Vec::new();
    };
    mode.choices
        .iter()
        .enumerate()
        .filter_map(|(index, choice)| {
            let mut values = template.params.clone();
            values[0].value = index as f64;
            let program = generate(&TemplateId::Lesson.rebuild(&values)).ok()?;
            Some(Job {
                label: format!("Jobs {choice}"),
                source: program.code,
                seed,
            })
        })
        .collect()
}

/// What to compare: the page's own run (unless the lesson), then the programs to run.
fn jobs(session: Session, other: &Other) -> (Option<Arc<CompareRun>>, Vec<Job>) {
    let seed = session.seed.get_untracked();
    let own = || {
        session.run.get_untracked().map(|run| {
            Arc::new(CompareRun {
                label: "This program".to_string(),
                run,
            })
        })
    };
    let job = |label: &str, source: String| Job {
        label: label.to_string(),
        source,
        seed,
    };
    match other {
        Other::Lesson => (None, lesson_jobs(seed)),
        Other::Example(file) => {
            let example = find(file).map(|preset| job(preset.title(), preset.source.to_string()));
            (own(), example.into_iter().collect())
        }
        Other::Variant(composition) => {
            let variant = generate(composition)
                .ok()
                .map(|program| job("The same, other parameters", program.code));
            (own(), variant.into_iter().collect())
        }
    }
}

/// The Compare panel (shown when open).
#[component]
pub fn ComparePanel() -> impl IntoView {
    let compare = Compare::get();
    let session = Session::get();
    let composer = Composer::get();
    // Runs again when the choice or the page's run changes.
    Effect::new(move |_| {
        let other = compare.other.get();
        session.run.track();
        if let Some(other) = other {
            let (first, jobs) = jobs(session, &other);
            compare.compare(first, jobs);
        }
    });
    let pick_example = move |event: leptos::ev::Event| {
        let file = event_target_value(&event);
        if !file.is_empty() {
            compare.other.set(Some(Other::Example(file)));
        }
    };
    let variant = move |_| {
        if let Some(composition) = composer.composition.get_untracked() {
            compare.other.set(Some(Other::Variant(composition)));
        }
    };
    view! {
        <section class="panel compare-panel" aria-labelledby="compare-title">
            <h2 id="compare-title">
                "Compare runs"
                <button type="button" class="close" on:click=move |_| compare.open.set(false)>"Close"</button>
            </h2>
            <div class="panel-body">
                <div class="compare-bar">
                    <button type="button" class="primary" on:click=move |_| compare.other.set(Some(Other::Lesson))>
                        "Lesson: one by one vs tasks vs gather"
                    </button>
                    <label class="field">
                        <span>"This program vs an example"</span>
                        <select on:change=pick_example aria-label="Compare with an example">
                            <option value="" selected=true>"Examples…"</option>
                            {PRESETS
                                .iter()
                                .map(|preset| view! { <option value=preset.file>{preset.title()}</option> })
                                .collect::<Vec<_>>()}
                        </select>
                    </label>
                    <button
                        type="button"
                        disabled=move || composer.composition.with(Option::is_none)
                        title="Needs a composition (the Compose tab)"
                        on:click=variant
                    >
                        "This composition with other parameters"
                    </button>
                </div>
                <VariantSliders other=compare.other/>
                {move || compare.problem.get().map(|problem| view! { <p class="problem" role="status">{problem}</p> })}
                <div class="compare-runs" inner_html=move || compare.shown.with(|runs| runs_markup(runs))></div>
            </div>
        </section>
    }
}

/// The second parameter set, when comparing a composition with itself.
#[component]
fn VariantSliders(other: RwSignal<Option<Other>>) -> impl IntoView {
    let params = Memo::new(move |_| match other.get() {
        Some(Other::Variant(composition)) => composition.params,
        _ => Vec::new(),
    });
    let set = move |name: String, value: f64| {
        other.update(|other| {
            if let Some(Other::Variant(composition)) = other {
                let param = composition.params.iter_mut().find(|p| p.name == name);
                let Some(param) = param else { return };
                param.value = param.clamped(value);
                if param.structural {
                    if let Some(template) = composition.template {
                        *composition = template.rebuild(&composition.params);
                    }
                }
            }
        })
    };
    move || {
        params
            .get()
            .into_iter()
            .map(|param| {
                let name = param.name.clone();
                let label = format!("Other run: {}", param.label);
                view! {
                    <label class="field param-variant">
                        <span>{label}</span>
                        <input
                            type="number"
                            min=decimal(param.min)
                            max=decimal(param.max)
                            step=decimal(param.step)
                            prop:value=decimal(param.value)
                            on:change=move |event| {
                                if let Some(v) = loopscope_cpython::strtod::parse_float(&event_target_value(&event)) {
                                    set(name.clone(), v);
                                }
                            }
                        />
                    </label>
                }
            })
            .collect::<Vec<_>>()
    }
}

/// The runs on one axis as markup, or a prompt when there is nothing to compare.
fn runs_markup(runs: &[Arc<CompareRun>]) -> String {
    if runs.is_empty() {
        return "<p class=\"empty\">Choose what to compare.</p>".to_string();
    }
    let longest = runs.iter().map(|r| r.total()).fold(0.0, f64::max).max(1e-9);
    let mut out = String::new();
    for run in runs {
        run_markup(&mut out, run, longest);
    }
    out
}

/// One run: its title and total, its lanes on the shared axis, its printed lines.
fn run_markup(out: &mut String, run: &CompareRun, longest: f64) {
    // Whole pixels: the axis is 760 px wide, and integers need no float formatting.
    let x = |t: f64| LABEL + (t / longest * PLOT).round() as i32;
    let lanes: Vec<_> = run
        .run
        .timeline
        .lanes()
        .iter()
        .filter(|lane| !lane.internal)
        .collect();
    let prints_top = PITCH * lanes.len() as i32 + 22;
    let height = prints_top + PITCH + 6;
    let width = LABEL + PLOT as i32 + 12;
    let total = format_seconds(run.total());
    out.push_str("<article class=\"compare-run\"><h3>");
    let _ = write!(
        out,
        "{}<span class=\"total\">total {total}</span></h3>",
        escape(&run.label)
    );
    let _ = write!(
        out,
        "<svg class=\"compare-chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
         role=\"img\" aria-label=\"{}: lanes over virtual time\">",
        escape(&run.label)
    );
    let step = tick_step(longest, 8.0);
    let mut tick = 0;
    while tick as f64 * step <= longest + 1e-9 {
        let t = tick as f64 * step;
        let _ = write!(
            out,
            "<g class=\"tick\"><line x1=\"{0}\" x2=\"{0}\" y1=\"14\" y2=\"{height}\"/><text x=\"{0}\" y=\"10\">{1}</text></g>",
            x(t),
            format_seconds(t)
        );
        tick += 1;
    }
    for (row, lane) in lanes.iter().enumerate() {
        let y = 18 + row as i32 * PITCH;
        let name = match lane.owner {
            LaneOwner::Loop => "event loop",
            LaneOwner::Task(_) => lane.label.as_str(),
        };
        let _ = write!(
            out,
            "<g class=\"lane\"><text class=\"lane-name\" x=\"4\" y=\"{}\">{}</text>",
            y + PITCH - 6,
            escape(name)
        );
        for segment in &lane.segments {
            let (start, end) = (x(segment.start_time), x(segment.end_time));
            let _ = write!(
                out,
                "<rect class=\"bar {}\" x=\"{start}\" y=\"{y}\" width=\"{}\" height=\"{}\"/>",
                Paint::State(segment.state).name(),
                (end - start).max(2),
                PITCH - 4
            );
        }
        out.push_str("</g>");
    }
    let _ = write!(
        out,
        "<text class=\"lane-name\" x=\"4\" y=\"{}\">printed</text>",
        prints_top + PITCH - 6
    );
    let console = run.run.timeline.console();
    for line in console.iter() {
        let _ = write!(
            out,
            "<line class=\"print-mark\" x1=\"{0}\" x2=\"{0}\" y1=\"{prints_top}\" y2=\"{1}\"><title>{2}: {3}</title></line>",
            x(line.time),
            prints_top + PITCH - 4,
            format_seconds(line.time),
            escape(&line.text)
        );
    }
    let _ = write!(
        out,
        "</svg><details><summary>{} printed line(s)</summary><ol class=\"compare-console\">",
        console.len()
    );
    for line in console.iter() {
        let _ = write!(
            out,
            "<li><span class=\"stamp\">{}</span> {}</li>",
            format_seconds(line.time),
            escape(&line.text)
        );
    }
    out.push_str("</ol></details></article>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_is_found_by_its_program_and_seed_until_it_is_the_least_recently_used() {
        let mut cache = RunCache::new();
        cache.put("a".to_string(), 1, 'a');
        assert_eq!(cache.get("a", 1), Some('a'));
        assert_eq!(cache.get("a", 2), None, "another seed is another run");
        assert_eq!(cache.get("b", 1), None);
        for (n, program) in ["b", "c", "d", "e", "f", "g", "h"].iter().enumerate() {
            cache.put(program.to_string(), 1, char::from(b'b' + n as u8));
        }
        assert_eq!(cache.runs.len(), CACHED_RUNS);
        // "a" is used again, so "b" is now the least recently used and goes first.
        assert_eq!(cache.get("a", 1), Some('a'));
        cache.put("i".to_string(), 1, 'i');
        assert_eq!(cache.get("b", 1), None);
        assert_eq!(cache.get("a", 1), Some('a'));
        assert_eq!(cache.get("i", 1), Some('i'));
        // Put again: replaced, not kept twice.
        cache.put("i".to_string(), 1, 'j');
        assert_eq!(cache.get("i", 1), Some('j'));
        assert_eq!(cache.runs.len(), CACHED_RUNS);
    }
}
