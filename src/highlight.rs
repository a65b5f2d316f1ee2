//! A small Python tokenizer for the editor's coloured overlay.
//!
//! It only has to colour text, never to understand it: every byte of the input ends up in
//! exactly one [`Token`], so joining the tokens' texts gives the line back unchanged (the
//! overlay must line up character for character with the textarea above it). Strings are
//! tokenized per line; a triple-quoted string that spans lines is carried over with
//! [`LineState`].

/// What a piece of text is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Keyword,
    Builtin,
    String,
    Number,
    Comment,
    Decorator,
    Operator,
    Plain,
}

impl TokenKind {
    /// The CSS class that colours this kind (`tok-…`), or `None` for plain text.
    pub fn class(self) -> Option<&'static str> {
        match self {
            TokenKind::Keyword => Some("tok-keyword"),
            TokenKind::Builtin => Some("tok-builtin"),
            TokenKind::String => Some("tok-string"),
            TokenKind::Number => Some("tok-number"),
            TokenKind::Comment => Some("tok-comment"),
            TokenKind::Decorator => Some("tok-decorator"),
            TokenKind::Operator => Some("tok-operator"),
            TokenKind::Plain => None,
        }
    }
}

/// A run of text of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub text: String,
}

/// Whether a line starts inside a triple-quoted string, and with which quote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LineState {
    open_triple_quote: Option<char>,
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

const BUILTINS: &[&str] = &[
    "print",
    "len",
    "range",
    "list",
    "dict",
    "set",
    "tuple",
    "str",
    "int",
    "float",
    "bool",
    "sum",
    "min",
    "max",
    "sorted",
    "enumerate",
    "zip",
    "map",
    "filter",
    "repr",
    "isinstance",
    "abs",
    "round",
    "any",
    "all",
    "iter",
    "next",
    "type",
    "asyncio",
    "time",
    "random",
    "Exception",
    "ValueError",
    "RuntimeError",
    "TypeError",
    "KeyError",
    "self",
];

/// One highlighted line of a program.
#[derive(Clone, Debug, PartialEq)]
pub struct HighlightedLine {
    pub key: LineKey,
    pub tokens: Vec<Token>,
}

/// Identifies a line's rendering: its text, the state it starts in (which decides its
/// colours) and how many identical earlier lines there are (so keys are unique). An edit
/// changes the keys of the edited lines only, so the editor re-renders just those.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LineKey {
    text: String,
    state: LineState,
    repeat: usize,
}

/// Splits a whole program into highlighted lines (one per `\n`-separated line).
pub fn highlight_program(source: &str) -> Vec<HighlightedLine> {
    let mut state = LineState::default();
    let mut seen: rustc_hash::FxHashMap<(&str, LineState), usize> = Default::default();
    source
        .split('\n')
        .map(|line| {
            let repeat = seen.entry((line, state)).or_default();
            let key = LineKey {
                text: line.to_string(),
                state,
                repeat: *repeat,
            };
            *repeat += 1;
            let (tokens, next) = highlight_line(line, state);
            state = next;
            HighlightedLine { key, tokens }
        })
        .collect()
}

/// Tokenizes one line that starts in `state`; returns its tokens and the next line's state.
pub fn highlight_line(line: &str, state: LineState) -> (Vec<Token>, LineState) {
    let chars: Vec<char> = line.chars().collect();
    let mut tokens: Vec<Token> = Vec::new();
    let mut index = 0;
    let mut state = state;
    let mut push = |kind: TokenKind, text: String| {
        if text.is_empty() {
            return;
        }
        match tokens.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(&text),
            _ => tokens.push(Token { kind, text }),
        }
    };
    if let Some(quote) = state.open_triple_quote {
        let (end, closed) = scan_triple_string_body(&chars, 0, quote);
        push(TokenKind::String, chars[..end].iter().collect());
        index = end;
        if closed {
            state.open_triple_quote = None;
        } else {
            return (tokens, state);
        }
    }
    while index < chars.len() {
        let c = chars[index];
        if c == '#' {
            push(TokenKind::Comment, chars[index..].iter().collect());
            break;
        }
        if let Some(prefix_len) = string_prefix_len(&chars, index) {
            let quote_at = index + prefix_len;
            let quote = chars[quote_at];
            let triple =
                chars.get(quote_at + 1) == Some(&quote) && chars.get(quote_at + 2) == Some(&quote);
            if triple {
                let (end, closed) = scan_triple_string_body(&chars, quote_at + 3, quote);
                push(TokenKind::String, chars[index..end].iter().collect());
                index = end;
                if !closed {
                    state.open_triple_quote = Some(quote);
                }
            } else {
                let end = scan_single_string(&chars, quote_at + 1, quote);
                push(TokenKind::String, chars[index..end].iter().collect());
                index = end;
            }
            continue;
        }
        if c.is_ascii_digit()
            || (c == '.' && chars.get(index + 1).is_some_and(char::is_ascii_digit))
        {
            let end = scan_while(&chars, index, |ch| {
                ch.is_ascii_alphanumeric() || ch == '.' || ch == '_'
            });
            push(TokenKind::Number, chars[index..end].iter().collect());
            index = end;
            continue;
        }
        if c == '_' || c.is_alphabetic() {
            let end = scan_while(&chars, index, |ch| ch == '_' || ch.is_alphanumeric());
            let word: String = chars[index..end].iter().collect();
            let kind = if KEYWORDS.contains(&word.as_str()) {
                TokenKind::Keyword
            } else if BUILTINS.contains(&word.as_str()) {
                TokenKind::Builtin
            } else {
                TokenKind::Plain
            };
            push(kind, word);
            index = end;
            continue;
        }
        if c == '@' && chars[..index].iter().all(|ch| ch.is_whitespace()) {
            let end = scan_while(&chars, index + 1, |ch| {
                ch == '_' || ch == '.' || ch.is_alphanumeric()
            });
            push(TokenKind::Decorator, chars[index..end].iter().collect());
            index = end;
            continue;
        }
        let kind = if "+-*/%=<>!&|^~@:".contains(c) {
            TokenKind::Operator
        } else {
            TokenKind::Plain
        };
        push(kind, c.to_string());
        index += 1;
    }
    (tokens, state)
}

