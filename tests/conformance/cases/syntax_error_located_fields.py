# The location fields of the SyntaxErrors compile() raises in 'exec', 'eval' and 'single' modes: tokenizer errors quote their line without its break, ranges onto later lines keep their end
sources = ['f(x for x in\n   y, 1)\n', 'a = (1 +\n     2) = 3\n', 'x = """abc\n\n', 'x = (1,\n  2,\n',
           'print("a"\n      "b" 5)\n', 'if True:\nprint(1)\n', 'def f():\n  x = 1\n    y = 2\n',
           'é = 1; ) \n', 's = "ééé" + )\n', 'if x:\n\tpass\n        pass\n', 'x = [1,\n  2 3]\n',
           'x = )\n', 'x = (]\n', 's = "abc\n', 'x = 1 $\n', 'x = 08\n', 'x = 0x\n', 'x = 1_\n',
           'if 1:\n    x\n  y\n', 'x = 5a\n', 'x = ( 1\n', 'x = "a" "b\n', 'x = \\ 1\n',
           'print(1))\n', 'x = 1e\n', 'x = ‘a’\n', 'return 5\n']
for src in sources:
    for mode in ('exec', 'eval', 'single'):
        try:
            compile(src, 'm.py', mode)
        except SyntaxError as e:
            print(mode, type(e).__name__, e.args)
