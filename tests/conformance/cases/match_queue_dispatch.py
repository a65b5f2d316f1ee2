# An asyncio worker dispatches messages from a queue with match: dicts, tuples and dataclass instances, guards and a stop message, on the virtual clock.
import asyncio
from dataclasses import dataclass


@dataclass
class Deposit:
    account: str
    amount: int


@dataclass
class Transfer:
    source: str
    target: str
    amount: int


async def worker(name, queue, balances):
    while True:
        message = await queue.get()
        match message:
            case Deposit(account, amount) if amount > 0:
                balances[account] = balances.get(account, 0) + amount
                print(f"{name}: deposit {amount} to {account}")
            case Deposit(amount=amount):
                print(f"{name}: refused deposit of {amount}")
            case Transfer(source=src, target=dst, amount=n) if balances.get(src, 0) >= n:
                await asyncio.sleep(0.5)
                balances[src] -= n
                balances[dst] = balances.get(dst, 0) + n
                print(f"{name}: moved {n} from {src} to {dst}")
            case Transfer(src, _, n):
                print(f"{name}: {src} cannot afford {n}")
            case {"type": "report", "accounts": [*accounts]}:
                shown = {a: balances.get(a, 0) for a in accounts}
                print(f"{name}: report {shown}")
            case ("sleep", float(seconds) | int(seconds)):
                await asyncio.sleep(seconds)
                print(f"{name}: slept {seconds}")
            case "stop":
                print(f"{name}: stopping")
                queue.task_done()
                return
            case unknown:
                print(f"{name}: unknown message {unknown!r}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    balances = {}
    workers = [asyncio.create_task(worker(f"w{i}", queue, balances)) for i in (1, 2)]
    messages = [
        Deposit("alice", 100),
        Deposit("bob", -5),
        ("sleep", 1),
        Transfer("alice", "bob", 30),
        Transfer("bob", "carol", 500),
        ("sleep", 0.25),
        {"type": "report", "accounts": ["alice", "bob"]},
        {"type": "audit"},
        "stop",
        "stop",
    ]
    for message in messages:
        await queue.put(message)
    await queue.join()
    await asyncio.gather(*workers)
    print(f"{asyncio.get_running_loop().time():.2f} final {balances}")


asyncio.run(main())
