//! The check `_sre.compile` makes of the code it is given before a pattern exists
//! (`_validate` in CPython's `_sre.c`): every skip stays inside its block, blocks end
//! with the opcode their matcher expects, group numbers are below the pattern's count,
//! charsets and categories are well formed. The matcher trusts the code it runs, so code
//! that `re`'s compiler would never make (a program may call `_sre.compile` itself) is
//! refused here with CPython's RuntimeError, not found wrong while matching.

use crate::constants::{SreAtCode, SreCatCode, SreInfo, SreOpcode};
use crate::MAXREPEAT;

/// The most groups a pattern may have (CPython's `SRE_MAXGROUPS` with 4-byte code words).
const MAX_GROUPS: usize = u32::MAX as usize / 4;

/// Why a block was refused (the caller only says "invalid SRE code").
struct Invalid;

/// How a block that passed the check ended: a `JUMP` ends a branch's alternative and
/// a conditional's "then" part.
#[derive(PartialEq)]
enum Ending {
    Plain,
    Jump,
}

/// Whether `code` is SRE code a pattern with `groups` groups may run.
pub fn is_valid(code: &[u32], groups: usize) -> bool {
    if groups > MAX_GROUPS || code.last() != Some(&(SreOpcode::SUCCESS as u32)) {
        return false;
    }
    matches!(
        Reader::new(code).block(0, code.len() as i64 - 1, groups),
        Ok(Ending::Plain)
    )
}

/// Positions are signed: a skip too small for its block makes an end before the start,
/// which is refused as CPython refuses it.
struct Reader<'c> {
    code: &'c [u32],
    at: i64,
    end: i64,
}

impl<'c> Reader<'c> {
    fn new(code: &'c [u32]) -> Self {
        Reader {
            code,
            at: 0,
            end: 0,
        }
    }

    fn word(&self, at: i64) -> Result<u32, Invalid> {
        usize::try_from(at)
            .ok()
            .and_then(|at| self.code.get(at).copied())
            .ok_or(Invalid)
    }

    /// The next word of the block (an opcode or an argument).
    fn next(&mut self) -> Result<u32, Invalid> {
        if self.at >= self.end {
            return Err(Invalid);
        }
        let word = self.word(self.at)?;
        self.at += 1;
        Ok(word)
    }

    /// A skip: how far from where it is stored its block ends, less `adjust`, at most
    /// the rest of the enclosing block.
    fn skip(&mut self, adjust: u32) -> Result<i64, Invalid> {
        if self.at >= self.end {
            return Err(Invalid);
        }
        let skip = self.word(self.at)?;
        if i64::from(skip.wrapping_sub(adjust)) > self.end - self.at {
            return Err(Invalid);
        }
        self.at += 1;
        Ok(i64::from(skip))
    }

    /// The words `start..end` as a block of its own, with `self` where it was after.
    fn sub_block(&mut self, start: i64, end: i64, groups: usize) -> Result<Ending, Invalid> {
        let outer = (self.at, self.end);
        let ending = self.block(start, end, groups);
        (self.at, self.end) = outer;
        ending
    }

    fn sub_charset(&mut self, start: i64, end: i64) -> Result<(), Invalid> {
        let outer = (self.at, self.end);
        self.at = start;
        self.end = end;
        let checked = self.charset();
        (self.at, self.end) = outer;
        checked
    }

    fn charset(&mut self) -> Result<(), Invalid> {
        while self.at < self.end {
            let op = SreOpcode::try_from(self.next()?).map_err(|_| Invalid)?;
            match op {
                SreOpcode::NEGATE => {}
                SreOpcode::LITERAL => {
                    self.next()?;
                }
                SreOpcode::RANGE | SreOpcode::RANGE_UNI_IGNORE => {
                    self.next()?;
                    self.next()?;
                }
                // A 256-bit bitmap.
                SreOpcode::CHARSET => self.words(8)?,
                SreOpcode::BIGCHARSET => {
                    let blocks = self.next()?;
                    // 256 bytes, each the number of a block, then the blocks' bitmaps.
                    let table = self.at;
                    self.words(64)?;
                    for index in table..table + 64 {
                        if self
                            .word(index)?
                            .to_le_bytes()
                            .iter()
                            .any(|&b| u32::from(b) >= blocks)
                        {
                            return Err(Invalid);
                        }
                    }
                    self.words(i64::from(blocks) * 8)?;
                }
                SreOpcode::CATEGORY => {
                    SreCatCode::try_from(self.next()?).map_err(|_| Invalid)?;
                }
                _ => return Err(Invalid),
            }
        }
        Ok(())
    }

