# Loopscope's statistics, written for Loopscope after CPython 3.11's
# algorithms: sums and sums of squares are exact (CPython uses Fractions;
# here a small rational type, _Ratio, as Loopscope has no fractions module)
# and converted once, so the results round as CPython's do; stdev and
# pstdev take the correctly rounded square root of the exact ratio.
# Decimal and Fraction data are not supported.

import math as _math
from collections import Counter as _Counter
from bisect import bisect_left as _bisect_left, bisect_right as _bisect_right

__all__ = ['StatisticsError', 'fmean', 'geometric_mean', 'mean', 'harmonic_mean',
           'pstdev', 'pvariance', 'stdev', 'variance', 'median', 'median_low',
           'median_high', 'median_grouped', 'mode', 'multimode', 'quantiles']


class StatisticsError(ValueError):
    pass


class _Ratio:
    """An exact rational number, numerator/denominator in lowest terms."""

    __slots__ = ('numerator', 'denominator')

    def __init__(self, numerator, denominator=1):
        if denominator < 0:
            numerator, denominator = -numerator, -denominator
        g = _math.gcd(numerator, denominator)
        self.numerator = numerator // g
        self.denominator = denominator // g

    @staticmethod
    def of(x):
        return x if isinstance(x, _Ratio) else _Ratio(x)

    def __add__(self, other):
        other = _Ratio.of(other)
        return _Ratio(self.numerator * other.denominator + other.numerator * self.denominator,
                      self.denominator * other.denominator)

    def __sub__(self, other):
        other = _Ratio.of(other)
        return _Ratio(self.numerator * other.denominator - other.numerator * self.denominator,
                      self.denominator * other.denominator)

    def __mul__(self, other):
        other = _Ratio.of(other)
        return _Ratio(self.numerator * other.numerator, self.denominator * other.denominator)

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = _Ratio.of(other)
        return _Ratio(self.numerator * other.denominator, self.denominator * other.numerator)

    def __rtruediv__(self, other):
        return _Ratio.of(other) / self

    def __le__(self, other):
        other = _Ratio.of(other)
        return self.numerator * other.denominator <= other.numerator * self.denominator

    def __float__(self):
        return self.numerator / self.denominator

    def __int__(self):
        return self.numerator // self.denominator


def _exact_ratio(x):
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        raise TypeError(f"can't convert type '{type(x).__name__}' to numerator/denominator")


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    raise TypeError(f"don't know how to coerce {T.__name__} and {S.__name__}")


def _types_of(data, types):
    for x in data:
        types.append(type(x))
        yield x


def _result_type(types):
    T = int
    seen = []
    for typ in types:
        if typ not in seen:
            seen.append(typ)
    for typ in seen:
        T = _coerce(T, typ)
    return T


def _sum(data):
    """(type, exact sum, count) of the data."""
    types = []
    count = 0
    partials = {}
    for n, d in map(_exact_ratio, _types_of(data, types)):
        count += 1
        partials[d] = partials.get(d, 0) + n
    if None in partials:
        total = partials[None]
    else:
        total = _Ratio(0)
        for d, n in partials.items():
            total = total + _Ratio(n, d)
    return (_result_type(types), total, count)


def _ss(data, c=None):
    """(type, exact sum of square deviations, mean, count) of the data."""
    if c is not None:
        T, ssd, count = _sum((x - c) * (x - c) for x in data)
        return (T, ssd, c, count)
    types = []
    count = 0
    sx_partials = {}
    sxx_partials = {}
    for n, d in map(_exact_ratio, _types_of(data, types)):
        count += 1
        sx_partials[d] = sx_partials.get(d, 0) + n
        sxx_partials[d] = sxx_partials.get(d, 0) + n * n
    if not count:
        ssd = c = _Ratio(0)
    elif None in sx_partials:
        ssd = c = sx_partials[None]
    else:
        sx = _Ratio(0)
        for d, n in sx_partials.items():
            sx = sx + _Ratio(n, d)
        sxx = _Ratio(0)
        for d, n in sxx_partials.items():
            sxx = sxx + _Ratio(n, d * d)
        ssd = (count * sxx - sx * sx) / count
        c = sx / count
    return (_result_type(types), ssd, c, count)


def _convert(value, T):
    if not isinstance(value, _Ratio):
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    if issubclass(T, int):
        return T(value.numerator)
    return T(value.numerator / value.denominator)


def _fail_neg(values, errmsg='negative value'):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def _integer_sqrt_of_frac_rto(n, m):
    """Square root of n/m, rounded to the nearest integer using round-to-odd."""
    a = _math.isqrt(n // m)
    return a | (a * a * m != n)


_SQRT_BIT_WIDTH = 2 * 53 + 3


def _float_sqrt_of_frac(n, m):
    """Square root of n/m as a float, correctly rounded."""
    q = (n.bit_length() - m.bit_length() - _SQRT_BIT_WIDTH) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator


def _sqrt_of(ratio):
    if not isinstance(ratio, _Ratio):
        return _math.sqrt(ratio)
    return _float_sqrt_of_frac(ratio.numerator, ratio.denominator)


def mean(data):
    """Return the sample arithmetic mean of data."""
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    return _convert(total / n if isinstance(total, _Ratio) else total, T)


def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean."""
    try:
        n = len(data)
    except TypeError:
        data = list(data)
        n = len(data)
    if weights is None:
        total = _math.fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    weights = list(weights)
    num = _math.fsum(x * w for x, w in zip(data, weights))
    if n != len(weights):
        raise StatisticsError('data and weights must be the same length')
    den = _math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    """Convert data to floats and compute the geometric mean."""
    try:
        return _math.exp(fmean([_math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def harmonic_mean(data, weights=None):
    """Return the harmonic mean of data."""
    data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = _Ratio(n)
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum(w for w in _fail_neg(weights, errmsg))
    try:
        data = list(_fail_neg(data, errmsg))
        T, total, count = _sum(w / x if w else 0 for w, x in zip(weights, data))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(_Ratio.of(sum_weights) / total, T)


def median(data):
    """Return the median (middle value) of numeric data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """Return the low median of numeric data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """Return the high median of data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    """Estimates the median for numeric data binned around the midpoints
    of consecutive, fixed-width intervals."""
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    i = _bisect_left(data, x)
    j = _bisect_right(data, x, lo=i)
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    lower = x - interval / 2.0
    return lower + interval * (n / 2 - i) / (j - i)


def mode(data):
    """Return the most common data point from discrete or nominal data."""
    pairs = _Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError('no mode for empty data') from None


def multimode(data):
    """Return a list of the most frequently occurring values."""
    counts = _Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def quantiles(data, *, n=4, method='exclusive'):
    """Divide *data* into *n* continuous intervals with equal probability."""
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError(f'Unknown method: {method!r}')


def variance(data, xbar=None):
    """Return the sample variance of data."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    """Return the population variance of ``data``."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    """Return the square root of the sample variance."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt_of(ss / (n - 1))


def pstdev(data, mu=None):
    """Return the square root of the population variance."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt_of(ss / n)
