//! The timeline's exports: SVG (every lane shown, the current window, drawn from the same
//! scene the canvas paints, with each wake-up arrow and lane titled) and PNG (the canvas as
//! it is on screen, playhead included).

use leptos::prelude::*;
use loopscope_viewmodel::chart::{to_svg, Chart, ChartView};
use loopscope_viewmodel::Timeline;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::paint::{paint, Palette};
use crate::download::{offer_text, offer_url};

/// The export's file name: the program's, with the new extension.
fn file_name(program: &str, extension: &str) -> String {
    let stem = program.strip_suffix(".py").unwrap_or(program);
    format!("{stem}-timeline.{extension}")
}

/// The chart of `view` with every shown lane on it (no vertical scroll).
fn full_height(timeline: &Timeline, view: ChartView) -> ChartView {
    let probe = Chart::new(timeline, view);
    ChartView {
        height: probe.content_height(),
        scroll: 0.0,
        annotate: true,
        ..view
    }
}

/// Offers the chart of `view`, at event `event`, as an SVG file.
pub fn export_svg(timeline: &Timeline, view: ChartView, event: usize, program: &str) {
    let chart = Chart::new(timeline, full_height(timeline, view));
    let base = chart.base_scene();
    let overlay = chart.overlay_scene(event, None);
    let palette = Palette::from_page();
    let title = format!("Loopscope timeline of {program}");
    let svg = to_svg(&[&base, &overlay], &title, |paint| {
        palette.colour(paint).to_string()
    });
    offer_text(&svg, "image/svg+xml", &file_name(program, "svg"));
}

/// Offers the chart as on screen (`view`, at event `event`) as a PNG file.
pub fn export_png(timeline: &Timeline, view: ChartView, event: usize, program: &str) {
    let Some(canvas) = document()
        .create_element("canvas")
        .ok()
        .and_then(|element| element.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    let chart = Chart::new(timeline, view);
    let (base, overlay) = (chart.base_scene(), chart.overlay_scene(event, None));
    paint(&canvas, &[&base, &overlay], &Palette::from_page());
    if let Ok(url) = canvas.to_data_url() {
        offer_url(&url, &file_name(program, "png"));
    }
}
