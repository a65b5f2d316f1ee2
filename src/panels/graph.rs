//! The live task graph: the program's tasks and the futures and primitives between them
//! at the current event, drawn on a canvas that follows the playhead (`graph_paint`).
//! Arrows say who created whom, who awaits whom (through gather, wait, wait_for, shield,
//! TaskGroup), where a waiter is parked and who holds a lock; a deadlock's circle of waits
//! is red. Hovering a box or an arrow says what it is.
//!
//! The same information in words, for screen readers: one list of the boxes (name, state,
//! what it does or holds) and one of the arrows, kept equal to the picture line by line
//! (a line is written only when its words change).

use std::sync::Arc;

use leptos::html::{Canvas, Div, Ul};
use leptos::prelude::*;
use loopscope_viewmodel::{GraphNode, GraphOptions, NodeId, NodeState, TaskGraph};
use web_sys::Element;

use super::graph_paint::{over, paint, ArrowLayer, GraphPalette, Over, Viewport};
use crate::scroll_view::ScrollView;
use crate::session::Session;

/// The diagram's scroll area is at most this tall (CSS pixels; `.graph-scroll`'s max-height).
const SCROLL_HEIGHT: i32 = 420;

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

fn edge_class(kind: loopscope_viewmodel::EdgeKind) -> &'static str {
    use loopscope_viewmodel::EdgeKind;
    match kind {
        EdgeKind::Created => "created",
        EdgeKind::Awaits => "awaits",
        EdgeKind::Follows => "follows",
        EdgeKind::ParkedOn => "parked",
        EdgeKind::HeldBy => "held",
    }
}

fn title_of(graph: &TaskGraph, id: NodeId) -> &str {
    graph.node(id).map_or("", |n| n.title.as_str())
}

/// A box in words: "Task-2, waiting: fetch() …" ("Queue #1: 3 items" for a primitive).
fn node_words(node: &GraphNode) -> String {
    let cycle = if node.in_cycle {
        " (in the deadlock)"
    } else {
        ""
    };
    match node.state {
        NodeState::Primitive => format!("{}: {}{cycle}", node.title, node.subtitle),
        state => format!(
            "{}, {}: {}{cycle}",
            node.title,
            state_class(state),
            node.subtitle
        ),
    }
}

/// Every box in words, with its state (and the deadlock's mark) as the line's class.
fn box_lines(graph: &TaskGraph) -> Vec<(String, String)> {
    graph
        .nodes
        .iter()
        .map(|node| {
            let class = state_class(node.state);
            let class = if node.in_cycle {
                format!("{class} cycle")
            } else {
                class.to_string()
            };
            (class, node_words(node))
        })
        .collect()
}

/// Every arrow in words ("Task-1 awaits gather()"), with its kind as the line's class.
fn arrow_lines(graph: &TaskGraph) -> Vec<(String, String)> {
    graph
        .edges
        .iter()
        .map(|edge| {
            let kind = edge_class(edge.kind);
            let (class, cycle) = if edge.in_cycle {
                (format!("{kind} cycle"), " (in the deadlock)")
            } else {
                (kind.to_string(), "")
            };
            let words = format!(
                "{} {} {}{cycle}",
                title_of(graph, edge.from),
                edge.label,
                title_of(graph, edge.to)
            );
            (class, words)
        })
        .collect()
}

/// A list kept equal to lines of (class, words) by place: a line is written only when it
/// changed, lines are added or removed at the end.
#[derive(Default)]
struct Lines {
    shown: Vec<(String, String, Element)>,
}

