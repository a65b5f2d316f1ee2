# Loopscope's heapq: a binary min-heap in a list, with the sift order of
# CPython's _heapq (pop moves the smaller child up to a leaf, then sifts
# the last item back down), so a heap's list looks the same after the same
# operations. Only `<` compares items.

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]


def _check_list(heap, name, argument="argument 1"):
    if type(heap) is not list:
        raise TypeError(f"{name}() {argument} must be list, not {type(heap).__name__}")


def _sift_down(heap, start, pos):
    # Move heap[pos] up towards `start` while it is smaller than its parent.
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_up(heap, pos):
    # Move the smaller child up until heap[pos]'s item reaches a leaf, then
    # sift that item down to its place.
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_down(heap, start, pos)


def heappush(heap, item, /):
    _check_list(heap, "heappush")
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def heappop(heap, /):
    _check_list(heap, "heappop", "argument")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        first = heap[0]
        heap[0] = last
        _sift_up(heap, 0)
        return first
    return last


def heapreplace(heap, item, /):
    _check_list(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    first = heap[0]
    heap[0] = item
    _sift_up(heap, 0)
    return first


def heappushpop(heap, item, /):
    _check_list(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_up(heap, 0)
    return item


def heapify(heap, /):
    _check_list(heap, "heapify", "argument")
    for i in reversed(range(len(heap) // 2)):
        _sift_up(heap, i)


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:max(n, 0)]


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:max(n, 0)]


def merge(*iterables, key=None, reverse=False):
    # Repeatedly take the smallest (largest) head; ties go to the earlier
    # iterable, as in CPython.
    heads = []
    for order, iterable in enumerate(iterables):
        iterator = iter(iterable)
        for value in iterator:
            heads.append([value, order, iterator])
            break
    while heads:
        best = 0
        best_key = heads[0][0] if key is None else key(heads[0][0])
        for i in range(1, len(heads)):
            k = heads[i][0] if key is None else key(heads[i][0])
            if (best_key < k) if reverse else (k < best_key):
                best, best_key = i, k
        entry = heads[best]
        yield entry[0]
        for value in entry[2]:
            entry[0] = value
            break
        else:
            del heads[best]
