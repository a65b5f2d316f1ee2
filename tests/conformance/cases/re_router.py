# re as a tiny async router: groupdict, optional groups and their defaults, subn, expand, inline flags, verbose mode, re.error's message for a bad pattern.
import re
import asyncio

ROUTES = [
    (re.compile(r"^/users/(?P<uid>\d+)$"), "user"),
    (re.compile(r"^/posts/(?P<slug>[\w-]+)/?$"), "post"),
    (re.compile(r"^/$"), "home"),
]


async def handle(path):
    await asyncio.sleep(0.01 * len(path))
    for rx, name in ROUTES:
        m = rx.match(path)
        if m:
            return name, m.groupdict()
    return "404", {}


async def main():
    for p in ["/", "/users/42", "/posts/hello-world/", "/nope"]:
        print(p, await handle(p))
    s = "Temperature: 21.5C, humidity 40%, wind 3.2 km/h"
    print(re.findall(r"\d+(?:\.\d+)?", s))
    print(re.sub(r"(?i)KM/H", "kph", s))
    print(re.split(r"(\s)", "a b"))
    print(re.subn("a", "b", "banana"))
    p = re.compile(r"(a)(b)?")
    m = p.search("xac")
    print(m.groups(), m.groups("-"), m.lastindex, m.span(2))
    print(re.findall(r"(a)(b)?", "ab a"))
    print(re.match(r"(?x) \d+  # digits\n", "123abc").group())
    print(re.compile("x", re.I | re.M).flags)
    print(p)
    print(re.sub(r"^", "> ", "l1\nl2", flags=re.M))
    print(re.search(r"(\d+)-(\d+)", "10-20").expand(r"\2..\1"))
    try:
        re.compile("(")
    except re.error as e:
        print("error:", e)
    print(re.findall(r"\bfoo\b", "foo foobar (foo)"))
    print(re.match(r".*?(\d)", "ab12").group(1), re.match(r"a{2,3}", "aaaa").group())
    print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there"))
    print([w for w in re.split(r"\W+", "Hello, world! ok") if w])

asyncio.run(main())
