//! An expression back to source text, as CPython's `ast_unparse.c` writes
//! it: what an annotation becomes under `from __future__ import
//! annotations` (`x: list[int]` stores `'list[int]'`). Parentheses come from
//! operator precedence, not from the source; spacing is CPython's.

use loopscope_cpython::float_repr::float_repr;
use loopscope_syntax::ast::{
    BinOp, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, FStringPart, Keyword, Param,
    Parameters, UnaryOp,
};

use crate::quote::{quote_bytes, quote_str};

// CPython's precedence levels (`ast_unparse.c`), lowest first.
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const AWAIT: u8 = 14;
const ATOM: u8 = 15;

/// The source text of an annotation (`expr_as_unicode(e, PR_TEST)`).
pub fn annotation_text(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, TEST);
    out
}

fn open(out: &mut String, cond: bool) {
    if cond {
        out.push('(');
    }
}

fn close(out: &mut String, cond: bool) {
    if cond {
        out.push(')');
    }
}

/// `items` written at `level`, separated by `, `.
fn list(out: &mut String, items: &[Expr], level: u8) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, item, level);
    }
}

fn expr(out: &mut String, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::Constant(c) => constant(out, c),
        ExprKind::FString(parts) => {
            out.push('f');
            out.push_str(&quote_str(&fstring_body(parts), false));
        }
        ExprKind::BinOp { left, op, right } => {
            let (symbol, pr) = binop(*op);
            let right_assoc = matches!(op, BinOp::Pow) as u8;
            open(out, level > pr);
            expr(out, left, pr + right_assoc);
            out.push_str(symbol);
            expr(out, right, pr + 1 - right_assoc);
            close(out, level > pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (symbol, pr) = match op {
                UnaryOp::Invert => ("~", FACTOR),
                UnaryOp::Not => ("not ", NOT),
                UnaryOp::Pos => ("+", FACTOR),
                UnaryOp::Neg => ("-", FACTOR),
            };
            open(out, level > pr);
            out.push_str(symbol);
            expr(out, operand, pr);
            close(out, level > pr);
        }
        ExprKind::BoolOp { op, values } => {
            let (symbol, pr) = match op {
                BoolOp::And => (" and ", AND),
                BoolOp::Or => (" or ", OR),
            };
            open(out, level > pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(symbol);
                }
                expr(out, v, pr + 1);
            }
            close(out, level > pr);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            open(out, level > CMP);
            expr(out, left, CMP + 1);
            for (op, right) in ops.iter().zip(comparators) {
                out.push_str(cmpop(*op));
                expr(out, right, CMP + 1);
            }
            close(out, level > CMP);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => call(out, func, args, keywords),
        ExprKind::Attribute { value, attr } => {
            expr(out, value, ATOM);
            // An int needs a space: `1 .real`.
            let int = matches!(value.kind, ExprKind::Constant(Constant::Int(_)));
            out.push_str(if int { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, index } => {
            expr(out, value, ATOM);
            out.push('[');
            expr(out, index, TUPLE);
            out.push(']');
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, TEST);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, TEST);
            }
        }
        ExprKind::Starred(value) => {
            out.push('*');
            expr(out, value, BOR);
        }
        ExprKind::List(items) => {
            out.push('[');
            list(out, items, TEST);
            out.push(']');
        }
        ExprKind::Tuple(items) => {
            if items.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level > TUPLE);
            list(out, items, TEST);
            if items.len() == 1 {
                out.push(',');
            }
            close(out, level > TUPLE);
        }
        ExprKind::Set(items) => {
            out.push('{');
            list(out, items, TEST);
            out.push('}');
        }
        ExprKind::Dict(items) => {
            out.push('{');
            for (i, (key, value)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match key {
                    Some(k) => {
                        expr(out, k, TEST);
                        out.push_str(": ");
                        expr(out, value, TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, value, BOR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::ListComp { elt, generators } => {
            comprehension(out, "[", elt, generators, "]");
        }
        ExprKind::SetComp { elt, generators } => {
            comprehension(out, "{", elt, generators, "}");
        }
        ExprKind::GeneratorExp { elt, generators } => {
            comprehension(out, "(", elt, generators, ")");
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            out.push('{');
            expr(out, key, TEST);
            out.push_str(": ");
            expr(out, value, TEST);
            clauses(out, generators);
            out.push('}');
        }
        ExprKind::Lambda { params, body } => {
            open(out, level > TEST);
            let positional = params.posonly.len() + params.args.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            parameters(out, params);
            out.push_str(": ");
            expr(out, body, TEST);
            close(out, level > TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level > TEST);
            expr(out, body, TEST + 1);
            out.push_str(" if ");
            expr(out, test, TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, TEST);
            close(out, level > TEST);
        }
        ExprKind::Await(value) => {
            open(out, level > AWAIT);
            out.push_str("await ");
            expr(out, value, ATOM);
            close(out, level > AWAIT);
        }
        ExprKind::Yield(value) => match value {
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, TEST);
                out.push(')');
            }
            None => out.push_str("(yield)"),
        },
        ExprKind::YieldFrom(value) => {
            out.push_str("(yield from ");
            expr(out, value, TEST);
            out.push(')');
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level > TUPLE);
            expr(out, target, ATOM);
            out.push_str(" := ");
            expr(out, value, ATOM);
            close(out, level > TUPLE);
        }
    }
}

