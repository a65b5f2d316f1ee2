//! Opening a program (an example, a share link, a saved program) in place of the editor's
//! one, without ever losing it: the user's own program is kept in "My programs" first, the
//! editor's undo history records the change (Ctrl+Z in the editor brings the text back), and
//! a notice offers Undo, which restores the program, its seed and its event.

use leptos::prelude::*;

use crate::examples::PRESETS;
use crate::programs;
use crate::session::Session;
use crate::storage::LocalStore;

/// What to open, and where it comes from (for the notice).
pub struct Opening {
    pub source: String,
    pub filename: String,
    pub seed: u64,
    pub event: usize,
    /// e.g. "the example “gather”", "the shared link".
    pub what: String,
}

/// The editor's program as it was before an opening.
#[derive(Clone, Debug, PartialEq)]
struct Before {
    source: String,
    filename: String,
    seed: u64,
    event: usize,
}

/// The notice after an opening replaced the user's program.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub message: String,
    before: Before,
}

/// Whether `source` is the user's own work (not empty, not an example as shipped).
pub fn is_own_work(source: &str) -> bool {
    !source.trim().is_empty() && PRESETS.iter().all(|preset| preset.source != source)
}

/// Keeps `source` in My programs if it is the user's own work; true if it was kept.
pub fn keep(source: &str) -> bool {
    is_own_work(source)
        && programs::save(&mut LocalStore, source, js_sys::Date::now() as u64).is_some()
}

impl Session {
    /// Opens `opening` in the editor and runs it; the program it replaces is kept.
    pub fn open(&self, opening: Opening) {
        let before = Before {
            source: self.source.get_untracked(),
            filename: self.filename.get_untracked(),
            seed: self.seed.get_untracked(),
            event: self.event.get_untracked(),
        };
        if before.source == opening.source && before.seed == opening.seed {
            self.playing.set(false);
            self.seek(opening.event);
            return;
        }
        self.keep_replaced(&opening.what, before);
        self.load(
            opening.source,
            opening.filename,
            opening.seed,
            opening.event,
        );
    }

    /// The page opened a share link in place of the autosaved draft: keep the draft.
    pub fn keep_replaced_draft(&self, draft: String, filename: String, seed: u64) {
        let before = Before {
            source: draft,
            filename,
            seed,
            event: 0,
        };
        self.keep_replaced("the shared link", before);
    }

    /// Keeps the replaced program in My programs if it is the user's own, with a notice.
    fn keep_replaced(&self, what: &str, before: Before) {
        let kept = keep(&before.source);
        if kept {
            self.saved_programs_changed();
        }
        self.notice.set(kept.then(|| Notice {
            message: format!("Opened {what}. Your program was kept in My programs."),
            before,
        }));
    }

    /// Puts back the program the notice's opening replaced.
    pub fn undo_opening(&self) {
        let Some(notice) = self.notice.get_untracked() else {
            return;
        };
        self.notice.set(None);
        let Before {
            source,
            filename,
            seed,
            event,
        } = notice.before;
        self.load(source, filename, seed, event);
    }

    fn load(&self, source: String, filename: String, seed: u64, event: usize) {
        self.playing.set(false);
        self.filename.set(filename);
        self.seed.set(seed);
        self.source.set(source);
        self.run_now(event);
    }
}

/// The notice with Undo, shown after an opening replaced the user's program.
#[component]
pub fn OpeningNotice() -> impl IntoView {
    let session = Session::get();
    move || {
        session.notice.get().map(|notice| {
            view! {
                <div class="banner info" role="status">
                    <p>{notice.message}</p>
                    <button type="button" on:click=move |_| session.undo_opening()>
                        "Undo"
                    </button>
                    <button type="button" on:click=move |_| session.notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
