//! The task graph drawn on a canvas: where each box and arrow goes (a grid in whole CSS
//! pixels), the theme's colours, the painting, and what the pointer is over.
//!
//! A canvas, not SVG: a jump of the playhead changes most of the forty boxes shown, and an
//! SVG diagram of boxes, texts and tooltips made the browser style, lay out and paint each
//! element again (most of a seek on the million-event measure, BENCHMARKS.md); a canvas
//! repaints the same picture in about a millisecond and adds nothing to the page's DOM.
//! The words of every box and arrow are in the panel's lists for screen readers.

use std::sync::Arc;

use leptos::prelude::*;
use loopscope_viewmodel::{EdgeKind, GraphEdge, GraphNode, NodeState, TaskGraph};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A node's box and the spacing of the grid (CSS pixels).
const NODE_WIDTH: f64 = 132.0;
const NODE_HEIGHT: f64 = 38.0;
const COLUMN_PITCH: f64 = 148.0;
const ROW_PITCH: f64 = 50.0;
const MARGIN: f64 = 8.0;
/// Longest title and subtitle shown in a box, in characters of their monospace fonts (11 px
/// bold, 10 px), to stay inside it; the whole text is the tooltip and the words.
const TITLE_CHARS: usize = 17;
const SUBTITLE_CHARS: usize = 19;
/// How near an arrow the pointer must be to be over it (CSS pixels).
const ARROW_REACH: f64 = 4.0;

type Point = (f64, f64);

/// The top-left corner of a node's box.
pub fn origin(node: &GraphNode) -> Point {
    (
        MARGIN + f64::from(node.column) * COLUMN_PITCH,
        MARGIN + f64::from(node.row) * ROW_PITCH,
    )
}

/// The diagram's size in CSS pixels.
pub fn size(graph: &TaskGraph) -> Point {
    let (columns, rows) = (graph.columns.max(1), graph.rows.max(1));
    (
        MARGIN * 2.0 + f64::from(columns - 1) * COLUMN_PITCH + NODE_WIDTH,
        MARGIN * 2.0 + f64::from(rows - 1) * ROW_PITCH + NODE_HEIGHT,
    )
}

/// The curve of an arrow between two boxes (start, two control points, end): out of the
/// right side when the target lies to the right, else out of the bottom.
fn curve(from: Point, to: Point) -> [Point; 4] {
    let ((fx, fy), (tx, ty)) = (from, to);
    if tx > fx + NODE_WIDTH / 2.0 {
        let (sx, sy) = (fx + NODE_WIDTH, fy + NODE_HEIGHT / 2.0);
        let (ex, ey) = (tx, ty + NODE_HEIGHT / 2.0);
        let bend = ((ex - sx) / 2.0).max(12.0);
        [(sx, sy), (sx + bend, sy), (ex - bend, ey), (ex, ey)]
    } else {
        let (sx, sy) = (fx + (NODE_WIDTH / 3.0).floor(), fy + NODE_HEIGHT);
        let (ex, ey) = if ty > fy {
            (tx + (NODE_WIDTH / 3.0).floor(), ty)
        } else {
            (tx + NODE_WIDTH / 2.0, ty + NODE_HEIGHT)
        };
        let bend = ((ey - sy).abs() / 2.0).max(14.0);
        [(sx, sy), (sx, sy + bend), (ex, ey - bend), (ex, ey)]
    }
}

/// An arrow's curve, if both its boxes are shown.
fn edge_curve(graph: &TaskGraph, edge: &GraphEdge) -> Option<[Point; 4]> {
    let from = origin(graph.node(edge.from)?);
    let to = origin(graph.node(edge.to)?);
    Some(curve(from, to))
}

/// The point at `t` (0..=1) along a cubic curve.
fn along(c: &[Point; 4], t: f64) -> Point {
    let u = 1.0 - t;
    let (a, b, d, e) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        a * c[0].0 + b * c[1].0 + d * c[2].0 + e * c[3].0,
        a * c[0].1 + b * c[1].1 + d * c[2].1 + e * c[3].1,
    )
}

/// Distance from `p` to the segment `a`–`b`.
fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0)
    };
    let (x, y) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
    (x * x + y * y).sqrt()
}

