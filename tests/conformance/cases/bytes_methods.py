# bytes methods: split/rsplit/join/find/count/replace/strip/partition/splitlines/padding/ASCII case, fromhex, float(bytes), their errors
b = b"hello world"
print(b.split(), b.split(b"o"), b" ".join([b"a", b"b"]), b.find(b"o"), b.rfind(b"o"))
print(b.replace(b"l", b"L"), b"  x ".strip(), b.startswith(b"he"), b.endswith(b"ld"))
print(b.upper(), b.lower(), b.count(b"l"), bytes.fromhex("de ad"), b[0], b[-1], b[1:3])
print(list(b"ab"), b.index(b"w"), b.title(), b.capitalize(), b.isdigit(), b"12".isdigit())
print(len(b), b + b"!", b * 2, b"a" in b, 104 in b)
print(bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), b.hex(), b.decode())
print(b.partition(b" "), b.splitlines(), b"a,b".split(b","), b.center(15, b"*"))
print(b.ljust(13, b"."), b.rjust(13), b.zfill(13) if hasattr(b, "zfill") else "", b.swapcase())
print(b.lstrip(b"h"), b.rstrip(b"d"), b"a\nb".splitlines(keepends=True), b.isalpha(), b"ab".isalpha())
print(int.from_bytes(b"\x01\x00", "big"), (256).to_bytes(2, "little"), bytes.fromhex("00ff").hex(":"))
print(hash(b"ab") == hash(b"ab"), b"abc" < b"abd", sorted([b"b", b"a"]), repr(b"'\""))
print(b.expandtabs(), b"a\tb".expandtabs(4), b.isspace(), b.islower(), b.isupper())
b = b"  a,b,,c  \x85 "
print(b.split(), b.split(b",", 1), b.rsplit(b",", 1), b.rsplit(None, 1), b.strip(), b.strip(b" \x85"))
print(b"x".center(4, b"-"), b"ab".center(5), b"-5".zfill(4), b"abc".replace(b"", b"|"), b"aaa".replace(b"a", b"b", 2))
print(b"abcabc".find(b"c", 3), b"abcabc".find(99), b"abcabc".count(b"bc", 0, 4), b"abc".rfind(b""), b"abc".startswith((b"x", b"a")))
print(b"hello".endswith(b"ll", 0, 4), b"a\r\nb\rc\n".splitlines(), b"a\r\nb".splitlines(True), b"ab".removeprefix(b"a"))
print(b"abc def".title(), b"ABC".islower(), b"".isdigit(), b"x".rpartition(b"y"), b"x".partition(b"y"))
print(bytes.fromhex("0a 1B ff"), b"GET /index HTTP/1.1\r\n".split(b" "), b"%".join([b"1", b"2"]))
for err in (lambda: b"a".split("a"), lambda: b",".join([b"a", "b"]), lambda: b"ab".index(b"z"), lambda: bytes.fromhex("zz"), lambda: b"a".find("a")):
    try:
        err()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
line = "temperature=21.5\n".encode()
key, _, value = line.strip().partition(b"=")
print(key.decode(), float(value), line.rstrip(b"\n").upper())
print(float(b" 2.5 "), int(b"12"))
try:
    float(b"x1")
except ValueError as e: print(e)
