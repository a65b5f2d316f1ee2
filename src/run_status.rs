//! How the run is going: "running…" with live counts and a Stop button while the engine
//! works, then how the run ended (with a way to raise the event limit when it hit it), or
//! why the program was not run at load (the crash-loop guard) with a button to run it.
//! Also the Settings dialog: the event limit, with the memory a run that long takes.

use leptos::prelude::*;

use crate::dialog::Modal;
use crate::number_text::{abbreviated, format_seconds, grouped};
use crate::session::{Activity, Session, BYTES_PER_EVENT, EVENT_LIMITS};

/// "12,345 events · t = 3.2s · 45.1 M instructions".
fn progress_text(events: usize, now: f64, instructions: u64) -> String {
    format!(
        "{} events · t = {} · {} instructions",
        grouped(events as u64),
        format_seconds(now),
        abbreviated(instructions)
    )
}

/// The memory a run of `events` events takes, roughly: "≈ 30 MB".
pub fn memory_text(events: u64) -> String {
    let megabytes = (events * BYTES_PER_EVENT).div_ceil(1_000_000);
    format!("≈ {} MB", grouped(megabytes))
}

/// The status line and its buttons.
#[component]
pub fn RunStatus() -> impl IntoView {
    let session = Session::get();
    let running = move || matches!(session.activity.get(), Activity::Running(_));
    let text = move || {
        if let Some(problem) = session.engine_problem.get() {
            return format!("The engine could not start, so programs cannot run: {problem}");
        }
        match session.activity.get() {
            Activity::Running(progress) => format!(
                "running… {}",
                progress_text(progress.events, progress.now, progress.instructions)
            ),
            Activity::Idle => match session.held.get() {
                Some(held) => held.explanation().to_string(),
                None => session.run.with(|run| {
                    run.as_ref()
                        .map(|run| run.summary.clone())
                        .unwrap_or_default()
                }),
            },
        }
    };
    let failed = move || {
        session.engine_problem.with(Option::is_some)
            || session
                .run
                .with(|run| run.as_ref().is_some_and(|run| run.failed()))
    };
    let next_limit = move || {
        let limit = session.event_limit.get();
        EVENT_LIMITS.iter().copied().find(|next| *next > limit)
    };
    let limit_hit = move || {
        !running()
            && session
                .run
                .with(|run| run.as_ref().is_some_and(|run| run.event_limit_hit))
    };
    view! {
        <span class="run-line">
            <span
                class="run-status"
                class:failed=move || failed() && !running()
                class:running=running
                title=text
                role="status"
            >
                {text}
            </span>
            <Show when=running>
                <button type="button" class="stop" on:click=move |_| session.stop() title="Stop the run and show what it recorded">
                    "■ Stop"
                </button>
            </Show>
            <Show when=move || !running() && session.held.with(Option::is_some)>
                <button type="button" class="primary" on:click=move |_| session.run_now(session.event.get_untracked())>
                    "Run it anyway"
                </button>
            </Show>
            <Show when=move || limit_hit() && next_limit().is_some()>
                <button
                    type="button"
                    on:click=move |_| {
                        if let Some(limit) = next_limit() {
                            session.set_event_limit(limit);
                            session.run_now(session.event.get_untracked());
                        }
                    }
                >
                    {move || {
                        next_limit()
                            .map(|limit| {
                                format!("Raise the limit to {} events ({}) and run again", grouped(limit), memory_text(limit))
                            })
                    }}
                </button>
            </Show>
        </span>
    }
}

/// The Settings button and dialog.
#[component]
pub fn SettingsButton() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button type="button" aria-haspopup="dialog" title="The event limit" on:click=move |_| open.set(true)>
            "⚙ Settings"
        </button>
        <Modal open=open id="settings-title" title="Settings">
            <EventLimitSetting/>
            <p class="dialog-note">
                "A run stops after this many events, so a runaway program cannot fill the browser's memory. Runs take about the memory shown (the recorded trace and what the panels need to jump anywhere in it); the setting is kept in this browser."
            </p>
        </Modal>
    }
}

/// The event limit, a setting: each choice with the memory a run that long takes.
#[component]
fn EventLimitSetting() -> impl IntoView {
    let session = Session::get();
    view! {
        <label class="setting">
            "Event limit"
            <select
                class="event-limit"
                title="A run stops after this many events; longer runs take more memory"
                on:change=move |event| {
                    if let Ok(limit) = event_target_value(&event).parse::<u64>() {
                        session.set_event_limit(limit);
                    }
                }
            >
                {EVENT_LIMITS
                    .iter()
                    .map(|limit| {
                        let limit = *limit;
                        view! {
                            <option value=limit.to_string() selected=move || session.event_limit.get() == limit>
                                {format!("{} ({})", grouped(limit), memory_text(limit))}
                            </option>
                        }
                    })
                    .collect::<Vec<_>>()}
            </select>
        </label>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_and_memory_read_plainly() {
        assert_eq!(
            progress_text(12_345, 3.25, 45_100_000),
            "12,345 events · t = 3.25s · 45.1 M instructions"
        );
        assert_eq!(memory_text(200_000), "≈ 30 MB");
        assert_eq!(memory_text(5_000_000), "≈ 750 MB");
    }
}
