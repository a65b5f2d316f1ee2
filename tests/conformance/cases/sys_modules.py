# sys.modules is the live table of imported modules: imports add to it,
# a module placed there is what import gives, None there stops an import,
# deleting an entry makes the next import run the module again.
import sys

print(type(sys.modules).__name__, sys.modules["sys"] is sys, sys.modules["__main__"].__name__)
import heapq

print("heapq" in sys.modules, sys.modules["heapq"] is heapq)
print(sys.modules["builtins"].len is len)


class Fake:
    answer = 42


sys.modules["fake_settings"] = Fake()
import fake_settings
from fake_settings import answer

print(type(fake_settings).__name__, answer)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
del sys.modules["heapq"]
import heapq as again

print(again is heapq, "heapq" in sys.modules, again.nsmallest(2, [3, 1, 2]))
this_module = sys.modules[__name__]
this_module.added_late = "late"
print(added_late)
