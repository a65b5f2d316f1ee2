//! The tree dump of `match` cases and their patterns (CPython's
//! `match_case` and `pattern` nodes), for `golden.rs`.

use loopscope_syntax::ast::{MatchCase, Pattern, PatternKind};

use super::{constant_text, expr_node, exprs, line, opt_expr, quote, stmts};

pub(super) fn match_case(out: &mut String, indent: usize, label: &str, case: &MatchCase) {
    line(out, indent, label, "match_case", None);
    pattern_node(out, indent + 1, "pattern", &case.pattern);
    opt_expr(out, indent + 1, "guard", case.guard.as_ref());
    stmts(out, indent + 1, "body", &case.body);
}

fn patterns(out: &mut String, indent: usize, field: &str, items: &[Pattern]) {
    for (i, pattern) in items.iter().enumerate() {
        pattern_node(out, indent, &format!("{field}[{i}]"), pattern);
    }
}

fn optional_name(name: Option<&String>) -> String {
    name.map_or_else(|| "None".to_string(), |name| quote(name))
}

fn pattern_node(out: &mut String, indent: usize, label: &str, pattern: &Pattern) {
    let span = Some(pattern.span);
    let inner = indent + 1;
    match &pattern.kind {
        PatternKind::Value(value) => {
            line(out, indent, label, "MatchValue", span);
            expr_node(out, inner, "value", value);
        }
        PatternKind::Singleton(value) => {
            let head = format!("MatchSingleton {}", constant_text(value));
            line(out, indent, label, &head, span);
        }
        PatternKind::Sequence(items) => {
            line(out, indent, label, "MatchSequence", span);
            patterns(out, inner, "patterns", items);
        }
        PatternKind::Mapping {
            keys,
            patterns: values,
            rest,
        } => {
            let head = format!("MatchMapping rest={}", optional_name(rest.as_ref()));
            line(out, indent, label, &head, span);
            exprs(out, inner, "keys", keys);
            patterns(out, inner, "patterns", values);
        }
        PatternKind::Class {
            cls,
            patterns: positional,
            kwd_attrs,
            kwd_patterns,
        } => {
            let attrs: Vec<String> = kwd_attrs.iter().map(|a| quote(a)).collect();
            let head = format!("MatchClass kwd_attrs=[{}]", attrs.join(" "));
            line(out, indent, label, &head, span);
            expr_node(out, inner, "cls", cls);
            patterns(out, inner, "patterns", positional);
            patterns(out, inner, "kwd_patterns", kwd_patterns);
        }
        PatternKind::Star(name) => {
            let head = format!("MatchStar {}", optional_name(name.as_ref()));
            line(out, indent, label, &head, span);
        }
        PatternKind::As { pattern, name } => {
            let head = format!("MatchAs {}", optional_name(name.as_ref()));
            line(out, indent, label, &head, span);
            if let Some(pattern) = pattern {
                pattern_node(out, inner, "pattern", pattern);
            }
        }
        PatternKind::Or(alternatives) => {
            line(out, indent, label, "MatchOr", span);
            patterns(out, inner, "patterns", alternatives);
        }
    }
}
