//! The root component: decides what to open (share link, autosaved draft or the default
//! example), runs it, and lays out the editor, the loop panels, the console and the timeline.

use leptos::prelude::*;

use crate::compare::{Compare, ComparePanel};
use crate::composer::{Composer, ComposerPanel, ParamSliders, ProgramTabs, Tab};
use crate::controls::{action_for_key, drive_playback, perform, Action, Controls};
use crate::early_editor;
use crate::editor::Editor;
use crate::embed::{EmbedOptions, Panel};
use crate::examples::{default_preset, PRESETS};
use crate::exports::ExportMenu;
use crate::guard;
use crate::help::HelpDialog;
use crate::opening::{Opening, OpeningNotice};
use crate::panels::console::ConsolePanel;
use crate::panels::graph::TaskGraphPanel;
use crate::panels::narration::NarrationPanel;
use crate::panels::now_running::NowRunningPanel;
use crate::panels::pitfalls::PitfallsPanel;
use crate::panels::primitives::PrimitivesPanel;
use crate::panels::ready_queue::ReadyQueuePanel;
use crate::panels::stack::{shown_chain, StackPanel};
use crate::panels::tasks::TasksPanel;
use crate::panels::timers::TimersPanel;
use crate::program_picker::{ExamplesPicker, MyPrograms};
use crate::run_status::{RunStatus, SettingsButton};
use crate::session::{Session, EDITED_FILENAME};
use crate::share::ShareMenu;
use crate::share_link::{decode, SharedView};
use crate::storage;
use crate::theme::{apply_theme, initial_theme, ThemeToggle};
use crate::timeline::TimelinePanel;
use crate::tour::Tour;

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
    /// The composition a share link's program was generated from.
    composition: Option<loopscope_composer::Composition>,
    /// Why a share link could not be opened.
    link_error: Option<String>,
    /// The autosaved draft a share link replaced.
    replaced_draft: Option<String>,
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
        composition: None,
        link_error: None,
        replaced_draft: None,
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
                composition,
            }) => {
                start.filename = filename_for(&code);
                start.source = code;
                start.seed = seed;
                start.event = event;
                start.internals = internals;
                start.event_axis = event_axis;
                if !options.embedded {
                    start.replaced_draft =
                        storage::load_draft().filter(|draft| *draft != start.source);
                }
                start.composition = composition;
            }
            Err(error) => {
                start.link_error = Some(format!("{error} Showing the default example instead."))
            }
        }
    } else if !options.embedded {
        // What was typed before the app loaded is the newest draft (boot.js saves it too).
        if let Some(draft) = early_editor::typed_program().or_else(storage::load_draft) {
            start.filename = filename_for(&draft);
            start.source = draft;
            start.event = storage::load_position().unwrap_or(0);
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
    if let Some(draft) = start.replaced_draft {
        session.keep_replaced_draft(draft.clone(), filename_for(&draft), start.seed);
    }
    let composer = Composer::new(session);
    provide_context(composer);
    let compare = Compare::new();
    provide_context(compare);
    if let Some(composition) = start.composition {
        composer.restore(composition, &session.source.get_untracked());
    }
    let banner = RwSignal::new(start.link_error);
    // A link pasted into this tab's address bar changes only the fragment: open it here.
    let _hash = window_event_listener(leptos::ev::hashchange, move |_| {
        let fragment = window().location().hash().unwrap_or_default();
        if fragment.len() <= 1 {
            return;
        }
        match decode(&fragment) {
            Ok(view) => {
                banner.set(None);
                session.internals.set(view.internals);
                session.event_axis.set(view.event_axis);
                let code = view.code.clone();
                session.open(Opening {
                    filename: filename_for(&view.code),
                    source: view.code,
                    seed: view.seed,
                    event: view.event,
                    what: "the link".to_string(),
                });
                // Its sliders come with it; without a composition, the code is plain code.
                if let Some(composition) = view.composition {
                    composer.restore(composition, &code);
                }
            }
            Err(error) => banner.set(Some(format!(
                "{error} The program in the editor was left as it was."
            ))),
        }
    });
    let help_open = RwSignal::new(false);
    let tour = RwSignal::new(false);
    let theme = RwSignal::new(initial_theme(options.theme));
    Effect::new(move |_| apply_theme(theme.get()));

    // The crash-loop guard: a program stopped, crashed or unfinished last time waits for a click.
    match guard::held(&guard::fingerprint(
        &session.source.get_untracked(),
        start.seed,
    )) {
        Some(held) => {
            session.held.set(Some(held));
            session.event.set(start.event);
        }
        None => session.run_now(start.event),
    }
    if options.autoplay {
        session.playing.set(true);
    }
    drive_playback(session);
    // Reload comes back to the same event of the draft.
    let _leaving = (!options.embedded).then(|| {
        window_event_listener(leptos::ev::pagehide, move |_| {
            storage::save_position(session.event.get_untracked());
        })
    });
    if options.embedded {
        crate::embed_frame::connect(session);
    }
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
    let readonly = options.readonly;
    let shows = {
        let options = options.clone();
        move |panel: Panel| options.shows(panel)
    };
    let chain_lines = Signal::derive(move || {
        shown_chain(&session).map_or_else(Vec::new, |chain| {
            chain.frames.iter().map(|frame| frame.line).collect()
        })
    });
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
                        <h1 class="brand">"Loopscope"</h1>
                        <span>{move || session.filename.get()}</span>
                        <RunStatus/>
                        <a href=open_full_url target="_blank" rel="noopener" on:click=move |event| carry_view(&event, session, composer)>
                            "Open in Loopscope ↗"
                        </a>
                    </header>
                }
                    .into_any()
            } else {
                view! {
                    <header class="topbar">
                        <h1 class="brand">"Loopscope"</h1>
                        <ExamplesPicker/>
                        <MyPrograms/>
                        <button type="button" class="primary" on:click=move |_| session.run_now(0)>
                            "Run"
                        </button>
                        <label>
                            "Seed"
                            <input
                                class="seed-input"
                                type="number"
                                min="0"
                                step="1"
                                title="The seed of random (a whole number, 0 or more)"
                                prop:value=move || session.seed.get().to_string()
                                on:change=move |event| {
                                    match event_target_value(&event).trim().parse::<u64>() {
                                        Ok(seed) => {
                                            session.seed.set(seed);
                                            storage::save_seed(seed);
                                            session.run_now(session.event.get_untracked());
                                        }
                                        // Not a seed (-5, 1e3, 2.5): show the one in use again.
                                        Err(_) => show_seed(&event, session.seed.get_untracked()),
                                    }
                                }
                            />
                        </label>
                        <RunStatus/>
                        <span class="spacer"></span>
                        <button
                            type="button"
                            aria-pressed=move || compare.open.get().to_string()
                            on:click=move |_| compare.open.update(|open| *open = !*open)
                        >
                            "Compare"
                        </button>
                        <ExportMenu/>
                        <ShareMenu/>
                        <ThemeToggle theme=theme/>
                        <SettingsButton/>
                        <button type="button" on:click=move |_| help_open.set(true) title="What each panel shows, the colours, the shortcuts (?)">
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
            <OpeningNotice/>
            <main class="workspace">
                {shows(Panel::Editor)
                    .then(|| {
                        view! {
                            <section class="column editor-column">
                                <div class="panel editor-panel">
                                    <h2>"Program" {(!readonly).then(|| view! { <ProgramTabs/> })}</h2>
                                    <Show
                                        when=move || composer.tab.get() == Tab::Compose
                                        fallback=move || view! { <Editor source=session.source executing_line=executing_line problem=problem chain_lines=chain_lines readonly=readonly/> }
                                    >
                                        <ComposerPanel/>
                                    </Show>
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
                    {(embedded && !shows(Panel::Editor)).then(|| view! { <EmbeddedSliders/> })}
                    {shows(Panel::Now).then(|| view! { <NowRunningPanel/> })}
                    {shows(Panel::Stack).then(|| view! { <StackPanel/> })}
                    {shows(Panel::Narration).then(|| view! { <NarrationPanel/> })}
                    {shows(Panel::Ready).then(|| view! { <ReadyQueuePanel/> })}
                    {shows(Panel::Timers).then(|| view! { <TimersPanel/> })}
                    {shows(Panel::Tasks).then(|| view! { <TasksPanel/> })}
                    {shows(Panel::Primitives).then(|| view! { <PrimitivesPanel/> })}
                </section>
                {[Panel::Console, Panel::Pitfalls, Panel::Graph]
                    .into_iter()
                    .any(&shows)
                    .then(|| {
                        view! {
                            <section class="column console-column">
                                {shows(Panel::Console).then(|| view! { <ConsolePanel/> })}
                                {shows(Panel::Pitfalls).then(|| view! { <PitfallsPanel/> })}
                                {shows(Panel::Graph).then(|| view! { <TaskGraphPanel/> })}
                            </section>
                        }
                    })}
            </main>
            {move || compare.open.get().then(|| view! { <ComparePanel/> })}
            <footer class="bottom">
                <Controls/>
                {shows(Panel::Timeline).then(|| view! { <TimelinePanel/> })}
            </footer>
            <HelpDialog open=help_open tour=tour/>
            {(!embedded).then(|| view! { <Tour start=tour/> })}
        </div>
    }
}

/// Puts `seed` back in the seed field that sent `event`.
fn show_seed(event: &leptos::ev::Event, seed: u64) {
    use wasm_bindgen::JsCast;
    if let Some(field) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        field.set_value(&seed.to_string());
    }
}

/// A composed scenario's sliders in an embed without the program column.
#[component]
fn EmbeddedSliders() -> impl IntoView {
    let composer = Composer::get();
    view! {
        <Show when=move || composer.composition.with(Option::is_some)>
            <section class="panel" aria-label="Scenario parameters">
                <div class="panel-body">
                    <ParamSliders/>
                </div>
            </section>
        </Show>
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
    // A dialog's keys are its own (lists move with the arrows there).
    if target.closest("dialog").ok().flatten().is_some() {
        return true;
    }
    let key = event.key();
    match target.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        // The slider moves through events with its own keys; the other shortcuts still work.
        "INPUT" => match target.get_attribute("type").as_deref() {
            Some("checkbox") => false,
            Some("range") => matches!(
                key.as_str(),
                "ArrowLeft"
                    | "ArrowRight"
                    | "ArrowUp"
                    | "ArrowDown"
                    | "Home"
                    | "End"
                    | "PageUp"
                    | "PageDown"
            ),
            _ => true,
        },
        "BUTTON" => key == " " || key == "Enter",
        _ => false,
    }
}

/// "Open in Loopscope" opens the reader's program as it is now, at the event shown: the
/// link is rewritten as it is followed.
fn carry_view(event: &leptos::ev::MouseEvent, session: Session, composer: Composer) {
    use wasm_bindgen::JsCast;
    let Some(anchor) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if let Ok(fragment) =
        crate::share_link::encode(&crate::share::current_view(&session, &composer))
    {
        anchor.set_href(&format!("{}#{fragment}", crate::share::page_base()));
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

/// Autosaves edits and re-runs the program [`RERUN_DELAY`] after the last one; an edit
/// abandons the run under way (it is of an older program).
fn schedule_reruns(session: Session, autosave: bool) {
    let generation = StoredValue::new(0u64);
    Effect::new(move |previous: Option<String>| {
        let source = session.source.get();
        if previous.is_none() || previous.as_ref() == Some(&source) {
            return source;
        }
        if autosave {
            storage::save_draft(&source);
        }
        if session.has_run_for(&source) {
            return source;
        }
        session.abandon_run();
        let this_edit = generation.get_value() + 1;
        generation.set_value(this_edit);
        set_timeout(
            move || {
                let ran = session
                    .source
                    .with_untracked(|source| session.has_run_for(source));
                if generation.get_value() == this_edit && !ran {
                    session.run_now(session.event.get_untracked());
                }
            },
            RERUN_DELAY,
        );
        source
    });
}
