# pickle: range, slice, Ellipsis, NotImplemented, object() and their types in every protocol, with Python 2's names before protocol 3, and back
import pickle

values = [range(5), range(1, 10, 3), range(0), range(-5, 5, -2), slice(1, 2, 3), slice(None),
          slice("a", [1], None), Ellipsis, NotImplemented, object(), type(Ellipsis),
          type(NotImplemented), type(None), [range(2), range(2)], (Ellipsis, ...),
          [object, object, range(1)], str, int, chr, zip, KeyError, FileNotFoundError]
for value in values:
    for protocol in range(6):
        shown = "object()" if type(value) is object else repr(value)
        data = pickle.dumps(value, protocol)
        back = pickle.loads(data)
        if type(value) is object:
            print(protocol, shown, data, type(back).__name__)
        else:
            print(protocol, shown, data, repr(back), back == value)
print(pickle.loads(b"c__builtin__\nxrange\n(K\x01K\x05K\x01tR."))
print(pickle.loads(b"c__builtin__\nreduce\n."), pickle.loads(b"citertools\nizip\n."))
print(pickle.loads(b"cexceptions\nValueError\n."), pickle.loads(b"c__builtin__\nunicode\n."))
