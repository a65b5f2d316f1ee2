# string's constants and capwords; textwrap's wrap/fill/shorten/dedent/indent with CPython's break rules
import string
import textwrap

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "octdigits", "punctuation", "printable", "whitespace"]:
    print(name, repr(getattr(string, name)))
print(string.capwords("  hello   world-foo  bar "), string.capwords("a,b,,c", ","))

text = ("The well-known event loop runs one callback at a time -- never two -- and "
        "asyncio.gather() schedules its awaitables as tasks. Supercalifragilisticexpialidocious "
        "words get broken. Mr. Smith said hi! Then left.  A long-winded, self-referential, "
        "re-entrant x-y-z e-mail about co-operative multi-tasking.")
for width in [1, 5, 10, 12, 20, 33, 70]:
    print(width, textwrap.wrap(text, width))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap(text, 15, break_long_words=False))
print(textwrap.wrap("  leading\tand\ttabs  \n new lines ", 12))
print(textwrap.wrap("a\tb\tc", 20, expand_tabs=False), textwrap.wrap("a\tb\tc", 20, tabsize=4))
print(textwrap.wrap("x  y   z", 3, drop_whitespace=False), textwrap.wrap("   ", 5), textwrap.wrap("", 5))
print(textwrap.wrap("keep\nnewlines here", 40, replace_whitespace=False))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 30, max_lines=3), textwrap.wrap(text, 30, max_lines=2, placeholder="..."))
print(textwrap.wrap("Hello there. How are you? Fine!", 60, fix_sentence_endings=True))
print(textwrap.shorten("Hello  world!   This is a   test", 12), textwrap.shorten("Hello world", 11), textwrap.shorten("Hello world", 5))
print(repr(textwrap.shorten("The quick brown fox jumps", 15, placeholder=" ~")))
print(textwrap.wrap("--dashes at start and end--", 10), textwrap.wrap("one--two three---four", 8), textwrap.wrap("a-b-c-d-e-f-g-h", 4))
print(textwrap.wrap("hyphen-ated-words with-some-more-hyphens 12-34 ab-12", 9))
print(textwrap.wrap("http://example.com/a-long-path-with-dashes", 10))
print(repr(textwrap.dedent("""
    def f():
        return 1
      
    \tx
""")))
print(repr(textwrap.dedent("  a\n    b\n  c\n")), repr(textwrap.dedent("\ta\n  b\n")), repr(textwrap.dedent("  a\n \n  b")))
print(repr(textwrap.indent("one\n\ntwo\n", "> ")), repr(textwrap.indent("one\n\ntwo", "+ ", lambda line: True)))
for bad in [lambda: textwrap.wrap("x", 0), lambda: textwrap.wrap("x", 10, bogus=1), lambda: textwrap.shorten("hello world", 3, placeholder=" [....]")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
