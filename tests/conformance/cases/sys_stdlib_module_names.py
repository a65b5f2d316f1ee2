# sys.stdlib_module_names: CPython's frozenset of its standard library's top-level
# module names, the same whether or not a module can be imported here.
import sys

names = sys.stdlib_module_names
print(type(names).__name__, len(names))
print(sorted(names)[:6], sorted(names)[-3:])
print([name in names for name in ("asyncio", "concurrent", "concurrent.futures", "aiohttp", "tkinter", "_thread")])
print(list(names)[:8])


def origin(module):
    top = module.partition(".")[0]
    return "standard library" if top in sys.stdlib_module_names else "third-party"


for module in ("asyncio.queues", "requests", "json", "numpy.linalg", "xml.etree.ElementTree"):
    print(f"{module:>22}: {origin(module)}")
try:
    names.add("mine")
except AttributeError as error:
    print("AttributeError:", error)
