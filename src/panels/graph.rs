//! The live task graph: the program's tasks and the futures and primitives between them
//! at the current event, as an SVG diagram that follows the playhead. Arrows say who
//! created whom, who awaits whom (through gather, wait, wait_for, shield, TaskGroup),
//! where a waiter is parked and who holds a lock; a deadlock's circle of waits is red.
//!
//! The diagram is written as markup (crate::markup) in whole pixels, one string per box and
//! per arrow (far less wasm than a typed view each); when the playhead moves, only the boxes
//! and arrows whose markup changed are written again (crate::keyed_markup).

use std::fmt::Write as _;

use leptos::html::Div;
use leptos::prelude::*;
use loopscope_viewmodel::{EdgeKind, GraphNode, GraphOptions, NodeId, NodeState, TaskGraph};

use web_sys::Element;

use crate::keyed_markup::KeyedMarkup;
use crate::markup::{element, escape};
use crate::session::Session;

/// A node's box and the spacing of the grid (CSS pixels).
const NODE_WIDTH: i32 = 132;
const NODE_HEIGHT: i32 = 38;
const COLUMN_PITCH: i32 = 148;
const ROW_PITCH: i32 = 50;
const MARGIN: i32 = 8;
/// Longest subtitle shown in a box (the whole text is its tooltip).
const SUBTITLE_CHARS: usize = 24;

fn origin(node: &GraphNode) -> (i32, i32) {
    (
        MARGIN + node.column as i32 * COLUMN_PITCH,
        MARGIN + node.row as i32 * ROW_PITCH,
    )
}

fn state_class(state: NodeState) -> &'static str {
    match state {
        NodeState::Ready => "ready",
        NodeState::Running => "running",
        NodeState::Waiting => "waiting",
        NodeState::Done => "done",
        NodeState::Failed => "failed",
        NodeState::Cancelled => "cancelled",
        NodeState::Pending => "pending",
        NodeState::Primitive => "primitive",
    }
}

fn edge_class(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Created => "created",
        EdgeKind::Awaits => "awaits",
        EdgeKind::Follows => "follows",
        EdgeKind::ParkedOn => "parked",
        EdgeKind::HeldBy => "held",
    }
}

