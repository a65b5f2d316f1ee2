//! Time travel: play/pause, step, jump between clock advances, prints and the selected
//! task's events, Home/End, speed and the scrub slider, plus the page-wide keyboard
//! shortcuts. Seeking only changes the shown event; the program is never re-run.

use leptos::prelude::*;

use crate::session::Session;
use crate::speed::{Speed, SPEEDS};

/// Index of the next (`forward`) or previous event after `from` that moves the clock.
fn clock_advance(session: &Session, from: usize, forward: bool) -> Option<usize> {
    session.run.with_untracked(|run| {
        let timeline = &run.as_ref()?.timeline;
        if forward {
            timeline.next_clock_advance(from)
        } else {
            timeline.prev_clock_advance(from)
        }
    })
}

/// What a shortcut key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    TogglePlay,
    StepForward,
    StepBack,
    NextClockAdvance,
    PreviousClockAdvance,
    First,
    Last,
    NextPrint,
    PreviousPrint,
    /// The next event of the selected (else the running) task.
    NextOfTask,
    Help,
}

/// The action bound to a key (`shift` held or not).
pub fn action_for_key(key: &str, shift: bool) -> Option<Action> {
    Some(match (key, shift) {
        (" ", _) => Action::TogglePlay,
        ("ArrowRight", false) => Action::StepForward,
        ("ArrowLeft", false) => Action::StepBack,
        ("ArrowRight", true) => Action::NextClockAdvance,
        ("ArrowLeft", true) => Action::PreviousClockAdvance,
        ("Home", _) => Action::First,
        ("End", _) => Action::Last,
        ("p", false) => Action::NextPrint,
        ("P", true) => Action::PreviousPrint,
        ("t", false) => Action::NextOfTask,
        ("?", _) => Action::Help,
        _ => return None,
    })
}

/// Does `action` (everything except Help, which the page handles).
pub fn perform(session: &Session, action: Action) {
    let event = session.event.get_untracked();
    match action {
        Action::TogglePlay => toggle_play(session),
        Action::StepForward => {
            session.playing.set(false);
            session.seek(event + 1);
        }
        Action::StepBack => {
            session.playing.set(false);
            session.seek(event.saturating_sub(1));
        }
        Action::NextClockAdvance => {
            session.playing.set(false);
            session.seek(clock_advance(session, event, true).unwrap_or(session.last_event()));
        }
        Action::PreviousClockAdvance => {
            session.playing.set(false);
            session.seek(clock_advance(session, event, false).unwrap_or(0));
        }
        Action::First => {
            session.playing.set(false);
            session.seek(0);
        }
        Action::Last => {
            session.playing.set(false);
            session.seek(session.last_event());
        }
        Action::NextPrint | Action::PreviousPrint => {
            session.playing.set(false);
            let forward = action == Action::NextPrint;
            if let Some(target) = print(session, event, forward) {
                session.seek(target);
            }
        }
        Action::NextOfTask => {
            session.playing.set(false);
            let task = session.selected_task.get_untracked().or_else(|| {
                session
                    .view
                    .with_untracked(|view| view.running.as_ref().and_then(|running| running.task))
            });
            let target = task.and_then(|task| {
                session.run.with_untracked(|run| {
                    run.as_ref()
                        .and_then(|run| run.timeline.next_event_of_task(task, event))
                })
            });
            if let Some(target) = target {
                session.seek(target);
            }
        }
        Action::Help => {}
    }
}

/// The event that printed the next (or previous) console line after (before) `from`.
fn print(session: &Session, from: usize, forward: bool) -> Option<usize> {
    session.run.with_untracked(|run| {
        let console = run.as_ref()?.timeline.console();
        if forward {
            console
                .iter()
                .map(|line| line.event)
                .find(|event| *event > from)
        } else {
            console
                .iter()
                .rev()
                .map(|line| line.event)
                .find(|event| *event < from)
        }
    })
}

fn toggle_play(session: &Session) {
    if session.playing.get_untracked() {
        session.playing.set(false);
    } else {
        if session.event.get_untracked() >= session.last_event() {
            session.seek(0);
        }
        session.playing.set(true);
    }
}

/// Advances the shown event while `playing`, as fast as `speed` says: so many events per
/// second, or the run's own virtual time scaled (waits between events take their time).
/// It moves once per animation frame, however fast the speed: the events due since the last
/// frame are skipped over together, so the page draws each frame once.
pub fn drive_playback(session: Session) {
    // Each start of playback has its number; a frame of an older one does nothing more.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let playing = session.playing.get();
        let speed = session.speed.get();
        generation.update_value(|number| *number += 1);
        if playing {
            let clock = session.view.with_untracked(|view| view.now);
            let playback = Playback {
                session,
                speed,
                generation,
                number: generation.get_value(),
                last_frame: js_sys::Date::now(),
                owed: 0.0,
                clock,
            };
            request_animation_frame(move || playback.frame());
        }
    });
}

