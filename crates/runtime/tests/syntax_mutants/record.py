"""Generates the syntax differential test's mutants and records CPython's verdicts.

Every example (assets/examples) and conformance case (tests/conformance/cases)
is cut into snippets (the whole program when short, else statements of at most
MAX_SNIPPET_LINES lines, dedented) and each snippet is mutated the way typing
goes wrong: a token deleted, doubled, swapped, replaced or inserted, two lines
joined, a character dropped or added, a line re-indented, doubled or deleted.
CPython 3.11's ``compile()`` (with top-level await allowed, as Loopscope runs
such programs under asyncio.run) gives each mutant its verdict: ``ok`` or the
error's class, line and message.

The mutants of one program go to ``<folder>__<stem>.mutants`` beside this
script: two comment lines, then one record per mutant, a header
``@@ <UTF-8 byte length> <verdict>`` followed by exactly that many bytes and a
newline. The same corpus always gives the same mutants (each program's random
generator is seeded with its path). tests/syntax_differential.rs runs this
script when LOOPSCOPE_UPDATE=1, then checks Loopscope against the records.
Given program paths as arguments, it records only those programs' mutants.
"""

import ast
import io
import keyword
import pathlib
import random
import sys
import textwrap
import tokenize
import warnings

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[3]
CORPUS = ["assets/examples", "tests/conformance/cases"]
MUTANTS_PER_PROGRAM = 16
MAX_SNIPPET_LINES = 8
# The first line is every golden file's (crates/golden), which the test checks.
HEADER = (
    "# Regenerate with: LOOPSCOPE_UPDATE=1 cargo test -p loopscope-runtime --test syntax_differential\n"
    "# Syntax mutants of {origin} with CPython 3.11's compile() verdicts.\n"
)

VOCABULARY = (
    keyword.kwlist
    + keyword.softkwlist
    + "( ) [ ] { } : , ; . ... = == != < > <= >= := + - * ** / // % @ -> += -= | & ^ ~ << >>".split()
    + ["x", "print", "asyncio", "0", "1.5", "'s'", 'f"{x}"', "b'b'", "\\"]
)
CHARACTERS = "()[]{}:,.=+-*/ \n\t'\"#\\@x0"
LAYOUT = {tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}


def snippets(source):
    """The whole program if short or invalid, else its short statements, dedented."""
    lines = source.splitlines(keepends=True)
    if len(lines) <= MAX_SNIPPET_LINES:
        return [source]
    try:
        tree = ast.parse(source)
    except SyntaxError:
        # A case about syntax errors (syntax_error_status.py): mutated whole.
        return [source]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.end_lineno - node.lineno < MAX_SNIPPET_LINES:
            found.append(textwrap.dedent("".join(lines[node.lineno - 1 : node.end_lineno])))
    return found or [source]


def tokens(text):
    """(start offset, end offset, type) of each token, or None if it does not tokenize."""
    line_starts = [0]
    for line in text.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    offset = lambda row, col: line_starts[row - 1] + col
    try:
        found = [
            (offset(*t.start), offset(*t.end), t.type)
            for t in tokenize.generate_tokens(io.StringIO(text).readline)
        ]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None
    return [t for t in found if t[2] not in (tokenize.ENDMARKER, tokenize.DEDENT)]


def mutate(text, rng):
    """One random edit of `text`."""
    toks = tokens(text)
    visible = [t for t in toks or [] if t[2] not in LAYOUT and t[1] > t[0]]
    newlines = [t for t in toks or [] if t[2] == tokenize.NEWLINE and t[1] > t[0]]
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < len(text)]
    operations = ["delete_char", "insert_char", "reindent", "double_line", "delete_line"]
    if visible:
        operations += ["delete_token", "double_token", "replace_token", "insert_token"] * 2
    if len(visible) > 1:
        operations += ["swap_tokens"] * 2
    if newlines:
        operations += ["join_lines"] * 2
    operation = rng.choice(operations)
    if operation in ("delete_token", "double_token", "replace_token", "insert_token"):
        start, end, _ = rng.choice(visible)
        word = rng.choice(VOCABULARY)
        return {
            "delete_token": lambda: text[:start] + text[end:],
            "double_token": lambda: text[:end] + " " + text[start:end] + text[end:],
            "replace_token": lambda: text[:start] + word + text[end:],
            "insert_token": lambda: text[:start] + word + " " + text[start:],
        }[operation]()
    if operation == "swap_tokens":
        i = rng.randrange(len(visible) - 1)
        (a0, a1, _), (b0, b1, _) = visible[i], visible[i + 1]
        return text[:a0] + text[b0:b1] + text[a1:b0] + text[a0:a1] + text[b1:]
    if operation == "join_lines":
        start, end, _ = rng.choice(newlines)
        rest = end
        while rest < len(text) and text[rest] in " \t":
            rest += 1
        return text[:start] + " " + text[rest:]
    if operation in ("delete_char", "insert_char"):
        at = rng.randrange(len(text) + 1)
        if operation == "delete_char":
            return text[:at] + text[at + 1 :]
        return text[:at] + rng.choice(CHARACTERS) + text[at:]
    start = rng.choice(line_starts)
    end = text.find("\n", start) + 1 or len(text)
    if operation == "reindent":
        indent = len(text[start:end]) - len(text[start:end].lstrip(" \t"))
        new_indent = max(0, indent + rng.choice([-4, -2, -1, 1, 2, 4]))
        return text[:start] + " " * new_indent + text[start + indent :]
    if operation == "double_line":
        return text[:end] + text[start:end] + text[end:]
    return text[:start] + text[end:]


def verdict(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(text, "mutant.py", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
        except SyntaxError as error:
            return f"{type(error).__name__} at {error.lineno}:{error.offset}: {error.msg}"
        except ValueError as error:
            return f"ValueError: {error}"
    return "ok"


def mutants(source, rng):
    pieces = snippets(source)
    seen = set(pieces)
    made = []
    attempts = 0
    while len(made) < MUTANTS_PER_PROGRAM and attempts < 20 * MUTANTS_PER_PROGRAM:
        attempts += 1
        text = rng.choice(pieces)
        for _ in range(rng.choice([1, 1, 1, 2])):
            text = mutate(text, rng)
        if text in seen or "\x00" in text or "\r" in text:
            continue
        seen.add(text)
        made.append(text)
    return made


def programs(only):
    """(folder, path) of every corpus program, or of those named in `only`."""
    for folder in CORPUS:
        for path in sorted((ROOT / folder).glob("*.py")):
            if not only or path.resolve() in only:
                yield folder, path


def main():
    # With program paths as arguments, only their records are rewritten.
    only = {pathlib.Path(arg).resolve() for arg in sys.argv[1:]}
    if not only:
        for old in HERE.glob("*.mutants"):
            old.unlink()
    total = rejected = 0
    for folder, path in programs(only):
        origin = f"{folder}/{path.name}"
        rng = random.Random(origin)
        out = [HEADER.format(origin=origin)]
        for text in mutants(path.read_text(), rng):
            result = verdict(text)
            total += 1
            rejected += result != "ok"
            out.append(f"@@ {len(text.encode())} {result}\n{text}\n")
        name = f"{pathlib.Path(folder).name}__{path.stem}.mutants"
        (HERE / name).write_text("".join(out))
    print(f"record.py: {total} mutants, {rejected} rejected by CPython", file=sys.stderr)


if __name__ == "__main__":
    main()