/// What the pointer at `at` (CSS pixels in the diagram) is over.
pub enum Over<'a> {
    Node(&'a GraphNode),
    Edge(&'a GraphEdge),
}

/// The box under `at`, else the arrow passing nearest within reach.
pub fn over(graph: &TaskGraph, at: Point) -> Option<Over<'_>> {
    let inside = |node: &&GraphNode| {
        let (x, y) = origin(node);
        (x..=x + NODE_WIDTH).contains(&at.0) && (y..=y + NODE_HEIGHT).contains(&at.1)
    };
    if let Some(node) = graph.nodes.iter().find(inside) {
        return Some(Over::Node(node));
    }
    const STEPS: usize = 24;
    graph
        .edges
        .iter()
        .filter_map(|edge| {
            let c = edge_curve(graph, edge)?;
            let points: Vec<Point> = (0..=STEPS)
                .map(|i| along(&c, i as f64 / STEPS as f64))
                .collect();
            let near = points
                .windows(2)
                .map(|pair| distance_to_segment(at, pair[0], pair[1]))
                .fold(f64::INFINITY, f64::min);
            (near <= ARROW_REACH).then_some((near, edge))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, edge)| Over::Edge(edge))
}

/// The theme's colours the diagram uses (the stylesheet's variables of the same names).
#[derive(PartialEq)]
pub struct GraphPalette {
    panel: String,
    panel_2: String,
    ink: String,
    muted: String,
    accent: String,
    error: String,
    ready: String,
    running: String,
    waiting: String,
    done: String,
    failed: String,
    cancelled: String,
    font: String,
}

impl GraphPalette {
    /// The colours the page's style sheet gives now.
    pub fn from_page() -> GraphPalette {
        let style = document()
            .document_element()
            .and_then(|root| window().get_computed_style(&root).ok().flatten());
        let read = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|style| style.get_property_value(name).ok())
                .map(|value| value.trim().to_string())
                .filter(|value| !value.is_empty())
                .unwrap_or_else(|| fallback.to_string())
        };
        GraphPalette {
            panel: read("--panel", "#fff"),
            panel_2: read("--panel-2", "#eee"),
            ink: read("--ink", "#000"),
            muted: read("--muted", "#666"),
            accent: read("--accent", "#369"),
            error: read("--error", "#b00"),
            ready: read("--state-ready", "#68d"),
            running: read("--state-running", "#396"),
            waiting: read("--state-waiting", "#da3"),
            done: read("--state-done", "#9ab"),
            failed: read("--state-failed", "#e65"),
            cancelled: read("--state-cancelled", "#a7c"),
            font: read("--code-font", "monospace"),
        }
    }

    /// A box's outline, its width, the share of that colour in its fill, and its dashes.
    fn node_style(&self, node: &GraphNode) -> (&str, f64, f64, bool) {
        let (colour, width, tint) = match node.state {
            NodeState::Ready => (&self.ready, 1.5, 0.14),
            NodeState::Running => (&self.running, 2.5, 0.18),
            NodeState::Waiting => (&self.waiting, 1.5, 0.14),
            NodeState::Done => (&self.done, 1.5, 0.0),
            NodeState::Failed => (&self.failed, 1.5, 0.14),
            NodeState::Cancelled => (&self.cancelled, 1.5, 0.0),
            NodeState::Pending => (&self.accent, 1.5, 0.0),
            NodeState::Primitive => (&self.muted, 1.5, 0.0),
        };
        let pending = node.state == NodeState::Pending;
        if node.in_cycle {
            (&self.error, 3.0, tint, pending)
        } else {
            (colour, width, tint, pending)
        }
    }

    /// An arrow's colour, width, opacity and dashes.
    fn edge_style(&self, edge: &GraphEdge) -> (&str, f64, f64, &'static [f64]) {
        if edge.in_cycle {
            return (&self.error, 3.0, 1.0, &[]);
        }
        match edge.kind {
            EdgeKind::Created => (&self.muted, 1.5, 0.7, &[2.0, 3.0]),
            EdgeKind::Awaits => (&self.accent, 1.5, 1.0, &[]),
            EdgeKind::Follows => (&self.accent, 1.5, 1.0, &[6.0, 3.0]),
            EdgeKind::ParkedOn => (&self.waiting, 1.5, 1.0, &[]),
            EdgeKind::HeldBy => (&self.running, 1.5, 1.0, &[]),
        }
    }
}

/// `text`, cut to at most `chars` characters (an ellipsis says it was).
fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let kept: String = text.chars().take(chars - 1).collect();
        format!("{kept}…")
    }
}

