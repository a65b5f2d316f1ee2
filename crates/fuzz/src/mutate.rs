//! Mutations of Python programs the way hostile or careless input differs from good
//! programs: tokens deleted, doubled, swapped or replaced; lines doubled, dropped, moved,
//! re-indented or borrowed from another program; dangerous statements inserted (huge
//! allocations, self-referential containers, NaN, deep recursion, limits inside `try`);
//! numbers swapped for extreme ones; and, for the parser, stray characters.

use crate::rng::Rng;

/// Inputs stop growing here.
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

/// Words and symbols a mutation may insert.
const VOCABULARY: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "match",
    "case",
    "_",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    ".",
    "...",
    "=",
    "==",
    "!=",
    "<",
    ">",
    ":=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "->",
    "+=",
    "|",
    "&",
    "^",
    "~",
    "<<",
    ">>",
    "x",
    "print",
    "asyncio",
    "self",
    "0",
    "1",
    "-1",
    "1.5",
    "'s'",
    "f'{x}'",
    "b'b'",
    "\\",
    "*args",
    "**kw",
    "lambda: 0",
];

/// Numbers that stress arithmetic, sizes and deadlines.
const EXTREME_NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1e308",
    "-1e308",
    "10**100",
    "2**63",
    "2**64 - 1",
    "10**6",
    "10**7",
    "float('inf')",
    "float('-inf')",
    "float('nan')",
    "1e-320",
    "-0.0",
    "True",
    "None",
];

/// Statements that have crashed, hung or exhausted engines like this one.
const HOSTILE_STATEMENTS: &[&str] = &[
    "x = [0] * 10**7",
    "s = 'ab' * 10**6",
    "a = []; a.append(a); print(a == a)",
    "a = []; a.append(a); b = []; b.append(b); print(a == b)",
    "d = {}; d[1] = d; print(d)",
    "print(hash(((((((((((1,),),),),),),),),),)))",
    "import math; print(math.fsum([1e308, 1e308, -1e308]))",
    "print(pow(2, -1, 5))",
    "x = 10 ** 10 ** 4",
    "x = 1 << 100000",
    "l = list(range(100)); l = l + l; l.extend(l); l += l",
    "s = 'x'; s = s + s; s = ''.join([s] * 100)",
    "print('\\ud800')",
    "print(int('9' * 5000))",
    "print({float('nan'): i for i in range(100)})",
    "def r(n): return r(n + 1)\nr(0)",
    "def g(n): yield next(g(n + 1))\nnext(g(0))",
    "sorted([[1], [0]], key=lambda v: v)",
    "print(max([3, 1, 2], key=lambda v: -v))",
    "print(list(map(str, zip(range(3), range(3)))))",
    "print(sum(range(10**5)))",
    "print('%s %d' % ('a', 1))",
    "print('a\\tb'.expandtabs(1000))",
    "print('ab'.replace('', 'xyz'))",
    "import random; print(random.choices(range(10), k=1000)[:3])",
    "import random; print(len(random.randbytes(1000)))",
    "try:\n    raise KeyError(1)\nexcept KeyError as e:\n    print(repr(e))",
    "try:\n    pass\nfinally:\n    print('f')",
    "import asyncio\nasyncio.run(asyncio.sleep(float('nan')))",
    "import asyncio\nasyncio.run(asyncio.wait_for(asyncio.sleep(1), float('inf')))",
    "import asyncio\nloop = asyncio.new_event_loop()\nloop.call_later(float('nan'), print, 1)",
    "raise SystemExit(3)",
    "import sys; sys.setrecursionlimit(50)",
    "x: int = 5",
    "it = iter([1, 2]); print(next(it), next(it), next(it, 'done'))",
    "print(*[1, 2], sep='', end='\\x00')",
    "print(round(2.5), round(-0.5), divmod(-7, 2), -7 // 2, -7 % 2)",
    "print([i for i in range(5) if i % 2], {i: i for i in 'ab'})",
    "import itertools; print(list(itertools.islice(itertools.count(), 5)))",
    "import functools; print(functools.reduce(lambda a, b: a + b, range(10)))",
];

/// A program's text cut into tokens: runs of word characters, quoted strings, blanks,
/// newlines, and single other characters. Crude, but every cut is a real boundary.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let byte = bytes[at];
        if byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80 {
            while at < bytes.len()
                && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_' || bytes[at] >= 0x80)
            {
                at += 1;
            }
        } else if byte == b'\'' || byte == b'"' {
            at += 1;
            while at < bytes.len() && bytes[at] != byte && bytes[at] != b'\n' {
                at += 1 + usize::from(bytes[at] == b'\\');
            }
            at = (at + 1).min(bytes.len());
        } else if byte == b' ' || byte == b'\t' {
            while at < bytes.len() && (bytes[at] == b' ' || bytes[at] == b'\t') {
                at += 1;
            }
        } else {
            at += 1;
        }
        // Keep cuts on character boundaries (a string may end inside a multi-byte one).
        while !text.is_char_boundary(at) {
            at += 1;
        }
        spans.push((start, at));
    }
    spans
}

/// The non-blank tokens.
fn words(text: &str) -> Vec<(usize, usize)> {
    tokens(text)
        .into_iter()
        .filter(|&(start, end)| !text[start..end].trim().is_empty())
        .collect()
}

