#!/usr/bin/env python3
"""Cross-check the parser's golden files against CPython 3.11, the oracle.

For every ``parse/ok/*.py``: CPython must compile it, and its ``ast`` tree,
converted to the text form of the ``.ast`` file (see ``dump`` in
``golden.rs``), must equal that file: same nodes, same spans (converted from
UTF-8 byte columns to character columns).

For every ``parse/err/*.py``: CPython must reject it, and running it must
print exactly the ``.err`` file (the path shortened to the file name).
A comment ``# cpython-differs: <why>`` in the case relaxes that to "same
line number" for deliberate differences. Cases whose ``.err`` says "not
supported yet" are valid Python: CPython must compile them (unless marked
``# cpython-invalid: <why>``).

Prints ``N passed, N failed``; exits non-zero on any failure.
"""

import ast
import io
import os
import subprocess
import sys
import tokenize

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "parse")
ALLOW_TOP_LEVEL_AWAIT = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
# The first line of every golden file (crates/golden); the Rust test checks it.
HEADER_PREFIX = "# Regenerate with: "

UNARY = {"USub": "Neg", "UAdd": "Pos", "Not": "Not", "Invert": "Invert"}


def quote(text):
    out = ['"']
    for c in text:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif " " <= c <= "~":
            out.append(c)
        else:
            out.append("\\u{%04x}" % ord(c))
    out.append('"')
    return "".join(out)


def quote_bytes(data):
    out = ['b"']
    for b in data:
        if b == ord("\\"):
            out.append("\\\\")
        elif b == ord('"'):
            out.append('\\"')
        elif 0x20 <= b <= 0x7E:
            out.append(chr(b))
        else:
            out.append("\\x%02x" % b)
    out.append('"')
    return "".join(out)


