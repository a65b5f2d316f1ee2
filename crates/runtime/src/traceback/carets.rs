//! Where a traceback's caret line goes: the failing instruction's span on
//! its source line, in display columns (wide characters count two), and the
//! anchors CPython finds by parsing that text (`~~^~~` around a binary
//! operator, the brackets of a subscript), in the two printers' variants.

use loopscope_syntax::ast::{ExprKind, Span, StmtKind};

/// Line `line` (1-based) of the program, if it exists.
pub(super) fn source_line(source_lines: &[String], line: u32) -> Option<&str> {
    let index = (line as usize).checked_sub(1)?;
    source_lines.get(index).map(String::as_str)
}

/// Whitespace as the C printer sees it (`IS_WHITESPACE`, and the characters
/// it strips before a source line).
pub(super) fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\x0c')
}

/// Whitespace as Python's `str.strip` / `str.isspace` see it.
pub(super) fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The C printer's caret line (without the frame's margin), or `None` when
/// the span covers the whole source line.
pub(super) fn excepthook_carets(source: &str, span: Span) -> Option<String> {
    let chars: Vec<char> = source.chars().collect();
    let leading = chars.iter().take_while(|&&c| is_c_space(c)).count() as isize;
    let start = span.start.col as isize;
    let (end, anchors) = if span.start.line == span.end.line {
        let end = span.end.col as isize;
        let anchors = segment(&chars, start, end).and_then(|segment| {
            let anchors = match parse_anchored(&segment)? {
                Anchored::BinOp {
                    left_end,
                    right_start,
                } => excepthook_operator_anchors(&segment, left_end, right_start)?,
                Anchored::Subscript {
                    value_end,
                    index_end,
                } => subscript_anchors(&segment, value_end, index_end),
            };
            Some((start + anchors.0 as isize, start + anchors.1 as isize))
        });
        (end, anchors)
    } else {
        // A multi-line span is highlighted to the end of its first line.
        let trailing = chars.iter().rev().take_while(|&&c| is_c_space(c)).count();
        ((chars.len() - trailing) as isize, None)
    };
    if end - start == chars.len() as isize - leading && anchors.is_none() {
        return None;
    }
    // Offsets become display columns; the (blank) indentation is not
    // affected. Column `c` is printed at position `c - (leading - 4)`.
    let width = |offset: isize| display_width(&chars, offset) as isize;
    let (start, end) = (width(start), width(end));
    let anchors = anchors.map(|(left, right)| (width(left), width(right)));
    let carets = (leading - 3..=end)
        .map(|offset| match anchors {
            _ if offset <= start => ' ',
            Some((left, right)) if left < offset && offset <= right => '^',
            Some(_) => '~',
            None => '^',
        })
        .collect();
    Some(carets)
}

/// `traceback.py`'s caret line (without the frame's margin), or `None`
/// when the span covers the whole stripped line.
pub(super) fn logging_carets(source: &str, span: Span) -> Option<String> {
    let chars: Vec<char> = source.chars().collect();
    let stripped_len = source.trim_matches(is_python_space).chars().count() as isize;
    // linecache keeps the newline, which counts among the stripped characters.
    let stripped_characters = chars.len() as isize + 1 - stripped_len;
    let start = span.start.col as isize;
    let (end, anchored) = if span.start.line == span.end.line {
        let end = span.end.col as isize;
        let anchored = segment(&chars, start, end).and_then(|segment| {
            let anchors = match parse_anchored(&segment)? {
                Anchored::BinOp {
                    left_end,
                    right_start,
                } => logging_operator_anchors(&segment, left_end, right_start),
                Anchored::Subscript {
                    value_end,
                    index_end,
                } => subscript_anchors(&segment, value_end, index_end),
            };
            Some((segment, anchors))
        });
        (end, anchored)
    } else {
        let trailing = chars
            .iter()
            .rev()
            .take_while(|&&c| is_python_space(c))
            .count();
        ((chars.len() - trailing) as isize, None)
    };
    let has_secondary = matches!(anchored, Some((_, (left, right))) if right > left);
    if end - start >= stripped_len && !has_secondary {
        return None;
    }
    let width = |offset: isize| display_width(&chars, offset) as isize;
    let (start, end) = (width(start) + 1, width(end) + 1);
    let indent = (start - stripped_characters).max(0) as usize;
    let mut carets = format!("    {}", " ".repeat(indent));
    let span_width = (end - start).max(0) as usize;
    match anchored {
        Some((segment, (left, right))) => {
            let left = display_width(&segment, left as isize);
            let right = display_width(&segment, right as isize);
            carets.push_str(&"~".repeat(left));
            carets.push_str(&"^".repeat(right.saturating_sub(left)));
            carets.push_str(&"~".repeat(span_width.saturating_sub(right)));
        }
        None => carets.push_str(&"^".repeat(span_width)),
    }
    Some(carets)
}

