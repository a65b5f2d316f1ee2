//! Loopscope's front end: source text → [`ast::Module`] or a [`Diagnostic`].
//!
//! Hand-written lexer and recursive-descent parser (precedence climbing for
//! binary operators). Parsing never panics: every failure is a `Diagnostic`
//! with a line, a column and a message in CPython's words where CPython has
//! words for it, or "`X` is not supported yet" for syntax outside the subset.

pub mod ast;
mod diagnostic;
pub mod error_text;
mod lexer;
mod parser;
mod strings;

pub use diagnostic::{Diagnostic, DiagnosticKind, SourceMode};

/// Parse a whole program.
pub fn parse(source: &str) -> Result<ast::Module, Diagnostic> {
    parser::parse_module(source)
}

/// Parse the source of an expression, as `eval()` does (trailing newlines
/// allowed, nothing after them).
pub fn parse_expression(source: &str) -> Result<ast::Expr, Diagnostic> {
    parser::parse_eval(source)
}
