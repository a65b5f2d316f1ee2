# Set algebra across coroutines: the order of unions, intersections,
# differences and in-place updates follows CPython's set algorithms.
import asyncio


async def crawl(site, links):
    await asyncio.sleep(len(links) / 10)
    return site, set(links)


async def main():
    graph = {
        "home": ["about", "blog", "shop", "contact"],
        "blog": ["post-1", "post-2", "post-3", "home", "about"],
        "shop": ["cart", "checkout", "home", "item-7", "item-9", "item-12"],
        "about": ["home", "team", "jobs"],
    }
    pages = await asyncio.gather(*(crawl(s, l) for s, l in graph.items()))
    seen = set()
    for site, links in pages:
        new = links - seen
        seen |= links
        print(f"{site}: new={new} total={len(seen)}")
    print("seen:", seen)
    print("common:", pages[0][1] & pages[1][1], pages[1][1] & pages[3][1])
    print("either:", pages[0][1] ^ pages[3][1])
    print("union:", set().union(*(links for _, links in pages)))
    order = []
    for page in {"cart", "checkout", "team", "jobs", "post-1", "post-2"}:
        await asyncio.sleep(0.01)
        order.append(page)
    print("visited:", order)
    ids = {n * 37 % 101 for n in range(40)}
    ids.difference_update(range(0, 101, 2))
    print("odd ids:", ids)
    ids.intersection_update({1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25})
    print("small odd ids:", ids)


asyncio.run(main())
