# A container reached again through a class's __repr__ shows as [...] (one repr-enter list across nested reprs), and dunders recursing through built-ins raise RecursionError
class A:
    def __init__(self): self.items = [self]
    def __repr__(self): return f"A({self.items})"
print(repr(A())[:40])
class B:
    def __eq__(self, o): return [self] == [o]
try:
    [B()].index(B())
except RecursionError as e:
    print("RecursionError", e)
class C:
    def __hash__(self): return hash((self,))
try:
    hash(C())
except RecursionError as e:
    print("RecursionError", e)
class D:
    def __len__(self): return len(self)
try:
    len(D())
except RecursionError as e:
    print("RecursionError", e)
class E:
    def __bool__(self): return bool(self)
try:
    if E(): pass
except RecursionError as e:
    print("RecursionError", e)
class F:
    def __iter__(self): return iter(self)
try:
    iter(F())
except RecursionError as e:
    print("RecursionError", e)
