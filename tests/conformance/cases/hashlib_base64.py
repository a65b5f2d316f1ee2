# hashlib md5/sha1/sha256/... digests, update/copy, base64 and binascii conversions with their errors, secrets.token_hex from the seeded os.urandom.
import asyncio
import hashlib
import base64
import secrets
import binascii


async def digest(name, data):
    await asyncio.sleep(0.05)
    return name, hashlib.sha256(data).hexdigest()[:16]


async def main():
    for r in await asyncio.gather(*(digest(n, n.encode()) for n in ["a", "bb", "ccc"])):
        print(r)
    print(hashlib.md5(b"hello").hexdigest())
    print(hashlib.sha1(b"hello").hexdigest())
    h = hashlib.sha256()
    h.update(b"hel")
    h.update(b"lo")
    print(h.hexdigest(), h.name, h.digest_size)
    enc = base64.b64encode(b"asyncio rocks")
    print(enc, base64.b64decode(enc))
    print(base64.urlsafe_b64encode(b"\xff\xfe\xfd"))
    print(len(secrets.token_hex(8)), len(secrets.token_bytes(4)))

    h2 = h.copy()
    h2.update(b"!")
    print(h.hexdigest()[:12], h2.hexdigest()[:12], hashlib.new("SHA1", b"x").hexdigest())
    print(hashlib.sha512(b"").hexdigest()[:32], hashlib.sha224(b"a").digest()[:4], hashlib.sha384().digest_size)
    for bad in (lambda: hashlib.sha256("text"), lambda: hashlib.new("whirl"), lambda: base64.b64decode("abc"),
                lambda: base64.b64decode("a"), lambda: base64.b64encode("s"), lambda: base64.b16decode(b"zz")):
        try:
            bad()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    print(base64.b64decode("aGk=\n"), base64.b64decode(b"aG k="), base64.urlsafe_b64decode("__79"), base64.b16encode(b"\x01\xab"))
    print(base64.encodebytes(b"x" * 60), binascii.hexlify(b"\x00\xff"), binascii.unhexlify("00ff"))
    print(len(secrets.token_hex(8)), len(secrets.token_urlsafe(6)), len(secrets.token_bytes()), secrets.token_hex(2).isalnum())

asyncio.run(main())
