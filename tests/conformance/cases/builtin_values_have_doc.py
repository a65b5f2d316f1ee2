# Every built-in value has a __doc__ attribute (hasattr and getattr with no default succeed)
values = [len, print, int, 5, 2.5, 'a', b'b', [1], (1,), {1: 2}, {1}, None, True, [].append,
          str.upper, object, type, dict.get, range(3), slice(1), 1j, iter([]), object()]
print(all(hasattr(v, '__doc__') for v in values))
print(all(getattr(v, '__doc__') is None or isinstance(v.__doc__, str) for v in values))


def documented():
    "own docstring"


class Plain:
    pass


print(documented.__doc__, Plain.__doc__, Plain().__doc__)