fn binop(op: BinOp) -> (&'static str, u8) {
    match op {
        BinOp::Add => (" + ", ARITH),
        BinOp::Sub => (" - ", ARITH),
        BinOp::Mult => (" * ", TERM),
        BinOp::MatMult => (" @ ", TERM),
        BinOp::Div => (" / ", TERM),
        BinOp::Mod => (" % ", TERM),
        BinOp::FloorDiv => (" // ", TERM),
        BinOp::LShift => (" << ", SHIFT),
        BinOp::RShift => (" >> ", SHIFT),
        BinOp::BitOr => (" | ", BOR),
        BinOp::BitXor => (" ^ ", BXOR),
        BinOp::BitAnd => (" & ", BAND),
        BinOp::Pow => (" ** ", POWER),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn constant(out: &mut String, c: &Constant) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Constant::Int(i) => out.push_str(&i.to_string()),
        // An infinite float is written as a literal that overflows to it.
        Constant::Float(f) if f.is_infinite() => out.push_str("1e309"),
        Constant::Float(f) => out.push_str(&float_repr(*f)),
        Constant::Imaginary(f) if f.is_infinite() => out.push_str("1e309j"),
        Constant::Imaginary(f) => out.push_str(&loopscope_cpython::complex::repr((0.0, *f))),
        Constant::Str(s) => out.push_str(&quote_str(s, false)),
        Constant::Bytes(b) => out.push_str(&quote_bytes(b)),
        Constant::Ellipsis => out.push_str("..."),
    }
}

fn call(out: &mut String, func: &Expr, args: &[Expr], keywords: &[Keyword]) {
    expr(out, func, ATOM);
    if let ([only], []) = (args, keywords) {
        if let ExprKind::GeneratorExp { elt, generators } = &only.kind {
            comprehension(out, "(", elt, generators, ")");
            return;
        }
    }
    out.push('(');
    list(out, args, TEST);
    for (i, k) in keywords.iter().enumerate() {
        if i > 0 || !args.is_empty() {
            out.push_str(", ");
        }
        match &k.name {
            Some(name) => {
                out.push_str(name);
                out.push('=');
            }
            None => out.push_str("**"),
        }
        expr(out, &k.value, TEST);
    }
    out.push(')');
}

fn comprehension(
    out: &mut String,
    open: &str,
    elt: &Expr,
    generators: &[Comprehension],
    close: &str,
) {
    out.push_str(open);
    expr(out, elt, TEST);
    clauses(out, generators);
    out.push_str(close);
}

fn clauses(out: &mut String, generators: &[Comprehension]) {
    for g in generators {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, TEST + 1);
        }
    }
}

/// A lambda's parameters (`append_ast_args`).
fn parameters(out: &mut String, p: &Parameters) {
    let mut first = true;
    let mut separator = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<&Param> = p.posonly.iter().chain(&p.args).collect();
    for (i, param) in positional.iter().enumerate() {
        separator(out);
        parameter(out, param);
        if !p.posonly.is_empty() && i + 1 == p.posonly.len() {
            out.push_str(", /");
        }
    }
    if p.vararg.is_some() || !p.kwonly.is_empty() {
        separator(out);
        out.push('*');
        if let Some(v) = &p.vararg {
            parameter(out, v);
        }
    }
    for param in &p.kwonly {
        out.push_str(", ");
        parameter(out, param);
    }
    if let Some(k) = &p.kwarg {
        separator(out);
        out.push_str("**");
        parameter(out, k);
    }
}

fn parameter(out: &mut String, p: &Param) {
    out.push_str(&p.name);
    if let Some(a) = &p.annotation {
        out.push_str(": ");
        expr(out, a, TEST);
    }
    if let Some(d) = &p.default {
        out.push('=');
        expr(out, d, TEST);
    }
}

/// The text inside an f-string's quotes: literal braces doubled, each
/// replacement field as `{expr!c:spec}`.
fn fstring_body(parts: &[FStringPart]) -> String {
    let mut out = String::new();
    for part in parts {
        match part {
            FStringPart::Literal(text) => {
                out.push_str(&text.replace('{', "{{").replace('}', "}}"));
            }
            FStringPart::Formatted {
                value,
                conversion,
                format_spec,
                debug_text,
            } => {
                if let Some(text) = debug_text {
                    out.push_str(&text.replace('{', "{{").replace('}', "}}"));
                }
                let mut inner = String::new();
                expr(&mut inner, value, TEST + 1);
                out.push('{');
                if inner.starts_with('{') {
                    out.push(' ');
                }
                out.push_str(&inner);
                // `{x=}` without a conversion or spec shows the repr.
                let conversion = match (conversion, debug_text, format_spec) {
                    (Some(c), _, _) => Some(*c),
                    (None, Some(_), None) => Some('r'),
                    _ => None,
                };
                if let Some(c) = conversion {
                    out.push('!');
                    out.push(c);
                }
                if let Some(spec) = format_spec {
                    out.push(':');
                    out.push_str(&fstring_body(spec));
                }
                out.push('}');
            }
        }
    }
    out
}
