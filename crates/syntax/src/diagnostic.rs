//! Parse errors: what went wrong and where, rendered like CPython.

use crate::ast::Span;

/// The class of a parse failure; decides the exception name shown and the
/// CLI's exit status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// Ordinary `SyntaxError`.
    Syntax,
    /// `IndentationError` (unexpected/expected/unindent mismatch).
    Indentation,
    /// Valid Python that Loopscope does not run yet (`class`, `match`, ...).
    Unsupported,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub message: String,
    /// Where the problem is; `span.start` is where the caret goes.
    pub span: Span,
}
