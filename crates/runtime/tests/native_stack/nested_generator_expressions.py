# A generator expression over a generator expression over ..., two thousand deep:
# CPython raises RecursionError when list() pulls the first item through them
it = iter([1])
for _ in range(2000):
    it = (x for x in it)
try:
    print(list(it))
except RecursionError as e:
    print("RecursionError:", e)
# a chain both pull through. (Loopscope resumes each generator of a chain pulled
# from Rust in a nested run of its loop, bounded by Limits::nested_runs, 150: a
# chain of 150 to 1,000 raises RecursionError where CPython's completes.)
it = iter([1, 2])
for _ in range(100):
    it = (x + 1 for x in it)
print(list(it))
