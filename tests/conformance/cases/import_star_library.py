# `from M import *` of the library modules learners star-import binds their __all__ (or their public names), not the modules they import
before = set(dir())
from time import *
from random import *
from math import *
from collections import *
from itertools import *
from functools import *
from typing import *
from dataclasses import *
from enum import *
from operator import *
from contextlib import *
bound = set(dir()) - before
for name in ['sleep', 'perf_counter', 'monotonic', 'randint', 'choice', 'shuffle', 'sqrt', 'pi', 'inf',
             'deque', 'Counter', 'namedtuple', 'defaultdict', 'chain', 'islice', 'count', 'partial',
             'reduce', 'lru_cache', 'wraps', 'List', 'Optional', 'Any', 'dataclass', 'field', 'Enum',
             'auto', 'itemgetter', 'contextmanager', 'asynccontextmanager', 'suppress']:
    assert name in bound, name
for leaked in ['sys', 'os', 'abc', 'types', 'heapq', 'itertools', 'functools', 're', 'collections',
               '_collections_abc', 'namedtuple_', 'Random', 'MutableMapping', 'GenericAlias']:
    print(leaked, leaked in bound)
seed(7)
print(randint(1, 100), floor(pi * 100), list(islice(count(5), 3)), reduce(add, range(5)))
Point = namedtuple('Point', 'x y')
print(Point(1, 2), Counter('abca').most_common(1), deque([1, 2], maxlen=2))
