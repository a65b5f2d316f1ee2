# asyncio.Future() and asyncio.Task() outside a running loop take get_event_loop()'s loop (made on first use); awaiting one from asyncio.run's loop fails
import asyncio


async def greet(who):
    await asyncio.sleep(0.5)
    return f"hello {who}"


pending = asyncio.Future()
print(pending, pending.done())
home = asyncio.get_event_loop()
print("same loop:", pending.get_loop() is home, home.is_running())
early_task = asyncio.Task(greet("early"))
print(early_task.get_loop() is home)


async def main():
    here = asyncio.get_running_loop()
    print("asyncio.run made a new loop:", here is not home)
    local = asyncio.Future()
    print("a Future made inside belongs here:", local.get_loop() is here)
    try:
        await pending
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await asyncio.wait_for(pending, timeout=1)
    except ValueError as e:
        print("ValueError:", e)
    here.call_later(0.25, local.set_result, "local done")
    print(await local)


asyncio.run(main())
home.call_later(1, pending.set_result, "pending done")
print(home.run_until_complete(pending))
print(home.run_until_complete(early_task))
fresh = asyncio.new_event_loop()
try:
    fresh.run_until_complete(pending)
except ValueError as e:
    print("ValueError:", e)
fresh.close()
home.close()
