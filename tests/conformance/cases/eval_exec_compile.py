# eval, exec and compile: namespaces (caller's, given globals, separate locals), __builtins__ restriction, code objects, and CPython's errors
import asyncio

counter = 0

def in_function():
    local_value = 7
    print(eval("local_value * 2"))
    exec("created = 1")
    print("created" in locals(), eval("counter + local_value"))
    scope = {}
    exec("def helper(a):\n    return a * factor\nfactor = 3", scope)
    print(scope["helper"](5), scope["factor"], type(scope["__builtins__"]).__name__)

def main():
    global counter
    print(eval("1 + 2 * 3"), eval(" 40 + 2\n\n"), eval(b"'bytes' * 2"))
    exec("counter = counter + 10")
    print(counter)
    in_function()
    g = {"x": 1}
    l = {"y": 2}
    exec("z = x + y\nclass K:\n    attr = x\n", g, l)
    print(sorted(l), sorted(k for k in g if k != "__builtins__"), l["K"].attr)
    try:
        exec("class J:\n    attr = z\n", g, l)
    except NameError as e:
        print("class body:", e)
    print(eval("[n * x for n in range(3)]", g))
    code = compile("total = sum(values)", "<config>", "exec")
    ns = {"values": [1, 2, 3]}
    print(exec(code, ns), ns["total"], type(code).__name__, code.co_filename, code.co_name)
    expr = compile("a ** 2", "<expr>", mode="eval")
    print([eval(expr, {"a": a}) for a in range(4)])
    try:
        eval("len([1])", {"__builtins__": {}})
    except NameError as e:
        print("NameError:", e)
    print(eval("abs(-3)", {"__builtins__": {"abs": abs}}))
    for bad in ["1 +", "x = 1", "foo bar", "(1,"]:
        try:
            eval(bad)
        except SyntaxError as e:
            print(type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text), str(e))
    for bad in ["1 +", "def f(:\n  pass", " x = 1", "return 5", "for x in y:\nprint(x)"]:
        try:
            exec(bad)
        except SyntaxError as e:
            print(type(e).__name__, repr(e.msg), e.lineno, e.offset, repr(e.text))
    try:
        compile("1 +", "calc.py", "exec")
    except SyntaxError as e:
        print(e)
    calls = [("eval()", ()), ("eval(1)", (1,)), ("eval('1', [])", ("1", [])), ("eval('1', 5)", ("1", 5)), ("eval('1', {}, 3)", ("1", {}, 3))]
    for label, args in calls:
        try:
            eval(*args)
        except TypeError as e:
            print(label, "->", e)
    for args, kw in [((1,), {}), (("1", []), {}), (("1", {}, 3), {}), ((), {}), (("x=1",), {"closure": 1})]:
        try:
            exec(*args, **kw)
        except TypeError as e:
            print("exec ->", e)
    for args in [("1", "f", "bad"), (1, "f", "eval"), ("1",)]:
        try:
            compile(*args)
        except (TypeError, ValueError) as e:
            print("compile ->", type(e).__name__, e)
    try:
        exec("def f():\n    return 1 / 0\nf()", {})
    except ZeroDivisionError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print("raised in", tb.tb_frame.f_code.co_filename, tb.tb_lineno)

main()
asyncio.run(asyncio.sleep(0))
exec("def boom():\n    raise ValueError('from exec')\nboom()")
