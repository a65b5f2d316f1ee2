# bound methods compare equal (and hash alike) when they bind one function to one object, so observers can be removed and counted; weakref.WeakMethod on top
import weakref, gc

class Bus:
    def __init__(self):
        self.handlers = []
    def on(self, h):
        self.handlers.append(h)
    def off(self, h):
        self.handlers.remove(h)

class Widget:
    def __init__(self, name):
        self.name = name
    def handle(self, x):
        return f"{self.name}:{x}"
    def __eq__(self, other):
        return isinstance(other, Widget) and self.name == other.name
    def __hash__(self):
        return hash(self.name)

a, b, twin = Widget("a"), Widget("b"), Widget("a")
bus = Bus()
bus.on(a.handle)
bus.on(b.handle)
bus.on(a.handle)
print(a.handle == a.handle, a.handle != b.handle, a.handle == twin.handle, a.handle is a.handle)
print(bus.handlers.count(a.handle), a.handle in bus.handlers, twin.handle in bus.handlers)
bus.off(a.handle)
print([h("x") for h in bus.handlers])
print(len({a.handle, a.handle, b.handle}), {a.handle: 1}[a.handle], hash(a.handle) == hash(a.handle))
print(Widget.handle == Widget.handle, a.handle.__func__ is Widget.handle, a.handle.__self__ is a)
try:
    bus.off(twin.handle)
except ValueError as e:
    print("ValueError:", e)
import weakref, gc
class Handler:
    def __init__(self, name):
        self.name = name
    def on_event(self, x):
        return f"{self.name} got {x}"
h = Handler("h1")
wm = weakref.WeakMethod(h.on_event, lambda r: print("callback, dead:", r() is None))
print(wm()(1), wm() == h.on_event, wm() is wm(), wm == weakref.WeakMethod(h.on_event))
del h
gc.collect()
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(e)
listeners = []
class Button:
    def click(self):
        return [r()("click") for r in listeners if r() is not None]
class View:
    def handle(self, e):
        return "view saw " + e
v = View()
listeners.append(weakref.WeakMethod(v.handle))
b = Button()
print(b.click())
del v
print(b.click())
print(weakref.WeakMethod, weakref.WeakMethod.__qualname__)