class Dumper:
    def __init__(self, source):
        self.source = source
        self.lines = source.split("\n")
        self.line_starts = [0]
        for text in self.lines:
            self.line_starts.append(self.line_starts[-1] + len(text) + 1)
        self.tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        self.out = []

    def col(self, lineno, byte_col):
        line = self.lines[lineno - 1].encode("utf-8")
        return len(line[:byte_col].decode("utf-8", errors="replace"))

    def span(self, node):
        return (
            node.lineno,
            self.col(node.lineno, node.col_offset),
            node.end_lineno,
            self.col(node.end_lineno, node.end_col_offset),
        )

    def offset(self, lineno, col):
        return self.line_starts[lineno - 1] + col

    def line(self, indent, label, head, span=None):
        text = "  " * indent + (label + ": " if label else "") + head
        if span is not None:
            text += " @%d:%d-%d:%d" % span
        self.out.append(text)

    def header_span(self, node):
        """From `def` (or `async`, or `class`) to the `:` ending the line."""
        start = (node.lineno, self.col(node.lineno, node.col_offset))
        depth = 0
        started = False
        for tok in self.tokens:
            if not started:
                started = tok.start == start
                if not started:
                    continue
            if tok.type == tokenize.OP:
                if tok.string in "([{":
                    depth += 1
                elif tok.string in ")]}":
                    depth -= 1
                elif tok.string == ":" and depth == 0:
                    return start + tok.end
        raise AssertionError("no colon after def")

    # ----- statements -----

    def stmts(self, indent, field, body):
        for i, stmt in enumerate(body):
            self.stmt(indent, "%s[%d]" % (field, i), stmt)

    def exprs(self, indent, field, items):
        for i, expr in enumerate(items):
            self.expr(indent, "%s[%d]" % (field, i), expr)

    def opt(self, indent, field, expr):
        if expr is not None:
            self.expr(indent, field, expr)

    def stmt(self, indent, label, node):
        span = self.span(node)
        inner = indent + 1
        kind = type(node).__name__
        if kind == "Expr":
            self.line(indent, label, "Expr", span)
            self.expr(inner, "value", node.value)
        elif kind == "Assign":
            self.line(indent, label, "Assign", span)
            self.exprs(inner, "targets", node.targets)
            self.expr(inner, "value", node.value)
        elif kind == "AugAssign":
            self.line(indent, label, "AugAssign " + type(node.op).__name__, span)
            self.expr(inner, "target", node.target)
            self.expr(inner, "value", node.value)
        elif kind == "AnnAssign":
            self.line(indent, label, "AnnAssign", span)
            self.expr(inner, "target", node.target)
            self.expr(inner, "annotation", node.annotation)
            self.opt(inner, "value", node.value)
        elif kind in ("FunctionDef", "AsyncFunctionDef"):
            self.line(indent, label, "%s %s" % (kind, quote(node.name)), span)
            self.line(inner, "header", "", self.header_span(node))
            self.arguments(inner, "params", node.args)
            self.stmts(inner, "body", node.body)
            self.exprs(inner, "decorators", node.decorator_list)
            self.opt(inner, "returns", node.returns)
        elif kind == "ClassDef":
            self.line(indent, label, "ClassDef " + quote(node.name), span)
            self.line(inner, "header", "", self.header_span(node))
            self.exprs(inner, "bases", node.bases)
            self.keywords(inner, node.keywords)
            self.stmts(inner, "body", node.body)
            self.exprs(inner, "decorators", node.decorator_list)
        elif kind == "Return":
            self.line(indent, label, "Return", span)
            self.opt(inner, "value", node.value)
        elif kind in ("If", "While"):
            self.line(indent, label, kind, span)
            self.expr(inner, "test", node.test)
            self.stmts(inner, "body", node.body)
            self.stmts(inner, "orelse", node.orelse)
        elif kind in ("For", "AsyncFor"):
            self.line(indent, label, kind, span)
            self.expr(inner, "target", node.target)
            self.expr(inner, "iter", node.iter)
            self.stmts(inner, "body", node.body)
            self.stmts(inner, "orelse", node.orelse)
        elif kind in ("Break", "Continue", "Pass"):
            self.line(indent, label, kind, span)
        elif kind in ("Try", "TryStar"):
            self.line(indent, label, kind, span)
            self.stmts(inner, "body", node.body)
            for i, handler in enumerate(node.handlers):
                head = "ExceptHandler"
                if handler.name is not None:
                    head += " as " + quote(handler.name)
                self.line(inner, "handlers[%d]" % i, head, self.span(handler))
                self.opt(inner + 1, "type", handler.type)
                self.stmts(inner + 1, "body", handler.body)
            self.stmts(inner, "orelse", node.orelse)
            self.stmts(inner, "finalbody", node.finalbody)
        elif kind == "Raise":
            self.line(indent, label, "Raise", span)
            self.opt(inner, "exc", node.exc)
            self.opt(inner, "cause", node.cause)
        elif kind == "Assert":
            self.line(indent, label, "Assert", span)
            self.expr(inner, "test", node.test)
            self.opt(inner, "msg", node.msg)
        elif kind in ("Global", "Nonlocal"):
            self.line(indent, label, kind + " " + " ".join(quote(n) for n in node.names), span)
        elif kind == "Import":
            self.line(indent, label, "Import", span)
            self.aliases(inner, node.names)
        elif kind == "ImportFrom":
            module = "." * node.level + (node.module or "")
            self.line(indent, label, "ImportFrom " + quote(module), span)
            self.aliases(inner, node.names)
        elif kind in ("With", "AsyncWith"):
            self.line(indent, label, kind, span)
            for i, item in enumerate(node.items):
                self.line(inner, "items[%d]" % i, "withitem")
                self.expr(inner + 1, "context", item.context_expr)
                self.opt(inner + 1, "target", item.optional_vars)
            self.stmts(inner, "body", node.body)
        elif kind == "Delete":
            self.line(indent, label, "Delete", span)
            self.exprs(inner, "targets", node.targets)
        elif kind == "Match":
            self.line(indent, label, "Match", span)
            self.expr(inner, "subject", node.subject)
            for i, case in enumerate(node.cases):
                self.line(inner, "cases[%d]" % i, "match_case")
                self.pattern(inner + 1, "pattern", case.pattern)
                self.opt(inner + 1, "guard", case.guard)
                self.stmts(inner + 1, "body", case.body)
        else:
            raise AssertionError("unexpected statement " + kind)

    def patterns(self, indent, field, items):
        for i, pattern in enumerate(items):
            self.pattern(indent, "%s[%d]" % (field, i), pattern)

    def pattern(self, indent, label, node):
        span = self.span(node)
        inner = indent + 1
        kind = type(node).__name__
        name = lambda n: "None" if n is None else quote(n)
        if kind == "MatchValue":
            self.line(indent, label, kind, span)
            self.expr(inner, "value", node.value)
        elif kind == "MatchSingleton":
            self.line(indent, label, "MatchSingleton " + self.constant(node.value), span)
        elif kind == "MatchSequence":
            self.line(indent, label, kind, span)
            self.patterns(inner, "patterns", node.patterns)
        elif kind == "MatchMapping":
            self.line(indent, label, "MatchMapping rest=" + name(node.rest), span)
            self.exprs(inner, "keys", node.keys)
            self.patterns(inner, "patterns", node.patterns)
        elif kind == "MatchClass":
            attrs = " ".join(quote(a) for a in node.kwd_attrs)
            self.line(indent, label, "MatchClass kwd_attrs=[%s]" % attrs, span)
            self.expr(inner, "cls", node.cls)
            self.patterns(inner, "patterns", node.patterns)
            self.patterns(inner, "kwd_patterns", node.kwd_patterns)
        elif kind == "MatchStar":
            self.line(indent, label, "MatchStar " + name(node.name), span)
        elif kind == "MatchAs":
            self.line(indent, label, "MatchAs " + name(node.name), span)
            if node.pattern is not None:
                self.pattern(inner, "pattern", node.pattern)
        elif kind == "MatchOr":
            self.line(indent, label, kind, span)
            self.patterns(inner, "patterns", node.patterns)
        else:
            raise AssertionError("unexpected pattern " + kind)

    def keywords(self, indent, keywords):
        for i, keyword in enumerate(keywords):
            head = "keyword " + (quote(keyword.arg) if keyword.arg is not None else "**")
            self.line(indent, "keywords[%d]" % i, head, self.span(keyword))
            self.expr(indent + 1, "value", keyword.value)

    def aliases(self, indent, names):
        for i, alias in enumerate(names):
            head = "alias " + quote(alias.name)
            if alias.asname is not None:
                head += " as " + quote(alias.asname)
            self.line(indent, "names[%d]" % i, head, self.span(alias))

    def arguments(self, indent, label, args):
        self.line(indent, label, "arguments")
        inner = indent + 1
        positional = args.posonlyargs + args.args
        defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        for i, arg in enumerate(args.posonlyargs):
            self.arg(inner, "posonly[%d]" % i, arg, defaults[i])
        offset = len(args.posonlyargs)
        for i, arg in enumerate(args.args):
            self.arg(inner, "args[%d]" % i, arg, defaults[offset + i])
        for i, (arg, default) in enumerate(zip(args.kwonlyargs, args.kw_defaults)):
            self.arg(inner, "kwonly[%d]" % i, arg, default)
        if args.vararg is not None:
            self.arg(inner, "vararg", args.vararg, None)
        if args.kwarg is not None:
            self.arg(inner, "kwarg", args.kwarg, None)

    def arg(self, indent, label, arg, default):
        self.line(indent, label, "arg " + quote(arg.arg), self.span(arg))
        self.opt(indent + 1, "annotation", arg.annotation)
        self.opt(indent + 1, "default", default)

    # ----- expressions -----

    def constant(self, value):
        if value is None:
            return "None"
        if value is True:
            return "True"
        if value is False:
            return "False"
        if value is Ellipsis:
            return "Ellipsis"
        if isinstance(value, int):
            return "int %d" % value
        if isinstance(value, float):
            return "float " + repr(value)
        if isinstance(value, complex):
            return "imaginary " + repr(value.imag)
        if isinstance(value, str):
            return "str " + quote(value)
        if isinstance(value, bytes):
            return "bytes " + quote_bytes(value)
        raise AssertionError("unexpected constant %r" % (value,))

    def debug_text(self, formatted):
        """The `x=` text CPython folded into the literal before a field."""
        value = formatted.value
        start = self.offset(value.lineno, self.col(value.lineno, value.col_offset))
        end = self.offset(value.end_lineno, self.col(value.end_lineno, value.end_col_offset))
        brace = start - 1
        while brace >= 0 and self.source[brace] in " \t\f\n":
            brace -= 1
        if brace < 0 or self.source[brace] != "{":
            return None
        i = end
        while self.source[i] in " \t\f\n":
            i += 1
        if self.source[i] != "=" or self.source[i + 1] == "=":
            return None
        i += 1
        while self.source[i] in " \t\f\n\r\v":
            i += 1
        return self.source[brace + 1 : i]

    def fstring_parts(self, indent, field, values):
        parts = []
        for value in values:
            if isinstance(value, ast.Constant):
                parts.append(["literal", value.value])
                continue
            debug = self.debug_text(value)
            if debug is not None and parts and parts[-1][0] == "literal" and parts[-1][1].endswith(debug):
                parts[-1][1] = parts[-1][1][: -len(debug)]
                if not parts[-1][1]:
                    parts.pop()
            else:
                debug = None
            parts.append(["field", value, debug])
        for i, part in enumerate(parts):
            label = "%s[%d]" % (field, i)
            if part[0] == "literal":
                self.line(indent, label, "Literal " + quote(part[1]))
                continue
            value, debug = part[1], part[2]
            head = "Formatted"
            if value.conversion != -1:
                head += " !" + chr(value.conversion)
            if debug is not None:
                head += " debug=" + quote(debug)
            spec = value.format_spec
            if spec is not None:
                head += " spec[%d]" % len(spec.values)
            self.line(indent, label, head)
            self.expr(indent + 1, "value", value.value)
            if spec is not None:
                self.fstring_parts(indent + 1, "spec", spec.values)

    def comprehensions(self, indent, generators):
        for i, gen in enumerate(generators):
            self.line(indent, "generators[%d]" % i, "comprehension async" if gen.is_async else "comprehension")
            self.expr(indent + 1, "target", gen.target)
            self.expr(indent + 1, "iter", gen.iter)
            self.exprs(indent + 1, "ifs", gen.ifs)

    def expr(self, indent, label, node):
        span = self.span(node)
        inner = indent + 1
        kind = type(node).__name__
        if kind == "Name":
            self.line(indent, label, "Name " + quote(node.id), span)
        elif kind == "Constant":
            self.line(indent, label, "Constant " + self.constant(node.value), span)
        elif kind == "JoinedStr":
            self.line(indent, label, "FString", span)
            self.fstring_parts(inner, "parts", node.values)
        elif kind == "BinOp":
            self.line(indent, label, "BinOp " + type(node.op).__name__, span)
            self.expr(inner, "left", node.left)
            self.expr(inner, "right", node.right)
        elif kind == "UnaryOp":
            self.line(indent, label, "UnaryOp " + UNARY[type(node.op).__name__], span)
            self.expr(inner, "operand", node.operand)
        elif kind == "BoolOp":
            self.line(indent, label, "BoolOp " + type(node.op).__name__, span)
            self.exprs(inner, "values", node.values)
        elif kind == "Compare":
            ops = " ".join(type(op).__name__ for op in node.ops)
            self.line(indent, label, "Compare " + ops, span)
            self.expr(inner, "left", node.left)
            self.exprs(inner, "comparators", node.comparators)
        elif kind == "Call":
            self.line(indent, label, "Call", span)
            self.expr(inner, "func", node.func)
            self.exprs(inner, "args", node.args)
            self.keywords(inner, node.keywords)
        elif kind == "Attribute":
            self.line(indent, label, "Attribute " + quote(node.attr), span)
            self.expr(inner, "value", node.value)
        elif kind == "Subscript":
            self.line(indent, label, "Subscript", span)
            self.expr(inner, "value", node.value)
            self.expr(inner, "index", node.slice)
        elif kind == "Slice":
            self.line(indent, label, "Slice", span)
            self.opt(inner, "lower", node.lower)
            self.opt(inner, "upper", node.upper)
            self.opt(inner, "step", node.step)
        elif kind == "Starred":
            self.line(indent, label, "Starred", span)
            self.expr(inner, "value", node.value)
        elif kind in ("List", "Tuple", "Set"):
            self.line(indent, label, kind, span)
            self.exprs(inner, "elts", node.elts)
        elif kind == "Dict":
            self.line(indent, label, "Dict", span)
            for i, (key, value) in enumerate(zip(node.keys, node.values)):
                if key is None:
                    self.expr(inner, "unpack[%d]" % i, value)
                else:
                    self.expr(inner, "key[%d]" % i, key)
                    self.expr(inner, "value[%d]" % i, value)
        elif kind in ("ListComp", "SetComp", "GeneratorExp"):
            self.line(indent, label, kind, span)
            self.expr(inner, "elt", node.elt)
            self.comprehensions(inner, node.generators)
        elif kind == "DictComp":
            self.line(indent, label, "DictComp", span)
            self.expr(inner, "key", node.key)
            self.expr(inner, "value", node.value)
            self.comprehensions(inner, node.generators)
        elif kind == "Lambda":
            self.line(indent, label, "Lambda", span)
            self.arguments(inner, "params", node.args)
            self.expr(inner, "body", node.body)
        elif kind == "IfExp":
            self.line(indent, label, "IfExp", span)
            self.expr(inner, "test", node.test)
            self.expr(inner, "body", node.body)
            self.expr(inner, "orelse", node.orelse)
        elif kind in ("Await", "YieldFrom"):
            self.line(indent, label, kind, span)
            self.expr(inner, "value", node.value)
        elif kind == "Yield":
            self.line(indent, label, "Yield", span)
            self.opt(inner, "value", node.value)
        elif kind == "NamedExpr":
            self.line(indent, label, "NamedExpr", span)
            self.expr(inner, "target", node.target)
            self.expr(inner, "value", node.value)
        else:
            raise AssertionError("unexpected expression " + kind)


