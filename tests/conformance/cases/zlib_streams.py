# zlib.compress/decompress: zlib, raw and gzip streams (wbits), round trips at every level, level 0's stored bytes, CPython-made streams, inflate's errors, zlib.error and the constants, with base64 on top
import base64
import zlib

text = b"The quick brown fox jumps over the lazy dog. " * 10
made_by_zlib = {
    15: "78da0bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228014ae72456552aa4e4a7eb29848c2a1e7c8a01a4b3a187",
    -15: "0bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228014ae72456552aa4e4a7eb29848c2a1e7ca10100",
    31: "1f8b08000000000000030bc94855282ccd4cce56482aca2fcf5348cbaf50c82acd2d2856c82f4b2d5228014ae72456552aa4e4a7eb29848c2a1e7c8a018b1809e8c2010000",
}
for wbits, stream in made_by_zlib.items():
    data = zlib.decompress(bytes.fromhex(stream), wbits)
    print(wbits, data == text, len(data))
auto = zlib.decompress(bytes.fromhex(made_by_zlib[31]), 47) == zlib.decompress(bytes.fromhex(made_by_zlib[15]), 47)
print("auto-detected:", auto, zlib.decompress(bytes.fromhex(made_by_zlib[15]), 0) == text)

for level in [-1, 0, 1, 2, 5, 6, 7, 9]:
    for wbits in [15, 9, -15, -9, 31, 25]:
        packed = zlib.compress(text, level, wbits)
        assert zlib.decompress(packed, wbits) == text, (level, wbits)
    print("level", level, "round trips, header", zlib.compress(text, level)[:2].hex(),
          "gzip header", zlib.compress(text, level, wbits=31)[:10].hex())

for data in [b"", b"a", b"hello", bytes(range(256)) * 4]:
    stored = zlib.compress(data, 0)
    print(len(data), stored[:16].hex(), stored[-4:].hex(), zlib.compress(data, level=0, wbits=-15)[:8].hex())
print(zlib.compress(b"abc", 0, wbits=31).hex())
print(base64.b64encode(zlib.compress(b"loopscope", 0)), zlib.decompress(base64.b64decode(base64.b64encode(zlib.compress(text)))) == text)
print(zlib.decompress(bytearray(zlib.compress(b"from a bytearray"))), zlib.decompress(memoryview(zlib.compress(b"view"))))
print(zlib.decompress(zlib.compress(b"trailing") + b"junk"), zlib.crc32(text), zlib.adler32(text))

good = bytes.fromhex(made_by_zlib[15])
gz = bytes.fromhex(made_by_zlib[31])
flip_crc = bytearray(gz)
flip_crc[-5] ^= 1
flip_len = bytearray(gz)
flip_len[-1] ^= 1
broken = [
    (good[:-1], 15), (good[:5], 15), (b"\x78\x9c\xff\xff", 15), (b"x", 15), (b"", 15),
    (good[:-4] + b"\x00\x00\x00\x00", 15), (b"\x79\x9c" + good[2:], 15), (b"\x88\x98" + good[2:], 15),
    (b"\x78\x01" + good[2:], 8), (good, 16), (good, 48), (good, -16), (gz, 15), (gz[:-1], 31),
    (bytes(flip_crc), 31), (bytes(flip_len), 31), (b"\x1f\x8c" + gz[2:], 31), (b"\x7b\x9c" + good[2:], 15),
    (gz, 16), (good, 32), (gz, 32),
]
for data, wbits in broken:
    try:
        print(zlib.decompress(data, wbits))
    except zlib.error as e:
        print("zlib.error:", e)
for level, wbits in [(10, 15), (-2, 15), (6, 8), (6, 16), (6, -8), (6, 32), (6, 7)]:
    try:
        print(zlib.compress(b"ab", level, wbits)[:2].hex())
    except zlib.error as e:
        print(level, wbits, "zlib.error:", e)
for call in [lambda: zlib.compress("text"), lambda: zlib.decompress("text"), lambda: zlib.compress(),
             lambda: zlib.decompress(good, bufsize=-1)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(zlib.error, issubclass(zlib.error, Exception), zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION,
      zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, zlib.ZLIB_VERSION)
