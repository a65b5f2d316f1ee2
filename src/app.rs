//! The root component: decides what to open (share link, autosaved draft or the default
//! example), runs it, and lays out the editor, the loop panels, the console and the timeline.

use leptos::prelude::*;

use crate::controls::{action_for_key, drive_playback, perform, Action, Controls};
use crate::editor::Editor;
use crate::embed::{EmbedOptions, Panel};
use crate::examples::{default_preset, find, PRESETS};
use crate::help::HelpDialog;
use crate::panels::console::ConsolePanel;
use crate::panels::narration::NarrationPanel;
use crate::panels::now_running::NowRunningPanel;
use crate::panels::primitives::PrimitivesPanel;
use crate::panels::ready_queue::ReadyQueuePanel;
use crate::panels::tasks::TasksPanel;
use crate::panels::timers::TimersPanel;
use crate::session::{Session, EDITED_FILENAME};
use crate::share::ShareMenu;
use crate::share_link::{decode, SharedView};
use crate::storage;
use crate::theme::{apply_theme, initial_theme, ThemeToggle};
use crate::timeline::TimelinePanel;

/// Re-run this long after the last edit.
const RERUN_DELAY: std::time::Duration = std::time::Duration::from_millis(600);

/// What the page opens with.
struct Start {
    source: String,
    filename: String,
    seed: u64,
    event: usize,
    internals: bool,
    event_axis: bool,
    /// Why a share link could not be opened.
    link_error: Option<String>,
}

fn start_from_location(options: &EmbedOptions) -> Start {
    let preset = default_preset();
    let mut start = Start {
        source: preset.source.to_string(),
        filename: preset.file.to_string(),
        seed: storage::load_seed().unwrap_or(loopscope_runtime::DEFAULT_SEED),
        event: 0,
        internals: false,
        event_axis: false,
        link_error: None,
    };
    let fragment = window().location().hash().unwrap_or_default();
    if fragment.len() > 1 {
        match decode(&fragment) {
            Ok(SharedView {
                code,
                seed,
                event,
                internals,
                event_axis,
            }) => {
                start.filename = filename_for(&code);
                start.source = code;
                start.seed = seed;
                start.event = event;
                start.internals = internals;
                start.event_axis = event_axis;
            }
            Err(error) => {
                start.link_error = Some(format!("{error} Showing the default example instead."))
            }
        }
    } else if !options.embedded {
        if let Some(draft) = storage::load_draft() {
            start.filename = filename_for(&draft);
            start.source = draft;
        }
    }
    if let Some(event) = options.event {
        start.event = event;
    }
    start
}

