//! Paints a chart [`Scene`] on a canvas (2D context), in the theme's colours:
//! each [`Paint`] is the CSS variable `--tl-<name>` (assets/style.css), read
//! once per painting so a theme switch shows at the next one.

use leptos::prelude::*;
use loopscope_viewmodel::chart::{arrow_geometry, Anchor, Paint, Scene, Shape};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Each paint's CSS colour.
pub struct Palette {
    colours: Vec<(Paint, String)>,
}

impl Palette {
    /// The colours the page's style sheet gives the timeline now.
    pub fn from_page() -> Palette {
        let style = document()
            .document_element()
            .and_then(|root| window().get_computed_style(&root).ok().flatten());
        let colours = Paint::ALL
            .into_iter()
            .map(|paint| {
                let value = style
                    .as_ref()
                    .and_then(|style| {
                        style
                            .get_property_value(&format!("--tl-{}", paint.name()))
                            .ok()
                    })
                    .map(|value| value.trim().to_string())
                    .filter(|value| !value.is_empty())
                    .unwrap_or_else(|| "#888".to_string());
                (paint, value)
            })
            .collect();
        Palette { colours }
    }

    pub fn colour(&self, paint: Paint) -> &str {
        self.colours
            .iter()
            .find(|(p, _)| *p == paint)
            .map_or("#888", |(_, colour)| colour.as_str())
    }
}

/// The canvas's 2D context, sized for `scene` at the screen's pixel density.
fn context(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    ratio: f64,
) -> Option<CanvasRenderingContext2d> {
    let (width, height) = (
        (scene.width * ratio).round().max(1.0) as u32,
        (scene.height * ratio).round().max(1.0) as u32,
    );
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    Some(context)
}

/// What the context is set to, so each change is made once.
#[derive(Default)]
struct Pen {
    fill: Option<Paint>,
    stroke: Option<(Paint, u32, bool)>,
    font: Option<(bool, bool)>,
}

impl Pen {
    fn fill(&mut self, context: &CanvasRenderingContext2d, palette: &Palette, paint: Paint) {
        if self.fill != Some(paint) {
            context.set_fill_style_str(palette.colour(paint));
            self.fill = Some(paint);
        }
    }

    fn stroke(
        &mut self,
        context: &CanvasRenderingContext2d,
        palette: &Palette,
        paint: Paint,
        width: f64,
        dashed: bool,
    ) {
        let key = (paint, (width * 100.0) as u32, dashed);
        if self.stroke != Some(key) {
            context.set_stroke_style_str(palette.colour(paint));
            context.set_line_width(width);
            let dash = if dashed {
                js_sys::Array::of2(&JsValue::from(4.0), &JsValue::from(3.0))
            } else {
                js_sys::Array::new()
            };
            let _ = context.set_line_dash(&dash);
            self.stroke = Some(key);
        }
    }

    fn font(&mut self, context: &CanvasRenderingContext2d, small: bool, bold: bool) {
        if self.font != Some((small, bold)) {
            context.set_font(match (small, bold) {
                (true, _) => "10px ui-monospace, monospace",
                (false, true) => "bold 11px system-ui, sans-serif",
                (false, false) => "11px system-ui, sans-serif",
            });
            self.font = Some((small, bold));
        }
    }
}

/// Paints `scenes` (in order) on `canvas`, replacing what it showed.
pub fn paint(canvas: &HtmlCanvasElement, scenes: &[&Scene], palette: &Palette) {
    let Some(first) = scenes.first() else {
        return;
    };
    let ratio = window().device_pixel_ratio().max(1.0);
    let Some(context) = context(canvas, first, ratio) else {
        return;
    };
    context.clear_rect(0.0, 0.0, first.width, first.height);
    for scene in scenes {
        for layer in &scene.layers {
            context.save();
            context.begin_path();
            context.rect(layer.clip.x, layer.clip.y, layer.clip.w, layer.clip.h);
            context.clip();
            // `restore` brings back the styles of `save`: a fresh pen per layer.
            paint_shapes(&context, &layer.shapes, palette, &mut Pen::default());
            context.restore();
        }
    }
}

fn paint_shapes(
    context: &CanvasRenderingContext2d,
    shapes: &[Shape],
    palette: &Palette,
    pen: &mut Pen,
) {
    let mut index = 0;
    while index < shapes.len() {
        match &shapes[index] {
            Shape::Rect { rect, paint } => {
                pen.fill(context, palette, *paint);
                context.fill_rect(rect.x, rect.y, rect.w, rect.h);
            }
            Shape::Line {
                paint,
                width,
                dashed,
                ..
            } => {
                // Consecutive lines of one style are stroked as one path.
                pen.stroke(context, palette, *paint, *width, *dashed);
                context.begin_path();
                while let Some(Shape::Line {
                    from,
                    to,
                    paint: p,
                    width: w,
                    dashed: d,
                }) = shapes.get(index)
                {
                    if (p, w, d) != (paint, width, dashed) {
                        break;
                    }
                    context.move_to(from.0, from.1);
                    context.line_to(to.0, to.1);
                    index += 1;
                }
                context.stroke();
                continue;
            }
            Shape::Arrow {
                from,
                to,
                bend,
                paint,
                width,
                ..
            } => {
                let (control, head) = arrow_geometry(*from, *to, *bend);
                pen.stroke(context, palette, *paint, *width, false);
                context.begin_path();
                context.move_to(from.0, from.1);
                context.quadratic_curve_to(control.0, control.1, to.0, to.1);
                context.stroke();
                pen.fill(context, palette, *paint);
                context.begin_path();
                context.move_to(head[0].0, head[0].1);
                context.line_to(head[1].0, head[1].1);
                context.line_to(head[2].0, head[2].1);
                context.close_path();
                context.fill();
            }
            Shape::Diamond {
                centre,
                radius,
                paint,
            } => {
                let (x, y, r) = (centre.0, centre.1, *radius);
                context.begin_path();
                context.move_to(x, y - r);
                context.line_to(x + r, y);
                context.line_to(x, y + r);
                context.line_to(x - r, y);
                context.close_path();
                pen.fill(context, palette, *paint);
                context.fill();
                pen.stroke(context, palette, Paint::Paper, 1.0, false);
                context.stroke();
            }
            Shape::Text {
                x,
                y,
                text,
                paint,
                anchor,
                small,
                bold,
                ..
            } => {
                pen.font(context, *small, *bold);
                pen.fill(context, palette, *paint);
                context.set_text_align(if *anchor == Anchor::End {
                    "end"
                } else {
                    "start"
                });
                let _ = context.fill_text(text, *x, *y);
            }
        }
        index += 1;
    }
}
