# Loopscope's importlib: import_module as CPython 3.11's Lib/importlib/__init__.py
# has it (PSF license), over the engine's import (__import__ finds the module in
# the registry); relative names are resolved as importlib._bootstrap's
# _resolve_name does. Loaders, finders, specs and reload are not there: there
# is no file system to import from.

import sys

__all__ = ['import_module']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    level = 0
    if name.startswith('.'):
        if not package:
            msg = ("the 'package' argument is required to perform a relative "
                   "import for {!r}")
            raise TypeError(msg.format(name))
        for character in name:
            if character != '.':
                break
            level += 1
    name = name[level:]
    if level > 0:
        name = _resolve_name(name, package, level)
    if not name:
        raise ValueError('Empty module name')
    __import__(name)
    return sys.modules[name]