/// Byte offsets where lines start.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect()
}

fn line_at(text: &str, start: usize) -> (usize, usize) {
    let end = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    (start, end)
}

fn indentation(line: &str) -> &str {
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// `statement` re-indented to sit at `indent`, newline-terminated.
fn indented(statement: &str, indent: &str) -> String {
    let mut out = String::new();
    for line in statement.lines() {
        out.push_str(indent);
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// One mutation of `text`; `other` is a second program to borrow from.
pub fn mutate_program(text: &str, other: &str, rng: &mut Rng) -> String {
    let toks = words(text);
    let lines = line_starts(text);
    if toks.is_empty() || lines.is_empty() {
        return indented(rng.word(HOSTILE_STATEMENTS), "");
    }
    let (start, end) = *rng.pick(&toks);
    let (line_start, line_end) = line_at(text, *rng.pick(&lines));
    let line = &text[line_start..line_end];
    let splice = |at: usize, remove: usize, insert: &str| {
        format!(
            "{}{insert}{}",
            &text[..at],
            &text[(at + remove).min(text.len())..]
        )
    };
    match rng.below(13) {
        0 => splice(start, end - start, ""),
        1 => splice(end, 0, &format!(" {}", &text[start..end])),
        2 => {
            let index = toks.iter().position(|&t| t == (start, end)).unwrap_or(0);
            match toks.get(index + 1) {
                Some(&(next_start, next_end)) => format!(
                    "{}{}{}{}{}",
                    &text[..start],
                    &text[next_start..next_end],
                    &text[end..next_start],
                    &text[start..end],
                    &text[next_end..]
                ),
                None => splice(start, end - start, ""),
            }
        }
        3 => splice(start, end - start, rng.word(VOCABULARY)),
        4 => splice(start, 0, &format!("{} ", rng.word(VOCABULARY))),
        5 => {
            let borrowed = words(other);
            match borrowed.is_empty() {
                true => splice(start, end - start, ""),
                false => {
                    let (from, to) = *rng.pick(&borrowed);
                    splice(start, end - start, &other[from..to])
                }
            }
        }
        6 => splice(line_end, 0, line),
        7 => splice(line_start, line_end - line_start, ""),
        8 => {
            let borrowed = line_starts(other);
            match borrowed.is_empty() {
                true => splice(line_start, 0, line),
                false => {
                    let (from, to) = line_at(other, *rng.pick(&borrowed));
                    let body = other[from..to].trim_start_matches([' ', '\t']);
                    splice(line_start, 0, &indented(body, indentation(line)))
                }
            }
        }
        9 => {
            let indent = indentation(line).len();
            let new_indent = match rng.below(3) {
                0 => indent + 4,
                1 => indent.saturating_sub(4),
                _ => indent + 1,
            };
            splice(line_start, indent, &" ".repeat(new_indent))
        }
        10 | 11 => splice(
            line_start,
            0,
            &indented(rng.word(HOSTILE_STATEMENTS), indentation(line)),
        ),
        _ => {
            let numbers: Vec<_> = toks
                .iter()
                .filter(|&&(s, _)| text.as_bytes()[s].is_ascii_digit())
                .collect();
            match numbers.is_empty() {
                true => splice(start, end - start, rng.word(EXTREME_NUMBERS)),
                false => {
                    let &&(s, e) = rng.pick(&numbers);
                    splice(s, e - s, rng.word(EXTREME_NUMBERS))
                }
            }
        }
    }
}

/// Characters that trouble lexers.
const AWKWARD_CHARACTERS: &[&str] = &[
    "\0",
    "\r",
    "\r\n",
    "\t",
    "\x0c",
    "\u{feff}",
    "\\",
    "\\\n",
    "'''",
    "\"\"\"",
    "#",
    "é",
    "\u{10ffff}",
    "\u{2028}",
    "(",
    "[",
    "{",
    ")",
    "]",
    "}",
    "f'{",
    "}'",
    "0x",
    "1_",
    "1e",
    "\u{0}\u{0}",
    "    ",
    "\n\n",
];

/// One mutation at the character level: what a parser sees in damaged files.
pub fn mutate_characters(text: &str, rng: &mut Rng) -> String {
    let mut boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    if boundaries.is_empty() {
        boundaries.push(0);
    }
    let at = *rng.pick(&boundaries);
    let next = boundaries
        .iter()
        .copied()
        .find(|&i| i > at)
        .unwrap_or(text.len());
    match rng.below(4) {
        0 => format!("{}{}", &text[..at], &text[next..]),
        1 => format!(
            "{}{}{}",
            &text[..at],
            rng.word(AWKWARD_CHARACTERS),
            &text[at..]
        ),
        2 => {
            let depth = 1 + rng.below(300);
            let (open, close) = *rng.pick(&[("(", ")"), ("[", "]"), ("{", "}"), ("-", "")]);
            format!(
                "{}{}x{}{}",
                &text[..at],
                open.repeat(depth),
                close.repeat(depth),
                &text[at..]
            )
        }
        _ => text[..at].to_string(),
    }
}

/// Keep a mutant within [`MAX_INPUT_BYTES`].
pub fn bounded(mut text: String) -> String {
    if text.len() > MAX_INPUT_BYTES {
        let mut cut = MAX_INPUT_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}
