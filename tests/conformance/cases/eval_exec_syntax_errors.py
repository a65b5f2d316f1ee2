# SyntaxErrors of exec/eval/compile: the location tuple CPython gives (tokenizer and parser errors), traceback.print_exc of one, and an uncaught one ending the program
import traceback
try:
    exec("x = [1,\n     2 3]")
except SyntaxError:
    traceback.print_exc()
    print(traceback.format_exc().splitlines()[-4:])
try:
    compile("if True:\npass", "<cfg>", "exec")
except IndentationError as e:
    traceback.print_exception(e)
for src in ['if 1:\n  x\n y', ' x', 'if 1:\n\tx\n        y', 'def f():\nreturn', 'x = (1,\n2', 'print("a" "b" c)', 'f(**)', 'x +== 1', 'lambda: (yield)', 'a, b += 1', "f'{'"]:
    try:
        compile(src, 's', 'exec')
    except SyntaxError as e:
        print(type(e).__name__, e.args)
eval("(1 +\n 2 +)")
