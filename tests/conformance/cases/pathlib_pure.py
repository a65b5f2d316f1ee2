# pathlib's pure paths: parsing and joining with /, parts, name, suffix(es),
# stem, parent(s), with_name/with_suffix/with_stem, relative_to, match,
# comparisons and reprs, Path.cwd()/absolute(), and CPython's errors.
import asyncio
from pathlib import Path, PurePath, PurePosixPath


async def export(report, directory):
    await asyncio.sleep(0.1)
    target = directory / f"{report}.csv"
    print("exported", target, target.with_suffix(".json").name)
    return target


async def main():
    out = PurePath("/srv") / "exports"
    paths = await asyncio.gather(*(export(name, out) for name in ("daily", "weekly")))
    print(sorted(paths), [p.stem for p in paths])
    p = PurePosixPath("/usr", "lib/", "./python3.11", "x.tar.gz")
    print(repr(p), p, p.parts, p.name, p.suffix, p.suffixes, p.stem)
    print(p.parent, list(p.parents), p.anchor, p.root, repr(p.drive), p.parents, p.parents[0], p.parents[-1], len(p.parents))
    print(PurePath("a") / "b" / PurePath("c"), "x" / PurePosixPath("y"), PurePosixPath("a", "/b"), PurePosixPath())
    print(PurePosixPath("//a/b"), PurePosixPath("///a"), PurePosixPath("a/.."), PurePosixPath("a").parent, PurePosixPath("/").parent)
    print(repr(PurePosixPath(".").name), PurePosixPath(".bashrc").suffix, repr(PurePosixPath("a.").suffix), PurePosixPath("a.b.").suffixes)
    print(p.with_name("y.txt"), p.with_suffix(".zip"), p.with_suffix(""), p.with_stem("z"), p.relative_to("/usr"), p.relative_to("/usr", "lib"))
    print(p.is_relative_to("/etc"), p.is_absolute(), PurePosixPath("a").is_absolute(), p.as_posix(), p.as_uri(), p.joinpath("q", "r"))
    print(PurePosixPath("a") == PurePosixPath("a/"), PurePosixPath("a") < PurePosixPath("b"), PurePosixPath("a") == "a")
    print(hash(PurePosixPath("a")) == hash(PurePosixPath("a")), sorted([PurePosixPath("b"), PurePosixPath("a/c"), PurePosixPath("/z")]))
    print(p.match("*.gz"), p.match("lib/*/*.gz"), p.match("/usr/*"), p.match("x.[st]ar.*"), PurePosixPath("a/b.py").match("*.txt"))
    print(repr(Path("a/b")), type(Path("x")).__name__, isinstance(Path("x"), PurePath), Path.cwd(), Path("a").absolute())
    print(str(Path("/x/y/../z")), f"{Path('f.txt')}", {PurePosixPath("k"): 1}[PurePosixPath("k/")])
    attempts = [
        lambda: p.with_suffix("zip"),
        lambda: PurePosixPath("/").with_name("a"),
        lambda: p.with_name("a/b"),
        lambda: p.relative_to("/etc"),
        lambda: PurePosixPath("a") / 3,
        lambda: PurePosixPath(3),
        lambda: p.parents[9],
    ]
    for attempt in attempts:
        try:
            print("no error:", attempt())
        except Exception as exc:
            print(type(exc).__name__, exc)


asyncio.run(main())
