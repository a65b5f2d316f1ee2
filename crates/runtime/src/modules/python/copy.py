# Loopscope's copy: shallow and deep copies of the built-in containers.
# Immutable values are their own copies; a deep copy keeps a memo (by id) so
# shared and recursive structures are copied once.

__all__ = ["copy", "deepcopy"]


def copy(x):
    kind = type(x)
    if kind is list:
        return x[:]
    if kind is dict or kind is set:
        return x.copy()
    return x


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nil)
    if found is not _nil:
        return found
    kind = type(x)
    if kind is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif kind is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif kind is set:
        y = {deepcopy(item, memo) for item in x}
    elif kind is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that contains itself was copied while copying its items.
        if key in memo:
            return memo[key]
        if all(a is b for a, b in zip(items, x)):
            return x
        y = tuple(items)
    else:
        return x
    memo[key] = y
    _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The memo holds the originals too, so their ids stay unique while it
    # lives (CPython's copy does the same).
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
