# uuid4 from the seeded urandom (request ids for tasks), UUID parsing,
# fields and errors; statistics over task latencies: mean, fmean, median
# and its variants, mode/multimode, stdev/pstdev/variance/pvariance (exact
# sums, correctly rounded), quantiles, and StatisticsError.
import asyncio
import statistics
import uuid


async def request(latency, ids):
    ident = uuid.uuid4()
    ids.append(ident)
    await asyncio.sleep(latency)
    return latency


async def main():
    ids = []
    latencies = await asyncio.gather(*(request(t, ids) for t in (0.25, 0.1, 0.4, 0.1, 0.35)))
    for ident in ids:
        print(ident, ident.version, ident.variant == uuid.RFC_4122)
    first = ids[0]
    print(repr(first), first.hex, first.int == int(first.hex, 16), first.urn)
    print(uuid.UUID(str(first)) == first, uuid.UUID("{" + first.hex + "}") == first, first.fields[5] == first.node)
    print(sorted(ids)[0] == min(ids), len(set(ids)), first.bytes == first.int.to_bytes(16, "big"))
    print(uuid.NAMESPACE_DNS, uuid.UUID(int=0), uuid.UUID(fields=(1, 2, 3, 4, 5, 6)), uuid.UUID(bytes=bytes(range(16))))
    print(uuid.UUID("12345678-1234-5678-1234-567812345678").time_low, uuid.UUID(int=2**128 - 1).version)
    for bad in (lambda: uuid.UUID("not-a-uuid"), lambda: uuid.UUID(), lambda: uuid.UUID(int=-1),
                lambda: setattr(first, "int", 3), lambda: uuid.UUID(int=5, version=9)):
        try:
            bad()
        except (ValueError, TypeError) as exc:
            print(type(exc).__name__, exc)

    print(latencies, statistics.mean(latencies), statistics.fmean(latencies))
    print(statistics.median(latencies), statistics.median_low(latencies), statistics.median_high(latencies))
    print(statistics.mode(latencies), statistics.multimode("aabbbcc"), statistics.multimode([]))
    print(statistics.stdev(latencies), statistics.pstdev(latencies))
    print(statistics.variance(latencies), statistics.pvariance(latencies))
    print(statistics.mean([1, 2, 3, 4]), statistics.mean([1, 2, 4]), statistics.mean([0.1] * 10), statistics.mean([True, 3]))
    print(statistics.variance([1, 2, 3, 4, 5]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
    print(statistics.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.pvariance([1, 2, 3], mu=2))
    print(statistics.median([1, 3, 5, 7]), statistics.median_grouped([52, 52, 53, 54]), statistics.quantiles(range(1, 11)))
    print(statistics.quantiles([1.5, 2.0, 7.25, 8.0, 9.5], n=5, method="inclusive"), statistics.mean([1e50, 1, -1e50] * 10))
    print(statistics.geometric_mean([54, 24, 36]), statistics.harmonic_mean([40, 60]), statistics.fmean([1, 2, 3], weights=[3, 1, 1]))
    for bad in (lambda: statistics.mean([]), lambda: statistics.stdev([1]), lambda: statistics.median([]),
                lambda: statistics.mode([]), lambda: statistics.variance(["a", "b"])):
        try:
            print(bad())
        except (statistics.StatisticsError, TypeError) as exc:
            print(type(exc).__name__, exc)


asyncio.run(main())
