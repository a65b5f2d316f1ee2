//! What a scroll container shows, known without reading layout while the page updates.
//!
//! [`ScrollView`] keeps a scroll container's position and height from its own scroll events
//! and a resize observer (both come after the browser has laid the page out): a seek that
//! changes thousands of elements and then asked the browser where something is would make
//! it lay the whole page out at once (a forced layout), in the middle of the update.
//!
//! [`RowWindow`] uses it for long lists of rows of one fixed height (the pitch, gaps
//! included): only the rows in view, and a few either side, are in the DOM, with the space
//! of the others kept above and below them, so a list of a hundred thousand rows costs a
//! seek or a scroll what a screenful costs. Each drawn row still says where it is in the
//! whole list (`aria-posinset`/`aria-setsize`, `aria-rowindex`/`aria-rowcount`), for screen
//! readers.

use std::ops::Range;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::ResizeObserver;

/// Width assumed for a container before it is measured (wider than any panel).
const ASSUMED_WIDTH: i32 = 2000;

/// A scroll container's scroll position and size (CSS pixels), kept up to date.
#[derive(Clone, Copy)]
pub struct ScrollView {
    /// The scroll container (give it `node_ref` and [`ScrollView::on_scroll`]).
    pub element: NodeRef<Div>,
    top: RwSignal<i32>,
    height: RwSignal<i32>,
    left: RwSignal<i32>,
    width: RwSignal<i32>,
}

impl ScrollView {
    /// Follows the element given `element`; until it is measured its height is taken to be
    /// `assumed_height`.
    pub fn new(assumed_height: i32) -> ScrollView {
        let view = ScrollView {
            element: NodeRef::new(),
            top: RwSignal::new(0),
            height: RwSignal::new(assumed_height),
            left: RwSignal::new(0),
            width: RwSignal::new(ASSUMED_WIDTH),
        };
        // Measured whenever the element's size changes (a list whose height follows its rows
        // grows with them): a resize observer reports after the browser's own layout, and
        // once when it starts. The observer of the element shown now, with its callback:
        let observer = StoredValue::new_local(None::<(ResizeObserver, Closure<dyn Fn()>)>);
        let stop = move || {
            observer.try_update_value(|kept| {
                if let Some((observer, _callback)) = kept.take() {
                    observer.disconnect();
                }
            });
        };
        // Mounted again (a panel's list comes and goes with its rows): observe the new one.
        Effect::new(move |_| {
            let element = view.element.get();
            stop();
            let Some(element) = element else { return };
            let callback = Closure::<dyn Fn()>::new(move || view.measure());
            if let Ok(watching) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
                watching.observe(&element);
                observer.set_value(Some((watching, callback)));
            }
        });
        on_cleanup(stop);
        view
    }

    fn measure(self) {
        let Some(element) = self.element.get_untracked() else {
            return;
        };
        let (top, height) = (element.scroll_top(), element.client_height());
        if top != self.top.get_untracked() {
            self.top.set(top);
        }
        if height > 0 && height != self.height.get_untracked() {
            self.height.set(height);
        }
        let (left, width) = (element.scroll_left(), element.client_width());
        if left != self.left.get_untracked() {
            self.left.set(left);
        }
        if width > 0 && width != self.width.get_untracked() {
            self.width.set(width);
        }
    }

    /// The container's scroll handler (the browser has just laid it out: reading is free).
    pub fn on_scroll(self) -> impl Fn(leptos::ev::Event) + Clone + 'static {
        move |_| self.measure()
    }

    /// How far it is scrolled (tracked).
    pub fn top(self) -> i32 {
        self.top.get()
    }

    /// Its visible height (tracked).
    pub fn height(self) -> i32 {
        self.height.get()
    }

    /// How far it is scrolled sideways (tracked).
    pub fn left(self) -> i32 {
        self.left.get()
    }

    /// Its visible width (tracked).
    pub fn width(self) -> i32 {
        self.width.get()
    }

    /// The scroll position and visible height, untracked.
    pub fn visible_untracked(self) -> (i32, i32) {
        (self.top.get_untracked(), self.height.get_untracked())
    }

    /// Scrolls to `top`, in the next animation frame: the browser lays out once for it and
    /// the frame, not in the middle of the update that asked.
    pub fn scroll_to(self, top: i32) {
        self.top.set(top);
        request_animation_frame(move || {
            if let Some(element) = self.element.get_untracked() {
                element.set_scroll_top(top);
            }
        });
    }

    /// Scrolls to the end, in the next animation frame (once the rows asked for are
    /// drawn); the scroll event that follows updates [`ScrollView::top`].
    pub fn scroll_to_end(self) {
        request_animation_frame(move || {
            if let Some(element) = self.element.get_untracked() {
                element.set_scroll_top(element.scroll_height());
            }
        });
    }
}

/// Rows drawn beyond each edge of the view, so a short scroll shows no gap.
const OVERSCAN: usize = 4;

/// Height assumed for a list's view before it is measured: a panel's list is smaller.
const ASSUMED_HEIGHT: i32 = 600;

/// Which rows of a long list of fixed-pitch rows to draw.
#[derive(Clone, Copy)]
pub struct RowWindow {
    /// The scroll container the rows are in.
    pub view: ScrollView,
    count: Signal<usize>,
    /// Pixels from one row's top to the next's.
    pitch: usize,
    range: Memo<Range<usize>>,
}

impl RowWindow {
    /// A window on a list of `count` rows, `pitch` pixels apart.
    pub fn new(count: Signal<usize>, pitch: usize) -> RowWindow {
        let view = ScrollView::new(ASSUMED_HEIGHT);
        let pitch = pitch.max(1);
        let range = Memo::new(move |_| {
            let count = count.get();
            let first_seen = view.top().max(0) as usize / pitch;
            let seen = view.height().max(0) as usize / pitch + 2;
            let first = first_seen.saturating_sub(OVERSCAN).min(count);
            let end = (first_seen + seen + OVERSCAN).min(count);
            first..end.max(first)
        });
        RowWindow {
            view,
            count,
            pitch,
            range,
        }
    }

    /// The rows to draw (tracked).
    pub fn range(self) -> Range<usize> {
        self.range.get()
    }

    /// The height standing for the rows above the drawn ones (a CSS length, tracked).
    pub fn space_before(self) -> String {
        format!("{}px", self.range.with(|range| range.start) * self.pitch)
    }

    /// The height standing for the rows below the drawn ones (a CSS length, tracked).
    pub fn space_after(self) -> String {
        let below = self
            .count
            .get()
            .saturating_sub(self.range.with(|range| range.end));
        format!("{}px", below * self.pitch)
    }
}

/// A scroll container (class `class`, focusable so the keyboard can scroll it) holding an
/// `<ol>` (class `list_class`, named `label`) of `window`'s rows in view; `row(index)` draws
/// the `<li>` of row `index`, which says its place in the whole list (`aria-posinset`
/// index + 1, `aria-setsize` the count).
///
/// Rows are keyed by their index: a row that stays in view keeps its elements, so `row`
/// makes what changes with the playhead reactive (the seek updates it in place).
pub fn row_list<V: IntoView + 'static>(
    window: RowWindow,
    class: &'static str,
    list_class: &'static str,
    label: &'static str,
    row: impl Fn(usize) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class=class node_ref=window.view.element on:scroll=window.view.on_scroll() tabindex="0">
            <ol
                class=list_class
                aria-label=label
                style:padding-top=move || window.space_before()
                style:padding-bottom=move || window.space_after()
            >
                <For each=move || window.range() key=|index| *index children=row/>
            </ol>
        </div>
    }
}
