//! "My programs": the user's own programs, kept in this browser whenever something else
//! (an example, a share link, another saved program) replaces the one in the editor, so
//! opening anything never loses work. Saving the same text twice keeps one entry (moved to
//! the top); at most [`MAX_PROGRAMS`] are kept, and the page says so.
//!
//! The list is stored as an index (`loopscope.programs.v1`: one `id<TAB>saved-at<TAB>name`
//! line per program, newest first) plus one key per program's text, through [`Store`], so
//! the logic is tested natively on a map.

/// Programs kept, at most (the oldest goes first).
pub const MAX_PROGRAMS: usize = 50;

const INDEX_KEY: &str = "loopscope.programs.v1";
const PROGRAM_KEY_PREFIX: &str = "loopscope.program.v1.";

/// Where the list lives: localStorage in the page, a map in tests.
pub trait Store {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str);
    fn remove(&mut self, key: &str);
}

/// One saved program (its text is read on demand).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedProgram {
    pub id: u64,
    /// Milliseconds since 1970, when it was last saved.
    pub saved_at: u64,
    /// A name from its first meaningful line.
    pub name: String,
}

/// The saved programs, newest first.
pub fn list(store: &impl Store) -> Vec<SavedProgram> {
    store
        .get(INDEX_KEY)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| {
            let mut fields = line.splitn(3, '\t');
            Some(SavedProgram {
                id: fields.next()?.parse().ok()?,
                saved_at: fields.next()?.parse().ok()?,
                name: fields.next()?.to_string(),
            })
        })
        .collect()
}

/// The text of a saved program.
pub fn source(store: &impl Store, id: u64) -> Option<String> {
    store.get(&program_key(id))
}

/// Keeps `text` at the top of the list (an identical text already there just moves up).
/// Returns its entry. Whitespace-only texts are not kept.
pub fn save(store: &mut impl Store, text: &str, now_ms: u64) -> Option<SavedProgram> {
    if text.trim().is_empty() {
        return None;
    }
    let mut programs = list(store);
    let existing = programs
        .iter()
        .position(|program| source(store, program.id).as_deref() == Some(text));
    let entry = match existing {
        Some(index) => {
            let mut entry = programs.remove(index);
            entry.saved_at = now_ms;
            entry
        }
        None => {
            let id = programs.iter().map(|program| program.id).max().unwrap_or(0) + 1;
            store.set(&program_key(id), text);
            SavedProgram {
                id,
                saved_at: now_ms,
                name: name_of(text),
            }
        }
    };
    programs.insert(0, entry.clone());
    for dropped in programs.drain(MAX_PROGRAMS.min(programs.len())..) {
        store.remove(&program_key(dropped.id));
    }
    write_index(store, &programs);
    Some(entry)
}

/// Forgets a saved program.
pub fn delete(store: &mut impl Store, id: u64) {
    let mut programs = list(store);
    programs.retain(|program| program.id != id);
    store.remove(&program_key(id));
    write_index(store, &programs);
}

/// A short name: the first comment's text or code line, at most 48 characters.
pub fn name_of(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.trim_start_matches('#').trim().is_empty())
        .unwrap_or("(empty)");
    let line = line.trim_start_matches('#').trim();
    let mut name: String = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(48)
        .collect();
    if line.chars().count() > 48 {
        name.push('…');
    }
    name
}

fn program_key(id: u64) -> String {
    format!("{PROGRAM_KEY_PREFIX}{id}")
}

fn write_index(store: &mut impl Store, programs: &[SavedProgram]) {
    let index: Vec<String> = programs
        .iter()
        .map(|program| format!("{}\t{}\t{}", program.id, program.saved_at, program.name))
        .collect();
    store.set(INDEX_KEY, &index.join("\n"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Map(HashMap<String, String>);

    impl Store for Map {
        fn get(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set(&mut self, key: &str, value: &str) {
            self.0.insert(key.to_string(), value.to_string());
        }
        fn remove(&mut self, key: &str) {
            self.0.remove(key);
        }
    }

    #[test]
    fn programs_are_kept_newest_first_without_duplicates() {
        let mut store = Map::default();
        assert_eq!(list(&store), []);
        let first = save(&mut store, "# my crawler\nimport asyncio\n", 10).unwrap();
        let second = save(&mut store, "print('tab\there')\n", 20).unwrap();
        assert_eq!(first.name, "my crawler");
        assert_eq!(second.name, "print('tab here')");
        assert_eq!(list(&store), [second.clone(), first.clone()]);
        // The same text again moves up instead of being copied.
        save(&mut store, "# my crawler\nimport asyncio\n", 30);
        let names: Vec<_> = list(&store)
            .into_iter()
            .map(|p| (p.id, p.saved_at))
            .collect();
        assert_eq!(names, [(first.id, 30), (second.id, 20)]);
        assert_eq!(source(&store, second.id).unwrap(), "print('tab\there')\n");
        delete(&mut store, first.id);
        assert_eq!(list(&store), std::slice::from_ref(&second));
        assert_eq!(source(&store, first.id), None);
        assert_eq!(save(&mut store, "  \n\n", 40), None);
    }

    #[test]
    fn the_oldest_goes_past_the_cap() {
        let mut store = Map::default();
        for n in 0..MAX_PROGRAMS + 3 {
            save(&mut store, &format!("print({n})\n"), n as u64);
        }
        let programs = list(&store);
        assert_eq!(programs.len(), MAX_PROGRAMS);
        assert_eq!(programs[0].name, format!("print({})", MAX_PROGRAMS + 2));
        assert_eq!(programs.last().unwrap().name, "print(3)");
        assert_eq!(store.0.len(), MAX_PROGRAMS + 1);
    }

    #[test]
    fn names_come_from_the_first_meaningful_line() {
        assert_eq!(name_of("\n#\n#  fetch pages  \nx = 1"), "fetch pages");
        assert_eq!(name_of(""), "(empty)");
        let long = "x".repeat(60);
        assert_eq!(name_of(&long).chars().count(), 49);
    }

    #[test]
    fn a_damaged_index_line_is_skipped() {
        let mut store = Map::default();
        store.set(INDEX_KEY, "zz\t1\tbad\n3\t5\tgood");
        assert_eq!(
            list(&store),
            [SavedProgram {
                id: 3,
                saved_at: 5,
                name: "good".into()
            }]
        );
    }
}