def dump(source):
    tree = ast.parse(source)
    dumper = Dumper(source)
    dumper.out.append("Module")
    dumper.stmts(1, "body", tree.body)
    return "\n".join(dumper.out) + "\n"


def directive(source, name):
    for line in source.splitlines():
        if line.startswith("# %s:" % name):
            return line.split(":", 1)[1].strip()
    return None


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()


def read_expectation(path):
    """An .ast or .err file without its first line, the `# Regenerate with: ...` header."""
    text = read(path)
    if text.startswith(HEADER_PREFIX):
        return text.split("\n", 1)[1]
    return text


def check_ok(path):
    source = read(path)
    try:
        compile(source, path, "exec", flags=ALLOW_TOP_LEVEL_AWAIT)
    except SyntaxError as e:
        return "CPython rejects it: %s (line %s)" % (e.msg, e.lineno)
    if directive(source, "cpython-ast-differs") is not None:
        return None
    expected_path = path[:-3] + ".ast"
    expected = read_expectation(expected_path) if os.path.exists(expected_path) else ""
    actual = dump(source.replace("\r\n", "\n"))
    if expected != actual:
        diff = [
            "  line %d:\n    ours:    %s\n    CPython: %s" % (i + 1, a, b)
            for i, (a, b) in enumerate(zip(expected.splitlines() + [""] * 999, actual.splitlines()))
            if a != b
        ]
        return "tree differs from CPython's:\n" + "\n".join(diff[:5])
    return None


