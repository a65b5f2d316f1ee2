# unittest.main(verbosity=2, exit=False), subTest, skip/skipIf/skipUnless, expectedFailure, class and module fixtures, cleanups, TextTestRunner to stdout
import sys
import unittest


def setUpModule():
    print("setUpModule")


def tearDownModule():
    print("tearDownModule")


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = []
        cls.addClassCleanup(print, "class cleanup")

    def setUp(self):
        self.addCleanup(print, "cleanup for", self.id())

    def test_subtests(self):
        for n in range(5):
            with self.subTest(n=n, kind="even"):
                self.assertEqual(n % 2, 0)

    def test_subtest_error(self):
        with self.subTest("message only"):
            raise KeyError("k")
        print("after subtest")

    @unittest.skip("not today")
    def test_skipped(self):
        print("never")

    @unittest.skipIf(sys.version_info >= (3,), "python 3")
    def test_skip_if(self):
        print("never")

    @unittest.skipUnless(False, "condition false")
    def test_skip_unless(self):
        print("never")

    def test_skip_inside(self):
        self.skipTest("decided at run time")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_ok(self):
        self.shared.append(1)
        self.assertTrue(self.shared)


@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def test_one(self):
        pass


class BrokenSetUp(unittest.TestCase):
    def setUp(self):
        raise RuntimeError("setUp broke")

    def test_never_runs(self):
        print("never")


class Described(unittest.TestCase):
    def test_with_doc(self):
        """First line of the docstring.

        More text."""
        self.assertIn("a", "cat")

    def shortDescription(self):
        return super().shortDescription()


program = unittest.main(verbosity=2, exit=False)
result = program.result
print("run:", result.testsRun, "ok:", result.wasSuccessful())
print("failures:", [t.id() for t, _ in result.failures])
print("errors:", [str(t) for t, _ in result.errors])
print("skipped:", [(t.id(), why) for t, why in result.skipped])
print("expected:", len(result.expectedFailures), "unexpected:", [t.id() for t in result.unexpectedSuccesses])

suite = unittest.TestSuite()
suite.addTest(Fixtures("test_ok"))
suite.addTest(Described("test_with_doc"))
runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=1)
outcome = runner.run(suite)
print(outcome)
loader = unittest.TestLoader()
names = loader.getTestCaseNames(Fixtures)
print(names)
print(loader.loadTestsFromTestCase(Described).countTestCases())
