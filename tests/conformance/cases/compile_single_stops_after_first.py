# compile(..., 'single') stops after a first simple statement: what follows its line is not tokenized, so an indented line after it is "multiple statements", not an unexpected indent
sources = ['1\n 2', '\n1\n 2', '#c\n1\n 2', '1 # c\n 2', 'x = (1,\n 2)\n  3', '1;2\n 3',
           'if 1: pass\n 2', '1\n  2\n 3', '1 +\n 2', 'def f():\n  pass\n  x\n', '1\n#only a comment\n']
for s in sources:
    try:
        compile(s, '<in>', 'single')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e.args)
