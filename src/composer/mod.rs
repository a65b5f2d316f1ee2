//! The composer: build a scenario from parts instead of typing code. A template to start
//! from, its parameters as sliders, coroutines as lists of steps, shared queues, locks,
//! events and semaphores; every change regenerates the program (loopscope-composer) and
//! runs it, so the editor, the panels and the timeline follow the sliders.
//!
//! The generated code is what runs. "Continue in the code editor" (or typing in the
//! editor) leaves the composition behind and keeps the code. Share links carry the
//! composition, so a shared scenario opens with its sliders.

mod code;
mod form;
mod params;

use leptos::prelude::*;
use loopscope_composer::{generate, Composition, Origin, Problem, Program, TemplateId, TEMPLATES};
use wasm_bindgen::JsCast;

pub use params::ParamSliders;

use crate::session::Session;

/// Which view the program column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Code,
    Compose,
}

/// The composer's state, shared as context.
#[derive(Clone, Copy)]
pub struct Composer {
    /// What is being composed (none: the program is plain code).
    pub composition: RwSignal<Option<Composition>>,
    /// Why the current composition does not generate (then nothing new runs).
    pub problems: RwSignal<Vec<Problem>>,
    /// The program the composition generated last.
    pub program: RwSignal<Option<Program>>,
    pub tab: RwSignal<Tab>,
    session: Session,
}

impl Composer {
    /// A composer with nothing composed; leaves the composition when the editor's text
    /// stops being the generated program.
    pub fn new(session: Session) -> Composer {
        let composer = Composer {
            composition: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            program: RwSignal::new(None),
            tab: RwSignal::new(Tab::Code),
            session,
        };
        Effect::new(move |_| {
            let edited = session.source.with(|source| {
                composer
                    .program
                    .with_untracked(|program| program.as_ref().is_some_and(|p| p.code != *source))
            });
            if edited && composer.composition.with_untracked(Option::is_some) {
                composer.detach();
            }
        });
        composer
    }

    pub fn get() -> Composer {
        expect_context::<Composer>()
    }

    /// Starts composing `composition`: the Compose tab, its code in the editor, a run.
    pub fn open(&self, composition: Composition) {
        self.composition.set(Some(composition));
        self.tab.set(Tab::Compose);
        self.regenerate();
    }

    /// Applies `change` to the composition and runs the result. The field being edited
    /// keeps the focus across the re-render.
    pub fn edit(&self, change: impl FnOnce(&mut Composition)) {
        let mut change = Some(change);
        self.apply(&mut |composition| {
            if let Some(change) = change.take() {
                change(composition);
            }
        });
    }

    /// [`Composer::edit`], compiled once rather than once per kind of change.
    fn apply(&self, change: &mut dyn FnMut(&mut Composition)) {
        let focused = document()
            .active_element()
            .map(|element| element.id())
            .filter(|id| !id.is_empty());
        self.composition.update(|composition| {
            if let Some(composition) = composition {
                change(composition);
            }
        });
        self.regenerate();
        if let Some(id) = focused {
            request_animation_frame(move || {
                let element = document().get_element_by_id(&id);
                if let Some(element) =
                    element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = element.focus();
                }
            });
        }
    }

    /// Sets parameter `name`: a constant changes in place; a structural one rebuilds the
    /// composition from its template.
    pub fn set_param(&self, name: &str, value: f64) {
        let rebuild = self.composition.with_untracked(|composition| {
            let composition = composition.as_ref()?;
            let param = composition.param(name)?;
            let template = composition.template.filter(|_| param.structural)?;
            let mut params = composition.params.clone();
            for p in &mut params {
                if p.name == name {
                    p.value = p.clamped(value);
                }
            }
            Some(template.rebuild(&params))
        });
        match rebuild {
            Some(rebuilt) => {
                self.composition.set(Some(rebuilt));
                self.regenerate();
            }
            None => self.edit(|composition| {
                if let Some(param) = composition.params.iter_mut().find(|p| p.name == name) {
                    param.value = param.clamped(value);
                }
            }),
        }
    }

    /// Generates the program; when it generates, puts it in the editor and runs it.
    fn regenerate(&self) {
        let Some(result) = self
            .composition
            .with_untracked(|c| c.as_ref().map(generate))
        else {
            return;
        };
        match result {
            Ok(program) => {
                let session = self.session;
                let filename = self.composition.with_untracked(|c| {
                    c.as_ref()
                        .and_then(|c| c.template)
                        .map_or("composed", TemplateId::key)
                        .to_string()
                });
                self.problems.set(Vec::new());
                session.filename.set(format!("{filename}.py"));
                let code = program.code.clone();
                self.program.set(Some(program));
                session.source.set(code);
                session.run_now(session.event.get_untracked());
            }
            Err(problems) => self.problems.set(problems),
        }
    }

    /// Takes up `composition` from a share link whose code it generates, without running
    /// (the page runs the link's code itself); a composition that does not generate that
    /// code is dropped.
    pub fn restore(&self, composition: Composition, code: &str) {
        if let Ok(program) = generate(&composition) {
            if program.code == code {
                self.program.set(Some(program));
                self.composition.set(Some(composition));
                self.tab.set(Tab::Compose);
            }
        }
    }

    /// Leaves the composition behind; the program stays, as plain code.
    pub fn detach(&self) {
        self.composition.set(None);
        self.program.set(None);
        self.problems.set(Vec::new());
        self.tab.set(Tab::Code);
    }

    /// The step the shown event's line comes from.
    pub fn executing(&self, line: u32) -> Option<Origin> {
        self.program
            .with(|program| program.as_ref().and_then(|p| p.origin_of_line(line)))
    }
}

