# sorted() whose key calls sorted() again: each level is Rust code calling Python,
# so each costs native stack; RecursionError must come before the stack runs out
def key(v):
    return sorted([v], key=key)


try:
    key(1)
except RecursionError as e:
    print("RecursionError:", e)
