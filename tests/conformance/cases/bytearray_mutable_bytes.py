# bytearray: construction, repr, indexing and slice assignment, mutation methods, bytes methods answering bytearrays, operators, errors
ba = bytearray(b"abc")
print(ba, repr(ba), str(ba), len(ba), bool(ba), bool(bytearray()), type(ba), type(ba).__name__)
print(bytearray(), bytearray(3), bytearray([1, 2, 255]), bytearray(range(3)), bytearray("héllo", "utf-8"), bytearray(b"x"), bytearray(ba), bytes(ba), bytearray(b"\x00'\"\n"))
print(ba[0], ba[-1], ba[1:], ba[::-1], ba[5:], list(ba), [b for b in ba], 98 in ba, b"bc" in ba, bytearray(b"c") in ba, b"" in ba, 120 in ba)
print(b"bc" in b"abc", 97 in b"abc", b"cb" in b"abc", bytearray(b"ab") in b"zab")
def t(text, f):
    b = bytearray(b"abcdef")
    try:
        f(b)
        print(text, "->", b)
    except Exception as e:
        print(text, "!!", type(e).__name__ + ":", e)
def s0(b):
    b[0] = "a"
t('b[0] = "a"', s0)
def s1(b):
    b[0] = 300
t('b[0] = 300', s1)
def s2(b):
    b[0] = 65
t('b[0] = 65', s2)
def s3(b):
    b[-1] = 66
t('b[-1] = 66', s3)
def s4(b):
    b[9] = 1
t('b[9] = 1', s4)
def s5(b):
    b[0:1] = 5
t('b[0:1] = 5', s5)
def s6(b):
    b[0:1] = "x"
t('b[0:1] = "x"', s6)
def s7(b):
    b[::2] = b"xyz"
t('b[::2] = b"xyz"', s7)
def s8(b):
    b[::2] = b"xy"
t('b[::2] = b"xy"', s8)
def s9(b):
    b[1:3] = [65, 66, 67]
t('b[1:3] = [65, 66, 67]', s9)
def s10(b):
    b[1:3] = bytearray(b"Z")
t('b[1:3] = bytearray(b"Z")', s10)
def s11(b):
    b[1:3] = [300]
t('b[1:3] = [300]', s11)
def s12(b):
    b[1:3] = b""
t('b[1:3] = b""', s12)
def s13(b):
    del b[0]
t('del b[0]', s13)
def s14(b):
    del b[::2]
t('del b[::2]', s14)
def s15(b):
    del b[9]
t('del b[9]', s15)
def s16(b):
    b["x"] = 1
t('b["x"] = 1', s16)
def s17(b):
    b[2:2] = b"__"
t('b[2:2] = b"__"', s17)
def s18(b):
    b += b"x"
t('b += b"x"', s18)
def s19(b):
    b *= 2
t('b *= 2', s19)
def s20(b):
    b += "x"
t('b += "x"', s20)
def s21(b):
    b += [1]
t('b += [1]', s21)
def s22(b):
    b[1:4] = range(3)
t('b[1:4] = range(3)', s22)
def s23(b):
    b[0] = True
t('b[0] = True', s23)
def s24(b):
    b.append(65)
t('b.append(65)', s24)
def s25(b):
    b.append(256)
t('b.append(256)', s25)
def s26(b):
    b.append("a")
t('b.append("a")', s26)
def s27(b):
    b.extend(b"gh")
t('b.extend(b"gh")', s27)
def s28(b):
    b.extend(bytearray(b"i"))
t('b.extend(bytearray(b"i"))', s28)
def s29(b):
    b.extend(range(3))
t('b.extend(range(3))', s29)
def s30(b):
    b.extend([1, 300])
t('b.extend([1, 300])', s30)
def s31(b):
    b.extend("abc")
t('b.extend("abc")', s31)
def s32(b):
    b.extend(5)
t('b.extend(5)', s32)
def s33(b):
    b.insert(-100, 65)
t('b.insert(-100, 65)', s33)
def s34(b):
    b.insert(100, 66)
t('b.insert(100, 66)', s34)
def s35(b):
    b.insert(1, 300)
t('b.insert(1, 300)', s35)
def s36(b):
    b.insert(1)
