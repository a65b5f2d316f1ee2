//! Embed mode: `?embed=1&panels=…&autoplay=1&speed=…&event=…&theme=dark|light` shows a
//! minimal page for an iframe. This module parses those parameters (pure, tested natively)
//! and writes the iframe snippet the Embed dialog offers. docs/embedding.md documents them.

use crate::number_text::decimal;

/// A panel that embed mode can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Editor,
    Now,
    Ready,
    Timers,
    Tasks,
    Primitives,
    Console,
    Narration,
    Timeline,
}

impl Panel {
    /// Every panel, in page order.
    pub const ALL: [Panel; 9] = [
        Panel::Editor,
        Panel::Now,
        Panel::Ready,
        Panel::Timers,
        Panel::Tasks,
        Panel::Primitives,
        Panel::Console,
        Panel::Narration,
        Panel::Timeline,
    ];

    /// The name used in the `panels=` parameter.
    pub fn key(self) -> &'static str {
        match self {
            Panel::Editor => "editor",
            Panel::Now => "now",
            Panel::Ready => "ready",
            Panel::Timers => "timers",
            Panel::Tasks => "tasks",
            Panel::Primitives => "primitives",
            Panel::Console => "console",
            Panel::Narration => "narration",
            Panel::Timeline => "timeline",
        }
    }

    fn from_key(key: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|panel| panel.key() == key)
    }
}

/// Panels an embed shows when `panels=` is missing or names none we know.
pub const DEFAULT_EMBED_PANELS: [Panel; 5] = [
    Panel::Ready,
    Panel::Timers,
    Panel::Tasks,
    Panel::Console,
    Panel::Timeline,
];

/// Playback speeds offered (events per second).
pub const SPEEDS: [f64; 6] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0];

/// The default playback speed (events per second).
pub const DEFAULT_SPEED: f64 = 4.0;

/// What the page's query string asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    /// `embed=1`: minimal chrome.
    pub embedded: bool,
    pub panels: Vec<Panel>,
    pub autoplay: bool,
    /// Events per second.
    pub speed: f64,
    /// The event to open at (overrides the share link's).
    pub event: Option<usize>,
    /// `Some("dark")` or `Some("light")`.
    pub theme: Option<&'static str>,
}

impl Default for EmbedOptions {
    fn default() -> EmbedOptions {
        EmbedOptions {
            embedded: false,
            panels: Panel::ALL.to_vec(),
            autoplay: false,
            speed: DEFAULT_SPEED,
            event: None,
            theme: None,
        }
    }
}

impl EmbedOptions {
    /// Parses a query string (`?a=b&c=d`, the `?` optional). Unknown or malformed values
    /// fall back to the defaults.
    pub fn from_query(query: &str) -> EmbedOptions {
        let mut options = EmbedOptions::default();
        let mut panels: Option<Vec<Panel>> = None;
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|pair| !pair.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "embed" => options.embedded = value == "1" || value == "true",
                "panels" => {
                    panels = Some(
                        value
                            .split(',')
                            .filter_map(|key| Panel::from_key(key.trim()))
                            .collect(),
                    )
                }
                "autoplay" => options.autoplay = value == "1" || value == "true",
                "speed" => {
                    if let Some(speed) = loopscope_cpython::strtod::parse_float(&value) {
                        if speed.is_finite() && speed > 0.0 {
                            options.speed = speed.clamp(0.25, 100.0);
                        }
                    }
                }
                "event" => options.event = value.parse().ok(),
                "theme" => {
                    options.theme = match value.as_str() {
                        "dark" => Some("dark"),
                        "light" => Some("light"),
                        _ => None,
                    }
                }
                _ => {}
            }
        }
        if options.embedded {
            options.panels = match panels {
                Some(list) if !list.is_empty() => list,
                _ => DEFAULT_EMBED_PANELS.to_vec(),
            };
        }
        options
    }

    /// Whether the page shows this panel.
    pub fn shows(&self, panel: Panel) -> bool {
        self.panels.contains(&panel)
    }
}

/// The query string (without `?`) for an embed with these settings.
pub fn embed_query(
    panels: &[Panel],
    autoplay: bool,
    speed: f64,
    event: usize,
    theme: &str,
) -> String {
    let panels: Vec<&str> = panels.iter().map(|panel| panel.key()).collect();
    let mut query = format!("embed=1&panels={}", panels.join(","));
    if autoplay {
        query.push_str("&autoplay=1");
    }
    let speed = decimal(speed);
    query.push_str(&format!("&speed={speed}&event={event}&theme={theme}"));
    query
}

/// An `<iframe>` snippet for `url` (already a complete URL).
pub fn iframe_snippet(url: &str) -> String {
    let escaped = url.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{escaped}\" title=\"Loopscope: asyncio event loop\" width=\"900\" height=\"560\" loading=\"lazy\"></iframe>"
    )
}

/// Decodes `%XX` escapes and `+` (as a space); malformed escapes stay as they are.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => decoded.push(b' '),
            b'%' if index + 2 < bytes.len()
                && bytes[index + 1].is_ascii_hexdigit()
                && bytes[index + 2].is_ascii_hexdigit() =>
            {
                let hex = [bytes[index + 1], bytes[index + 2]];
                let hex = std::str::from_utf8(&hex).unwrap_or("00");
                decoded.push(u8::from_str_radix(hex, 16).unwrap_or(b'%'));
                index += 2;
            }
            byte => decoded.push(byte),
        }
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_page_is_not_embedded_and_shows_everything() {
        let options = EmbedOptions::from_query("");
        assert!(!options.embedded);
        assert_eq!(options.panels, Panel::ALL.to_vec());
        assert_eq!(options.speed, DEFAULT_SPEED);
    }

    #[test]
    fn embed_parameters_are_read() {
        let options = EmbedOptions::from_query(
            "?embed=1&panels=ready%2Ctimers,console,bogus&autoplay=1&speed=8&event=12&theme=dark",
        );
        assert!(options.embedded && options.autoplay);
        assert_eq!(
            options.panels,
            vec![Panel::Ready, Panel::Timers, Panel::Console]
        );
        assert_eq!(options.speed, 8.0);
        assert_eq!(options.event, Some(12));
        assert_eq!(options.theme, Some("dark"));
    }

    #[test]
    fn malformed_values_fall_back_to_defaults() {
        let options =
            EmbedOptions::from_query("embed=1&panels=&speed=-3&event=x&theme=neon&x=%zz%");
        assert_eq!(options.panels, DEFAULT_EMBED_PANELS.to_vec());
        assert_eq!(options.speed, DEFAULT_SPEED);
        assert_eq!(options.event, None);
        assert_eq!(options.theme, None);
    }

    #[test]
    fn the_snippet_round_trips_through_the_parser() {
        let query = embed_query(&[Panel::Tasks, Panel::Timeline], true, 2.0, 5, "light");
        let options = EmbedOptions::from_query(&query);
        assert_eq!(options.panels, vec![Panel::Tasks, Panel::Timeline]);
        assert!(options.autoplay);
        assert_eq!(options.event, Some(5));
        let snippet = iframe_snippet(&format!("https://example.org/?{query}#v2.abc"));
        assert!(snippet
            .starts_with("<iframe src=\"https://example.org/?embed=1&amp;panels=tasks,timeline"));
    }
}
