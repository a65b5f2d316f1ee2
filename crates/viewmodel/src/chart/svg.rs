//! A scene written as a standalone SVG document (the timeline's export):
//! the same shapes the page paints on its canvas, one element each, the
//! paints as classes of an embedded style sheet with the page's colours.

use loopscope_cpython::float_repr::float_fixed;

use super::scene::{arrow_geometry, Anchor, Paint, Scene, Shape};

/// A `<title>` child, when there is one.
fn title(title: &Option<String>) -> String {
    title
        .as_ref()
        .map(|t| format!("<title>{}</title>", escape(t)))
        .unwrap_or_default()
}

/// `value` for an attribute: one decimal is finer than any screen.
fn n(value: f64) -> String {
    let text = float_fixed(value, 1);
    match text.strip_suffix(".0") {
        Some("-0") => "0".to_string(),
        Some(whole) => whole.to_string(),
        None => text,
    }
}

/// `text` with XML's five special characters escaped (safe in HTML text and quoted
/// attributes too).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn point(p: (f64, f64)) -> String {
    format!("{},{}", n(p.0), n(p.1))
}

fn shape(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Rect { rect, paint } => out.push_str(&format!(
            "<rect class=\"f-{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
            paint.name(),
            n(rect.x),
            n(rect.y),
            n(rect.w),
            n(rect.h)
        )),
        Shape::Line {
            from,
            to,
            paint,
            width,
            dashed,
        } => out.push_str(&format!(
            "<line class=\"s-{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke-width=\"{}\"{}/>\n",
            paint.name(),
            n(from.0),
            n(from.1),
            n(to.0),
            n(to.1),
            n(*width),
            if *dashed { " stroke-dasharray=\"4 3\"" } else { "" }
        )),
        Shape::Arrow {
            from,
            to,
            bend,
            paint,
            width,
            title: words,
        } => {
            let (control, head) = arrow_geometry(*from, *to, *bend);
            out.push_str(&format!(
                "<path class=\"s-{0}\" fill=\"none\" stroke-width=\"{1}\" d=\"M{2} Q{3} {4}\">{8}</path>\n\
                 <polygon class=\"f-{0}\" points=\"{5} {6} {7}\"/>\n",
                paint.name(),
                n(*width),
                point(*from),
                point(control),
                point(*to),
                point(head[0]),
                point(head[1]),
                point(head[2]),
                title(words)
            ));
        }
        Shape::Diamond {
            centre,
            radius,
            paint,
        } => {
            let (x, y, r) = (centre.0, centre.1, *radius);
            out.push_str(&format!(
                "<polygon class=\"f-{} s-paper\" points=\"{} {} {} {}\"/>\n",
                paint.name(),
                point((x, y - r)),
                point((x + r, y)),
                point((x, y + r)),
                point((x - r, y))
            ));
        }
        Shape::Text {
            x,
            y,
            text,
            paint,
            anchor,
            small,
            bold,
            title: words,
        } => out.push_str(&format!(
            "<text class=\"f-{}{}{}\" x=\"{}\" y=\"{}\"{}>{}{}</text>\n",
            paint.name(),
            if *small { " small" } else { "" },
            if *bold { " bold" } else { "" },
            n(*x),
            n(*y),
            if *anchor == Anchor::End {
                " text-anchor=\"end\""
            } else {
                ""
            },
            title(words),
            escape(text)
        )),
    }
}

/// `scenes` (painted in order) as an SVG document titled `title`, with
/// `colour` giving each paint's CSS colour.
pub fn to_svg(scenes: &[&Scene], title: &str, colour: impl Fn(Paint) -> String) -> String {
    let (width, height) = scenes.iter().fold((0.0f64, 0.0f64), |(w, h), s| {
        (w.max(s.width), h.max(s.height))
    });
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">\n<title>{2}</title>\n<style>\n\
         text {{ font: 11px system-ui, sans-serif; }} text.small {{ font: 10px ui-monospace, monospace; }} text.bold {{ font-weight: bold; }}\n",
        n(width),
        n(height),
        escape(title)
    );
    for paint in Paint::ALL {
        let colour = colour(paint);
        out.push_str(&format!(
            ".f-{0} {{ fill: {1}; }} .s-{0} {{ stroke: {1}; }}\n",
            paint.name(),
            colour
        ));
    }
    out.push_str("</style>\n");
    let mut clip = 0;
    for scene in scenes {
        for layer in &scene.layers {
            clip += 1;
            let r = layer.clip;
            out.push_str(&format!(
                "<clipPath id=\"c{clip}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\n<g clip-path=\"url(#c{clip})\">\n",
                n(r.x),
                n(r.y),
                n(r.w),
                n(r.h)
            ));
            for s in &layer.shapes {
                shape(&mut out, s);
            }
            out.push_str("</g>\n");
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Layer, Rect};

    #[test]
    fn special_characters_are_escaped_and_numbers_short() {
        let scene = Scene {
            width: 100.0,
            height: 20.0,
            layers: vec![Layer {
                clip: Rect {
                    x: 0.0,
                    y: 0.0,
                    w: 100.0,
                    h: 20.0,
                },
                shapes: vec![Shape::Text {
                    x: 1.25,
                    y: 10.0,
                    text: "<lambda> & 'co'".to_string(),
                    paint: Paint::LabelText,
                    anchor: Anchor::Start,
                    small: false,
                    bold: false,
                    title: None,
                }],
            }],
            arrows_left_out: 0,
        };
        let svg = to_svg(&[&scene], "a \"run\"", |_| "#123456".to_string());
        assert!(svg.contains("<title>a &quot;run&quot;</title>"));
        assert!(svg.contains(">&lt;lambda&gt; &amp; &apos;co&apos;</text>"));
        assert!(svg.contains("x=\"1.2\" y=\"10\""), "{svg}");
        assert!(svg.contains(".f-running { fill: #123456; }"));
    }
}
