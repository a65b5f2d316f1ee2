# decimal: arithmetic, quantize and rounding, contexts, formatting, Fraction from a Decimal, and the signals as the C module raises them
import asyncio
import decimal
from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, getcontext, localcontext, InvalidOperation
from fractions import Fraction

async def main():
    await asyncio.sleep(0.1)
    a = Decimal("19.99")
    print(a * 3, a / 3, (a / 3).quantize(Decimal("0.01")), a.quantize(Decimal("1"), rounding=ROUND_DOWN))
    print(repr(a), str(a), float(a), int(a), round(a, 1), round(a), -a, abs(Decimal("-2.5")))
    print(Decimal(0.1), Decimal("1e3"), Decimal("1.10") + Decimal("2.20"), Decimal(5) ** 2, Decimal(2).sqrt())
    print(sum([Decimal("0.1")] * 10) == Decimal("1.0"), Decimal("1.0") == 1, Decimal("0.5") < 1, hash(Decimal("2")) == hash(2))
    print(getcontext().prec, f"{Decimal('1234.5678'):,.2f}", f"{Decimal('0.5'):%}", format(Decimal("3.14159"), ".3"))
    with localcontext() as ctx:
        ctx.prec = 5
        print(Decimal(1) / Decimal(7))
    print(Decimal("7.325").quantize(Decimal(".01"), rounding=ROUND_HALF_UP), Decimal("-0"), Decimal("NaN"), Decimal("Infinity"))
    print(Fraction(Decimal("0.25")), Decimal("3.50").normalize(), Decimal("100").to_integral_value(), Decimal(10).as_tuple())
    print(sorted([Decimal("2.5"), Decimal("1.25"), Decimal("10")]), max(Decimal(1), Decimal("1.5")))
    print(decimal.Context(prec=3).divide(Decimal(1), Decimal(3)), type(a).__module__, type(a).__name__)
    try:
        Decimal(1) / 0
    except decimal.DivisionByZero as e:
        print("DivisionByZero", type(e).__mro__[1].__name__)
    try:
        Decimal("abc")
    except InvalidOperation as e:
        print("InvalidOperation", e)

    print(decimal.getcontext())
    try:
        Decimal(1) + "x"
    except TypeError as e:
        print(e)
    print(Decimal("1.5") + Decimal("abc"))

asyncio.run(main())
