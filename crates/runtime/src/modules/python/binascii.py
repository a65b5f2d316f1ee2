# Loopscope's binascii: the base64 and hex conversions base64 is built on,
# with the C module's rules (a2b_base64 skips characters outside the
# alphabet and stops at the padding) and messages.

_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_DECODE = {c: i for i, c in enumerate(_ALPHABET)}


class Error(ValueError):
    __module__ = 'binascii'


class Incomplete(Exception):
    __module__ = 'binascii'


def _data(data):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(data)


def _ascii(data):
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters') from None
    return bytes(data)


def b2a_base64(data, *, newline=True):
    data = _data(data)
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b'\0' * (3 - len(chunk)), 'big')
        quad = [_ALPHABET[(n >> shift) & 63] for shift in (18, 12, 6, 0)]
        if len(chunk) < 3:
            quad[len(chunk) + 1:] = [61] * (3 - len(chunk))
        out.extend(quad)
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    # binascii_a2b_base64_impl: strict mode refuses what the lenient one skips.
    data = _ascii(data)
    if strict_mode and data and data[0] == 61:
        raise Error("Leading padding not allowed")
    out = []
    quad_pos = 0
    leftchar = 0
    pads = 0
    padding_started = False
    for i, c in enumerate(data):
        if c == 61:
            padding_started = True
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    if strict_mode and i + 1 < len(data):
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        value = _DECODE.get(c)
        if value is None:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            leftchar = value
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((leftchar << 2) | (value >> 4)) & 255)
            leftchar = value & 15
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((leftchar << 4) | (value >> 2)) & 255)
            leftchar = value & 3
        else:
            quad_pos = 0
            out.append(((leftchar << 6) | value) & 255)
            leftchar = 0
    if quad_pos == 1:
        raise Error("Invalid base64-encoded string: number of data characters "
                    f"({len(out) // 3 * 4 + 1}) cannot be 1 more than a multiple of 4")
    if quad_pos:
        raise Error("Incorrect padding")
    return bytes(out)


def hexlify(data, sep=None, bytes_per_sep=1):
    return _data(data).hex().encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr):
    hexstr = _ascii(hexstr)
    if len(hexstr) % 2:
        raise Error("Odd-length string")
    digits = '0123456789abcdefABCDEF'
    text = hexstr.decode('ascii')
    if any(c not in digits for c in text):
        raise Error("Non-hexadecimal digit found")
    return bytes(int(text[i:i + 2], 16) for i in range(0, len(text), 2))


a2b_hex = unhexlify


def crc32(data, crc=0, /):
    # The same CRC-32 as zlib's.
    import zlib
    return zlib.crc32(data, crc)
