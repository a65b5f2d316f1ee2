# time.struct_time: a named 9-tuple with tm_zone/tm_gmtoff; gmtime/localtime on the virtual clock and their argument errors
import time
t = time.struct_time((2020,1,2,3,4,5,6,7,8))
print(repr(t), t.tm_zone, t.tm_gmtoff, t[:3], len(t), t == (2020,1,2,3,4,5,6,7,8), type(t).__mro__, time.struct_time.__match_args__)
print(time.struct_time((2020,1,2,3,4,5,6,7,8,'X', 7)).tm_zone, str(t) == repr(t), hash(t) == hash(tuple(t)))
for bad in [(1,2), tuple(range(12)), 5, 'abcdefghi']:
    try: print(time.struct_time(bad))
    except TypeError as e: print(e)
try: t.tm_year = 3
except AttributeError as e: print(e)
print(t + (1,), t * 1 == t, list(t), t.count(8), t.index(8))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields, time.struct_time.__module__, time.struct_time)
print(time.gmtime(0).tm_zone, time.localtime(0).tm_zone)
g = time.gmtime(1234567890.7)
print(g, time.localtime(), time.gmtime(-86401.5))
y, m, d, *rest = g
print(y, m, d, rest, g.tm_yday, g.tm_wday)
print(time.strftime("%Y-%m-%d %H:%M:%S %Z", g), time.strftime("%Z %z", time.localtime()), time.asctime(g), time.mktime(time.localtime(12345)))
for bad in [1e20, float("nan"), "x", 2**70, 1e17]:
    try: print(time.gmtime(bad))
    except Exception as e: print(type(e).__name__, e)
