# re's semantics as CPython's sre: empty matches in findall/sub/split, lookarounds, conditionals, atomic groups, Unicode classes, error positions, flag reprs; str.translate/maketrans and iteration through __getitem__.
import re

tests = [
    (r"a*", "baaa"), (r"\d+", "ab 12 cd 345"), (r"(\w+)=(\d+)?", "x=1 y= z=3"),
    (r"^$", ""), (r"(?i)straße", "STRASSE straße"), (r"[äöü]+", "Grüße aus Köln"),
    (r"\bé\w*", "café éclair"), (r"(a|b)*c", "ababc"), (r"x*", "axbx"),
    (r"(?<=@)\w+", "me@host you@there"), (r"(?<!\d)\d{2}(?!\d)", "1 22 333 44"),
    (r"(?P<y>\d{4})-(?P<m>\d\d)", "on 2024-05 and 1999-12"), (r"\s+$", "trail   "),
    (r"(?s)a.b", "a\nb"), (r"a.b", "a\nb"), (r"(a)(?:b)(c)?", "abd abc"),
    (r"[^\W\d_]+", "abc_12 déf"), (r"\Aab|cd\Z", "ab cd"), (r"(?m)^\w", "one\ntwo\nthree"),
    (r"(\d)(?(1)a|b)", "1a 2b"), (r"(?>a+)b", "aaab"), (r"a++b", "aaab"), (r"[a-c]{2,}?", "abcabc"),
]
for pat, s in tests:
    rx = re.compile(pat)
    print(pat, "|", rx.findall(s), "|", [m.span() for m in rx.finditer(s)], "|", rx.sub("<\\g<0>>", s))
    print("   ", rx.split(s), rx.search(s), rx.groups, dict(rx.groupindex))

for bad in ["(", "a)", "[a-", "*a", "a{3,2}", "(?P<1>x)", "\\", "(?<=a+)b", "x{", "(?P<n>a)(?P<n>b)", "\\9"]:
    try:
        re.compile(bad)
        print("ok", bad)
    except re.error as e:
        print(repr(bad), "->", e, "|", e.pos, e.lineno, e.colno, e.msg)

m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe")
print(m.group("first", "last"), m.expand(r"\g<last>, \1"), m.lastgroup, m.lastindex, m.re.pattern)
print(m.start("last"), m.end(), m.pos, m.endpos, m.string, m.regs)
try:
    m.group("nope")
except IndexError as e:
    print("IndexError", e)
print(re.sub(r"(\d+)", lambda mm: str(int(mm.group(1)) * 2), "3 apples and 10 pears"))
print(re.subn(r"\s", "", " a b c "), re.sub("", "-", "abc"), re.split("", "ab"), re.split(r"\b", "hi you"))
print(re.findall(rb"\d+", b"a1b22"), re.match(rb"(?i)AB", b"ab"))
print(re.I, re.I | re.M, repr(re.S | re.X), int(re.IGNORECASE), re.compile("a", re.I | re.U), re.compile(b"x", re.I))
print(re.compile(r"\d").pattern, re.compile("a") == re.compile("a"), type(re.compile("a")), type(m))
print(re.escape("a.b*c?[d]"), re.escape("hello world!"), re.fullmatch(r"\d{3}-\d{4}", "555-1234").group())
print(re.match(r"(a)|b", "b").groups(), re.match(r"(a)|b", "b").groups("z"), re.match(r"(a)|(b)", "b").lastindex)
s = re.compile(r"(\w+)\s*=\s*(.*)").match("  key = value ", 2)
print(s, s and s.groups())
print(re.compile(r"o").search("foo", 2), re.compile(r"o").match("foo", 1, 2), re.compile("o").findall("foooo", 1, 3))
print(re.sub(r"(?P<a>x)", r"[\g<a>\g<1>\\n]", "x"), re.sub("a", r"\n", "bab") == "b\nb")
print(re.compile(r"""
    (\d+)   # number
    \s*     # space
    (\w+)   # unit
""", re.VERBOSE).findall("10 kg, 5m"))
print(re.match("(?i)ǅ", "ǆ"), re.findall(r"\w+", "naïve café 123"), re.findall(r"(?a)\w+", "naïve café"))
print("abc".translate({97: None, 98: "XY", 99: 100}), str.maketrans("ab", "xy", "c"))


class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __getitem__(self, i):
        return self.cards[i]


print(list(Deck("AKQ")), "K" in Deck("AKQ"), [c for c in Deck([])], sorted(Deck([3, 1, 2])))
