# compile(), exec() and eval() refuse source with a NUL byte ('source code string cannot contain null bytes', no place) before parsing, str or bytes
for source in ["x = 1\0", b"x = 1\0", "\0", "1 +\0 2"]:
    for run in (lambda s: compile(s, "<t>", "exec"), exec, eval):
        try:
            run(source)
        except SyntaxError as e:
            print(type(e).__name__, e, e.lineno, e.filename)
