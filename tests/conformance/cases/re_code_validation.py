# _sre.compile checks the SRE code it is given as CPython's _validate does (RuntimeError 'invalid SRE code', OverflowError for words past 32 bits), and case-insensitive matching uses CPython's simple case mappings: İ lowers to i, ß and the ligatures are cased, LOCALE bytes sets match upper-case letters.
import re
import _sre

OK = re.compile("(a)|[b-d]x")
print(OK.groups, OK.search("zzcx").span())


def code_of(pattern, flags=0):
    p = re._parser.parse(pattern, flags)
    return re._compiler._code(p, flags), p.state.groups


for pattern in ["a", "(a)(?(1)b|c)", "[a-z]+", "(?i)ab", "(?>a+)b", "a{2,5}?", "(?<=ab)c", "a|b|c", "(?P<n>x)(?P=n)", "[^\\W\\d]"]:
    code, groups = code_of(pattern)
    print(pattern, _sre.compile(pattern, 0, code, groups - 1, {}, (None,) * groups).search("zaabbcx ab xx") is not None)
    # Each word changed in turn: CPython's check and Loopscope's must agree (only
    # where CPython's own check reads within the code: a bad skip in some codes makes it
    # read past the end).
    refused = []
    for i in range(len(code) if pattern in ("a", "(a)(?(1)b|c)", "(?>a+)b") else 0):
        for value in (0, 1, 7, 17, 99, len(code), 0xFFFFFFFF):
            bad = list(code)
            bad[i] = value
            try:
                _sre.compile(pattern, 0, bad, groups - 1, {}, (None,) * groups)
            except RuntimeError as error:
                refused.append((i, value))
                assert str(error) == "invalid SRE code", error
    print(len(refused), refused[:12])
    for cut in range(len(code)):
        try:
            _sre.compile(pattern, 0, code[:cut], groups - 1, {}, (None,) * groups)
            print("accepted a prefix", cut)
        except RuntimeError:
            pass
for code in ([], [1], [99999], [17, 4294967295, 1], [14, 0, 1], [0]):
    try:
        _sre.compile("a", 0, code, 0, {}, (None,))
        print(code, "accepted")
    except RuntimeError as error:
        print(code, "RuntimeError", error)
for code in ([2 ** 32], [-1], [16, 97, 2 ** 40, 1]):
    try:
        _sre.compile("a", 0, code, 0, {}, (None,))
    except OverflowError as error:
        print(code, "OverflowError", error)
try:
    _sre.compile("a", 0, [1], -1, {}, (None,))
except RuntimeError as error:
    print("groups -1", error)

texts = ["İı iI", "Kkſ\u212a", "ß ẞ ss", "ﬀ FF ff", "ǅǆǄ", "Σσς", "ᾳᾼ"]
for pattern in ["(?i)\u0130", "(?i)i", "(?i)[\u0130-\u0131]", "(?i)ß", "(?i)ẞ", "(?i)[r-t]", "(?i)ﬀ", "(?i)[ǅ]", "(?i)σ", "(?i)ᾳ", "(?i)[^k]", "(?i)[\u0100-\uffff]"]:
    print(ascii(pattern), [len(re.findall(pattern, t)) for t in texts])
for flags in (re.I | re.L, re.I):
    for pattern in [rb"[a-z\xe9]", rb"[a-z]", rb"k", rb"[^a-z]", rb"\xe9", rb"[A-Z]"]:
        if flags & re.L and pattern == rb"\xe9":
            continue
        print(pattern, flags, re.compile(pattern, flags).findall(b"ab\xe9\xc9 KZz"))