    /// Steps over `count` words that must be inside the block.
    fn words(&mut self, count: i64) -> Result<(), Invalid> {
        if count > self.end - self.at {
            return Err(Invalid);
        }
        self.at += count;
        Ok(())
    }

    /// The opcode at the current position must be `expected`.
    fn expect(&mut self, expected: &[u32]) -> Result<(), Invalid> {
        let op = self.next()?;
        if expected.contains(&op) {
            Ok(())
        } else {
            Err(Invalid)
        }
    }

    fn block(&mut self, start: i64, end: i64, groups: usize) -> Result<Ending, Invalid> {
        if start > end {
            return Err(Invalid);
        }
        self.at = start;
        self.end = end;
        while self.at < self.end {
            let op = SreOpcode::try_from(self.next()?).map_err(|_| Invalid)?;
            match op {
                // Marks need not nest properly: the matcher copes with any order.
                SreOpcode::MARK => {
                    if self.next()? as usize > 2 * groups + 1 {
                        return Err(Invalid);
                    }
                }
                SreOpcode::LITERAL
                | SreOpcode::NOT_LITERAL
                | SreOpcode::LITERAL_IGNORE
                | SreOpcode::NOT_LITERAL_IGNORE
                | SreOpcode::LITERAL_UNI_IGNORE
                | SreOpcode::NOT_LITERAL_UNI_IGNORE
                | SreOpcode::LITERAL_LOC_IGNORE
                | SreOpcode::NOT_LITERAL_LOC_IGNORE => {
                    self.next()?;
                }
                SreOpcode::SUCCESS | SreOpcode::FAILURE | SreOpcode::ANY | SreOpcode::ANY_ALL => {}
                SreOpcode::AT => {
                    SreAtCode::try_from(self.next()?).map_err(|_| Invalid)?;
                }
                SreOpcode::IN
                | SreOpcode::IN_IGNORE
                | SreOpcode::IN_UNI_IGNORE
                | SreOpcode::IN_LOC_IGNORE => {
                    let skip = self.skip(0)?;
                    // The set, then the FAILURE that ends it.
                    let failure = self.at + skip - 2;
                    self.sub_charset(self.at, failure)?;
                    if self.word(failure)? != SreOpcode::FAILURE as u32 {
                        return Err(Invalid);
                    }
                    self.at += skip - 1;
                }
                SreOpcode::INFO => self.info()?,
                SreOpcode::BRANCH => {
                    let mut target = None;
                    loop {
                        let skip = self.skip(0)?;
                        if skip == 0 {
                            break;
                        }
                        // Each alternative ends with a JUMP, all to the same place.
                        if self.sub_block(self.at, self.at + skip - 3, groups)? != Ending::Plain {
                            return Err(Invalid);
                        }
                        self.at += skip - 3;
                        self.expect(&[SreOpcode::JUMP as u32])?;
                        let skip = self.skip(0)?;
                        let to = self.at + skip - 1;
                        if *target.get_or_insert(to) != to {
                            return Err(Invalid);
                        }
                    }
                    if target != Some(self.at) {
                        return Err(Invalid);
                    }
                }
                SreOpcode::REPEAT_ONE
                | SreOpcode::MIN_REPEAT_ONE
                | SreOpcode::POSSESSIVE_REPEAT_ONE => {
                    let skip = self.repeat_header()?;
                    if self.sub_block(self.at, self.at + skip - 4, groups)? != Ending::Plain {
                        return Err(Invalid);
                    }
                    self.at += skip - 4;
                    self.expect(&[SreOpcode::SUCCESS as u32])?;
                }
                SreOpcode::REPEAT | SreOpcode::POSSESSIVE_REPEAT => {
                    let skip = self.repeat_header()?;
                    if self.sub_block(self.at, self.at + skip - 3, groups)? != Ending::Plain {
                        return Err(Invalid);
                    }
                    self.at += skip - 3;
                    if op == SreOpcode::REPEAT {
                        self.expect(&[SreOpcode::MAX_UNTIL as u32, SreOpcode::MIN_UNTIL as u32])?;
                    } else {
                        self.expect(&[SreOpcode::SUCCESS as u32])?;
                    }
                }
                SreOpcode::ATOMIC_GROUP => {
                    let skip = self.skip(0)?;
                    if self.sub_block(self.at, self.at + skip - 2, groups)? != Ending::Plain {
                        return Err(Invalid);
                    }
                    self.at += skip - 2;
                    self.expect(&[SreOpcode::SUCCESS as u32])?;
                }
                SreOpcode::GROUPREF
                | SreOpcode::GROUPREF_IGNORE
                | SreOpcode::GROUPREF_UNI_IGNORE
                | SreOpcode::GROUPREF_LOC_IGNORE => {
                    if self.next()? as usize >= groups {
                        return Err(Invalid);
                    }
                }
                SreOpcode::GROUPREF_EXISTS => self.conditional(groups)?,
                SreOpcode::ASSERT | SreOpcode::ASSERT_NOT => {
                    let skip = self.skip(0)?;
                    // 0 for a lookahead, the width for a lookbehind.
                    if self.next()? & 0x8000_0000 != 0 {
                        return Err(Invalid);
                    }
                    let start = self.at - 1;
                    if self.sub_block(start + 1, start + skip - 2, groups)? != Ending::Plain {
                        return Err(Invalid);
                    }
                    self.at = start + skip - 2;
                    self.expect(&[SreOpcode::SUCCESS as u32])?;
                }
                SreOpcode::JUMP => {
                    return if self.at + 1 == self.end {
                        Ok(Ending::Jump)
                    } else {
                        Err(Invalid)
                    };
                }
                _ => return Err(Invalid),
            }
        }
        Ok(Ending::Plain)
    }

