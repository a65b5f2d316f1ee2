//! Data-driven golden tests for the parser.
//!
//! `tests/parse/ok/*.py` must parse; each has a `.ast` file holding the
//! tree in the text form written by [`dump`] below. `tests/parse/err/*.py`
//! must fail; each has a `.err` file holding the rendered diagnostic.
//! `LOOPSCOPE_UPDATE=1` rewrites the expected files instead of comparing (loopscope-golden).
//!
//! The `.ast` format is also produced from CPython's own `ast` module by
//! `tests/check_with_cpython.py`, which the last test here runs: CPython
//! 3.11 is the oracle for every tree, span and error in these files.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use loopscope_syntax::ast::{
    Alias, Comprehension, Constant, ExceptHandler, Expr, ExprKind, FStringPart, Keyword, Module,
    Param, Parameters, Span, Stmt, StmtKind, WithItem,
};
use loopscope_syntax::parse;

#[path = "golden/patterns.rs"]
mod patterns;
use patterns::match_case;

fn cases(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/parse")
        .join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    files.sort();
    files
}

/// Compares `actual` with the file `expected_path`, or rewrites the file when
/// `LOOPSCOPE_UPDATE=1`. Returns a description of the mismatch, if any.
fn check_expectation(expected_path: &Path, actual: &str) -> Option<String> {
    loopscope_golden::golden!()
        .check(expected_path, actual)
        .err()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn valid_programs_parse_to_the_expected_trees() {
    check_cases("ok", 40, |path, source| match parse(source) {
        Ok(module) => check_expectation(&path.with_extension("ast"), &dump(&module)),
        Err(diagnostic) => Some(format!(
            "{} should parse but got:\n{}",
            path.display(),
            diagnostic.render(source, &file_name(path))
        )),
    });
}

#[test]
fn invalid_programs_give_the_expected_diagnostics() {
    check_cases("err", 30, |path, source| match parse(source) {
        Ok(_) => Some(format!("{} should not parse", path.display())),
        Err(diagnostic) => {
            let rendered = diagnostic.render(source, &file_name(path));
            check_expectation(&path.with_extension("err"), &rendered)
        }
    });
}

/// Runs `check` on every case in `folder` (at least `at_least` of them) and fails
/// with all the mismatches it reports. On a thread with a stack as large as the
/// engine's threads have: an unoptimised build's parser may use 8 MiB before it
/// calls a nesting too deep, more than a test thread's own stack.
fn check_cases(
    folder: &str,
    at_least: usize,
    check: impl Fn(&Path, &str) -> Option<String> + Sync,
) {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn_scoped(scope, || check_cases_here(folder, at_least, &check))
            .expect("spawn")
            .join()
            .expect("the check panicked")
    })
}

fn check_cases_here(folder: &str, at_least: usize, check: &dyn Fn(&Path, &str) -> Option<String>) {
    let files = cases(folder);
    assert!(
        files.len() >= at_least,
        "expected at least {at_least} {folder} cases, found {}",
        files.len()
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|path| check(path, &fs::read_to_string(path).expect("read case")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// Runs `check_with_cpython.py`: every ok case compiles under CPython 3.11
/// with the same tree, every err case fails there the same way. Without CPython 3.11
/// this fails: the oracle is part of the test.
#[test]
fn cpython_agrees_with_the_expectations() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check_with_cpython.py");
    let output = loopscope_golden::cpython()
        .arg(&script)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", script.display()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "CPython disagrees:\n{stdout}\n{stderr}"
    );
}

// ----- the tree dump -----

/// The tree as indented text: one node per line, `field: Kind details
/// @line:col-line:col`, children indented below.
pub fn dump(module: &Module) -> String {
    let mut out = String::from("Module\n");
    for (i, stmt) in module.body.iter().enumerate() {
        stmt_node(&mut out, 1, &format!("body[{i}]"), stmt);
    }
    out
}

fn line(out: &mut String, indent: usize, label: &str, head: &str, span: Option<Span>) {
    out.push_str(&"  ".repeat(indent));
    if !label.is_empty() {
        out.push_str(label);
        out.push_str(": ");
    }
    out.push_str(head);
    if let Some(span) = span {
        let _ = write!(
            out,
            " @{}:{}-{}:{}",
            span.start.line, span.start.col, span.end.line, span.end.col
        );
    }
    out.push('\n');
}

fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            ' '..='~' => out.push(c),
            other => {
                let _ = write!(out, "\\u{{{:04x}}}", other as u32);
            }
        }
    }
    out.push('"');
    out
}

