# json.loads: values, whitespace, numbers, escapes, hooks, and the C scanner's error messages and positions
import json

docs = ['"\\u12"', '"\\u123', '"\\u1234', '"\\u12g4"', '"\\ud83d\\ude00"', '"\\ud83d\\u12"', '"\\ud83d\\uzzzz"', '"a\\qb"', '"a', '"a\\\\', '"a\nb"',
        '[1,]', '{"a" 1}', '{"a":1,}', '{1:2}', '[1 2]', '', ' ', '01', '1.', '-', '1e', '1e+', '-0.5e-3', 'nul', 'NaN', '-Infinity', 'Infinity',
        '["a", {"b": [true, false, null]}]  x', '\ufeff1', '{"a":', '[', '{', '{"a"', ' \n [1,\n 2,\n oops]', '{"a": {"b": [1, 2.5, -3e2, 1E+2, 0.1]}}',
        '"tab\\there \\"quoted\\" \\/ \\\\ \\b\\f\\n\\r"', '"caf\\u00e9 \\u4e2d"', '123456789012345678901234567890', '-0', '-0.0', '1e400', '[[[]]]', '{"": ""}',
        '{"a": 1, "a": 2}', ' [ 1 , 2 ] ', '"\x7f\u20ac"', 'true false', 'tru', '[1,2', '{"k":"v"', '{"k" : "v" , }']
for doc in docs:
    try:
        print(repr(doc), "->", repr(json.loads(doc)))
    except json.JSONDecodeError as e:
        print(repr(doc), "!!", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
print(json.loads(b'{"bytes": [1]}'))
print(json.loads('{"a": 1, "b": [2, 3]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda pairs: pairs[::-1]))
print(json.loads('[1, 2.5, NaN]', parse_float=str, parse_int=lambda s: int(s) * 10, parse_constant=lambda c: c.lower()))
for bad in [3, None, ["x"]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    json.loads('{"a": }')
except ValueError as e:
    print(type(e).__name__, type(e).__module__, e)
decoder = json.JSONDecoder()
print(decoder.raw_decode('[1, 2] tail'), decoder.decode(' "x" '))
json.loads("[1, }")
