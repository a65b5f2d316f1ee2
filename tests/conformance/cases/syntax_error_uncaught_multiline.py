# A hand-made SyntaxError whose text has several lines and whose range ends on a later line: the quoted line is the offset's, underlined to its end
class Custom(SyntaxError):
    pass


for error in [SyntaxError('m', ('f.py', 1, 2, 'abcdef', 1, 5)), Custom('c', ('g.py', 3, 2, 'abcdef', 3, 5)),
              SyntaxError('none', ('h.py', 1, None, 'xyz', None, None))]:
    try:
        raise error
    except SyntaxError as e:
        print(type(e).__name__, e.args)
raise SyntaxError('spans', ('prog.py', 2, 6, '  first line\nsecond line\n', 3, 4))