fn quote_bytes(bytes: &[u8]) -> String {
    let mut out = String::from("b\"");
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b' '..=b'~' => out.push(b as char),
            other => {
                let _ = write!(out, "\\x{other:02x}");
            }
        }
    }
    out.push('"');
    out
}

/// Python's `repr` of a float.
fn python_float(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let scientific = format!("{x:e}");
    let (mantissa, exponent) = scientific.split_once('e').expect("{:e} has an exponent");
    let exponent: i32 = exponent.parse().expect("integer exponent");
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exponent) {
        let point = exponent + 1;
        let text = if point <= 0 {
            format!("0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{text}")
    } else {
        let fraction = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{fraction}e{exponent_sign}{:02}", exponent.abs())
    }
}

fn stmts(out: &mut String, indent: usize, field: &str, body: &[Stmt]) {
    for (i, stmt) in body.iter().enumerate() {
        stmt_node(out, indent, &format!("{field}[{i}]"), stmt);
    }
}

fn exprs(out: &mut String, indent: usize, field: &str, items: &[Expr]) {
    for (i, expr) in items.iter().enumerate() {
        expr_node(out, indent, &format!("{field}[{i}]"), expr);
    }
}

fn opt_expr(out: &mut String, indent: usize, field: &str, expr: Option<&Expr>) {
    if let Some(expr) = expr {
        expr_node(out, indent, field, expr);
    }
}

