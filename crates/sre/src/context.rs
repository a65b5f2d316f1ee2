//! A match context (where in the code and in the string, which repeat,
//! where to resume after a sub-match), a repeat's context, and the `AT`
//! assertions (line and word boundaries).

use crate::engine::*;
use crate::matcher::*;
use crate::string::{is_linebreak, is_loc_word, is_uni_word, is_word};
use crate::{SreAtCode, StrDrive, StringCursor};
use std::convert::TryFrom;

#[derive(Debug, Clone, Copy)]
pub(crate) struct RepeatContext {
    pub(crate) count: isize,
    pub(crate) min_count: usize,
    pub(crate) max_count: usize,
    pub(crate) code_position: usize,
    pub(crate) last_position: usize,
    pub(crate) prev_id: usize,
}

#[derive(Clone, Copy)]
pub(crate) struct MatchContext {
    pub(crate) cursor: StringCursor,
    pub(crate) code_position: usize,
    pub(crate) toplevel: bool,
    pub(crate) jump: Jump,
    pub(crate) repeat_ctx_id: usize,
    pub(crate) count: isize,
}

impl MatchContext {
    pub(crate) fn pattern<'a, S>(&self, req: &Request<'a, S>) -> &'a [u32] {
        &req.pattern_codes[self.code_position..]
    }

    pub(crate) fn remaining_codes<S>(&self, req: &Request<S>) -> usize {
        req.pattern_codes.len() - self.code_position
    }

    pub(crate) fn remaining_chars<S>(&self, req: &Request<S>) -> usize {
        req.end - self.cursor.position
    }

    pub(crate) fn peek_char<S: StrDrive>(&self) -> u32 {
        S::peek(&self.cursor)
    }

    pub(crate) fn skip_char<S: StrDrive>(&mut self, skip: usize) {
        S::skip(&mut self.cursor, skip);
    }

    pub(crate) fn advance_char<S: StrDrive>(&mut self) -> u32 {
        S::advance(&mut self.cursor)
    }

    pub(crate) fn back_peek_char<S: StrDrive>(&self) -> u32 {
        S::back_peek(&self.cursor)
    }

    pub(crate) fn back_skip_char<S: StrDrive>(&mut self, skip: usize) {
        S::back_skip(&mut self.cursor, skip);
    }

    pub(crate) fn back_advance_char<S: StrDrive>(&mut self) -> u32 {
        S::back_advance(&mut self.cursor)
    }

    pub(crate) fn peek_code<S>(&self, req: &Request<S>, peek: usize) -> u32 {
        req.pattern_codes[self.code_position + peek]
    }

    pub(crate) fn try_peek_code_as<T, S>(
        &self,
        req: &Request<S>,
        peek: usize,
    ) -> Result<T, T::Error>
    where
        T: TryFrom<u32>,
    {
        self.peek_code(req, peek).try_into()
    }

    pub(crate) fn skip_code(&mut self, skip: usize) {
        self.code_position += skip;
    }

    pub(crate) fn skip_code_from<S>(&mut self, req: &Request<S>, peek: usize) {
        self.skip_code(self.peek_code(req, peek) as usize + 1);
    }

    pub(crate) fn at_beginning(&self) -> bool {
        // self.ctx().string_position == self.state().start
        self.cursor.position == 0
    }

    pub(crate) fn at_end<S>(&self, req: &Request<S>) -> bool {
        self.cursor.position == req.end
    }

    pub(crate) fn at_linebreak<S: StrDrive>(&self, req: &Request<S>) -> bool {
        !self.at_end(req) && is_linebreak(self.peek_char::<S>())
    }

    pub(crate) fn at_boundary<S: StrDrive, F: FnMut(u32) -> bool>(
        &self,
        req: &Request<S>,
        mut word_checker: F,
    ) -> bool {
        if self.at_beginning() && self.at_end(req) {
            return false;
        }
        let that = !self.at_beginning() && word_checker(self.back_peek_char::<S>());
        let this = !self.at_end(req) && word_checker(self.peek_char::<S>());
        this != that
    }

    pub(crate) fn at_non_boundary<S: StrDrive, F: FnMut(u32) -> bool>(
        &self,
        req: &Request<S>,
        mut word_checker: F,
    ) -> bool {
        if self.at_beginning() && self.at_end(req) {
            return false;
        }
        let that = !self.at_beginning() && word_checker(self.back_peek_char::<S>());
        let this = !self.at_end(req) && word_checker(self.peek_char::<S>());
        this == that
    }

    pub(crate) fn can_success<S>(&self, req: &Request<S>) -> bool {
        if !self.toplevel {
            return true;
        }
        if req.match_all && !self.at_end(req) {
            return false;
        }
        if req.must_advance && self.cursor.position == req.start {
            return false;
        }
        true
    }

    #[must_use]
    pub(crate) fn next_peek_from<S>(&mut self, peek: usize, req: &Request<S>, jump: Jump) -> Self {
        self.next_offset(self.peek_code(req, peek) as usize + 1, jump)
    }

    #[must_use]
    pub(crate) fn next_offset(&mut self, offset: usize, jump: Jump) -> Self {
        self.next_at(self.code_position + offset, jump)
    }

    #[must_use]
    pub(crate) fn next_at(&mut self, code_position: usize, jump: Jump) -> Self {
        self.jump = jump;
        MatchContext {
            code_position,
            jump: Jump::OpCode,
            count: -1,
            ..*self
        }
    }
}

pub(crate) fn at<S: StrDrive>(req: &Request<S>, ctx: &MatchContext, atcode: SreAtCode) -> bool {
    match atcode {
        SreAtCode::BEGINNING | SreAtCode::BEGINNING_STRING => ctx.at_beginning(),
        SreAtCode::BEGINNING_LINE => ctx.at_beginning() || is_linebreak(ctx.back_peek_char::<S>()),
        SreAtCode::BOUNDARY => ctx.at_boundary(req, is_word),
        SreAtCode::NON_BOUNDARY => ctx.at_non_boundary(req, is_word),
        SreAtCode::END => {
            (ctx.remaining_chars(req) == 1 && ctx.at_linebreak(req)) || ctx.at_end(req)
        }
        SreAtCode::END_LINE => ctx.at_linebreak(req) || ctx.at_end(req),
        SreAtCode::END_STRING => ctx.at_end(req),
        SreAtCode::LOC_BOUNDARY => ctx.at_boundary(req, is_loc_word),
        SreAtCode::LOC_NON_BOUNDARY => ctx.at_non_boundary(req, is_loc_word),
        SreAtCode::UNI_BOUNDARY => ctx.at_boundary(req, is_uni_word),
        SreAtCode::UNI_NON_BOUNDARY => ctx.at_non_boundary(req, is_uni_word),
    }
}