/// The columns the first `count` characters take on a terminal: two for
/// East Asian wide and fullwidth characters, one for the others.
pub(super) fn display_width(chars: &[char], count: isize) -> usize {
    let count = count.clamp(0, chars.len() as isize) as usize;
    chars[..count]
        .iter()
        .map(|&c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

/// `unicodedata.east_asian_width(c) in "WF"` (Unicode 14.0, as in CPython
/// 3.11), for assigned characters.
pub(super) fn is_wide(c: char) -> bool {
    let c = c as u32;
    WIDE_RANGES
        .binary_search_by(|&(first, last)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Inclusive ranges of the wide and fullwidth characters.
pub(super) const WIDE_RANGES: &[(u32, u32)] = &[
    (0x1100, 0x115F),
    (0x231A, 0x231B),
    (0x2329, 0x232A),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2E80, 0x303E),
    (0x3041, 0x3247),
    (0x3250, 0x4DBF),
    (0x4E00, 0xA4C6),
    (0xA960, 0xA97C),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAD9),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6B),
    (0xFF01, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x16FE0, 0x1B2FB),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F200, 0x1F320),
    (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E),
    (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6DF),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC),
    (0x1F7E0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FAF6),
    (0x20000, 0x3134A),
];

/// The characters `[start, end)` of a line, if that is a valid range.
pub(super) fn segment(chars: &[char], start: isize, end: isize) -> Option<Vec<char>> {
    let start = usize::try_from(start).ok()?;
    let end = usize::try_from(end).ok()?.min(chars.len());
    (start < end).then(|| chars[start..end].to_vec())
}

/// The expressions CPython highlights inside a span, with the columns (in
/// the span's text) of their parts.
pub(super) enum Anchored {
    BinOp { left_end: usize, right_start: usize },
    Subscript { value_end: usize, index_end: usize },
}

/// Parse a span's text as a one-expression module, like CPython's
/// `ast.parse(segment)`, and find a binary operation or subscript.
pub(super) fn parse_anchored(segment: &[char]) -> Option<Anchored> {
    let text: String = segment.iter().collect();
    let module = loopscope_syntax::parse(&text).ok()?;
    let [statement] = module.body.as_slice() else {
        return None;
    };
    let StmtKind::Expr(expr) = &statement.kind else {
        return None;
    };
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => Some(Anchored::BinOp {
            left_end: left.span.end.col as usize,
            right_start: right.span.start.col as usize,
        }),
        ExprKind::Subscript { value, index } => Some(Anchored::Subscript {
            value_end: value.span.end.col as usize,
            index_end: index.span.end.col as usize,
        }),
        _ => None,
    }
}

/// The operator of a binary operation, as the C printer finds it: the first
/// non-blank character after the left operand that is not a closing
/// parenthesis, two characters long if the next one is not blank either.
pub(super) fn excepthook_operator_anchors(
    segment: &[char],
    left_end: usize,
    right_start: usize,
) -> Option<(usize, usize)> {
    let mut anchors = None;
    for i in left_end..right_start.min(segment.len()) {
        if is_c_space(segment[i]) {
            continue;
        }
        let two_chars = i + 1 < right_start && !is_c_space(segment[i + 1]);
        anchors = Some((i, i + 1 + two_chars as usize));
        if !(i + 1 < right_start && segment[i] == ')') {
            break;
        }
    }
    anchors
}

/// The operator of a binary operation, as `traceback.py` finds it. It
/// differs from the C printer after a closing parenthesis followed by a
/// blank, and it mixes the parser's UTF-8 byte offsets with character
/// indexes, which shifts the operator after non-ASCII text; both are
/// reproduced.
pub(super) fn logging_operator_anchors(
    segment: &[char],
    left_end: usize,
    right_start: usize,
) -> (usize, usize) {
    let left_end = left_end.min(segment.len());
    let between = &segment[left_end..right_start.clamp(left_end, segment.len())];
    let offset = between.iter().take_while(|&&c| is_python_space(c)).count();
    let left_end_bytes: usize = segment[..left_end].iter().map(|c| c.len_utf8()).sum();
    let mut left = left_end_bytes + offset;
    let mut right = left + 1;
    if offset + 1 < between.len() && !is_python_space(between[offset + 1]) {
        right += 1;
    }
    while left < segment.len()
        && (is_python_space(segment[left]) || matches!(segment[left], ')' | '#'))
    {
        left += 1;
        right += 1;
    }
    (
        chars_in_bytes(segment, left),
        chars_in_bytes(segment, right),
    )
}

/// How many characters the first `bytes` UTF-8 bytes of `text` decode to
/// (a cut character counts as its replacement character).
pub(super) fn chars_in_bytes(text: &[char], bytes: usize) -> usize {
    let mut total = 0;
    text.iter()
        .take_while(|c| {
            let inside = total < bytes;
            total += c.len_utf8();
            inside
        })
        .count()
}

/// The brackets of a subscript and what they enclose (both printers).
pub(super) fn subscript_anchors(
    segment: &[char],
    value_end: usize,
    index_end: usize,
) -> (usize, usize) {
    let mut left = value_end;
    while left < segment.len() && segment[left] != '[' {
        left += 1;
    }
    let mut right = index_end + 1;
    while right < segment.len() && segment[right] != ']' {
        right += 1;
    }
    if right < segment.len() {
        right += 1;
    }
    (left, right)
}
