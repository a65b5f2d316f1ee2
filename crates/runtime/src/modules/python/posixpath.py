# Loopscope's posixpath (os.path): path strings as CPython handles them on
# Linux. There is no file system: exists(), isfile() and isdir() are False,
# and the current directory is os.getcwd()'s fixed one.

import os

__all__ = ["abspath", "basename", "commonpath", "commonprefix", "dirname",
           "exists", "expanduser", "getsize", "isabs", "isdir", "isfile",
           "islink", "join", "lexists", "normcase", "normpath", "relpath",
           "split", "splitdrive", "splitext", "sep", "curdir", "pardir",
           "extsep", "altsep", "pathsep", "defpath", "devnull"]

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"


def _path(p, function=None):
    # os.fspath() with the message of the function that got a bad path.
    if isinstance(p, (str, bytes)):
        return p
    fspath = getattr(type(p), "__fspath__", None)
    if fspath is not None:
        return fspath(p)
    if function is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")
    raise TypeError(f"{function}() argument must be str, bytes, or os.PathLike object, "
                    f"not '{type(p).__name__}'")


def normcase(s):
    return _path(s)


def isabs(s):
    return _path(s).startswith("/")


def join(a, *p):
    path = _path(a, "join")
    for b in p:
        b = _path(b, "join")
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    p = _path(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    p = _path(p)
    dot = p.rfind(".")
    if dot > p.rfind("/"):
        # A leading run of dots is part of the name (".bashrc").
        name_start = p.rfind("/") + 1
        if p[name_start:dot].strip("."):
            return p[:dot], p[dot:]
    return p, p[:0]


def splitdrive(p):
    p = _path(p)
    return p[:0], p


def basename(p):
    p = _path(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    return split(p)[0]


def exists(path):
    return False


lexists = isfile = isdir = islink = ismount = exists


def getsize(filename):
    raise FileNotFoundError(2, "No such file or directory")


def expanduser(path):
    return _path(path)


def normpath(path):
    path = _path(path)
    if not path:
        return "."
    initial = 0
    if path.startswith("/"):
        # POSIX keeps exactly two leading slashes, and turns more into one.
        initial = 2 if path.startswith("//") and not path.startswith("///") else 1
    parts = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part != ".." or (not initial and not parts) or (parts and parts[-1] == ".."):
            parts.append(part)
        elif parts:
            parts.pop()
    path = "/" * initial + "/".join(parts)
    return path or "."


def abspath(path):
    path = _path(path)
    if not isabs(path):
        path = join(os.getcwd(), path)
    return normpath(path)


realpath = abspath


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    start = curdir if start is None else _path(start)
    start_parts = [x for x in abspath(start).split("/") if x]
    path_parts = [x for x in abspath(path).split("/") if x]
    common = len(commonprefix([start_parts, path_parts]))
    rel = [pardir] * (len(start_parts) - common) + path_parts[common:]
    return join(*rel) if rel else curdir


def commonprefix(m):
    if not m:
        return ""
    low, high = min(m), max(m)
    for i, c in enumerate(low):
        if c != high[i]:
            return low[:i]
    return low


def commonpath(paths):
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = [_path(p) for p in paths]
    absolute = {p.startswith("/") for p in paths}
    if len(absolute) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split("/") if c and c != "."] for p in paths]
    low, high = min(split_paths), max(split_paths)
    common = low
    for i, c in enumerate(low):
        if c != high[i]:
            common = low[:i]
            break
    return ("/" if absolute.pop() else "") + "/".join(common)
