# graphlib.TopologicalSorter over thousands of nodes: static_order, the get_ready/done protocol and a cycle, digested; attribute lookups of instances, slots and class attributes along the way
import graphlib
import hashlib

n = 6000
graph = {i: {i // 2, i // 3} - {i} for i in range(n)}
graph.update({("leaf", k): {k, (k * 7) % n} for k in range(0, n, 5)})
order = list(graphlib.TopologicalSorter(graph).static_order())
print(len(order), order[:6], order[-3:])
print(hashlib.sha256(repr(order).encode()).hexdigest()[:16])

ts = graphlib.TopologicalSorter()
for i in range(1, n):
    ts.add(i, i - 1, i // 2)
ts.prepare()
rounds = 0
done = 0
while ts.is_active():
    ready = ts.get_ready()
    rounds += 1
    done += len(ready)
    ts.done(*ready)
print("rounds", rounds, "done", done)


class Node:
    __slots__ = ("name", "weight")
    kind = "node"

    def __init__(self, name, weight):
        self.name = name
        self.weight = weight

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return isinstance(other, Node) and self.name == other.name

    def __repr__(self):
        return f"{self.kind}:{self.name}/{self.weight}"


nodes = [Node(i, i % 7) for i in range(3000)]
ts = graphlib.TopologicalSorter({node: [nodes[node.name // 2]] if node.name else [] for node in nodes})
out = list(ts.static_order())
print(sum(node.weight for node in out), out[:3], out[-2:])

cyclic = graphlib.TopologicalSorter({i: [(i + 1) % 500] for i in range(500)})
try:
    cyclic.prepare()
except graphlib.CycleError as e:
    print(e.args[0], len(e.args[1]), e.args[1][:4])