fn stmt_node(out: &mut String, indent: usize, label: &str, stmt: &Stmt) {
    let span = Some(stmt.span);
    let inner = indent + 1;
    match &stmt.kind {
        StmtKind::Expr(value) => {
            line(out, indent, label, "Expr", span);
            expr_node(out, inner, "value", value);
        }
        StmtKind::Assign { targets, value } => {
            line(out, indent, label, "Assign", span);
            exprs(out, inner, "targets", targets);
            expr_node(out, inner, "value", value);
        }
        StmtKind::AugAssign { target, op, value } => {
            line(out, indent, label, &format!("AugAssign {op:?}"), span);
            expr_node(out, inner, "target", target);
            expr_node(out, inner, "value", value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            line(out, indent, label, "AnnAssign", span);
            expr_node(out, inner, "target", target);
            expr_node(out, inner, "annotation", annotation);
            opt_expr(out, inner, "value", value.as_ref());
        }
        StmtKind::FunctionDef(def) => {
            let kind = if def.is_async {
                "AsyncFunctionDef"
            } else {
                "FunctionDef"
            };
            line(
                out,
                indent,
                label,
                &format!("{kind} {}", quote(&def.name)),
                span,
            );
            line(out, inner, "header", "", Some(def.span));
            parameters(out, inner, "params", &def.params);
            stmts(out, inner, "body", &def.body);
            exprs(out, inner, "decorators", &def.decorators);
            opt_expr(out, inner, "returns", def.returns.as_ref());
        }
        StmtKind::ClassDef(class) => {
            line(
                out,
                indent,
                label,
                &format!("ClassDef {}", quote(&class.name)),
                span,
            );
            line(out, inner, "header", "", Some(class.span));
            exprs(out, inner, "bases", &class.bases);
            for (i, keyword) in class.keywords.iter().enumerate() {
                keyword_node(out, inner, &format!("keywords[{i}]"), keyword);
            }
            stmts(out, inner, "body", &class.body);
            exprs(out, inner, "decorators", &class.decorators);
        }
        StmtKind::Return(value) => {
            line(out, indent, label, "Return", span);
            opt_expr(out, inner, "value", value.as_ref());
        }
        StmtKind::If { test, body, orelse } => {
            line(out, indent, label, "If", span);
            expr_node(out, inner, "test", test);
            stmts(out, inner, "body", body);
            stmts(out, inner, "orelse", orelse);
        }
        StmtKind::While { test, body, orelse } => {
            line(out, indent, label, "While", span);
            expr_node(out, inner, "test", test);
            stmts(out, inner, "body", body);
            stmts(out, inner, "orelse", orelse);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        } => {
            line(
                out,
                indent,
                label,
                if *is_async { "AsyncFor" } else { "For" },
                span,
            );
            expr_node(out, inner, "target", target);
            expr_node(out, inner, "iter", iter);
            stmts(out, inner, "body", body);
            stmts(out, inner, "orelse", orelse);
        }
        StmtKind::Break => line(out, indent, label, "Break", span),
        StmtKind::Continue => line(out, indent, label, "Continue", span),
        StmtKind::Pass => line(out, indent, label, "Pass", span),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        }
        | StmtKind::TryStar {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let kind = if matches!(stmt.kind, StmtKind::Try { .. }) {
                "Try"
            } else {
                "TryStar"
            };
            line(out, indent, label, kind, span);
            stmts(out, inner, "body", body);
            for (i, handler) in handlers.iter().enumerate() {
                except_handler(out, inner, &format!("handlers[{i}]"), handler);
            }
            stmts(out, inner, "orelse", orelse);
            stmts(out, inner, "finalbody", finalbody);
        }
        StmtKind::Raise { exc, cause } => {
            line(out, indent, label, "Raise", span);
            opt_expr(out, inner, "exc", exc.as_ref());
            opt_expr(out, inner, "cause", cause.as_ref());
        }
        StmtKind::Assert { test, msg } => {
            line(out, indent, label, "Assert", span);
            expr_node(out, inner, "test", test);
            opt_expr(out, inner, "msg", msg.as_ref());
        }
        StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
            let kind = if matches!(stmt.kind, StmtKind::Global(_)) {
                "Global"
            } else {
                "Nonlocal"
            };
            let names: Vec<String> = names.iter().map(|n| quote(n)).collect();
            line(
                out,
                indent,
                label,
                &format!("{kind} {}", names.join(" ")),
                span,
            );
        }
        StmtKind::Import(names) => {
            line(out, indent, label, "Import", span);
            aliases(out, inner, names);
        }
        StmtKind::ImportFrom { module, names } => {
            line(
                out,
                indent,
                label,
                &format!("ImportFrom {}", quote(module)),
                span,
            );
            aliases(out, inner, names);
        }
        StmtKind::With {
            items,
            body,
            is_async,
        } => {
            line(
                out,
                indent,
                label,
                if *is_async { "AsyncWith" } else { "With" },
                span,
            );
            for (i, item) in items.iter().enumerate() {
                with_item(out, inner, &format!("items[{i}]"), item);
            }
            stmts(out, inner, "body", body);
        }
        StmtKind::Delete(targets) => {
            line(out, indent, label, "Delete", span);
            exprs(out, inner, "targets", targets);
        }
        StmtKind::Match { subject, cases } => {
            line(out, indent, label, "Match", span);
            expr_node(out, inner, "subject", subject);
            for (i, case) in cases.iter().enumerate() {
                match_case(out, inner, &format!("cases[{i}]"), case);
            }
        }
    }
}

fn except_handler(out: &mut String, indent: usize, label: &str, handler: &ExceptHandler) {
    let head = match &handler.name {
        Some(name) => format!("ExceptHandler as {}", quote(name)),
        None => "ExceptHandler".to_string(),
    };
    line(out, indent, label, &head, Some(handler.span));
    opt_expr(out, indent + 1, "type", handler.typ.as_ref());
    stmts(out, indent + 1, "body", &handler.body);
}

fn aliases(out: &mut String, indent: usize, names: &[Alias]) {
    for (i, alias) in names.iter().enumerate() {
        let head = match &alias.asname {
            Some(asname) => format!("alias {} as {}", quote(&alias.name), quote(asname)),
            None => format!("alias {}", quote(&alias.name)),
        };
        line(out, indent, &format!("names[{i}]"), &head, Some(alias.span));
    }
}

fn with_item(out: &mut String, indent: usize, label: &str, item: &WithItem) {
    line(out, indent, label, "withitem", None);
    expr_node(out, indent + 1, "context", &item.context);
    opt_expr(out, indent + 1, "target", item.target.as_ref());
}