/// If a string literal (with an optional `r`/`b`/`f`/`u` prefix) starts at `index`, the
/// length of its prefix.
fn string_prefix_len(chars: &[char], index: usize) -> Option<usize> {
    if index > 0 && (chars[index - 1] == '_' || chars[index - 1].is_alphanumeric()) {
        return None;
    }
    let mut length = 0;
    while length < 2
        && chars
            .get(index + length)
            .is_some_and(|c| "rbfuRBFU".contains(*c))
    {
        length += 1;
    }
    matches!(chars.get(index + length), Some('"' | '\'')).then_some(length)
}

/// The end of a one-line string whose body starts at `start` (past the closing quote, or the
/// end of the line if it is unterminated).
fn scan_single_string(chars: &[char], start: usize, quote: char) -> usize {
    let mut index = start;
    while index < chars.len() {
        match chars[index] {
            '\\' => index += 2,
            c if c == quote => return index + 1,
            _ => index += 1,
        }
    }
    chars.len()
}

/// The end of a triple-quoted string's body starting at `start`, and whether it closed on
/// this line.
fn scan_triple_string_body(chars: &[char], start: usize, quote: char) -> (usize, bool) {
    let mut index = start;
    while index < chars.len() {
        if chars[index] == '\\' {
            index += 2;
            continue;
        }
        if chars[index] == quote
            && chars.get(index + 1) == Some(&quote)
            && chars.get(index + 2) == Some(&quote)
        {
            return (index + 3, true);
        }
        index += 1;
    }
    (chars.len(), false)
}

fn scan_while(chars: &[char], start: usize, keep: impl Fn(char) -> bool) -> usize {
    let mut index = start;
    while index < chars.len() && keep(chars[index]) {
        index += 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<(TokenKind, String)> {
        highlight_line(line, LineState::default())
            .0
            .into_iter()
            .map(|token| (token.kind, token.text))
            .collect()
    }

    #[test]
    fn tokens_join_back_to_the_line() {
        let source = "async def main():\n    x = f\"{a}\" + 'b' # done\n    return 1.5e3\n";
        for (line, highlighted) in source.split('\n').zip(highlight_program(source)) {
            let joined: String = highlighted
                .tokens
                .iter()
                .map(|token| token.text.as_str())
                .collect();
            assert_eq!(joined, line);
        }
    }

    #[test]
    fn keywords_strings_numbers_and_comments_are_told_apart() {
        let tokens = kinds("await asyncio.sleep(1) # nap");
        assert_eq!(tokens[0], (TokenKind::Keyword, "await".into()));
        assert!(tokens.contains(&(TokenKind::Builtin, "asyncio".into())));
        assert!(tokens.contains(&(TokenKind::Number, "1".into())));
        assert_eq!(
            tokens.last().unwrap(),
            &(TokenKind::Comment, "# nap".into())
        );
        assert!(kinds("print('a # not a comment')")
            .contains(&(TokenKind::String, "'a # not a comment'".into())));
    }

    #[test]
    fn triple_quoted_strings_carry_over_lines() {
        let lines: Vec<Vec<Token>> = highlight_program("x = \"\"\"one\ntwo\nthree\"\"\" + 1")
            .into_iter()
            .map(|line| line.tokens)
            .collect();
        assert_eq!(
            lines[1],
            vec![Token {
                kind: TokenKind::String,
                text: "two".into()
            }]
        );
        assert_eq!(
            lines[2][0],
            Token {
                kind: TokenKind::String,
                text: "three\"\"\"".into()
            }
        );
        assert!(lines[2].iter().any(|token| token.kind == TokenKind::Number));
    }

    #[test]
    fn keys_are_unique_and_change_only_with_a_line_or_its_start_state() {
        let before = highlight_program("pass\n\npass\n'''\npass\n'''");
        let keys: std::collections::HashSet<_> = before.iter().map(|line| &line.key).collect();
        assert_eq!(keys.len(), before.len());
        // Inside the triple-quoted string, `pass` starts in another state: another key.
        assert_ne!(before[0].key, before[4].key);
        assert_eq!(before[2].key.repeat, 1);
        // Editing line 2 changes its key and no other.
        let after = highlight_program("pass\n\npass  # edited\n'''\npass\n'''");
        let changed: Vec<usize> = (0..before.len())
            .filter(|&index| before[index].key != after[index].key)
            .collect();
        assert_eq!(changed, vec![2]);
    }

    #[test]
    fn identifiers_ending_in_prefix_letters_are_not_strings() {
        assert!(kinds("buf'x'")
            .iter()
            .all(|(kind, _)| *kind == TokenKind::Plain));
        assert_eq!(kinds("rb'x'"), vec![(TokenKind::String, "rb'x'".into())]);
    }
}
