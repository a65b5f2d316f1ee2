# Loopscope's secrets: CPython 3.11's secrets.py with SystemRandom's
# algorithms drawn from os.urandom, which is seeded: the run stays
# deterministic, where CPython's tokens differ at every run (only their
# lengths and alphabets can be compared).

import base64
import binascii
import os

__all__ = ['choice', 'randbelow', 'randbits',
           'token_bytes', 'token_hex', 'token_urlsafe', 'compare_digest']


def randbits(k):
    # SystemRandom.getrandbits, on the seeded os.urandom.
    if k < 0:
        raise ValueError('number of bits must be non-negative')
    numbytes = (k + 7) // 8
    x = int.from_bytes(os.urandom(numbytes), 'big')
    return x >> (numbytes * 8 - k)


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    k = exclusive_upper_bound.bit_length()
    r = randbits(k)
    while r >= exclusive_upper_bound:
        r = randbits(k)
    return r


def choice(seq):
    if not len(seq):
        raise IndexError('Cannot choose from an empty sequence')
    return seq[randbelow(len(seq))]


DEFAULT_ENTROPY = 32


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return os.urandom(nbytes)


def token_hex(nbytes=None):
    return binascii.hexlify(token_bytes(nbytes)).decode('ascii')


def token_urlsafe(nbytes=None):
    tok = token_bytes(nbytes)
    return base64.urlsafe_b64encode(tok).decode('ascii').rstrip('=')


def compare_digest(a, b):
    return a == b
