# set operators and methods between sets of objects equal by their class's __eq__ and __hash__ (frozen dataclasses), with sets and lists as operands
from dataclasses import dataclass
@dataclass(frozen=True)
class P:
    x: int
a = {P(1), P(2), P(3)}
b = {P(2), P(3), P(4)}
print(sorted(a | b, key=repr), sorted(a & b, key=repr), sorted(a - b, key=repr), sorted(a ^ b, key=repr))
print(sorted(a.union([P(5), P(1)]), key=repr), sorted(a.intersection([P(3), P(9)]), key=repr), sorted(a.difference([P(1)]), key=repr), sorted(a.symmetric_difference([P(1), P(7)]), key=repr))
c = set(a); c |= {P(1), P(8)}; print(len(c))
c &= {P(8), P(2)}; print(sorted(c, key=repr))
c -= {P(8)}; print(c)
c ^= {P(2), P(0)}; print(c)
d = set(a); d.update([P(1), P(6)]); d.intersection_update({P(6), P(1)}); print(sorted(d, key=repr))
d.difference_update([P(6)]); print(d); d.symmetric_difference_update([P(1), P(5)]); print(d)
print(frozenset(a) | b == a | b, type(frozenset(a) & b).__name__)
print(len({P(1)} | {P(1)}), {1, 2} | {2, 3}, {(1, P(1))} & {(1, P(1))})
