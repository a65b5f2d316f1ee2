# zlib: crc32 and adler32 of bytes, bytearrays and memoryviews, running checksums with a start value (taken modulo 2**32), binascii.crc32 agreeing, and the type errors
import binascii
import zlib

for data in [b"", b"a", b"hello world", bytes(range(256)) * 40]:
    print(zlib.crc32(data), zlib.adler32(data))
print(zlib.crc32(b"world", zlib.crc32(b"hello ")), zlib.crc32(b"hello world"))
print(zlib.adler32(b"world", zlib.adler32(b"hello ")), zlib.adler32(b"hello world"))
print(zlib.crc32(bytearray(b"abc")), zlib.crc32(memoryview(b"abc")), zlib.adler32(bytearray(b"abc")))
print(zlib.crc32(b"x", -1), zlib.crc32(b"x", 2 ** 40 + 5), zlib.adler32(b"x", 0), zlib.adler32(b"x", 2 ** 32 + 1))
print(binascii.crc32(b"hello world") == zlib.crc32(b"hello world"))
for call in [lambda: zlib.crc32("text"), lambda: zlib.adler32(5), lambda: zlib.crc32(b"", 1.5)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
