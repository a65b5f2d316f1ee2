# base64.b64decode(validate=True) and binascii.a2b_base64(strict_mode=True): CPython 3.11's strict-mode errors, and the lenient mode's skipping
import base64, binascii
cases = [b"ab=c", b"a===", b"!!!!", b"YWJj\nZGVm", b"=abc", b"ab==cd", b"abc=", b"ab", b"abcd=",
         b"abcd==", b"ab=", b"YQ==YQ==", b"abc\x00", b"", b"YWJj", b"Y W J j", b"YW==", b"YWJ="]
for data in cases:
    for strict in (False, True):
        try:
            print(data, strict, binascii.a2b_base64(data, strict_mode=strict))
        except binascii.Error as e:
            print(data, strict, "Error", e)
    try:
        print(data, "b64decode validate", base64.b64decode(data, validate=True))
    except binascii.Error as e:
        print(data, "b64decode validate", "Error", e)
print(base64.b64decode("YWJj", altchars=b"-_", validate=True))
