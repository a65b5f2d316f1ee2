# str.encode / bytes.decode with UTF-16 and UTF-32 (BOM or -le/-be), encoding aliases, utf-8-sig, the error handlers and UnicodeError's arguments and messages
text = "hé€😀"
for encoding in ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
                 "UTF16", "utf_16le", "u16", "U32", "utf-32LE", "utf-8-sig", "UTF8", "latin1", "US-ASCII"]:
    try:
        data = text.encode(encoding)
        print(encoding, data, data.decode(encoding), len(data))
    except UnicodeEncodeError as e:
        print(encoding, "UnicodeEncodeError:", e)

print(bytes("ab", "utf-16"), bytes("ab", encoding="utf-32-be"), str(b"\xff\xfea\x00", "utf-16"))
print(str(b"a\xff", "utf-8", "replace"), bytearray("é", "utf-16-le"), bytearray(b"\x00\xe9").decode("utf-16-be"))

cases = [
    (b"\x41", "utf-16-le"), (b"\x41\x00\x42", "utf-16-le"), (b"\x00\xd8\x41\x00", "utf-16-le"),
    (b"\x00\xdc", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\xff\xfeA\x00", "utf-16"),
    (b"\xfe\xff\x00A", "utf-16"), (b"A\x00", "utf-16"), (b"\xff\xfe", "utf-16"), (b"", "utf-16"),
    (b"\xff", "utf-16"), (b"A\x00\x00", "utf-32-le"), (b"\x00\x00\x11\x00", "utf-32-le"),
    (b"\x00\xd8\x00\x00", "utf-32-le"), (b"\xff\xfe\x00\x00A\x00\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff\x00\x00\x00A", "utf-32"), (b"A\x00\x00\x00", "utf-32"),
    (b"\x00\xd8\x00\xd8", "utf-16-le"), (b"a\xe9\xff\xe2\x82", "utf-8"), (b"a\xe9\xff", "ascii"),
    (b"\xef\xbb\xbfhi", "utf-8-sig"), (b"hi", "utf-8-sig"),
]
for data, encoding in cases:
    for errors in ["strict", "ignore", "replace", "backslashreplace"]:
        try:
            print(data, encoding, errors, repr(data.decode(encoding, errors)))
        except UnicodeDecodeError as e:
            print(data, encoding, errors, "UnicodeDecodeError:", e)
            print("   ", e.encoding, e.object, e.start, e.end, e.reason, e.args)

for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "bogus"]:
    for encoding in ["ascii", "latin-1"]:
        try:
            print(encoding, errors, "aé€😀b€".encode(encoding, errors))
        except UnicodeEncodeError as e:
            print(encoding, errors, "UnicodeEncodeError:", e, (e.encoding, e.object, e.start, e.end, e.reason))
        except LookupError as e:
            print(encoding, errors, "LookupError:", e)
print("plain".encode("ascii", "bogus"), b"plain".decode("ascii", errors="bogus"))
for bad in [lambda: "x".encode("nope"), lambda: b"x".decode("rot-13-ish"), lambda: "x".encode(errors=5)]:
    try:
        bad()
    except (LookupError, TypeError) as e:
        print(type(e).__name__, e)
made = UnicodeDecodeError("utf-16-le", b"\x00\xd8", 0, 2, "unexpected end of data")
print(made, repr(made.reason), made.end)
print(str(b"hi", errors="strict"), str(bytearray(b"x\xe9"), "latin-1"), str(b"\xe9", errors="replace"))
