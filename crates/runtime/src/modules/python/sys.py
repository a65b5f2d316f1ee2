# The Python half of Loopscope's sys (the rest is modules/sys.rs, which runs
# this in the module's namespace): version_info, the named 5-tuple of the
# oracle's version.

_FIELDS = ("major", "minor", "micro", "releaselevel", "serial")


class _VersionInfo(tuple):
    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'sys.version_info' instances")

    def __repr__(self):
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(_FIELDS, self))
        return f"sys.version_info({shown})"


def _item(index):
    return property(lambda self: self[index])


for _index, _name in enumerate(_FIELDS):
    setattr(_VersionInfo, _name, _item(_index))
_VersionInfo.__name__ = _VersionInfo.__qualname__ = "version_info"
_VersionInfo.__module__ = "sys"

version_info = tuple.__new__(_VersionInfo, (3, 11, 7, "final", 0))
del _index, _name, _item, _VersionInfo
