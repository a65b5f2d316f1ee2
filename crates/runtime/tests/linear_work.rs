//! Work CPython does in linear time stays linear here (issue 10, item 5), checked by
//! what makes it so rather than by a clock: a string built by `s += t` grows in place
//! (the same object from one append to the next, which `id()` shows in this engine)
//! instead of being copied whole at each append, which made a million appends take
//! minutes; reading its length or a character between appends (whose character index
//! the string keeps and extends) does not stop it.

use loopscope_runtime::trace::Stream;
use loopscope_runtime::{run_program, RunOptions};

/// Runs `source` and gives its output, checking that it ended normally.
fn output_of(source: &str) -> String {
    let outcome = run_program(source, &RunOptions::default());
    let stderr = outcome.stream_text(Stream::Stderr);
    assert_eq!(outcome.status, 0, "{stderr}");
    outcome.stream_text(Stream::Stdout)
}

/// A program printing, for each way of appending to a string that only one variable
/// holds, how many objects the string was over 1,000 appends (one when it grows in
/// place: the copying path keeps the old string alive while it makes the new one, so
/// two consecutive strings never share an address).
const APPENDS: &str = r#"
def local_plus_equals():
    s = "x" * 10
    ids = set()
    for _ in range(1000):
        s += "y"
        ids.add(id(s))
    return len(ids)


def local_plus():
    s = "x" * 10
    ids = set()
    for _ in range(1000):
        s = s + "y"
        ids.add(id(s))
    return len(ids)


def cell():
    s = "x" * 10
    ids = set()

    def add():
        nonlocal s
        s += "y"
        ids.add(id(s))

    for _ in range(1000):
        add()
    return len(ids)


def aliased():
    s = "x" * 10
    s += "y"
    before = id(s)
    t = s
    s += "y"
    return id(s) != before and t == "x" * 10 + "y"


g = "x" * 10
ids = set()
for _ in range(1000):
    g += "y"
    ids.add(id(g))
print(local_plus_equals(), local_plus(), cell(), len(ids), aliased())
"#;

#[test]
fn a_string_nothing_else_holds_grows_in_place() {
    assert_eq!(output_of(APPENDS), "1 1 1 1 True\n");
}

/// A program printing how many objects a long string was over 1,000 appends when each
/// append is followed by `len()` and an index (which make and keep the string's
/// character index): ASCII, then non-ASCII text.
const APPENDS_READ: &str = r#"
def grow(piece):
    s = "x" * 600
    ids = set()
    for i in range(1000):
        s += piece
        ids.add(id(s))
        assert s[len(s) // 2] in "x" + piece and s[-1] == piece
    return len(ids)


print(grow("y"), grow("é"), grow("𝄞"))
"#;

#[test]
fn reading_a_long_string_does_not_stop_it_growing_in_place() {
    assert_eq!(output_of(APPENDS_READ), "1 1 1\n");
}
