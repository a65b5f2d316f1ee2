# string.Template looks names up by indexing the mapping only: a dict subclass's __missing__ answers safe_substitute, a mapping with only __getitem__ works, its KeyError keeps the placeholder and other errors propagate; keywords come before the mapping
import string


class Defaulting(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print(string.Template("$a ${b} $$ $c").safe_substitute(Defaulting(a=1)))
print(string.Template("$a ${b}").substitute(Defaulting(a=1)))


class OnlyGetitem:
    def __getitem__(self, key):
        if key == "known":
            return "K"
        raise KeyError(key)


print(string.Template("$known $unknown").safe_substitute(OnlyGetitem()))
try:
    string.Template("$known $unknown").substitute(OnlyGetitem())
except KeyError as e:
    print("KeyError", e)


class Failing:
    def __getitem__(self, key):
        raise LookupError(key)


try:
    string.Template("$x").safe_substitute(Failing())
except LookupError as e:
    print("LookupError", e)
print(string.Template("$a $b").substitute({"a": 1, "b": 2}, b="kw"))
print(string.Template("$a $b").safe_substitute(OnlyGetitem(), a="kw"))
print(string.Template("$a").safe_substitute())
try:
    string.Template("$").substitute({})
except ValueError as e:
    print("ValueError", e)
