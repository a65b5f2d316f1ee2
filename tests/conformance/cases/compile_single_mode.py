# compile(..., 'single'): expression statements echoed through sys.displayhook (builtins._), one statement only, and its syntax errors
import builtins
import sys

namespace = {}


def run(source):
    try:
        code = compile(source, '<input>', 'single')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.args[1])
        return
    print('->', exec(code, namespace))


for source in ['1 + 1', '6 * 7\n', 'x = 5', 'x', 'None', '"text"', '1; 2; None; 3',
               'for i in range(3): i\n', 'if x:\n  x * 2\n  x * 3\n', 'def f():\n  5\n',
               'f()', 'class A:\n  7\n', '[1,\n 2]', 'x: int = 9', '(lambda: 4)()']:
    run(source)
print(builtins._)

for source in ['1\n2', 'x = 1\ny = 2\n', '1 # c\n2', '1  \n2', '1;\n2', 'x = (1,\n2)\nz',
               'if 1: pass\n2\n', 'if 1:\n  2\n3', 'for i in range(3): i', 'class A: pass',
               '@d\ndef f(): pass', 'if 1: pass\nelse: pass', '', '\n\n', '# only a comment',
               '1 +', '1 +\n', ')', 'x = $']:
    run(source)

print(eval(compile('3', '<e>', 'single')))
sys.displayhook = lambda value: print('hook', repr(value))
run('7 * 6')
run('None')
sys.displayhook = sys.__displayhook__
run('print("printed")')
del sys.displayhook
try:
    exec(compile('8', '<d>', 'single'))
except RuntimeError as e:
    print('RuntimeError', e)
sys.displayhook = sys.__displayhook__
sys.displayhook(42)
print(builtins._)
sys.displayhook(None)
print(builtins._)