fn dashes(context: &CanvasRenderingContext2d, pattern: &[f64]) {
    let array = js_sys::Array::new();
    for length in pattern {
        array.push(&JsValue::from(*length));
    }
    let _ = context.set_line_dash(&array);
}

/// The part of the diagram in view: its top-left corner and size (CSS pixels).
#[derive(Clone, Copy, PartialEq)]
pub struct Viewport {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// What the arrows' layer shows: each arrow's curve and look, in painting order, the part of
/// the diagram in view, the pixel density and the colours.
#[derive(PartialEq)]
struct Arrows {
    curves: Vec<([Point; 4], EdgeKind, bool)>,
    view: [f64; 5],
    palette: Arc<GraphPalette>,
}

/// The arrows in view, painted on a canvas of their own (not in the page) and copied onto
/// the diagram under its boxes. A dashed curve is the costliest thing the diagram paints
/// (Chromium's software rasterizer strokes it dash by dash, all along it, in view or not:
/// 8 ms of a seek on the million-event measure, BENCHMARKS.md); the arrows' places and looks
/// change far less often than the boxes' states (a jump that changes which tasks are
/// shown keeps the grid and who created whom), so they are painted again only when they
/// change.
#[derive(Default)]
pub struct ArrowLayer {
    canvas: Option<HtmlCanvasElement>,
    shown: Option<Arrows>,
}

impl ArrowLayer {
    /// Paints `arrows` on the layer's canvas (`pixels` wide and high, `ratio` pixels a CSS
    /// pixel, the diagram moved by `shift`) unless it shows them already; gives the canvas.
    fn painted(
        &mut self,
        graph: &TaskGraph,
        arrows: Arrows,
        pixels: (u32, u32),
        ratio: f64,
        shift: Point,
    ) -> Option<&HtmlCanvasElement> {
        if self.shown.as_ref() != Some(&arrows) {
            let canvas = match self.canvas.take() {
                Some(canvas) => canvas,
                None => document().create_element("canvas").ok()?.dyn_into().ok()?,
            };
            if canvas.width() != pixels.0 || canvas.height() != pixels.1 {
                canvas.set_width(pixels.0);
                canvas.set_height(pixels.1);
            }
            let context: CanvasRenderingContext2d =
                canvas.get_context("2d").ok()??.dyn_into().ok()?;
            let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            context.clear_rect(0.0, 0.0, f64::from(pixels.0), f64::from(pixels.1));
            let _ = context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
            let _ = context.translate(-shift.0, -shift.1);
            for edge in &graph.edges {
                if let Some(c) = edge_curve(graph, edge) {
                    paint_edge(&context, &arrows.palette, edge, &c);
                }
            }
            self.canvas = Some(canvas);
            self.shown = Some(arrows);
        }
        self.canvas.as_ref()
    }
}

/// Paints the part of `graph` in `view` on `canvas`, which it sizes to that part at the
/// screen's pixel density, and sizes `space` (the canvas's scroll area) to the whole
/// diagram. Only the part in view is painted: rasterizing the whole diagram (2,000 pixels
/// tall with forty tasks) was the biggest part of a seek in software rendering. The arrows
/// come from `arrows`, painted again only when they changed.
pub fn paint(
    canvas: &HtmlCanvasElement,
    space: &web_sys::HtmlElement,
    graph: &TaskGraph,
    palette: &Arc<GraphPalette>,
    view: Viewport,
    arrows: &mut ArrowLayer,
) {
    let (width, height) = size(graph);
    let space_style = space.style();
    let (whole_width, whole_height) = (format!("{width}px"), format!("{height}px"));
    if space_style.get_property_value("width").ok().as_deref() != Some(whole_width.as_str()) {
        let _ = space_style.set_property("width", &whole_width);
    }
    if space_style.get_property_value("height").ok().as_deref() != Some(whole_height.as_str()) {
        let _ = space_style.set_property("height", &whole_height);
    }
    let (shown_width, shown_height) = (width.min(view.width), height.min(view.height));
    let ratio = window().device_pixel_ratio().max(1.0);
    let (pixels_wide, pixels_high) = (
        (shown_width * ratio).round() as u32,
        (shown_height * ratio).round() as u32,
    );
    if canvas.width() != pixels_wide || canvas.height() != pixels_high {
        canvas.set_width(pixels_wide);
        canvas.set_height(pixels_high);
        let style = web_sys::HtmlElement::style(canvas);
        let _ = style.set_property("width", &format!("{shown_width}px"));
        let _ = style.set_property("height", &format!("{shown_height}px"));
    }
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    context.clear_rect(0.0, 0.0, shown_width, shown_height);
    // The diagram's coordinates, moved by the scroll position.
    let (left, top) = (
        view.left.clamp(0.0, width - shown_width),
        view.top.clamp(0.0, height - shown_height),
    );
    let curves = graph
        .edges
        .iter()
        .filter_map(|edge| Some((edge_curve(graph, edge)?, edge.kind, edge.in_cycle)))
        .collect::<Vec<_>>();
    if !curves.is_empty() {
        let shown = Arrows {
            curves,
            view: [left, top, shown_width, shown_height, ratio],
            palette: Arc::clone(palette),
        };
        let layer = arrows.painted(graph, shown, (pixels_wide, pixels_high), ratio, (left, top));
        if let Some(layer) = layer {
            // Pixel for pixel: the layer has the canvas's size.
            context.save();
            let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            let _ = context.draw_image_with_html_canvas_element(layer, 0.0, 0.0);
            context.restore();
        }
    }
    let _ = context.translate(-left, -top);
    let in_view = |(x, y): Point| {
        x + NODE_WIDTH >= left
            && x <= left + shown_width
            && y + NODE_HEIGHT >= top
            && y <= top + shown_height
    };
    let nodes: Vec<&GraphNode> = graph
        .nodes
        .iter()
        .filter(|node| in_view(origin(node)))
        .collect();
    for node in &nodes {
        paint_box(&context, palette, node);
    }
    // The words last, one font each for all the boxes.
    context.set_fill_style_str(&palette.ink);
    context.set_font(&format!("600 11px {}", palette.font));
    for node in &nodes {
        let (x, y) = origin(node);
        let _ = context.fill_text(&cut(&node.title, TITLE_CHARS), x + 7.0, y + 15.0);
    }
    context.set_fill_style_str(&palette.muted);
    context.set_font(&format!("10px {}", palette.font));
    for node in &nodes {
        let (x, y) = origin(node);
        let _ = context.fill_text(&cut(&node.subtitle, SUBTITLE_CHARS), x + 7.0, y + 30.0);
    }
}

fn paint_edge(
    context: &CanvasRenderingContext2d,
    palette: &GraphPalette,
    edge: &GraphEdge,
    c: &[Point; 4],
) {
    let (colour, width, opacity, pattern) = palette.edge_style(edge);
    context.set_global_alpha(opacity);
    context.set_stroke_style_str(colour);
    context.set_fill_style_str(colour);
    context.set_line_width(width);
    dashes(context, pattern);
    context.begin_path();
    context.move_to(c[0].0, c[0].1);
    context.bezier_curve_to(c[1].0, c[1].1, c[2].0, c[2].1, c[3].0, c[3].1);
    context.stroke();
    // The head, its tip on the box, along the curve's last direction.
    let (dx, dy) = (c[3].0 - c[2].0, c[3].1 - c[2].1);
    let length = (dx * dx + dy * dy).sqrt().max(1e-6);
    let (ux, uy) = (dx / length, dy / length);
    let (back, half) = (9.0, 4.5);
    let base = (c[3].0 - ux * back, c[3].1 - uy * back);
    context.begin_path();
    context.move_to(c[3].0, c[3].1);
    context.line_to(base.0 - uy * half, base.1 + ux * half);
    context.line_to(base.0 + uy * half, base.1 - ux * half);
    context.close_path();
    context.fill();
    context.set_global_alpha(1.0);
}

fn paint_box(context: &CanvasRenderingContext2d, palette: &GraphPalette, node: &GraphNode) {
    let (x, y) = origin(node);
    let radius = if node.state == NodeState::Primitive {
        14.0
    } else {
        6.0
    };
    let (outline, width, tint, dashed) = palette.node_style(node);
    let background = if node.state == NodeState::Primitive {
        &palette.panel_2
    } else {
        &palette.panel
    };
    context.begin_path();
    let _ = context.round_rect_with_f64(x, y, NODE_WIDTH, NODE_HEIGHT, radius);
    context.set_fill_style_str(background);
    context.fill();
    if tint > 0.0 {
        context.set_global_alpha(tint);
        context.set_fill_style_str(outline);
        context.fill();
        context.set_global_alpha(1.0);
    }
    context.set_stroke_style_str(outline);
    context.set_line_width(width);
    dashes(context, if dashed { &[4.0, 3.0] } else { &[] });
    context.stroke();
}
