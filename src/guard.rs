//! The crash-loop guard: a program whose last run was stopped, crashed, or was still going
//! when the page was closed is not run again by itself on the next visit (the draft and share
//! links would otherwise run it at every load); the page offers a button instead.
//!
//! One marker in localStorage names the last such program (by a fingerprint of its text and
//! seed) and why. A run that lasts longer than [`SLOW_RUN_MS`] marks itself unfinished until
//! it ends, so closing a tab on a runaway program is remembered too.

use std::hash::{Hash, Hasher};

use crate::storage;

/// A run still going after this long is marked, in case the page is closed before it ends.
pub const SLOW_RUN_MS: f64 = 1500.0;

/// Why a program is held back instead of run at load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    /// The user stopped its last run.
    Stopped,
    /// The engine failed while running it.
    Crashed,
    /// Its last run was still going when the page was left.
    Unfinished,
}

impl Held {
    fn key(self) -> &'static str {
        match self {
            Held::Stopped => "stopped",
            Held::Crashed => "crashed",
            Held::Unfinished => "unfinished",
        }
    }

    fn from_key(key: &str) -> Option<Held> {
        [Held::Stopped, Held::Crashed, Held::Unfinished]
            .into_iter()
            .find(|held| held.key() == key)
    }

    /// Says why the program was not run, for the notice.
    pub fn explanation(self) -> &'static str {
        match self {
            Held::Stopped => "You stopped this program's last run, so it was not run again.",
            Held::Crashed => {
                "The engine failed while running this program last time, so it was not run again."
            }
            Held::Unfinished => {
                "This program was still running when the page was closed last time, so it was not run again."
            }
        }
    }
}

/// Identifies a program and seed (not across browsers or versions: only this page's marker).
pub fn fingerprint(source: &str, seed: u64) -> String {
    let mut hasher = rustc_hash::FxHasher::default();
    source.hash(&mut hasher);
    seed.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// Remembers that the program `fingerprint` is held for `why`.
pub fn hold(fingerprint: &str, why: Held) {
    storage::save_guard(&format!("{fingerprint} {}", why.key()));
}

/// Forgets the marker if it names `fingerprint` (its run ended normally, or was abandoned
/// for an edit).
pub fn release(fingerprint: &str) {
    if storage::load_guard().is_some_and(|marker| marker.starts_with(fingerprint)) {
        storage::clear_guard();
    }
}

/// Why `fingerprint` must not run by itself, if it must not.
pub fn held(fingerprint: &str) -> Option<Held> {
    parse(&storage::load_guard()?, fingerprint)
}

fn parse(marker: &str, fingerprint: &str) -> Option<Held> {
    let (marked, why) = marker.split_once(' ')?;
    (marked == fingerprint)
        .then(|| Held::from_key(why))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_holds_only_its_own_program() {
        let one = fingerprint("print(1)\n", 0);
        let other = fingerprint("print(1)\n", 1);
        assert_ne!(one, other);
        assert_eq!(one.len(), 16);
        let marker = format!("{one} crashed");
        assert_eq!(parse(&marker, &one), Some(Held::Crashed));
        assert_eq!(parse(&marker, &other), None);
        assert_eq!(parse(&format!("{one} stopped"), &one), Some(Held::Stopped));
        assert_eq!(
            parse(&format!("{one} unfinished"), &one),
            Some(Held::Unfinished)
        );
        assert_eq!(parse(&format!("{one} bogus"), &one), None);
        assert_eq!(parse("", &one), None);
    }
}