def check_err(path):
    source = read(path)
    expected = read_expectation(path[:-3] + ".err") if os.path.exists(path[:-3] + ".err") else ""
    if "not supported yet" in expected:
        if directive(source, "cpython-invalid") is not None:
            return None
        try:
            compile(source, path, "exec", flags=ALLOW_TOP_LEVEL_AWAIT)
        except SyntaxError as e:
            return "unsupported case is not valid Python: %s (line %s)" % (e.msg, e.lineno)
        return None
    name = os.path.basename(path)
    result = subprocess.run(
        [sys.executable, name], cwd=os.path.dirname(path), capture_output=True, text=True
    )
    if result.returncode == 0:
        return "CPython accepts it"
    actual = result.stderr.replace('File "%s"' % os.path.abspath(path), 'File "%s"' % name)
    if actual == expected:
        return None
    if directive(source, "cpython-differs") is not None:
        line_of = lambda text: text.splitlines()[0] if text else ""
        if line_of(actual) == line_of(expected):
            return None
        return "different line:\n--- ours\n%s--- CPython\n%s" % (expected, actual)
    return "different error:\n--- ours\n%s--- CPython\n%s" % (expected, actual)


def main():
    if sys.implementation.name != "cpython" or sys.version_info[:3] != (3, 11, 7):
        print("the oracle is CPython 3.11.7, this is %s" % sys.version.split()[0])
        return 1
    passed = failed = 0
    for kind, check in (("ok", check_ok), ("err", check_err)):
        directory = os.path.join(CASES, kind)
        for name in sorted(os.listdir(directory)):
            if not name.endswith(".py"):
                continue
            problem = check(os.path.join(directory, name))
            if problem is None:
                passed += 1
            else:
                failed += 1
                print("FAIL %s/%s: %s" % (kind, name, problem))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
