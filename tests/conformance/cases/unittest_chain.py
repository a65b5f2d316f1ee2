# unittest reports chained exceptions (raise from, during handling), errors in tearDown and cleanups, and exits with status 1 through SystemExit
import unittest


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e


class Chains(unittest.TestCase):
    def test_from(self):
        parse("x")

    def test_during(self):
        try:
            {}["missing"]
        except KeyError:
            self.assertEqual("a", "b")

    def test_teardown_fails(self):
        self.addCleanup(self.broken_cleanup)

    def broken_cleanup(self):
        raise OSError("cleanup failed")

    def tearDown(self):
        if self._testMethodName == "test_teardown_fails":
            raise ValueError("tearDown failed")


try:
    unittest.main()
except SystemExit as e:
    print("exit code:", e.code, type(e.code).__name__)
    raise
