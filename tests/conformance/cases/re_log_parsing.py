# re on a log of an async pipeline: compiled named groups, findall of pairs, sub/split/search/fullmatch/finditer, flags, escape and a Match's repr.
import asyncio
import re

LOG = """2024-01-01 10:00:01 INFO user=alice action=login
2024-01-01 10:00:05 WARN user=bob action=retry count=3
2024-01-01 10:01:00 ERROR user=carol action=crash
"""

LINE = re.compile(r"(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>[A-Z]+) (.*)")


async def parse(line):
    await asyncio.sleep(0.01)
    m = LINE.match(line)
    if not m:
        return None
    fields = dict(re.findall(r"(\w+)=(\w+)", m.group(4)))
    return m.group("level"), m["time"], fields


async def main():
    rows = await asyncio.gather(*(parse(l) for l in LOG.splitlines()))
    for r in rows:
        print(r)
    print(re.sub(r"\d", "#", "a1b22c333"))
    print(re.split(r"[,;]\s*", "a, b;c,  d"))
    print(re.search(r"o+", "foo boo").span())
    print(re.fullmatch(r"[a-z]+", "abc"), re.fullmatch(r"[a-z]+", "abc1"))
    print([m.group() for m in re.finditer(r"\b\w{3}\b", "the cat sat on a mat")])
    m = re.match(r"(\w+) (\w+)", "Hello World")
    print(m.groups(), m.group(0, 2), m.start(2), m.end())
    print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "bob@example"))
    print(re.findall(r"[aeiou]", "Programming", re.IGNORECASE))
    print(re.compile(r"^\s*#", re.M).findall("x\n  # c\n#d"))
    print(m)
    print(LINE.pattern[:10], bool(re.match("a", "b")))
    print(re.sub(r"\s+", lambda mm: "_" * len(mm.group()), "a  b   c"))
    print(re.escape("1.5*x"))
    print(m.groupdict(), LINE.match(LOG).groupdict())

asyncio.run(main())