    /// `<skip> <min> <max>` of a repeat: the skip.
    fn repeat_header(&mut self) -> Result<i64, Invalid> {
        let skip = self.skip(0)?;
        let min = self.next()?;
        let max = self.next()?;
        if min > max || max as usize > MAXREPEAT {
            return Err(Invalid);
        }
        Ok(skip)
    }

    /// `<INFO> <skip> <flags> <min> <max>`, then a prefix or a charset as the flags say.
    fn info(&mut self) -> Result<(), Invalid> {
        let skip = self.skip(0)?;
        let after = self.at + skip - 1;
        let flags = self.next()?;
        self.next()?;
        self.next()?;
        let prefix = flags & SreInfo::PREFIX.bits() != 0;
        let charset = flags & SreInfo::CHARSET.bits() != 0;
        let literal = flags & SreInfo::LITERAL.bits() != 0;
        if flags & !SreInfo::all().bits() != 0 || (prefix && charset) || (literal && !prefix) {
            return Err(Invalid);
        }
        if prefix {
            let length = i64::from(self.next()?);
            self.next()?;
            // The prefix, then its overlap table, whose entries are below its length.
            if length > after - self.at {
                return Err(Invalid);
            }
            self.at += length;
            if length > after - self.at {
                return Err(Invalid);
            }
            for index in self.at..self.at + length {
                if i64::from(self.word(index)?) >= length {
                    return Err(Invalid);
                }
            }
            self.at += length;
        }
        if charset {
            self.sub_charset(self.at, after - 1)?;
            if self.word(after - 1)? != SreOpcode::FAILURE as u32 {
                return Err(Invalid);
            }
            self.at = after;
        } else if self.at != after {
            return Err(Invalid);
        }
        Ok(())
    }

    /// `(?(group)then|else)`: `<GROUPREF_EXISTS> <group> <skip> then [JUMP <skip> else]`.
    fn conditional(&mut self, groups: usize) -> Result<(), Invalid> {
        if self.next()? as usize >= groups {
            return Err(Invalid);
        }
        let mut skip = self.skip(1)?;
        // Back at the skip, which counts from where it is stored.
        self.at -= 1;
        let mut ending = self.sub_block(self.at + 1, self.at + skip - 1, groups)?;
        if ending == Ending::Jump {
            // An else part: the then part's JUMP is followed by the else part's skip.
            self.at += skip - 2;
            skip = self.skip(0)?;
            ending = self.sub_block(self.at, self.at + skip - 1, groups)?;
        }
        if ending != Ending::Plain {
            return Err(Invalid);
        }
        self.at += skip - 1;
        Ok(())
    }
}
