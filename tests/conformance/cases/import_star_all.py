# `from m import *`: a module's __all__ (missing and non-str names), its public names without one, and asyncio's and base64's lists
import sys
import types

box = types.ModuleType('box', 'A module made in the program.')
print(box, box.__doc__, sorted(vars(box)))
box.__all__ = ['shown', 'hidden_but_listed', '_private_but_listed']
box.shown = 1
box.hidden_but_listed = 2
box._private_but_listed = 3
box.not_listed = 4
sys.modules['box'] = box
from box import *
print(shown, hidden_but_listed, _private_but_listed, 'not_listed' in dir())

box.__all__ = ('shown', 'absent')
try:
    from box import *
except AttributeError as e:
    print('AttributeError:', e)
box.__all__ = ['shown', 7]
try:
    from box import *
except TypeError as e:
    print('TypeError:', e)

plain = types.ModuleType('plain')
plain.alpha = 'a'
plain._beta = 'b'
plain.gamma = 'g'
sys.modules['plain'] = plain
from plain import *
print(alpha, gamma, '_beta' in dir(), '__name__' in vars(plain))
plain.__dict__[3] = 'three'
try:
    from plain import *
except TypeError as e:
    print('TypeError:', e)


class Holder:
    value = 10


sys.modules['holder'] = Holder
from holder import *
print(value)
sys.modules['number'] = 5
try:
    from number import *
except ImportError as e:
    print('ImportError:', e)

try:
    types.ModuleType()
except TypeError as e:
    print('TypeError:', e)
try:
    types.ModuleType(3)
except TypeError as e:
    print('TypeError:', e)

import asyncio
print(type(asyncio.__all__).__name__, type(asyncio.taskgroups.__all__).__name__)
print(asyncio.tasks.__all__[:4], 'TaskGroup' in asyncio.__all__)
before = set(dir())
from asyncio import *
bound = set(dir()) - before
print(sorted(n for n in bound if n in ('sleep', 'gather', 'Queue', 'timeout', 'TaskGroup', 'tasks', 'events', 'base_events', '_get_running_loop')))

from base64 import *
print(b64encode(b'star'), b16decode('7374'), 'binascii' in dir())
