# string.Formatter: parse() as _string.formatter_parser splits format strings (and its errors), get_field, format/vformat, a subclass's format_field
from string import Formatter

for s in ['a{{b', 'a{b}c', '{0!r:>5}', '{0:{1}}x', '}}', '{}', '{a.b[0]}', '{!r}', 'x{', '{:}', 'x}', '{0', '{0!}', '{0!rr}',
          '{0:{1}', '{0[}', '{0!r', '{0!', '{0:', '{0[', '{0[1', '{0.}', '{0}}', '{{}', '{0:>{1}', '{a{b}', '{0!r}x', '{0:{1:{2}}}', '{0!x}', '', 'plain']:
    try:
        print(repr(s), list(Formatter().parse(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
for n in ['a.b[0][x]', '0.real', 'a[1]b', 'a.', 'a[x', '3[1].y']:
    try:
        print(repr(n), Formatter().get_field(n, [[0, [7, 8]]] * 4, {"a": {"b": [{"x": 9}]}}))
    except Exception as e:
        print(repr(n), type(e).__name__, e)
f = Formatter()
for s, a in [('{0!x}', (1,)), ('{0:{1}}', (3.14159, '.2f')), ('{}{}', (1, 2)), ('{0}{}', (1, 2)), ('{a.real}', ()),
             ('{0[1]}', ([5, 6],)), ('{x}', ()), ('{0!r:>8}|{0!s:^7}|{0!a}', ('é',)), ('{:{}}', (5, '03'))]:
    try:
        print(repr(s), repr(f.format(s, *a, a=3)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)


class Upper(Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()


print(Upper().format("{} and {x:>6}", "abc", x="yz"), Formatter().vformat("{0}-{k}", (1,), {"k": 2}))
