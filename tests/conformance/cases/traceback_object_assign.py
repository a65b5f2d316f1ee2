# traceback objects: tb_next can be set (cut, errors, loops) and an exception's __traceback__ set to one; from PACKAGE import SUBMODULE imports it
import traceback
from concurrent import futures
from json import decoder
from os import path

print(futures.Future.__name__, decoder.JSONDecoder.__name__, path.join("a", "b"))


def inner():
    raise ValueError("deep")


def middle():
    inner()


def outer():
    middle()


try:
    outer()
except ValueError as e:
    error = e

tb = error.__traceback__
print([f.f_code.co_name for f, _ in traceback.walk_tb(tb)])
second = tb.tb_next
second.tb_next = None
print([f.f_code.co_name for f, _ in traceback.walk_tb(tb)])
error.__traceback__ = tb
print("".join(traceback.format_exception(error)), end="")
error.__traceback__ = tb.tb_next
print([f.f_code.co_name for f, _ in traceback.walk_tb(error.__traceback__)])

for bad in (5, "x"):
    try:
        tb.tb_next = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del tb.tb_next
except TypeError as e:
    print("TypeError:", e)
try:
    second.tb_next = tb
except ValueError as e:
    print("ValueError:", e)
try:
    error.__traceback__ = 3
except TypeError as e:
    print("TypeError:", e)
try:
    raise error
except ValueError as again:
    print([f.f_code.co_name for f, _ in traceback.walk_tb(again.__traceback__)])
