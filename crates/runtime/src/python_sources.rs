//! Where the text of a library module written in Python comes from.
//!
//! By default every file is embedded in the binary (stripped at build time: `build.rs`). With
//! the `fetched-library` feature (the web page's engine) only the files nearly every program
//! runs stay embedded (asyncio's Python halves, `contextvars`, `_loopscope`); the rest are
//! asked of the embedder the first time a program imports them, through the loader it
//! installs with [`set_library_loader`] (the page's worker fetches them from the server), so
//! a page load downloads only the library its programs import. A fetched file is the
//! repository's own text, stripped here as `build.rs` strips an embedded one, so both ways
//! run the same code (and report the same lines), and kept for the next runs.

use std::rc::Rc;

/// One Python file of the library: `path` is under `src/` (`"modules/python/argparse.py"`).
#[derive(Clone, Copy)]
pub struct LibraryFile {
    #[cfg(feature = "fetched-library")]
    path: &'static str,
    #[cfg(not(feature = "fetched-library"))]
    text: &'static str,
}

impl LibraryFile {
    /// The file at `path` (with `fetched-library`) or of text `text` (without).
    pub const fn new(
        #[cfg(feature = "fetched-library")] path: &'static str,
        #[cfg(not(feature = "fetched-library"))] text: &'static str,
    ) -> Self {
        LibraryFile {
            #[cfg(feature = "fetched-library")]
            path,
            #[cfg(not(feature = "fetched-library"))]
            text,
        }
    }

    /// The file's (stripped) text, or why it could not be had.
    #[cfg(not(feature = "fetched-library"))]
    pub fn text(&self) -> Result<Rc<str>, String> {
        Ok(Rc::from(self.text))
    }

    /// The file's (stripped) text, or why it could not be had: fetched through the
    /// embedder's loader the first time, then kept.
    #[cfg(feature = "fetched-library")]
    pub fn text(&self) -> Result<Rc<str>, String> {
        fetched::text(self.path)
    }
}

#[cfg(feature = "fetched-library")]
pub use fetched::set_library_loader;

#[cfg(feature = "fetched-library")]
#[path = "../build/strip_python.rs"]
mod strip_python;

#[cfg(feature = "fetched-library")]
mod fetched {
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::rc::Rc;

    /// What the embedder gives for a path under `src/modules/python/` (`"json/decoder.py"`):
    /// the file's text as the repository has it, or None if it could not be had.
    pub type LibraryLoader = fn(&str) -> Option<String>;

    thread_local! {
        static LOADER: Cell<Option<LibraryLoader>> = const { Cell::new(None) };
        /// The files fetched so far, stripped, by path under `src/`.
        static FETCHED: RefCell<HashMap<&'static str, Rc<str>>> = RefCell::new(HashMap::new());
    }

    /// Installs the loader that fetched library files come from (once, before any run).
    pub fn set_library_loader(loader: LibraryLoader) {
        LOADER.with(|l| l.set(Some(loader)));
    }

    pub(super) fn text(path: &'static str) -> Result<Rc<str>, String> {
        if let Some(text) = FETCHED.with(|f| f.borrow().get(path).cloned()) {
            return Ok(text);
        }
        let relative = path.strip_prefix("modules/python/").unwrap_or(path);
        let loaded = LOADER
            .with(Cell::get)
            .and_then(|load| load(relative))
            .ok_or_else(|| format!("the library file {relative} could not be loaded"))?;
        let text: Rc<str> = Rc::from(super::strip_python::strip(&loaded));
        FETCHED.with(|f| f.borrow_mut().insert(path, text.clone()));
        Ok(text)
    }
}
