# unittest's assert* methods: their failure messages, as CPython words them
import unittest
import logging
import warnings


class Checks(unittest.TestCase):
    maxDiff = None

    def runTest(self):
        pass


t = Checks()


def show(name, call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except AssertionError as e:
        print(f"{name}: {e}")
    else:
        print(f"{name}: passed")


show("equal ints", t.assertEqual, 1, 2)
show("equal ints msg", t.assertEqual, 1, 2, "custom")
show("equal strs", t.assertEqual, "abc", "abd")
show("equal multiline", t.assertEqual, "one\ntwo\nthree\n", "one\nTWO\nthree\n")
show("equal lists", t.assertEqual, [1, 2, 3], [1, 2, 4, 5])
show("equal tuples", t.assertEqual, (1, "a"), (1, "b"))
show("equal dicts", t.assertEqual, {"a": 1, "b": 2}, {"a": 1, "b": 3})
show("equal sets", t.assertEqual, {1, 2, 3}, {2, 3, 4})
show("not equal", t.assertNotEqual, 5, 5)
show("true", t.assertTrue, 0)
show("false", t.assertFalse, [1])
show("is", t.assertIs, None, 0)
show("is not", t.assertIsNot, None, None)
show("is none", t.assertIsNone, 3)
show("is not none", t.assertIsNotNone, None)
show("in", t.assertIn, 4, [1, 2, 3])
show("not in", t.assertNotIn, 2, [1, 2, 3])
show("isinstance", t.assertIsInstance, 3, str)
show("not isinstance", t.assertNotIsInstance, 3, int)
show("almost", t.assertAlmostEqual, 1.0, 1.1)
show("almost places", t.assertAlmostEqual, 1.0, 1.001, places=2)
show("almost delta", t.assertAlmostEqual, 1.0, 1.5, delta=0.1)
show("not almost", t.assertNotAlmostEqual, 1.0, 1.0000000001)
show("greater", t.assertGreater, 1, 2)
show("greater equal", t.assertGreaterEqual, 1, 2)
show("less", t.assertLess, 2, 1)
show("less equal", t.assertLessEqual, 2, 1)
show("regex", t.assertRegex, "hello", r"^wor")
show("not regex", t.assertNotRegex, "hello", r"ell")
show("count equal", t.assertCountEqual, [1, 1, 2], [1, 2, 2])
show("sequence", t.assertSequenceEqual, [1, 2], (1, 2), seq_type=list)
show("list equal", t.assertListEqual, [1], [2])
show("tuple equal", t.assertTupleEqual, (1,), [1])
show("dict equal", t.assertDictEqual, {1: "a"}, {1: "b", 2: "c"})
show("set equal", t.assertSetEqual, set(), {1})
show("multiline", t.assertMultiLineEqual, "a\nb\n", "a\nc\n")
show("fail", t.fail, "boom")
show("fail none", t.fail)

with t.assertRaises(ValueError) as cm:
    int("x")
print("raised:", repr(cm.exception))
show("raises none", lambda: t.assertRaises(ValueError, int, "3"))
try:
    with t.assertRaises(KeyError):
        pass
except AssertionError as e:
    print("raises ctx:", e)
show("raises regex", lambda: t.assertRaisesRegex(ValueError, "zzz", int, "x"))
with t.assertRaisesRegex(ValueError, "invalid literal"):
    int("y")
try:
    t.assertRaises(KeyError, int, "x")
except ValueError as e:
    print("raises other: not caught:", repr(e))
with t.assertWarns(DeprecationWarning) as w:
    warnings.warn("old", DeprecationWarning)
print("warned:", w.warning)
show("warns none", lambda: t.assertWarns(UserWarning, lambda: None))
with t.assertLogs("app", level="INFO") as logs:
    logging.getLogger("app").info("hello %s", "there")
    logging.getLogger("app.sub").warning("careful")
print("logs:", logs.output)
print("records:", [r.getMessage() for r in logs.records])
try:
    with t.assertLogs("quiet"):
        pass
except AssertionError as e:
    print("logs none:", e)
with t.assertNoLogs("silent"):
    pass
try:
    with t.assertNoLogs("noisy"):
        logging.getLogger("noisy").error("oops")
except AssertionError as e:
    print("no logs:", e)

t.longMessage = False
show("long message off", t.assertEqual, 1, 2, "only this")
t.longMessage = True
t.maxDiff = 20
show("max diff", t.assertEqual, list(range(10)), list(range(1, 11)))
