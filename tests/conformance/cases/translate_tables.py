# str.maketrans/translate (dicts, three strings, mapping objects, errors) and bytes/bytearray translate and maketrans (256-byte tables, delete=, errors)
import string
t = str.maketrans("abc", "xyz", "d")
print(t)
print("abcdabcd".translate(t))
print("hello".translate({ord("l"): "L", ord("o"): None}))
print("hello".translate(str.maketrans({"h": "J", "e": "EE", "o": None})))
print("hello".translate({104: 74, 101: "", 108: [1]} if False else {104: 74, 101: ""}))
rot13 = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[13:] + string.ascii_lowercase[:13])
print("secret".translate(rot13))
print(str.maketrans({97: "b", "c": 100}))
for args in [("ab", "c"), ({"ab": 1},), (1,), ("a",), ("a", "b", "c", "d"), ({1.5: "x"},), ("a", 1), ("ab", "cd", 5)]:
    try:
        print(str.maketrans(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for table in [{97: 1.5}, {97: 0x110000}, {97: -1}, None, [None, "x"]]:
    try:
        print(repr("abc".translate(table)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class Table:
    def __getitem__(self, k):
        if k == 98:
            raise LookupError
        return k + 1
print("abc".translate(Table()))
print(bytes.maketrans(b"el", b"ip"), len(bytes.maketrans(b"", b"")))
print(b"hello".translate(bytes.maketrans(b"el", b"ip")), b"abc".translate(None, b"b"), b"abc".translate(None, delete=b"ac"))
print(bytearray(b"hello").translate(bytes.maketrans(b"l", b"L")), bytearray.maketrans(b"a", b"b")[97])
for args in [(b"ab", b"c"), ("a", "b")]:
    try:
        bytes.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    b"abc".translate(b"short")
except ValueError as e:
    print(e)
