# pickle.dumps of mixed items gives CPython's bytes (length and digest) in every protocol and round-trips: frames committed at 64 KiB, large str and bytes outside frames, a reused Pickler
import hashlib
import io
import pickle

shared = "shared-string"
rows = []
for i in range(150):
    rows.append((i, str(i), i * 0.25, None, i % 3 == 0, -i * 1000003, shared))
data = {
    "rows": rows,
    "ints": list(range(-300, 70000, 251)),
    "big": [2 ** k + k for k in range(0, 200, 3)],
    "nested": [[j, [j, (j,)], {"k": j}] for j in range(50)],
    "sets": [{1, 2, 3}, frozenset({"a"}), set(), frozenset()],
    "bytes": [bytes(range(k % 256)) for k in range(0, 600, 37)],
    "chunks": [bytes([k % 251]) * 300 for k in range(300)],
    "large": "x" * 70000,
    "large_bytes": b"y" * 70000,
    "text": ["caf\u00e9", "\u2603" * 40, "\U0001f600"],
}
data["again"] = data["nested"]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    blob = pickle.dumps(data, proto)
    back = pickle.loads(blob)
    print(proto, len(blob), hashlib.sha256(blob).hexdigest()[:16], back == data,
          back["again"] is back["nested"])

out = io.BytesIO()
p = pickle.Pickler(out, 4)
p.dump(rows[:100])
p.dump(rows[:100])
first = out.getvalue()
print("reused pickler", len(first), hashlib.sha256(first).hexdigest()[:16])
stream = io.BytesIO(first)
print(pickle.load(stream) == rows[:100])
try:
    pickle.load(stream)
except pickle.UnpicklingError as e:
    print("second dump leans on the first's memo:", e)

big = list(range(1500))
blob = pickle.dumps(big)
print("big", len(blob), hashlib.sha256(blob).hexdigest()[:16], pickle.loads(blob) == big)