fn parameters(out: &mut String, indent: usize, label: &str, params: &Parameters) {
    line(out, indent, label, "arguments", None);
    let inner = indent + 1;
    let groups = [
        ("posonly", &params.posonly),
        ("args", &params.args),
        ("kwonly", &params.kwonly),
    ];
    for (field, group) in groups {
        for (i, param) in group.iter().enumerate() {
            param_node(out, inner, &format!("{field}[{i}]"), param);
        }
    }
    if let Some(vararg) = &params.vararg {
        param_node(out, inner, "vararg", vararg);
    }
    if let Some(kwarg) = &params.kwarg {
        param_node(out, inner, "kwarg", kwarg);
    }
}

fn param_node(out: &mut String, indent: usize, label: &str, param: &Param) {
    line(
        out,
        indent,
        label,
        &format!("arg {}", quote(&param.name)),
        Some(param.span),
    );
    opt_expr(out, indent + 1, "annotation", param.annotation.as_ref());
    opt_expr(out, indent + 1, "default", param.default.as_ref());
}

fn keyword_node(out: &mut String, indent: usize, label: &str, keyword: &Keyword) {
    let head = match &keyword.name {
        Some(name) => format!("keyword {}", quote(name)),
        None => "keyword **".to_string(),
    };
    line(out, indent, label, &head, Some(keyword.span));
    expr_node(out, indent + 1, "value", &keyword.value);
}

fn comprehensions(out: &mut String, indent: usize, generators: &[Comprehension]) {
    for (i, generator) in generators.iter().enumerate() {
        let head = if generator.is_async {
            "comprehension async"
        } else {
            "comprehension"
        };
        line(out, indent, &format!("generators[{i}]"), head, None);
        expr_node(out, indent + 1, "target", &generator.target);
        expr_node(out, indent + 1, "iter", &generator.iter);
        exprs(out, indent + 1, "ifs", &generator.ifs);
    }
}

fn fstring_parts(out: &mut String, indent: usize, field: &str, parts: &[FStringPart]) {
    for (i, part) in parts.iter().enumerate() {
        let label = format!("{field}[{i}]");
        match part {
            FStringPart::Literal(text) => line(
                out,
                indent,
                &label,
                &format!("Literal {}", quote(text)),
                None,
            ),
            FStringPart::Formatted {
                value,
                conversion,
                format_spec,
                debug_text,
            } => {
                let mut head = String::from("Formatted");
                if let Some(conversion) = conversion {
                    let _ = write!(head, " !{conversion}");
                }
                if let Some(debug) = debug_text {
                    let _ = write!(head, " debug={}", quote(debug));
                }
                if let Some(spec) = format_spec {
                    let _ = write!(head, " spec[{}]", spec.len());
                }
                line(out, indent, &label, &head, None);
                expr_node(out, indent + 1, "value", value);
                if let Some(spec) = format_spec {
                    fstring_parts(out, indent + 1, "spec", spec);
                }
            }
        }
    }
}

