# Sets of tuples, floats and mixed keys: tuple hashes (3.11's xxHash-based
# tuplehash) decide their order; hash() itself is printed too.
import asyncio

GRID = [
    "#########",
    "#..#....#",
    "#..#.##.#",
    "#....#..#",
    "####...##",
    "#########",
]


async def explore(start):
    frontier = {start}
    visited = set()
    step = 0
    while frontier:
        await asyncio.sleep(0.5)
        visited |= frontier
        step += 1
        nxt = set()
        for r, c in frontier:
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                cell = (r + dr, c + dc)
                if GRID[cell[0]][cell[1]] == "." and cell not in visited:
                    nxt.add(cell)
        frontier = nxt
        print(f"step {step}: frontier={frontier}")
    return visited


async def main():
    visited = await explore((1, 1))
    print("visited:", visited)
    print("hashes:", hash((1, 1)), hash(("a", 2)), hash("loopscope"), hash(b"loop"))
    weights = {0.5, 1.25, 2.0, -3.5, 1e9, 0.1}
    print("weights:", weights)
    mixed = {("task", 1), ("task", 2), "task", 3, 4.5, (), True}
    print("mixed:", mixed)
    mixed.discard(True)
    mixed.add(1.0)
    print("mixed again:", mixed)


asyncio.run(main())
