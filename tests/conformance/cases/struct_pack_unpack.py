# struct: pack/unpack/calcsize/iter_unpack/unpack_from/pack_into with byte orders, native alignment, repeat counts, s/p/c/?/e/f/d, Struct objects, and struct.error's messages for ranges, types, counts, formats and buffer sizes
import asyncio
import struct

print(struct.calcsize("i"), struct.calcsize("@ci"), struct.calcsize("=ci"), struct.calcsize("<qh"), struct.calcsize("@hq"), struct.calcsize("3s2x"), struct.calcsize("ll"), struct.calcsize("<ll"), struct.calcsize("P"))
print(struct.pack(">I", 1), struct.pack("<I", 1), struct.pack("!h", -2), struct.pack("@bi", 1, 2))
print(struct.pack("<3s", b"abcdef"), struct.pack("<5s", b"ab"), struct.pack("<5p", b"abcdefg"), struct.pack("c?", b"x", [1]))
print(struct.pack("<fde", 1.5, -2.25, 0.1), struct.pack(">d", 1), struct.pack("<e", 65504.0), struct.pack("<e", 1e-7))
print(struct.unpack("<fde", struct.pack("<fde", 0.1, 0.1, 0.1)))
print(struct.unpack(">HhIQq", struct.pack(">HhIQq", 65535, -32768, 4294967295, 2**64 - 1, -2**63)))
print(struct.unpack("<3s2xp?c", b"abc\x00\x00\x00\x01Z"), struct.unpack("<4p", b"\x09abc"))
print(struct.unpack_from("<H", b"\x00\x01\x02\x03", 2), struct.unpack_from(">H", b"\x00\x01\x02", offset=1), struct.unpack_from("<H", b"\x01\x02\x03", -2))
print(list(struct.iter_unpack("<H", b"\x01\x00\x02\x00\x03\x00")))
buf = bytearray(6)
struct.pack_into(">HI", buf, 0, 7, 8)
print(buf)
s = struct.Struct("<iH")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"), type(s).__name__, struct.Struct(b">h").format)
print(list(s.iter_unpack(bytes(12))), s.unpack_from(bytes(7), 1))
print(struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))
bad = [
    ("b", 200), ("B", -1), ("h", 40000), ("H", -1), ("i", 2 ** 31), ("I", -1), ("I", 2 ** 32),
    ("<l", 2 ** 31), ("<L", 2 ** 32), ("q", 2 ** 63), ("Q", -1), ("i", "x"), ("i", 1.5),
    ("f", "x"), ("c", b"ab"), ("c", "a"), ("s", 1), ("e", 1e6), ("f", 1e300), ("<f", 1e300),
]
for fmt, value in bad:
    try:
        struct.pack(fmt, value)
    except (struct.error, OverflowError) as e:
        print(fmt, repr(value), type(e).__name__, e)
for args in [("ii", 1), ("i", 1, 2), ("z", 1), ("3",), ("<i4",)]:
    try:
        struct.pack(*args)
    except struct.error as e:
        print(args, e)
for fmt, data in [("i", b"\x00"), ("2h", b"\x00" * 5)]:
    try:
        struct.unpack(fmt, data)
    except struct.error as e:
        print(fmt, e)
for call in [lambda: struct.iter_unpack("i", b"12345"), lambda: struct.iter_unpack("", b""),
             lambda: struct.unpack_from("i", b"12", 1), lambda: struct.unpack("i", "abcd"),
             lambda: struct.calcsize(3), lambda: struct.pack_into("i"), lambda: struct.pack_into("i", buf),
             lambda: struct.pack_into("i", b"1234", 0, 1), lambda: struct.pack_into("i", bytearray(2), 0, 1)]:
    try:
        call()
    except (struct.error, TypeError) as e:
        print(type(e).__name__, e)


async def read_frame(reader_data):
    await asyncio.sleep(0.1)
    length, kind = struct.unpack("!IH", reader_data[:6])
    return kind, reader_data[6:6 + length]


async def main():
    frame = struct.pack("!IH", 5, 2) + b"hello"
    print(await read_frame(frame))


asyncio.run(main())