fn constant_text(value: &Constant) -> String {
    match value {
        Constant::None => "None".to_string(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Constant::Int(i) => format!("int {i}"),
        Constant::Float(f) => format!("float {}", python_float(*f)),
        Constant::Imaginary(f) => format!("imaginary {}", python_float(*f)),
        Constant::Str(s) => format!("str {}", quote(s)),
        Constant::Bytes(b) => format!("bytes {}", quote_bytes(b)),
        Constant::Ellipsis => "Ellipsis".to_string(),
    }
}

fn expr_node(out: &mut String, indent: usize, label: &str, expr: &Expr) {
    let span = Some(expr.span);
    let inner = indent + 1;
    match &expr.kind {
        ExprKind::Name(id) => line(out, indent, label, &format!("Name {}", quote(id)), span),
        ExprKind::Constant(value) => {
            line(
                out,
                indent,
                label,
                &format!("Constant {}", constant_text(value)),
                span,
            );
        }
        ExprKind::FString(parts) => {
            line(out, indent, label, "FString", span);
            fstring_parts(out, inner, "parts", parts);
        }
        ExprKind::BinOp { left, op, right } => {
            line(out, indent, label, &format!("BinOp {op:?}"), span);
            expr_node(out, inner, "left", left);
            expr_node(out, inner, "right", right);
        }
        ExprKind::UnaryOp { op, operand } => {
            line(out, indent, label, &format!("UnaryOp {op:?}"), span);
            expr_node(out, inner, "operand", operand);
        }
        ExprKind::BoolOp { op, values } => {
            line(out, indent, label, &format!("BoolOp {op:?}"), span);
            exprs(out, inner, "values", values);
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let ops: Vec<String> = ops.iter().map(|op| format!("{op:?}")).collect();
            line(
                out,
                indent,
                label,
                &format!("Compare {}", ops.join(" ")),
                span,
            );
            expr_node(out, inner, "left", left);
            exprs(out, inner, "comparators", comparators);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            line(out, indent, label, "Call", span);
            expr_node(out, inner, "func", func);
            exprs(out, inner, "args", args);
            for (i, keyword) in keywords.iter().enumerate() {
                keyword_node(out, inner, &format!("keywords[{i}]"), keyword);
            }
        }
        ExprKind::Attribute { value, attr } => {
            line(
                out,
                indent,
                label,
                &format!("Attribute {}", quote(attr)),
                span,
            );
            expr_node(out, inner, "value", value);
        }
        ExprKind::Subscript { value, index } => {
            line(out, indent, label, "Subscript", span);
            expr_node(out, inner, "value", value);
            expr_node(out, inner, "index", index);
        }
        ExprKind::Slice { lower, upper, step } => {
            line(out, indent, label, "Slice", span);
            opt_expr(out, inner, "lower", lower.as_deref());
            opt_expr(out, inner, "upper", upper.as_deref());
            opt_expr(out, inner, "step", step.as_deref());
        }
        ExprKind::Starred(value) => {
            line(out, indent, label, "Starred", span);
            expr_node(out, inner, "value", value);
        }
        ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
            let kind = match expr.kind {
                ExprKind::List(_) => "List",
                ExprKind::Tuple(_) => "Tuple",
                _ => "Set",
            };
            line(out, indent, label, kind, span);
            exprs(out, inner, "elts", elts);
        }
        ExprKind::Dict(items) => {
            line(out, indent, label, "Dict", span);
            for (i, (key, value)) in items.iter().enumerate() {
                match key {
                    Some(key) => {
                        expr_node(out, inner, &format!("key[{i}]"), key);
                        expr_node(out, inner, &format!("value[{i}]"), value);
                    }
                    None => expr_node(out, inner, &format!("unpack[{i}]"), value),
                }
            }
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            let kind = match expr.kind {
                ExprKind::ListComp { .. } => "ListComp",
                ExprKind::SetComp { .. } => "SetComp",
                _ => "GeneratorExp",
            };
            line(out, indent, label, kind, span);
            expr_node(out, inner, "elt", elt);
            comprehensions(out, inner, generators);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            line(out, indent, label, "DictComp", span);
            expr_node(out, inner, "key", key);
            expr_node(out, inner, "value", value);
            comprehensions(out, inner, generators);
        }
        ExprKind::Lambda { params, body } => {
            line(out, indent, label, "Lambda", span);
            parameters(out, inner, "params", params);
            expr_node(out, inner, "body", body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            line(out, indent, label, "IfExp", span);
            expr_node(out, inner, "test", test);
            expr_node(out, inner, "body", body);
            expr_node(out, inner, "orelse", orelse);
        }
        ExprKind::Await(value) => {
            line(out, indent, label, "Await", span);
            expr_node(out, inner, "value", value);
        }
        ExprKind::Yield(value) => {
            line(out, indent, label, "Yield", span);
            opt_expr(out, inner, "value", value.as_deref());
        }
        ExprKind::YieldFrom(value) => {
            line(out, indent, label, "YieldFrom", span);
            expr_node(out, inner, "value", value);
        }
        ExprKind::NamedExpr { target, value } => {
            line(out, indent, label, "NamedExpr", span);
            expr_node(out, inner, "target", target);
            expr_node(out, inner, "value", value);
        }
    }
}

#[test]
fn floats_are_dumped_like_python_repr() {
    let cases = [
        (1.0, "1.0"),
        (0.5, "0.5"),
        (1e16, "1e+16"),
        (1.5e-5, "1.5e-05"),
        (123456.789, "123456.789"),
        (0.0001, "0.0001"),
        (1e22, "1e+22"),
        (f64::INFINITY, "inf"),
        (1000.5, "1000.5"),
        (-2.5, "-2.5"),
    ];
    for (value, expected) in cases {
        assert_eq!(python_float(value), expected, "{value:e}");
    }
}
