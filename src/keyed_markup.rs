//! Markup updated in place: a container's children kept equal to a list of keyed parts
//! (each part a piece of markup, such as one box of the task graph), where only the parts
//! whose markup changed are written again, new ones are added and gone ones removed.
//!
//! Rewriting a whole diagram through `innerHTML` on every event makes the browser parse,
//! style and lay out every element again; moving the playhead usually changes a few boxes.

use std::collections::HashMap;

use web_sys::Element;

const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// One part as it is in the page: its key, its markup, and the element holding it.
struct Part {
    key: String,
    markup: String,
    element: Element,
}

/// The parts shown in one container, in order. Each part is held by a wrapper element of
/// its own (an SVG `<g>` inside SVG, an `<li>` in a list, else a `<div>`), whose contents
/// are the part's markup.
#[derive(Default)]
pub struct KeyedMarkup {
    parts: Vec<Part>,
}

impl KeyedMarkup {
    /// Makes `container`'s children the `wanted` parts (key, markup), in this order: a part
    /// whose key was shown keeps its element, written again only if its markup changed.
    /// A key may repeat; its parts are matched in order.
    pub fn show(&mut self, container: &Element, wanted: Vec<(String, String)>) {
        let mut old: HashMap<String, Vec<Part>> = HashMap::new();
        for part in self.parts.drain(..).rev() {
            old.entry(part.key.clone()).or_default().push(part);
        }
        let mut cursor = container.first_element_child();
        for (key, markup) in wanted {
            let part = match old.get_mut(&key).and_then(Vec::pop) {
                Some(mut part) => {
                    if part.markup != markup {
                        part.element.set_inner_html(&markup);
                        part.markup = markup;
                    }
                    part
                }
                None => {
                    let Some(element) = wrapper(container) else {
                        continue;
                    };
                    element.set_inner_html(&markup);
                    Part {
                        key,
                        markup,
                        element,
                    }
                }
            };
            if cursor.as_ref() == Some(&part.element) {
                cursor = part.element.next_element_sibling();
            } else {
                let _ = container.insert_before(&part.element, cursor.as_deref());
            }
            self.parts.push(part);
        }
        for part in old.into_values().flatten() {
            part.element.remove();
        }
    }
}

/// A new, detached element to hold one part of `container`.
fn wrapper(container: &Element) -> Option<Element> {
    let document = container.owner_document()?;
    let element = match (
        container.namespace_uri().as_deref(),
        container.tag_name().as_str(),
    ) {
        (Some(SVG_NAMESPACE), _) => document.create_element_ns(Some(SVG_NAMESPACE), "g"),
        (_, "UL" | "OL") => document.create_element("li"),
        _ => document.create_element("div"),
    };
    element.ok()
}
