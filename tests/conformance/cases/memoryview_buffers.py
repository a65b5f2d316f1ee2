# memoryview over bytes and bytearray: items, slices, tobytes/tolist/hex, cast, release and the context manager, and BufferError on resizing an exported bytearray
ba = bytearray(b"abcdef")
m = memoryview(ba)
print(len(m), m[0], m[-1], m[1:3].tobytes(), m[::2].tolist(), m.tobytes(), m.tolist(), m.hex(), m.hex(":"), m.readonly, memoryview(b"ab").readonly)
print(m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides, m.obj is ba, m.contiguous, m[::2].contiguous, m.c_contiguous)
print(m == b"abcdef", m == ba, m == m, m[1:3] == b"bc", m == "abcdef", bytes(m), bytearray(m), list(m), len(m[::-1]), m[::-1].tobytes())
print(m.cast("c")[0], m.cast("b").tolist(), m.cast("H").tolist(), m.cast("H")[0], m.cast("c").tolist(), m.toreadonly().readonly, m.__enter__() is m)
print(memoryview(b"\xff\x80").cast("b").tolist(), memoryview(bytes(range(8))).cast("Q").tolist(), memoryview(bytes(range(8))).cast("i").tolist())
print(hash(memoryview(b"ab")) == hash(b"ab"), b"ab" + m[0:1], bytearray(b"xy") + m[4:], memoryview(b"abc")[1:] == memoryview(b"bc"))
cases = [('m.cast("i")', lambda: m.cast("i")), ('m[::2].cast("B")', lambda: m[::2].cast("B")), ('m.cast("x")', lambda: m.cast("x")),
         ("m[10]", lambda: m[10]), ('m["x"]', lambda: m["x"]), ("m[1.5]", lambda: m[1.5]), ("hash(m)", lambda: hash(m)),
         ('memoryview("x")', lambda: memoryview("x")), ("memoryview([1])", lambda: memoryview([1])), ("memoryview()", lambda: memoryview())]
for text, f in cases:
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__ + ":", e)
def t(text, f):
    b = bytearray(b"abcdef")
    m = memoryview(b)
    try:
        f(b, m)
        print(text, "->", b)
    except Exception as e:
        print(text, "!!", type(e).__name__ + ":", e)
def s0(b, m): b.append(1)
def s1(b, m): m[0] = 65
def s2(b, m): m[0] = 300
def s3(b, m): m[0] = "a"
def s4(b, m): m[1:3] = b"XY"
def s5(b, m): m[1:3] = b"X"
def s6(b, m): b.extend(b"z")
def s7(b, m):
    b += b"z"
def s8(b, m): del b[0]
def s9(b, m): b[0:1] = b"xy"
def s10(b, m): b[0:1] = b"Z"
def s11(b, m):
    m.release()
    b.append(1)
def s12(b, m):
    m.release()
    m[0]
def s13(b, m):
    m.release()
    len(m)
def s14(b, m):
    m.release()
    m.tobytes()
def s15(b, m):
    m.release()
    m.release()
def s16(b, m):
    with m:
        pass
    b.append(1)
def s17(b, m):
    with m as v:
        v[0] = 66
def s18(b, m): b.pop()
def s19(b, m): b.clear()
def s20(b, m):
    b *= 2
def s21(b, m): b.insert(0, 1)
def s22(b, m): b.remove(97)
def s23(b, m):
    m2 = m[1:]
    m.release()
    b.append(1)
def s24(b, m): memoryview(b"ab")[0] = 1
def s25(b, m):
    mm = m.cast("c")
    mm[0] = b"Q"
def s26(b, m):
    mm = m.cast("c")
    mm[0] = 1
def s27(b, m): m[0:2] = [1, 2]
def s28(b, m):
    del m[0]
def s29(b, m): b.reverse()
def s30(b, m):
    m.release()
    print(m.readonly)
def s31(b, m):
    m.release()
    print(m == m, m.released)
def s32(b, m):
    del m
    b.append(33)
def s33(b, m):
    m.toreadonly()[0] = 1
def s34(b, m):
    mm = m.cast("H")
    mm[1] = 0x4142
for k, f in enumerate([s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19, s20, s21, s22, s23, s24, s25, s26, s27, s28, s29, s30, s31, s32, s33, s34]):
    t(f"s{k}", f)