t('b.insert(1)', s36)
def s37(b):
    print(b.pop(), b.pop(0), b.pop(-2))
t('print(b.pop(), b.pop(0), b.pop(-2))', s37)
def s38(b):
    b.pop(10)
t('b.pop(10)', s38)
def s39(b):
    bytearray().pop()
t('bytearray().pop()', s39)
def s40(b):
    b.pop("x")
t('b.pop("x")', s40)
def s41(b):
    b.remove(99)
t('b.remove(99)', s41)
def s42(b):
    b.remove(9)
t('b.remove(9)', s42)
def s43(b):
    b.remove(300)
t('b.remove(300)', s43)
def s44(b):
    b.clear()
t('b.clear()', s44)
def s45(b):
    b.reverse()
t('b.reverse()', s45)
def s46(b):
    b.clear(1)
t('b.clear(1)', s46)
def s47(b):
    b.append()
t('b.append()', s47)
def s48(b):
    b *= 0
t('b *= 0', s48)
def s49(b):
    b += bytearray(b"!")
t('b += bytearray(b"!")', s49)
def s50(b):
    b[:] = b"new"
t('b[:] = b"new"', s50)
def s51(b):
    b[10:] = b"end"
t('b[10:] = b"end"', s51)
print(ba.upper(), ba.split(b"b"), ba.partition(b"b"), bytearray(b"-").join([b"x", bytearray(b"y")]), b"-".join([bytearray(b"x"), b"z"]),
      ba.decode(), ba.hex(), ba.hex(":"), ba.count(97), ba.find(b"c"), ba.startswith(b"ab"), ba.replace(b"b", bytearray(b"B")),
      ba.center(9, b"*"), ba.zfill(6), ba.title(), ba.strip(b"ac"), ba.splitlines(), ba.isalpha(), ba.removeprefix(b"a"), ba.copy())
print(bytearray.fromhex("41 42"), type(ba.upper()).__name__, type(ba.split()[0]).__name__, b"abc".startswith(bytearray(b"a")), b"abc".replace(bytearray(b"a"), b"A"))
print(bytearray(b"x") + b"y", b"y" + bytearray(b"x"), bytearray(b"x") * 3, 2 * bytearray(b"xy"), bytearray(b"ab") < b"b", bytearray(b"ab") == bytearray(b"ab"),
      bytearray(b"ab") == b"ab", b"ab" == bytearray(b"ab"), bytearray(b"ab") != "ab", bytearray(b"a") is bytearray(b"a"), bytearray(b"b") > bytearray(b"a"))
c = ba
c += b"!"
print(c is ba, ba, hasattr(ba, "__setitem__"), hasattr(b"", "__setitem__"), hasattr(ba, "__iadd__"))
cases = [("hash(ba)", lambda: hash(ba)), ("{ba}", lambda: {ba}), ('bytearray("abc")', lambda: bytearray("abc")), ("bytearray(-1)", lambda: bytearray(-1)),
         ("bytearray(1.5)", lambda: bytearray(1.5)), ("bytearray([300])", lambda: bytearray([300])), ("bytes([300])", lambda: bytes([300])),
         ('bytearray(b"a", "utf-8")', lambda: bytearray(b"a", "utf-8")), ("bytearray(x=1)", lambda: bytearray(x=1)), ("bytearray(1, 2, 3, 4)", lambda: bytearray(1, 2, 3, 4)),
         ("ba[5]", lambda: ba[5]), ('ba["x"]', lambda: ba["x"]), ('ba + "x"', lambda: ba + "x"), ("ba * 1.5", lambda: ba * 1.5), ("b\"x\" * 1.5", lambda: b"x" * 1.5), ('ba < "x"', lambda: ba < "x"),
         ('"a" in ba', lambda: "a" in ba), ('"a" in b"abc"', lambda: "a" in b"abc"), ("300 in ba", lambda: 300 in ba), ("sum([bytearray()])", lambda: sum([bytearray()])),
         ('bytearray.fromhex("zz")', lambda: bytearray.fromhex("zz")), ("ba.foo", lambda: ba.foo)]
for text, f in cases:
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__ + ":", e)