/// The Code / Compose switch above the program.
#[component]
pub fn ProgramTabs() -> impl IntoView {
    let composer = Composer::get();
    let choose = move |tab: Tab| {
        move |_| {
            if tab == Tab::Compose && composer.composition.with_untracked(Option::is_none) {
                composer.open(TemplateId::Chain.build());
            } else {
                composer.tab.set(tab);
            }
        }
    };
    view! {
        <div class="program-tabs" role="tablist" aria-label="How to write the program">
            <button
                type="button"
                role="tab"
                aria-selected=move || (composer.tab.get() == Tab::Code).to_string()
                on:click=choose(Tab::Code)
            >
                "Code"
            </button>
            <button
                type="button"
                role="tab"
                aria-selected=move || (composer.tab.get() == Tab::Compose).to_string()
                on:click=choose(Tab::Compose)
            >
                "Compose"
            </button>
        </div>
    }
}

/// The whole composer: template, parameters, resources, coroutines, generated code.
#[component]
pub fn ComposerPanel() -> impl IntoView {
    let composer = Composer::get();
    let templates: Vec<(TemplateId, String)> =
        TEMPLATES.iter().map(|t| (*t, t.build().title)).collect();
    let current = move || {
        composer.composition.with(|c| {
            c.as_ref()
                .and_then(|c| c.template)
                .map_or("", TemplateId::key)
                .to_string()
        })
    };
    let start = move |event: leptos::ev::Event| {
        if let Some(template) = TemplateId::from_key(&event_target_value(&event)) {
            composer.open(template.build());
        }
    };
    let title = Memo::new(move |_| {
        composer
            .composition
            .with(|c| c.as_ref().map(|c| c.title.clone()).unwrap_or_default())
    });
    view! {
        <div class="composer">
            <div class="composer-bar">
                <label class="field">
                    <span>"Template"</span>
                    <select on:change=start aria-label="Start from a template">
                        {templates
                            .into_iter()
                            .map(|(template, name)| {
                                let key = template.key();
                                view! {
                                    <option value=key selected=move || current() == key>
                                        {name}
                                    </option>
                                }
                            })
                            .collect::<Vec<_>>()}
                    </select>
                </label>
                <label class="field">
                    <span>"Title"</span>
                    <input
                        id="composition-title"
                        type="text"
                        prop:value=move || title.get()
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            composer.edit(|c| c.title = value);
                        }
                    />
                </label>
            </div>
            <ParamSliders/>
            <Problems/>
            <form::CompositionForm/>
            <code::GeneratedCode/>
        </div>
    }
}

/// Why the composition does not run, each problem naming its step.
#[component]
fn Problems() -> impl IntoView {
    let composer = Composer::get();
    view! {
        <Show when=move || composer.problems.with(|p| !p.is_empty())>
            <div class="composer-problems" role="alert">
                <p>"Fix these to run the scenario again:"</p>
                <ul>
                    {move || {
                        composer
                            .problems
                            .get()
                            .into_iter()
                            .map(|problem| view! { <li>{problem.message}</li> })
                            .collect::<Vec<_>>()
                    }}
                </ul>
            </div>
        </Show>
    }
}
