//! Indentation at the start of a logical line: INDENT and DEDENT tokens,
//! tabs against spaces, and CPython's messages for inconsistent ones.

use crate::ast::{Pos, Span};
use crate::diagnostic::{Diagnostic, TAB_ERROR_MESSAGE};

use super::{LexEnd, Lexer, Stop, TokenKind, MAX_INDENT_DEPTH, TAB_SIZE};

impl<'s> Lexer<'s> {
    /// Measure the indentation of a new line and emit INDENT / DEDENT.
    pub(super) fn handle_indentation(&mut self) -> Result<(), Stop> {
        let (mut col, mut altcol) = (0u32, 0u32);
        // As CPython's tokenizer: indentation cannot be split over physical lines with
        // backslashes; the first backslash after some blanks sets the level of what
        // follows (0: none yet, or one in the first column, which sets nothing).
        let mut cont_line_col = 0u32;
        loop {
            match self.peek() {
                Some('\\') => {
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.line_continuation()?;
                    continue;
                }
                Some(' ') => {
                    col += 1;
                    altcol += 1;
                }
                Some('\t') => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                }
                Some('\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            self.bump();
        }
        self.is_blank_line = matches!(self.peek(), Some('#' | '\n'));
        if self.is_blank_line || self.peek().is_none() || !self.brackets.is_empty() {
            return Ok(());
        }
        if cont_line_col != 0 {
            (col, altcol) = (cont_line_col, cont_line_col);
        }
        let width = self.col_of(self.i);
        let here = Span::new(
            Pos {
                line: self.line,
                col: 0,
            },
            Pos {
                line: self.line,
                col: width,
            },
        );
        let &(top_col, top_altcol) = self.indents.last().expect("indent stack is never empty");
        if col == top_col {
            if altcol != top_altcol {
                return Err(self.tab_error());
            }
        } else if col > top_col {
            if self.indents.len() >= MAX_INDENT_DEPTH {
                let pos = Pos {
                    line: self.line,
                    col: 0,
                };
                return Err(LexEnd::Stopped(Diagnostic::indentation(
                    "too many levels of indentation",
                    Span::new(pos, pos),
                )));
            }
            if altcol <= top_altcol {
                return Err(self.tab_error());
            }
            self.indents.push((col, altcol));
            self.push(TokenKind::Indent, here);
        } else {
            // As CPython's tokenizer, check the new level before any DEDENT.
            let mut kept = self.indents.len();
            while kept > 1 && col < self.indents[kept - 1].0 {
                kept -= 1;
            }
            let (top_col, top_altcol) = self.indents[kept - 1];
            if col != top_col {
                let pos = Pos {
                    line: self.line,
                    col: self.current_line_len(),
                };
                return Err(LexEnd::Stopped(Diagnostic::indentation(
                    "unindent does not match any outer indentation level",
                    Span::new(pos, pos),
                )));
            }
            if altcol != top_altcol {
                return Err(self.tab_error());
            }
            for _ in kept..self.indents.len() {
                self.push(TokenKind::Dedent, Span::new(here.end, here.end));
            }
            self.indents.truncate(kept);
        }
        Ok(())
    }

    pub(super) fn tab_error(&self) -> Stop {
        let pos = Pos {
            line: self.line,
            col: 0,
        };
        LexEnd::Stopped(Diagnostic::indentation(
            TAB_ERROR_MESSAGE,
            Span::new(pos, pos),
        ))
    }
}
