# Loopscope's base64: CPython 3.11's base64/base16 functions (the base32
# and base85 families are left out) over binascii, with its checks.

import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes',
           'b64encode', 'b64decode', 'standard_b64encode', 'standard_b64decode',
           'urlsafe_b64encode', 'urlsafe_b64decode', 'b16encode', 'b16decode']


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes):
        return s
    try:
        return bytes(s)
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None


def _swap(s, old, new):
    # bytes.translate: each byte of `old` becomes the byte of `new` at its place.
    table = dict(zip(old, new))
    return bytes(table.get(b, b) for b in s)


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _swap(encoded, b'+/', altchars)
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _swap(s, altchars, b'+/')
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return _swap(b64encode(s), b'+/', b'-_')


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    return b64decode(_swap(s, b'-_', b'+/'))


def b16encode(s):
    return binascii.hexlify(s).decode('ascii').upper().encode('ascii')


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.decode('ascii').upper().encode('ascii')
    import re
    if re.search(b'[^0-9A-F]', s):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


def encodebytes(s):
    encoded = b''
    for i in range(0, len(s), 57):
        encoded += binascii.b2a_base64(s[i:i + 57])
    return encoded


def decodebytes(s):
    return binascii.a2b_base64(s)


# The legacy file interface: lines of at most 76 characters, each from 57 bytes.
MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Read binary `input` to its end, writing base64 lines to binary `output`."""
    while True:
        chunk = input.read(MAXBINSIZE)
        if not chunk:
            return
        # A short read is not the end: fill the line before encoding it.
        while len(chunk) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(chunk))
            if not more:
                break
            chunk += more
        output.write(binascii.b2a_base64(chunk))


def decode(input, output):
    """Decode base64 lines from binary `input` into binary `output`."""
    while True:
        line = input.readline()
        if not line:
            return
        output.write(binascii.a2b_base64(line))
