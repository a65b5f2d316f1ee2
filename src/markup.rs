//! HTML and SVG written as text for the big, regular parts of the page (the composer's
//! step forms, the task graph, the compared runs): one string set as `inner_html` costs
//! the wasm far less than a typed view per element. Everything interpolated goes through
//! [`escape`] (the view-model's, shared with the SVG export); events are read back from
//! `data-*` attributes by one listener per container.

use std::fmt::Write as _;

pub use loopscope_viewmodel::chart::escape;

/// Appends `<tag attr="value"...>` (values escaped); `close` ends it at once.
pub fn open(out: &mut String, tag: &str, attributes: &[(&str, &str)], close: bool) {
    let _ = write!(out, "<{tag}");
    for (name, value) in attributes {
        let _ = write!(out, " {name}=\"{}\"", escape(value));
    }
    out.push_str(if close { "/>" } else { ">" });
}

/// Appends `<tag attributes>text</tag>` (text escaped).
pub fn element(out: &mut String, tag: &str, attributes: &[(&str, &str)], text: &str) {
    open(out, tag, attributes, false);
    out.push_str(&escape(text));
    let _ = write!(out, "</{tag}>");
}

/// The element an event happened in, or its closest ancestor matching `selector`.
pub fn target_closest(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    target.closest(selector).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut out = String::new();
        element(&mut out, "span", &[("title", "a \"b\" <c>")], "x < y & 'z'");
        assert_eq!(
            out,
            "<span title=\"a &quot;b&quot; &lt;c&gt;\">x &lt; y &amp; &apos;z&apos;</span>"
        );
    }
}
