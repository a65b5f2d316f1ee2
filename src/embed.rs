//! Embed mode: `?embed=1&panels=…&autoplay=1&speed=…&event=…&theme=dark|light&readonly=1`
//! shows a minimal page for an iframe. This module parses those parameters and writes them
//! back (pure, tested natively), and writes the snippet the Embed dialog offers: the iframe
//! plus a small script that sets its height from the page's `loopscope:resize` messages.
//! docs/embedding.md documents both.

use crate::speed::{Speed, DEFAULT_SPEED};

/// A panel that embed mode can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Editor,
    Now,
    Stack,
    Ready,
    Timers,
    Tasks,
    Primitives,
    Console,
    Pitfalls,
    Graph,
    Narration,
    Timeline,
}

impl Panel {
    /// Every panel, in page order.
    pub const ALL: [Panel; 12] = [
        Panel::Editor,
        Panel::Now,
        Panel::Stack,
        Panel::Ready,
        Panel::Timers,
        Panel::Tasks,
        Panel::Primitives,
        Panel::Console,
        Panel::Pitfalls,
        Panel::Graph,
        Panel::Narration,
        Panel::Timeline,
    ];

    /// The name used in the `panels=` parameter.
    pub fn key(self) -> &'static str {
        match self {
            Panel::Editor => "editor",
            Panel::Now => "now",
            Panel::Stack => "stack",
            Panel::Ready => "ready",
            Panel::Timers => "timers",
            Panel::Tasks => "tasks",
            Panel::Primitives => "primitives",
            Panel::Console => "console",
            Panel::Pitfalls => "pitfalls",
            Panel::Graph => "graph",
            Panel::Narration => "narration",
            Panel::Timeline => "timeline",
        }
    }

    fn from_key(key: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|panel| panel.key() == key)
    }
}

/// Panels an embed shows when `panels=` is missing or names none we know.
pub const DEFAULT_EMBED_PANELS: [Panel; 7] = [
    Panel::Ready,
    Panel::Timers,
    Panel::Tasks,
    Panel::Console,
    Panel::Pitfalls,
    Panel::Graph,
    Panel::Timeline,
];

/// The snippet's iframe height before the page reports its own (and where scripts are not
/// allowed on the host page).
pub const FALLBACK_HEIGHT: u32 = 560;

/// What the page's query string asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    /// `embed=1`: minimal chrome.
    pub embedded: bool,
    pub panels: Vec<Panel>,
    pub autoplay: bool,
    pub speed: Speed,
    /// The event to open at (overrides the share link's).
    pub event: Option<usize>,
    /// `Some("dark")` or `Some("light")`; `None` follows the reader's system setting.
    pub theme: Option<&'static str>,
    /// The program cannot be edited (and is never re-run).
    pub readonly: bool,
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
            readonly: false,
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
                "speed" => options.speed = Speed::parse(&value).unwrap_or(DEFAULT_SPEED),
                "readonly" => options.readonly = value == "1" || value == "true",
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

impl EmbedOptions {
    /// The query string (without `?`) that opens an embed with these settings.
    pub fn to_query(&self) -> String {
        let panels: Vec<&str> = self.panels.iter().map(|panel| panel.key()).collect();
        let mut query = format!("embed=1&panels={}", panels.join(","));
        if self.autoplay {
            query.push_str("&autoplay=1");
        }
        query.push_str(&format!("&speed={}", self.speed.key()));
        if let Some(event) = self.event {
            query.push_str(&format!("&event={event}"));
        }
        if let Some(theme) = self.theme {
            query.push_str(&format!("&theme={theme}"));
        }
        if self.readonly {
            query.push_str("&readonly=1");
        }
        query
    }
}

/// The snippet for a page: an `<iframe>` of `url` (a complete URL), and a script that sets
/// its height from the embedded page's `loopscope:resize` messages (only from `origin`, where
/// Loopscope is served). Without the script the frame keeps [`FALLBACK_HEIGHT`].
pub fn iframe_snippet(url: &str, origin: &str) -> String {
    let escaped = url.replace('&', "&amp;").replace('"', "&quot;");
    let origin = origin.replace(['\\', '"'], "");
    format!(
        "<iframe src=\"{escaped}\" title=\"Loopscope: asyncio event loop\" width=\"100%\" height=\"{FALLBACK_HEIGHT}\" loading=\"lazy\" data-loopscope></iframe>\n<script>\naddEventListener(\"message\", function (e) {{\n  if (e.origin !== \"{origin}\" || !e.data || e.data.type !== \"loopscope:resize\") return;\n  document.querySelectorAll(\"iframe[data-loopscope]\").forEach(function (f) {{\n    if (f.contentWindow === e.source) f.style.height = e.data.height + \"px\";\n  }});\n}});\n</script>"
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
        assert_eq!(options.speed, Speed::Events(8.0));
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
    fn options_round_trip_through_the_query() {
        let options = EmbedOptions {
            embedded: true,
            panels: vec![Panel::Tasks, Panel::Stack, Panel::Timeline],
            autoplay: true,
            speed: Speed::Virtual(10.0),
            event: Some(5),
            theme: None,
            readonly: true,
        };
        assert_eq!(EmbedOptions::from_query(&options.to_query()), options);
        let plain = EmbedOptions {
            theme: Some("dark"),
            autoplay: false,
            readonly: false,
            event: None,
            ..options
        };
        assert_eq!(EmbedOptions::from_query(&plain.to_query()), plain);
    }

    #[test]
    fn the_snippet_frames_the_url_and_follows_the_page_height() {
        let snippet = iframe_snippet(
            "https://example.org/?embed=1&panels=tasks#v2.abc",
            "https://example.org",
        );
        assert!(snippet
            .starts_with("<iframe src=\"https://example.org/?embed=1&amp;panels=tasks#v2.abc\" "));
        assert!(snippet.contains("height=\"560\""));
        assert!(snippet.contains("e.origin !== \"https://example.org\""));
        assert!(snippet.contains("loopscope:resize"));
    }
}
