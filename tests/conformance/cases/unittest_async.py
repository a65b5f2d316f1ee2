# IsolatedAsyncioTestCase: asyncSetUp/asyncTearDown, cleanups, tasks and timeouts on the test's own loop, virtual time in the run's report
import asyncio
import unittest


class Service:
    def __init__(self):
        self.log = []

    async def fetch(self, key, delay):
        await asyncio.sleep(delay)
        self.log.append(key)
        return key.upper()


class AsyncTests(unittest.IsolatedAsyncioTestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass")

    @classmethod
    def tearDownClass(cls):
        print("tearDownClass")

    def setUp(self):
        print("setUp", self._testMethodName)

    async def asyncSetUp(self):
        self.service = Service()
        self.loop_seen = asyncio.get_running_loop()
        print("asyncSetUp", asyncio.current_task().get_name())
        self.addAsyncCleanup(self.cleanup, "first")

    async def cleanup(self, what):
        await asyncio.sleep(0.25)
        print("async cleanup", what)

    async def asyncTearDown(self):
        await asyncio.sleep(0.5)
        print("asyncTearDown", self.service.log)

    def tearDown(self):
        print("tearDown")

    async def test_gather(self):
        results = await asyncio.gather(
            self.service.fetch("b", 2), self.service.fetch("a", 1))
        self.assertEqual(results, ["B", "A"])
        self.assertIs(asyncio.get_running_loop(), self.loop_seen)
        print("gathered at", asyncio.get_running_loop().time())

    async def test_timeout(self):
        with self.assertRaises(TimeoutError):
            await asyncio.wait_for(self.service.fetch("slow", 10), timeout=1)
        print("timed out")

    async def test_fails(self):
        value = await self.service.fetch("x", 0.5)
        self.assertEqual(value, "y")

    async def test_task_error(self):
        task = asyncio.create_task(self.service.fetch(None, 0.1))
        await task

    def test_sync_in_async_case(self):
        print("sync test")


if __name__ == "__main__":
    unittest.main()