impl Lines {
    fn show(&mut self, list: &Element, wanted: Vec<(String, String)>) {
        let Some(document) = list.owner_document() else {
            return;
        };
        let length = wanted.len();
        for (index, (class, words)) in wanted.into_iter().enumerate() {
            if let Some((shown_class, shown_words, item)) = self.shown.get_mut(index) {
                if *shown_class != class {
                    item.set_class_name(&class);
                    *shown_class = class;
                }
                if *shown_words != words {
                    item.set_text_content(Some(&words));
                    *shown_words = words;
                }
            } else if let Ok(item) = document.create_element("li") {
                item.set_class_name(&class);
                item.set_text_content(Some(&words));
                let _ = list.append_child(&item);
                self.shown.push((class, words, item));
            }
        }
        for (_, _, item) in self.shown.drain(length.min(self.shown.len())..) {
            item.remove();
        }
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
    let empty = move || graph.with(|g| g.nodes.is_empty());
    let cycle = move || {
        graph.with(|graph| {
            (!graph.cycle.is_empty()).then(|| {
                let names: Vec<&str> = graph
                    .cycle
                    .iter()
                    .map(|&t| title_of(graph, NodeId::Task(t)))
                    .collect();
                format!(
                    "Deadlock: {} wait for each other in a circle.",
                    names.join(" → ")
                )
            })
        })
    };
    let note = move || {
        graph.with(|graph| {
            (graph.hidden_tasks > 0)
                .then(|| format!("{} more finished task(s) not shown.", graph.hidden_tasks))
        })
    };
    let canvas = NodeRef::<Canvas>::new();
    let space = NodeRef::<Div>::new();
    let scroller = ScrollView::new(SCROLL_HEIGHT);
    let viewport = Memo::new(move |_| Viewport {
        left: f64::from(scroller.left()),
        top: f64::from(scroller.top()),
        width: f64::from(scroller.width()),
        height: f64::from(scroller.height()),
    });
    let boxes = NodeRef::<Ul>::new();
    let arrows = NodeRef::<Ul>::new();
    let palette = RwSignal::new(Arc::new(GraphPalette::from_page()));
    crate::theme::on_theme_change(move || {
        palette.try_set(Arc::new(GraphPalette::from_page()));
    });
    let lines = StoredValue::new_local((Lines::default(), Lines::default()));
    // After each change of the graph (the memo compares) or scroll: the picture of the part
    // in view.
    let arrow_layer = StoredValue::new_local(ArrowLayer::default());
    Effect::new(move |_| {
        let (Some(canvas), Some(space)) = (canvas.get(), space.get()) else {
            return;
        };
        let (palette, view) = (palette.get(), viewport.get());
        graph.with(|graph| {
            arrow_layer
                .update_value(|arrows| paint(&canvas, &space, graph, &palette, view, arrows));
        });
    });
    // After each change of the graph: the lines whose words changed.
    Effect::new(move |_| {
        let (Some(boxes), Some(arrows)) = (boxes.get(), arrows.get()) else {
            return;
        };
        graph.with(|graph| {
            lines.update_value(|(box_list, arrow_list)| {
                box_list.show(&boxes, box_lines(graph));
                arrow_list.show(&arrows, arrow_lines(graph));
            });
        });
    });
    // Hovering: the box or arrow under the pointer, as the canvas's tooltip.
    let on_move = move |event: leptos::ev::MouseEvent| {
        let Some(canvas) = canvas.get_untracked() else {
            return;
        };
        // The canvas shows the part of the diagram scrolled to.
        let view = viewport.get_untracked();
        let at = (
            f64::from(event.offset_x()) + view.left,
            f64::from(event.offset_y()) + view.top,
        );
        let tip = graph.with_untracked(|graph| match over(graph, at) {
            Some(Over::Node(node)) => format!("{}: {}", node.title, node.subtitle),
            Some(Over::Edge(edge)) => format!(
                "{} {} {}",
                title_of(graph, edge.from),
                edge.label,
                title_of(graph, edge.to)
            ),
            None => String::new(),
        });
        if canvas.title() != tip {
            canvas.set_title(&tip);
        }
    };
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
                <div class="graph-diagram">
                    {move || cycle().map(|sentence| view! { <p class="graph-cycle" role="status">{sentence}</p> })}
                    {move || empty().then(|| view! { <p class="empty">"No tasks yet."</p> })}
                    <div
                        class="graph-scroll"
                        tabindex="0"
                        role="group"
                        aria-label="Task graph (scrolls)"
                        hidden=empty
                        node_ref=scroller.element
                        on:scroll=scroller.on_scroll()
                    >
                        // The whole diagram's size; the canvas stays in view and paints the
                        // part scrolled to.
                        <div class="graph-space" node_ref=space>
                            <canvas
                                class="task-graph"
                                node_ref=canvas
                                role="img"
                                aria-label="Task graph at this event: its boxes and arrows are listed in words below it"
                                on:mousemove=on_move
                            ></canvas>
                        </div>
                    </div>
                    {move || note().map(|note| view! { <p class="detail">{note}</p> })}
                    <div class="visually-hidden">
                        <ul class="graph-boxes" aria-label="Boxes of the task graph" node_ref=boxes></ul>
                        <ul class="graph-arrows" aria-label="Arrows of the task graph" node_ref=arrows></ul>
                    </div>
                </div>
            </div>
        </section>
    }
}
