# os: fixed pid/cpu count/cwd, empty environ, seeded urandom; os.path string functions; copy.copy/deepcopy of containers (shared and recursive)
import os, os.path, copy
import posixpath
print(os.getpid(), os.getppid(), os.cpu_count(), os.name, os.sep, repr(os.linesep), os.getcwd(), os.path is posixpath)
print(os.urandom(8).hex(), os.urandom(0), len(os.urandom(16)))
print(os.environ, len(os.environ), os.environ.get("HOME"), os.getenv("USER", "nobody"), "PATH" in os.environ)
os.environ["MODE"] = "fast"
print(os.environ, os.environ["MODE"], os.getenv("MODE"), list(os.environ), dict(os.environ.items()), os.environ.copy())
for bad in [lambda: os.environ["NOPE"], lambda: os.environ.__setitem__("X", 1), lambda: os.urandom(-1), lambda: os.urandom("3"), lambda: os.path.join("a", 3), lambda: os.path.basename(None)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
for p in ["", "/", "a", "a/", "/a/b/", "//a//b/../c/.", "///x", "a/../..", "./x/./y/", "/a/b.tar.gz", ".bashrc", "a/.b.c", "..", "x..y", "a/b/"]:
    print(repr(p), os.path.basename(p), os.path.dirname(p), os.path.split(p), os.path.splitext(p), os.path.normpath(p), os.path.isabs(p), os.path.abspath(p))
print(os.path.join("a", "b", "c"), os.path.join("/a", "/b", "c"), os.path.join("a/", "b"), os.path.join("", "x"), os.path.join("a", ""))
print(os.path.relpath("/a/b/c", "/a/d"), os.path.relpath("x/y"), os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.commonprefix(["abc", "abd"]))
print(os.path.splitext(__file__), os.path.basename(__file__))
d = {"a": [1, 2, {"x": (3, [4])}], "b": {1, 2}}
s = copy.copy(d); deep = copy.deepcopy(d)
print(s == d, s is d, s["a"] is d["a"], deep == d, deep["a"] is d["a"], deep["a"][2]["x"] is d["a"][2]["x"], deep["a"][2]["x"][1] is d["a"][2]["x"][1])
shared = [1]; pair = [shared, shared]; cp = copy.deepcopy(pair); print(cp[0] is cp[1], cp[0] is shared)
loop = [1]; loop.append(loop); cl = copy.deepcopy(loop); print(cl[1] is cl, cl)
t = (1, "a", (2, 3)); print(copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy([t])[0] is t)