/// A playback under way, moved on by each animation frame.
struct Playback {
    session: Session,
    speed: Speed,
    generation: StoredValue<u64>,
    /// This playback's number in `generation`.
    number: u64,
    /// When the last frame came (`Date.now()`, milliseconds).
    last_frame: f64,
    /// Events owed but not yet shown (a fraction of one).
    owed: f64,
    /// The virtual clock playback has reached.
    clock: f64,
}

impl Playback {
    fn frame(mut self) {
        if self.generation.get_value() != self.number {
            return;
        }
        let now = js_sys::Date::now();
        let elapsed = (now - std::mem::replace(&mut self.last_frame, now)) / 1000.0;
        let session = self.session;
        // Autoplay before the first run arrives: wait for it.
        if session.run.with_untracked(Option::is_some) {
            let event = session.event.get_untracked();
            let last = session.last_event();
            if event >= last {
                session.playing.set(false);
                return;
            }
            let target = match self.speed {
                Speed::Events(rate) => {
                    let due = self.owed + rate * elapsed;
                    self.owed = due.fract();
                    event + due.floor() as usize
                }
                Speed::Virtual(factor) => {
                    self.clock += factor * elapsed;
                    // Nothing left before the next wait: jump over it at once.
                    last_event_by(&session, self.clock).max(event)
                }
            };
            if target > event {
                session.event.set(target.min(last));
            }
        }
        request_animation_frame(move || self.frame());
    }
}

/// The last event at or before virtual time `time`.
fn last_event_by(session: &Session, time: f64) -> usize {
    session.run.with_untracked(|run| {
        run.as_ref()
            .map_or(0, |run| run.timeline.last_event_by(time))
    })
}

/// Gives the focus back to the page after a menu choice, so shortcuts work at once.
fn blur_target(event: &leptos::ev::Event) {
    use wasm_bindgen::JsCast;
    if let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.blur();
    }
}

/// The playback bar, with a hint on the first screen (until the user plays or steps).
#[component]
pub fn Controls() -> impl IntoView {
    let session = Session::get();
    let explored = RwSignal::new(false);
    Effect::new(move |_| {
        if session.event.get() > 0 || session.playing.get() {
            explored.set(true);
        }
    });
    let hint = move || {
        let events = session
            .run
            .with(|run| run.as_ref().map(|run| run.event_count()))?;
        (!explored.get() && events > 1).then(|| {
            format!(
                "The program ran and its {events} events were recorded: press ▶ Play (Space) to watch them, or → to step one at a time."
            )
        })
    };
    let button = move |label: &'static str, title: &'static str, action: Action| {
        view! {
            <button type="button" title=title aria-label=title on:click=move |_| perform(&session, action)>
                {label}
            </button>
        }
    };
    view! {
        {move || hint().map(|hint| view! { <p class="first-hint">{hint}</p> })}
        <div class="controls" role="group" aria-label="Playback">
            {button("⇤", "First event (Home)", Action::First)}
            {button("◀◀", "Previous clock advance (Shift+←)", Action::PreviousClockAdvance)}
            {button("◀", "Step back (←)", Action::StepBack)}
            <button
                type="button"
                class="primary"
                aria-label=move || if session.playing.get() { "Pause (Space)" } else { "Play (Space)" }
                title="Play or pause (Space)"
                on:click=move |_| perform(&session, Action::TogglePlay)
            >
                {move || if session.playing.get() { "❚❚ Pause" } else { "▶ Play" }}
            </button>
            {button("▶", "Step forward (→)", Action::StepForward)}
            {button("▶▶", "Next clock advance (Shift+→)", Action::NextClockAdvance)}
            {button("⇥", "Last event (End)", Action::Last)}
            {button("print ▸", "Next print (P)", Action::NextPrint)}
            {button("task ▸", "Next event of the selected task (T)", Action::NextOfTask)}
            <label class="visually-hidden" for="speed">"Speed"</label>
            <select
                id="speed"
                title="Playback speed"
                on:change=move |event| {
                    if let Some(speed) = Speed::parse(&event_target_value(&event)) {
                        session.speed.set(speed);
                    }
                    blur_target(&event);
                }
            >
                {SPEEDS
                    .iter()
                    .map(|speed| {
                        let speed = *speed;
                        view! {
                            <option value=speed.key() selected=move || session.speed.get() == speed>
                                {speed.label()}
                            </option>
                        }
                    })
                    .collect::<Vec<_>>()}
            </select>
            <input
                class="scrub"
                type="range"
                min="0"
                aria-label="Event"
                prop:max=move || session.last_event().to_string()
                prop:value=move || session.event.get().to_string()
                on:input=move |event| {
                    if let Ok(index) = event_target_value(&event).parse::<usize>() {
                        session.playing.set(false);
                        session.seek(index);
                    }
                }
            />
            <span class="event-label" aria-live="off">
                {move || format!("event {} of {}", session.event.get() + 1, session.last_event() + 1)}
            </span>
        </div>
    }
}
