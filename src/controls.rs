//! Time travel: play/pause, step, jump between clock advances, Home/End, speed and the scrub
//! slider, plus the page-wide keyboard shortcuts. Seeking only changes the shown event; the
//! program is never re-run.

use leptos::prelude::*;
use loopscope_cpython::strtod::parse_float;

use crate::embed::SPEEDS;
use crate::number_text::decimal;
use crate::session::Session;

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
        Action::Help => {}
    }
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

/// Advances the shown event while `playing`, at `speed` events per second.
pub fn drive_playback(session: Session) {
    let handle = StoredValue::new(None::<IntervalHandle>);
    Effect::new(move |_| {
        let playing = session.playing.get();
        let speed = session.speed.get();
        if let Some(previous) = handle.get_value() {
            previous.clear();
            handle.set_value(None);
        }
        if !playing {
            return;
        }
        let period = std::time::Duration::from_secs_f64(1.0 / speed.max(0.25));
        let started = set_interval_with_handle(
            move || {
                let event = session.event.get_untracked();
                if event >= session.last_event() {
                    session.playing.set(false);
                } else {
                    session.event.set(event + 1);
                }
            },
            period,
        );
        handle.set_value(started.ok());
    });
}

/// The playback bar.
#[component]
pub fn Controls() -> impl IntoView {
    let session = Session::get();
    let button = move |label: &'static str, title: &'static str, action: Action| {
        view! {
            <button type="button" title=title aria-label=title on:click=move |_| perform(&session, action)>
                {label}
            </button>
        }
    };
    view! {
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
            <label class="visually-hidden" for="speed">"Speed"</label>
            <select
                id="speed"
                title="Playback speed"
                on:change=move |event| {
                    if let Some(speed) = parse_float(&event_target_value(&event)) {
                        session.speed.set(speed);
                    }
                }
            >
                {SPEEDS
                    .iter()
                    .map(|speed| {
                        let speed = *speed;
                        view! {
                            <option value=decimal(speed) selected=move || session.speed.get() == speed>
                                {format!("{} ev/s", decimal(speed))}
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
