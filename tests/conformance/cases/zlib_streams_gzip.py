# zlib.compressobj/decompressobj streaming (chunks, max_length and unconsumed_tail, unused_data, eof, flush modes, copy, errors) and gzip.compress/decompress (mtime from the virtual clock, members, errors)
import zlib, gzip
data = b''.join(b'line %d of the text, repeated a little\n' % i for i in range(400))
for wbits in (15, -15, 31, 47, 9):
    try:
        blob = zlib.compress(data, 6, wbits if wbits not in (47,) else 31)
    except Exception as e:
        print('compress', wbits, type(e).__name__, e); continue
    for chunk in (1, 7, 100, 100000):
        d = zlib.decompressobj(wbits)
        out = b''.join(d.decompress(blob[i:i + chunk]) for i in range(0, len(blob), chunk))
        out += d.flush()
        print(wbits, chunk, out == data, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
blob = zlib.compress(data) + b'tail bytes'
print(len(d.decompress(blob)), d.eof, d.unused_data, d.decompress(b'more'), d.unused_data)
d = zlib.decompressobj()
parts = []
buf = zlib.compress(data)
while buf:
    parts.append(d.decompress(buf, 1000))
    buf = d.unconsumed_tail
print(b''.join(parts) == data, [len(p) for p in parts][:3], d.eof)
d = zlib.decompressobj()
first = d.decompress(zlib.compress(data)[:50])
c = d.copy()
print(len(first), d.eof, c.eof)
for bad in [b'xx', b'x\x9c\xff\xff', zlib.compress(b'abc')[:-1] + b'\x00']:
    d = zlib.decompressobj()
    try:
        print(d.decompress(bad), d.eof, d.flush())
    except zlib.error as e:
        print('error', e)
for level in (0, 1, 6, 9):
    c = zlib.compressobj(level)
    head = c.compress(b'hello ')
    rest = c.compress(b'world' * 3)
    sync = c.flush(zlib.Z_SYNC_FLUSH)
    tail = c.compress(b'!') + c.flush()
    whole = head + rest + sync + tail
    print(level, head, zlib.decompress(whole), sync[-4:], (whole if level == 0 else len(whole) > 0))
c = zlib.compressobj(0, wbits=31)
print(c.compress(b'abc'), c.flush())
c = zlib.compressobj(0, wbits=-15)
print(c.compress(b'abc'), c.flush(zlib.Z_FULL_FLUSH), c.flush())
c = zlib.compressobj(0)
print(c.flush())
try:
    c.flush()
except zlib.error as e:
    print('error', e)
try:
    c.compress(b'x')
except zlib.error as e:
    print('error', e)
for args in [(10,), (6, 7), (6, 8, 40), (6, 8, 15, 0), (6, 8, 15, 8, 9)]:
    try:
        zlib.compressobj(*args)
    except (ValueError, zlib.error) as e:
        print(args, type(e).__name__, e)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)
g = gzip.compress(data, mtime=0)
print(g[:10], gzip.decompress(g) == data, gzip.decompress(gzip.compress(b'x') + gzip.compress(b'yz')))
print(gzip.compress(b'abc', compresslevel=0)[:10], gzip.compress(b'abc', compresslevel=0, mtime=12345))
print(gzip.decompress(gzip.compress(b'', 0)), gzip.decompress(b''))
for bad in [b'\x1f\x8bxx', b'nope', gzip.compress(b'abc', 0)[:-3], gzip.compress(b'abc', 0)[:-8] + b'\x00' * 8]:
    try:
        gzip.decompress(bad)
    except (OSError, EOFError) as e:
        print(type(e).__name__, e)