/// The preset's file name when `source` is a preset unchanged, else the edited name.
fn filename_for(source: &str) -> String {
    PRESETS
        .iter()
        .find(|preset| preset.source == source)
        .map_or(EDITED_FILENAME, |preset| preset.file)
        .to_string()
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let options = EmbedOptions::from_query(&window().location().search().unwrap_or_default());
    let start = start_from_location(&options);
    let session = Session::new(start.source, start.filename, start.seed);
    session.internals.set(start.internals);
    session.event_axis.set(start.event_axis);
    session.speed.set(options.speed);
    provide_context(session);
    let banner = RwSignal::new(start.link_error);
    let help_open = RwSignal::new(false);
    let theme = RwSignal::new(initial_theme(options.theme));
    Effect::new(move |_| apply_theme(theme.get()));

    session.run_now(start.event);
    if options.autoplay {
        session.playing.set(true);
    }
    drive_playback(session);
    schedule_reruns(session, !options.embedded);

    let _keys = window_event_listener(leptos::ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || typing_in_a_field(&event) {
            return;
        }
        let Some(action) = action_for_key(&event.key(), event.shift_key()) else {
            return;
        };
        event.prevent_default();
        if action == Action::Help {
            help_open.update(|open| *open = !*open);
        } else {
            perform(&session, action);
        }
    });

    let embedded = options.embedded;
    let shows = {
        let options = options.clone();
        move |panel: Panel| options.shows(panel)
    };
    let executing_line = Signal::derive(move || {
        let line = session.view.with(|view| view.line);
        (line > 0).then_some(line)
    });
    // Shown only while the editor holds the program that was run.
    let problem = Signal::derive(move || {
        session.source.with(|source| {
            session.run.with(|run| {
                run.as_ref()
                    .filter(|run| run.source == *source)
                    .and_then(|run| run.problem.clone())
            })
        })
    });

    view! {
        <div class="app" class:embedded=embedded>
            {if embedded {
                view! {
                    <header class="embed-bar">
                        <strong>"Loopscope"</strong>
                        <span>{move || session.filename.get()}</span>
                        <a href=open_full_url target="_blank" rel="noopener">
                            "Open in Loopscope ↗"
                        </a>
                    </header>
                }
                    .into_any()
            } else {
                view! {
                    <header class="topbar">
                        <h1 class="brand">"Loopscope"</h1>
                        <PresetMenu/>
                        <button type="button" class="primary" on:click=move |_| session.run_now(0)>
                            "Run"
                        </button>
                        <label>
                            "Seed"
                            <input
                                class="seed-input"
                                type="number"
                                min="0"
                                prop:value=move || session.seed.get().to_string()
                                on:change=move |event| {
                                    if let Ok(seed) = event_target_value(&event).trim().parse::<u64>() {
                                        session.seed.set(seed);
                                        storage::save_seed(seed);
                                        session.run_now(session.event.get_untracked());
                                    }
                                }
                            />
                        </label>
                        <RunStatus/>
                        <span class="spacer"></span>
                        <ShareMenu/>
                        <ThemeToggle theme=theme/>
                        <button type="button" on:click=move |_| help_open.set(true) title="Keyboard shortcuts (?)">
                            "? Help"
                        </button>
                    </header>
                }
                    .into_any()
            }}
            {move || {
                banner
                    .get()
                    .map(|message| {
                        view! {
                            <div class="banner" role="alert">
                                <p>{message}</p>
                                <button type="button" on:click=move |_| banner.set(None)>
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
            <main class="workspace">
                {shows(Panel::Editor)
                    .then(|| {
                        view! {
                            <section class="column">
                                <div class="panel editor-panel">
                                    <h2>"Program"</h2>
                                    <Editor source=session.source executing_line=executing_line problem=problem/>
                                    {move || {
                                        problem
                                            .get()
                                            .map(|problem| {
                                                view! {
                                                    <p class="problem" role="status">
                                                        {format!("Line {}: {}", problem.line, problem.message)}
                                                    </p>
                                                }
                                            })
                                    }}
                                </div>
                            </section>
                        }
                    })}
                <section class="column loop-column" aria-label="Event loop">
                    {shows(Panel::Now).then(|| view! { <NowRunningPanel/> })}
                    {shows(Panel::Narration).then(|| view! { <NarrationPanel/> })}
                    {shows(Panel::Ready).then(|| view! { <ReadyQueuePanel/> })}
                    {shows(Panel::Timers).then(|| view! { <TimersPanel/> })}
                    {shows(Panel::Tasks).then(|| view! { <TasksPanel/> })}
                    {shows(Panel::Primitives).then(|| view! { <PrimitivesPanel/> })}
                </section>
                {shows(Panel::Console)
                    .then(|| {
                        view! {
                            <section class="column">
                                <ConsolePanel/>
                            </section>
                        }
                    })}
            </main>
            <footer class="bottom">
                <Controls/>
                {shows(Panel::Timeline).then(|| view! { <TimelinePanel/> })}
            </footer>
            <HelpDialog open=help_open/>
        </div>
    }
}

/// True when a key press belongs to a text field or control that uses the key itself.
fn typing_in_a_field(event: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match target.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => target.get_attribute("type").as_deref() != Some("checkbox"),
        "BUTTON" => event.key() == " " || event.key() == "Enter",
        _ => false,
    }
}

/// This page without the embed parameters (same fragment), for "Open in Loopscope".
fn open_full_url() -> String {
    let location = window().location();
    format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.hash().unwrap_or_default()
    )
}

/// Autosaves edits and re-runs the program [`RERUN_DELAY`] after the last one.
fn schedule_reruns(session: Session, autosave: bool) {
    let generation = StoredValue::new(0u64);
    Effect::new(move |previous: Option<()>| {
        let source = session.source.get();
        if previous.is_none() {
            return;
        }
        if autosave {
            storage::save_draft(&source);
        }
        let already_run = session
            .run
            .with_untracked(|run| run.as_ref().is_some_and(|run| run.source == source));
        if already_run {
            return;
        }
        let this_edit = generation.get_value() + 1;
        generation.set_value(this_edit);
        set_timeout(
            move || {
                if generation.get_value() == this_edit {
                    session.run_now(session.event.get_untracked());
                }
            },
            RERUN_DELAY,
        );
    });
}

/// "Finished", or how the run failed.
#[component]
fn RunStatus() -> impl IntoView {
    let session = Session::get();
    view! {
        <span
            class="run-status"
            class:failed=move || session.run.with(|run| run.as_ref().is_some_and(|run| run.status != 0))
            title=move || session.run.with(|run| run.as_ref().map(|run| run.summary.clone()))
            role="status"
        >
            {move || session.run.with(|run| run.as_ref().map(|run| run.summary.clone()))}
        </span>
    }
}

/// The presets menu: choosing one loads it into the editor and runs it.
#[component]
fn PresetMenu() -> impl IntoView {
    let session = Session::get();
    let load = move |event: leptos::ev::Event| {
        let file = event_target_value(&event);
        if let Some(preset) = find(&file) {
            session.playing.set(false);
            session.filename.set(preset.file.to_string());
            session.source.set(preset.source.to_string());
            session.run_now(0);
        }
    };
    view! {
        <label>
            <span class="visually-hidden">"Example program"</span>
            <select on:change=load aria-label="Example program">
                <option value="" selected=move || find(&session.filename.get()).is_none()>
                    "Examples…"
                </option>
                {PRESETS
                    .iter()
                    .map(|preset| {
                        let file = preset.file;
                        view! {
                            <option
                                value=file
                                title=preset.description()
                                selected=move || session.filename.get() == file
                            >
                                {preset.title()}
                            </option>
                        }
                    })
                    .collect::<Vec<_>>()}
            </select>
        </label>
    }
}
