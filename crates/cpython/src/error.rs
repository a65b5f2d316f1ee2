//! The error every fallible function in this crate returns: the Python
//! exception class CPython would raise, plus its exact message.
//!
//! A message alone is not enough for byte-identical output (a traceback prints
//! `TypeError: ...`, an `except ValueError` must not catch an `OverflowError`),
//! so the class travels with the text. `Display` prints the message only, i.e.
//! what `str(exc)` gives in Python.

use std::fmt;

/// The built-in exception classes this crate's algorithms can raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExceptionKind {
    /// `ValueError`
    ValueError,
    /// `TypeError`
    TypeError,
    /// `OverflowError`
    OverflowError,
    /// `IndexError`
    IndexError,
    /// `ZeroDivisionError`
    ZeroDivisionError,
    /// Raised where CPython would try (and, in a browser, fail) to build an
    /// absurdly large string, e.g. `format(1, '999999999999')`.
    MemoryError,
}

impl ExceptionKind {
    /// The class name as Python prints it, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ExceptionKind::ValueError => "ValueError",
            ExceptionKind::TypeError => "TypeError",
            ExceptionKind::OverflowError => "OverflowError",
            ExceptionKind::IndexError => "IndexError",
            ExceptionKind::ZeroDivisionError => "ZeroDivisionError",
            ExceptionKind::MemoryError => "MemoryError",
        }
    }
}

/// A Python exception: its class and exactly CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyError {
    /// The exception class.
    pub kind: ExceptionKind,
    /// Exactly what `str(exc)` gives in CPython.
    pub message: String,
}

impl PyError {
    /// An exception of class `kind`.
    pub fn new(kind: ExceptionKind, message: impl Into<String>) -> Self {
        PyError {
            kind,
            message: message.into(),
        }
    }

    /// A `ValueError`.
    pub fn value(message: impl Into<String>) -> Self {
        Self::new(ExceptionKind::ValueError, message)
    }

    /// A `TypeError`.
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new(ExceptionKind::TypeError, message)
    }

    /// An `OverflowError`.
    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new(ExceptionKind::OverflowError, message)
    }

    /// An `IndexError`.
    pub fn index(message: impl Into<String>) -> Self {
        Self::new(ExceptionKind::IndexError, message)
    }

    /// A `ZeroDivisionError`.
    pub fn zero_division(message: impl Into<String>) -> Self {
        Self::new(ExceptionKind::ZeroDivisionError, message)
    }

    /// A `MemoryError` (empty message, as CPython's).
    pub fn memory() -> Self {
        Self::new(ExceptionKind::MemoryError, "")
    }
}

impl fmt::Display for PyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PyError {}