fn short(text: &str) -> String {
    if text.chars().count() <= SUBTITLE_CHARS {
        text.to_string()
    } else {
        let cut: String = text.chars().take(SUBTITLE_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// The curve of an arrow between two boxes: out of the right side when the target lies
/// to the right, else out of the bottom.
fn edge_path(from: (i32, i32), to: (i32, i32)) -> String {
    let (fx, fy) = from;
    let (tx, ty) = to;
    if tx > fx + NODE_WIDTH / 2 {
        let (sx, sy) = (fx + NODE_WIDTH, fy + NODE_HEIGHT / 2);
        let (ex, ey) = (tx, ty + NODE_HEIGHT / 2);
        let bend = ((ex - sx) / 2).max(12);
        format!(
            "M{sx} {sy} C{} {sy} {} {ey} {ex} {ey}",
            sx + bend,
            ex - bend
        )
    } else {
        let (sx, sy) = (fx + NODE_WIDTH / 3, fy + NODE_HEIGHT);
        let (ex, ey) = if ty > fy {
            (tx + NODE_WIDTH / 3, ty)
        } else {
            (tx + NODE_WIDTH / 2, ty + NODE_HEIGHT)
        };
        let bend = ((ey - sy).abs() / 2).max(14);
        format!(
            "M{sx} {sy} C{sx} {} {ex} {} {ex} {ey}",
            sy + bend,
            ey - bend
        )
    }
}

fn title_of(graph: &TaskGraph, id: NodeId) -> &str {
    graph.node(id).map_or("", |n| n.title.as_str())
}

/// The deadlock sentence, or nothing.
fn cycle_markup(graph: &TaskGraph) -> String {
    let mut out = String::new();
    if !graph.cycle.is_empty() {
        let names: Vec<&str> = graph
            .cycle
            .iter()
            .map(|&t| title_of(graph, NodeId::Task(t)))
            .collect();
        let sentence = format!(
            "Deadlock: {} wait for each other in a circle.",
            names.join(" → ")
        );
        element(
            &mut out,
            "p",
            &[("class", "graph-cycle"), ("role", "status")],
            &sentence,
        );
    }
    out
}

/// Each arrow's markup, keyed by its ends and kind.
fn edge_parts(graph: &TaskGraph) -> Vec<(String, String)> {
    let place = |id: NodeId| graph.node(id).map(origin);
    let mut parts = Vec::with_capacity(graph.edges.len());
    for edge in &graph.edges {
        let (Some(from), Some(to)) = (place(edge.from), place(edge.to)) else {
            continue;
        };
        let kind = edge_class(edge.kind);
        let mut out = String::new();
        let _ = write!(
            out,
            "<path class=\"edge {kind}{}\" d=\"{}\" marker-end=\"url(#graph-arrow)\">",
            if edge.in_cycle { " cycle" } else { "" },
            edge_path(from, to)
        );
        element(&mut out, "title", &[], &edge.label);
        out.push_str("</path>");
        parts.push((format!("{:?}>{:?}:{kind}", edge.from, edge.to), out));
    }
    parts
}

/// Each box's markup, keyed by its node.
fn node_parts(graph: &TaskGraph) -> Vec<(String, String)> {
    let mut parts = Vec::with_capacity(graph.nodes.len());
    for node in &graph.nodes {
        let (x, y) = origin(node);
        let task = match node.id {
            NodeId::Task(task) => task.to_string(),
            _ => String::new(),
        };
        let mut out = String::new();
        let _ = write!(
            out,
            "<g class=\"node {}{}\" transform=\"translate({x} {y})\" data-task=\"{task}\">",
            state_class(node.state),
            if node.in_cycle { " cycle" } else { "" }
        );
        element(
            &mut out,
            "title",
            &[],
            &format!("{}: {}", node.title, node.subtitle),
        );
        let _ = write!(
            out,
            "<rect width=\"{NODE_WIDTH}\" height=\"{NODE_HEIGHT}\" rx=\"6\"/>"
        );
        element(
            &mut out,
            "text",
            &[("x", "7"), ("y", "15"), ("class", "node-title")],
            &short(&node.title),
        );
        element(
            &mut out,
            "text",
            &[("x", "7"), ("y", "30"), ("class", "node-subtitle")],
            &short(&node.subtitle),
        );
        out.push_str("</g>");
        parts.push((format!("{:?}", node.id), out));
    }
    parts
}

/// The hidden-task note, or nothing.
fn note_markup(graph: &TaskGraph) -> String {
    let mut out = String::new();
    if graph.hidden_tasks > 0 {
        let note = format!("{} more finished task(s) not shown.", graph.hidden_tasks);
        element(&mut out, "p", &[("class", "detail")], &note);
    }
    out
}

/// The arrows in words, for screen readers: one list item each, keyed by its words.
fn edge_words(graph: &TaskGraph) -> Vec<(String, String)> {
    graph
        .edges
        .iter()
        .map(|edge| {
            let words = format!(
                "{} {} {}",
                escape(title_of(graph, edge.from)),
                escape(&edge.label),
                escape(title_of(graph, edge.to))
            );
            (words.clone(), words)
        })
        .collect()
}

/// The diagram's frame, written once: the deadlock sentence's place, the SVG with its
/// arrows and boxes groups, the hidden-task note's place, and the list of the arrows in
/// words for screen readers.
const FRAME: &str = "<div class=\"graph-cycle-slot\"></div>\
    <div class=\"graph-scroll\" tabindex=\"0\" role=\"group\" aria-label=\"Task graph (scrolls)\">\
    <svg class=\"task-graph\" role=\"img\" aria-label=\"Task graph at this event\">\
    <defs><marker id=\"graph-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" \
    markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker></defs>\
    <g class=\"edges\"></g><g class=\"nodes\"></g></svg></div><div class=\"graph-note\"></div>\
    <ul class=\"visually-hidden\"></ul>";

/// The diagram as it is in the page: what each part of [`FRAME`] shows, so that a new
/// event rewrites only what changed (most events change a few boxes).
struct Drawn {
    cycle: Element,
    svg: Element,
    edges: Element,
    nodes: Element,
    note: Element,
    words: Element,
    edge_parts: KeyedMarkup,
    node_parts: KeyedMarkup,
    word_parts: KeyedMarkup,
    /// What was last written: the cycle's markup, the SVG's size, the note's markup.
    written_cycle: String,
    written_size: String,
    written_note: String,
}

impl Drawn {
    /// Writes [`FRAME`] into `container`.
    fn new(container: &Element) -> Option<Drawn> {
        container.set_inner_html(FRAME);
        let find = |selector: &str| container.query_selector(selector).ok().flatten();
        Some(Drawn {
            cycle: find(".graph-cycle-slot")?,
            svg: find("svg")?,
            edges: find("g.edges")?,
            nodes: find("g.nodes")?,
            note: find(".graph-note")?,
            words: find("ul.visually-hidden")?,
            edge_parts: KeyedMarkup::default(),
            node_parts: KeyedMarkup::default(),
            word_parts: KeyedMarkup::default(),
            written_cycle: String::new(),
            written_size: String::new(),
            written_note: String::new(),
        })
    }

    fn show(&mut self, graph: &TaskGraph) {
        let width = MARGIN * 2 + (graph.columns.max(1) as i32 - 1) * COLUMN_PITCH + NODE_WIDTH;
        let height = MARGIN * 2 + (graph.rows.max(1) as i32 - 1) * ROW_PITCH + NODE_HEIGHT;
        let size = format!("{width} {height}");
        if size != self.written_size {
            let _ = self.svg.set_attribute("width", &width.to_string());
            let _ = self.svg.set_attribute("height", &height.to_string());
            let _ = self.svg.set_attribute("viewBox", &format!("0 0 {size}"));
            self.written_size = size;
        }
        for (element, written, markup) in [
            (&self.cycle, &mut self.written_cycle, cycle_markup(graph)),
            (&self.note, &mut self.written_note, note_markup(graph)),
        ] {
            if markup != *written {
                element.set_inner_html(&markup);
                *written = markup;
            }
        }
        self.edge_parts.show(&self.edges, edge_parts(graph));
        self.node_parts.show(&self.nodes, node_parts(graph));
        self.word_parts.show(&self.words, edge_words(graph));
    }
}

/// Shows `graph` in `container`: the frame is written when the first box appears, and then
/// only what changed.
fn show(container: &Element, drawn: &mut Option<Drawn>, graph: &TaskGraph) {
    if graph.nodes.is_empty() {
        *drawn = None;
        container.set_inner_html("<p class=\"empty\">No tasks yet.</p>");
        return;
    }
    if drawn.is_none() {
        *drawn = Drawn::new(container);
    }
    if let Some(drawn) = drawn {
        drawn.show(graph);
    }
}

/// The task graph panel.
#[component]
pub fn TaskGraphPanel() -> impl IntoView {
    let session = Session::get();
    let graph = Memo::new(move |_| {
        session
            .at_playhead(|timeline, playhead| {
                timeline.task_graph_at(playhead, GraphOptions::default())
            })
            .unwrap_or_default()
    });
    let tasks = move || {
        let count = graph.with(|g| {
            g.nodes
                .iter()
                .filter(|n| matches!(n.id, NodeId::Task(_)))
                .count()
        });
        format!("{count} tasks")
    };
    let container = NodeRef::<Div>::new();
    let drawn = StoredValue::new_local(None::<Drawn>);
    // After each change of the graph (the memo compares): only the parts that changed.
    Effect::new(move |_| {
        let Some(container) = container.get() else {
            return;
        };
        graph.with(|graph| drawn.update_value(|drawn| show(&container, drawn, graph)));
    });
    view! {
        <section class="panel graph-panel" aria-labelledby="graph-title">
            <h2 id="graph-title">"Task graph" <span class="count">{tasks}</span></h2>
            <div class="panel-body">
                <ul class="graph-legend" aria-label="Arrows">
                    <li class="created">"created"</li>
                    <li class="awaits">"awaits"</li>
                    <li class="follows">"waits for (gather…)"</li>
                    <li class="parked">"parked on"</li>
                    <li class="held">"held by"</li>
                </ul>
                <div class="graph-diagram" node_ref=container></div>
            </div>
        </section>
    }
}
