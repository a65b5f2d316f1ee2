# unittest.mock's AsyncMock inside IsolatedAsyncioTestCase: patching a coroutine function gives an AsyncMock, awaited calls and their assert_* messages, side effects on the virtual clock
import asyncio
import unittest
from unittest.mock import AsyncMock, MagicMock, call, patch


async def fetch_user(user_id):
    await asyncio.sleep(5)
    return {"id": user_id}


async def load_profiles(ids):
    users = await asyncio.gather(*(fetch_user(i) for i in ids))
    return [u["id"] for u in users]


class Repository:
    async def save(self, item):
        await asyncio.sleep(1)
        return True


class Tests(unittest.IsolatedAsyncioTestCase):
    @patch(f"{__name__}.fetch_user")
    async def test_patched_coroutine(self, fake):
        print("mock type:", type(fake).__name__, asyncio.iscoroutinefunction(fake))
        fake.side_effect = lambda i: {"id": i * 10}
        self.assertEqual(await load_profiles([1, 2]), [10, 20])
        fake.assert_has_awaits([call(1), call(2)])
        print("await count:", fake.await_count, fake.await_args_list)
        print("time:", asyncio.get_running_loop().time())

    async def test_async_side_effects(self):
        slow = AsyncMock()

        async def delayed(x):
            await asyncio.sleep(2)
            return x + 1

        slow.side_effect = delayed
        print("delayed:", await slow(1), asyncio.get_running_loop().time())
        slow.side_effect = [1, KeyError("second")]
        print("first:", await slow())
        with self.assertRaises(KeyError):
            await slow()
        slow.assert_awaited()

    async def test_await_assertions_fail(self):
        repo = AsyncMock(spec=Repository)
        await repo.save("a")
        repo.save.assert_awaited_once_with("a")
        print("spec coroutine:", asyncio.iscoroutinefunction(repo.save))
        repo.save.assert_awaited_with("b")

    async def test_not_awaited(self):
        m = AsyncMock()
        m.assert_not_awaited()
        coro = m(3)
        m.assert_called_once_with(3)
        try:
            m.assert_awaited()
        except AssertionError as e:
            print("not awaited:", e)
        await coro
        m.assert_awaited_once()

    async def test_magic_async_context(self):
        resource = MagicMock()
        resource.__aenter__.return_value = "conn"
        async with resource as conn:
            print("entered:", conn)
        print(resource.__aexit__.await_count)


unittest.main(verbosity=2)
