//! Browser localStorage: the editor's autosave, the chosen theme and settings, and the
//! crash-loop guard's marker. Every access is best-effort (storage can be disabled or full),
//! so failures are silently ignored.

const DRAFT_KEY: &str = "loopscope.draft.v1";
const SEED_KEY: &str = "loopscope.seed.v1";
const THEME_KEY: &str = "loopscope.theme.v1";
const GUARD_KEY: &str = "loopscope.guard.v1";
const EVENT_LIMIT_KEY: &str = "loopscope.event-limit.v1";
const TOURED_KEY: &str = "loopscope.toured.v1";
const POSITION_KEY: &str = "loopscope.position.v1";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok()?
}

fn write(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// The program the editor held last time, if any.
pub fn load_draft() -> Option<String> {
    read(DRAFT_KEY)
}

/// Remembers the editor's program.
pub fn save_draft(source: &str) {
    write(DRAFT_KEY, source);
}

/// The seed field's last value.
pub fn load_seed() -> Option<u64> {
    read(SEED_KEY)?.parse().ok()
}

/// Remembers the seed field.
pub fn save_seed(seed: u64) {
    write(SEED_KEY, &seed.to_string());
}

/// The theme chosen with the toggle (`"light"` or `"dark"`), if any.
pub fn load_theme() -> Option<String> {
    read(THEME_KEY).filter(|theme| theme == "light" || theme == "dark")
}

/// Remembers the theme.
pub fn save_theme(theme: &str) {
    write(THEME_KEY, theme);
}

/// The crash-loop guard's marker (see [`crate::guard`]).
pub fn load_guard() -> Option<String> {
    read(GUARD_KEY)
}

pub fn save_guard(marker: &str) {
    write(GUARD_KEY, marker);
}

pub fn clear_guard() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(GUARD_KEY);
    }
}

/// The event limit the user chose.
pub fn load_event_limit() -> Option<u64> {
    read(EVENT_LIMIT_KEY)?.parse().ok()
}

pub fn save_event_limit(limit: u64) {
    write(EVENT_LIMIT_KEY, &limit.to_string());
}

/// localStorage as the store of "My programs" ([`crate::programs`]).
pub struct LocalStore;

impl crate::programs::Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        read(key)
    }
    fn set(&mut self, key: &str, value: &str) {
        write(key, value);
    }
    fn remove(&mut self, key: &str) {
        if let Some(storage) = local_storage() {
            let _ = storage.remove_item(key);
        }
    }
}

/// Whether the guided tour was shown in this browser.
pub fn toured() -> bool {
    read(TOURED_KEY).is_some()
}

pub fn save_toured() {
    write(TOURED_KEY, "1");
}

/// The event shown when the page was left (for the draft).
pub fn load_position() -> Option<usize> {
    read(POSITION_KEY)?.parse().ok()
}

pub fn save_position(event: usize) {
    write(POSITION_KEY, &event.to_string());
}
