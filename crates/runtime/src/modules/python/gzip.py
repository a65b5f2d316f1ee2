# Loopscope's gzip: the one-shot compress() and decompress() of CPython 3.11's
# gzip module, over zlib (whose deflate data differs from zlib 1.2.13's at
# levels 1 to 9: docs/differences.md). A simulated program has no files, so
# GzipFile and open() are not here. compress() writes the modification time
# of the header from time.time(), the virtual clock (0 when the program
# starts), unless mtime= is given.

import io
import struct
import time
import zlib

__all__ = ["BadGzipFile", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9


class BadGzipFile(OSError):
    """Exception raised in some cases for invalid gzip files."""


def _read_exact(fp, n):
    data = fp.read(n)
    while len(data) < n:
        more = fp.read(n - len(data))
        if not more:
            raise EOFError("Compressed file ended before the "
                           "end-of-stream marker was reached")
        data += more
    return data


def _skip_zero_terminated(fp):
    while True:
        byte = fp.read(1)
        if not byte or byte == b'\000':
            return


def _read_gzip_header(fp):
    # The member's modification time, with fp past its header; None at the end.
    magic = fp.read(2)
    if magic == b'':
        return None
    if magic != b'\037\213':
        raise BadGzipFile('Not a gzipped file (%r)' % magic)
    method, flag, last_mtime = struct.unpack("<BBIxx", _read_exact(fp, 8))
    if method != 8:
        raise BadGzipFile('Unknown compression method')
    if flag & FEXTRA:
        extra_len, = struct.unpack("<H", _read_exact(fp, 2))
        _read_exact(fp, extra_len)
    if flag & FNAME:
        _skip_zero_terminated(fp)
    if flag & FCOMMENT:
        _skip_zero_terminated(fp)
    if flag & FHCRC:
        _read_exact(fp, 2)
    return last_mtime


def _create_simple_gzip_header(compresslevel, mtime=None):
    if mtime is None:
        mtime = time.time()
    if compresslevel == _COMPRESS_LEVEL_BEST:
        xfl = 2
    elif compresslevel == _COMPRESS_LEVEL_FAST:
        xfl = 4
    else:
        xfl = 0
    # No optional fields; the operating system is 255, unknown.
    return struct.pack("<BBBBLBB", 0x1f, 0x8b, 8, 0, int(mtime), xfl, 255)


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compress data in one shot and return the compressed string."""
    if mtime == 0:
        return zlib.compress(data, level=compresslevel, wbits=31)
    header = _create_simple_gzip_header(compresslevel, mtime)
    trailer = struct.pack("<LL", zlib.crc32(data), (len(data) & 0xffffffff))
    return header + zlib.compress(data, level=compresslevel, wbits=-15) + trailer


def decompress(data):
    """Decompress a gzip compressed string in one shot."""
    members = []
    while True:
        fp = io.BytesIO(data)
        if _read_gzip_header(fp) is None:
            return b"".join(members)
        inflater = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
        member = inflater.decompress(data[fp.tell():])
        if not inflater.eof or len(inflater.unused_data) < 8:
            raise EOFError("Compressed file ended before the end-of-stream "
                           "marker was reached")
        crc, length = struct.unpack("<II", inflater.unused_data[:8])
        if crc != zlib.crc32(member):
            raise BadGzipFile("CRC check failed")
        if length != (len(member) & 0xffffffff):
            raise BadGzipFile("Incorrect length of data produced")
        members.append(member)
        data = inflater.unused_data[8:].lstrip(b"\x00")
