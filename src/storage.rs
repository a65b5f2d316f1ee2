//! Browser localStorage: the editor's autosave and the chosen theme. Every access is
//! best-effort (storage can be disabled or full), so failures are silently ignored.

const DRAFT_KEY: &str = "loopscope.draft.v1";
const SEED_KEY: &str = "loopscope.seed.v1";
const THEME_KEY: &str = "loopscope.theme.v1";

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
