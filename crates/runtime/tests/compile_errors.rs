//! Errors the compiler (not the parser) reports, with CPython 3.11's message
//! and position (`compile()`'s `lineno` and 1-based `offset`).

use loopscope_runtime::compile::compile_module;
use loopscope_syntax::parse;

/// (source, message, line, column)
const CASES: &[(&str, &str, usize, usize)] = &[
    (
        "async def f():\n    yield 1\n    return 5\n",
        "'return' with value in async generator",
        3,
        5,
    ),
    (
        "def f():\n    async for x in y:\n        pass\n",
        "'async for' outside async function",
        2,
        5,
    ),
    (
        "def f():\n    return [x async for x in y]\n",
        "asynchronous comprehension outside of an asynchronous function",
        2,
        12,
    ),
    (
        "async def f():\n    yield from g()\n",
        "'yield from' inside async function",
        2,
        5,
    ),
    (
        "for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        5,
        9,
    ),
    (
        "for x in y:\n    try:\n        pass\n    except* E:\n        if x:\n            continue\n",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        6,
        13,
    ),
    (
        "def f():\n    try:\n        pass\n    except* E:\n        return x + 1\n",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        5,
        9,
    ),
    (
        "def f():\n    try:\n        pass\n    except* E:\n        return 'done'\n",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        5,
        16,
    ),
    (
        "match x:\n    case [a, a]:\n        pass\n",
        "multiple assignments to name 'a' in pattern",
        2,
        14,
    ),
    (
        "match x:\n    case a | b:\n        pass\n",
        "name capture 'a' makes remaining patterns unreachable",
        2,
        10,
    ),
    (
        "match x:\n    case a:\n        pass\n    case 1:\n        pass\n",
        "name capture 'a' makes remaining patterns unreachable",
        2,
        10,
    ),
    (
        "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
        "wildcard makes remaining patterns unreachable",
        2,
        10,
    ),
    (
        "match x:\n    case [1, 2] | y:\n        pass\n",
        "alternative patterns bind different names",
        2,
        19,
    ),
    (
        "match x:\n    case {1: a, True: b}:\n        pass\n",
        "mapping pattern checks duplicate key (True)",
        2,
        10,
    ),
    (
        "match x:\n    case {'k': a, -1: b, 'k': c}:\n        pass\n",
        "mapping pattern checks duplicate key ('k')",
        2,
        10,
    ),
    (
        "match x:\n    case C(a=1, b=2, a=3):\n        pass\n",
        "attribute name repeated in class pattern: a",
        2,
        24,
    ),
    (
        "match x:\n    case (__debug__):\n        pass\n",
        "cannot assign to __debug__",
        2,
        11,
    ),
    (
        "match x:\n    case f'{y}':\n        pass\n",
        "patterns may only match literals and attribute lookups",
        2,
        10,
    ),
    (
        "match x:\n    case [*a, 1, *b]:\n        pass\n",
        "multiple starred names in sequence pattern",
        2,
        10,
    ),
    (
        "match x:\n    case [y, (y | y)]:\n        pass\n",
        "name capture 'y' makes remaining patterns unreachable",
        2,
        15,
    ),
    (
        "match x:\n    case [y, ([y] | [y])]:\n        pass\n",
        "multiple assignments to name 'y' in pattern",
        2,
        22,
    ),
    (
        "match x:\n    case (y as z) | z:\n        pass\n",
        "name capture 'y' makes remaining patterns unreachable",
        2,
        11,
    ),
];

#[test]
fn compile_errors_match_cpython() {
    for (source, message, line, col) in CASES {
        let module = parse(source).expect("parses");
        let d = match compile_module(&module, "t.py") {
            Ok(_) => panic!("compiled: {source}"),
            Err(d) => d,
        };
        let got_line = d.span.start.line as usize;
        let got_col = d.span.start.col as usize + 1;
        assert_eq!(
            (d.message.as_str(), got_line, got_col),
            (*message, *line, *col),
            "{source}"
        );
    }
}
