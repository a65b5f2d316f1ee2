# Loopscope's datetime, written for Loopscope after CPython 3.11's
# documented behaviour (its C implementation's reprs, messages and
# rounding). now() and today() read the virtual clock through time.time():
# a program starts at 1970-01-01 00:00:00 UTC, and local time is UTC.

import time as _time
from _loopscope import c_type as _c_type

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAX_ORDINAL = 3652059
_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd_to_ordinal(year, month, day):
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))
    return _days_before_year(year) + before + day


def _ordinal_to_ymd(n):
    # Day 1 is 0001-01-01; count whole 400-, 100-, 4- and 1-year cycles.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - before + 1


def _index(value):
    # An int argument, as C's "i" format takes it.
    if isinstance(value, int):
        return int(value)
    if hasattr(type(value), "__index__"):
        return value.__index__()
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


def _check_date(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time(hour, minute, second, microsecond, fold):
    hour, minute, second = _index(hour), _index(minute), _index(second)
    microsecond, fold = _index(microsecond), _index(fold)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type "
                        f"'{type(tz).__name__}'")


def _divide_nearest(m, n):
    # m / n rounded half to even.
    q, r = divmod(m, n)
    r *= 2
    if (r > n if n > 0 else r < n) or (r == n and q % 2 == 1):
        q += 1
    return q


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


def _format_offset(off, sep=":"):
    # +HH:MM[:SS[.ffffff]] of a UTC offset, "" for None.
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    hours, rest = divmod(off, timedelta(hours=1))
    minutes, rest = divmod(rest, timedelta(minutes=1))
    text = "%s%02d%s%02d" % (sign, hours, sep, minutes)
    if rest.seconds or rest.microseconds:
        text += "%s%02d" % (sep, rest.seconds)
        if rest.microseconds:
            text += ".%06d" % rest.microseconds
    return text


def _check_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError(f"tzinfo.{name}() must return None or timedelta, not '{type(offset).__name__}'")
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError(f"offset must be a timedelta strictly between -timedelta(hours=24) and "
                         f"timedelta(hours=24), not {offset!r}.")


def _wrap_strftime(obj, fmt, timetuple):
    # %f, %z and %Z are datetime's own; the rest is time.strftime's.
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != "%" or i >= n:
            out.append(c)
            continue
        c = fmt[i]
        i += 1
        if c == "f":
            out.append("%06d" % getattr(obj, "microsecond", 0))
        elif c == "z":
            offset = obj.utcoffset() if hasattr(obj, "utcoffset") else None
            out.append(_format_offset(offset, ""))
        elif c == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            out.append("" if name is None else name.replace("%", "%%"))
        else:
            out.append("%" + c)
    return _time.strftime("".join(out), timetuple)


def _seconds_and_micros(t, name="fromtimestamp"):
    # A timestamp split into whole seconds and microseconds, rounded half
    # to even as CPython does.
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        whole = float(int(t))
        us = round((t - whole) * 1e6)
        whole = int(whole)
        if us >= 1000000:
            whole, us = whole + 1, us - 1000000
        elif us < 0:
            whole, us = whole - 1, us + 1000000
        return whole, us
    return _index(t), 0


@_c_type
class timedelta:
    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        total = 0
        leftover = 0.0
        for name, value, factor in (("microseconds", microseconds, 1),
                                    ("milliseconds", milliseconds, 1000),
                                    ("seconds", seconds, _US_PER_SECOND),
                                    ("minutes", minutes, 60 * _US_PER_SECOND),
                                    ("hours", hours, 3600 * _US_PER_SECOND),
                                    ("days", days, _US_PER_DAY),
                                    ("weeks", weeks, 7 * _US_PER_DAY)):
            if isinstance(value, int):
                total += value * factor
            elif isinstance(value, float):
                # The C accumulation: the integer part exactly, the
                # fraction times the factor in floating point, what is left
                # of it summed and rounded at the end.
                whole = float(int(value))
                total += int(whole) * factor
                part = (value - whole) * float(factor)
                whole_part = float(int(part))
                total += int(whole_part)
                leftover += part - whole_part
            else:
                raise TypeError(f"unsupported type for timedelta {name} component: {type(value).__name__}")
        if leftover:
            rounded = round(leftover)
            if abs(rounded - leftover) == 0.5:
                odd = total & 1
                rounded = 2.0 * round((leftover + odd) * 0.5) - odd
            total += int(rounded)
        return cls._from_microseconds(total)

    @classmethod
    def _from_microseconds(cls, total):
        days, rest = divmod(total, _US_PER_DAY)
        if not -999999999 <= days <= 999999999:
            raise OverflowError(f"days={days}; must have magnitude <= 999999999")
        self = object.__new__(cls)
        self._days = days
        self._seconds, self._microseconds = divmod(rest, _US_PER_SECOND)
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * _US_PER_SECOND + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_microseconds() / 10 ** 6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append("days=%d" % self._days)
        if self._seconds:
            parts.append("seconds=%d" % self._seconds)
        if self._microseconds:
            parts.append("microseconds=%d" % self._microseconds)
        return "%s.%s(%s)" % (self.__class__.__module__, self.__class__.__qualname__,
                              ", ".join(parts) or "0")

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = "%d:%02d:%02d" % (hours, minutes, seconds)
        if self._days:
            plural = "" if abs(self._days) == 1 else "s"
            text = "%d day%s, %s" % (self._days, plural, text)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_nearest(self._to_microseconds() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(_divide_nearest(self._to_microseconds(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_nearest(b * self._to_microseconds(), a))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (self.__class__, self._key())


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


@_c_type
class date:
    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        seconds, _ = _seconds_and_micros(t)
        y, m, d = _time.localtime(seconds)[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            fields = _parse_isoformat_date(date_string, True)
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {date_string!r}") from None
        return cls(*fields)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_isocalendar_to_ymd(year, week, day))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return "%s.%s(%d, %d, %d)" % (self.__class__.__module__, self.__class__.__qualname__,
                                      self._year, self._month, self._day)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (_DAY_NAMES[weekday - 1], _MONTH_NAMES[self._month - 1],
                                            self._day, self._year)

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  self._yday(), -1))

    def _yday(self):
        return _DAYS_BEFORE_MONTH[self._month] + (self._month > 2 and _is_leap(self._year)) + self._day

    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        week1 = _iso_week1_monday(year)
        today = _ymd_to_ordinal(self._year, self._month, self._day)
        week, day = divmod(today - week1, 7)
        if week < 0:
            year -= 1
            week, day = divmod(today - _iso_week1_monday(year), 7)
        elif week >= 52 and today >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def _date_key(self):
        return (self._year, self._month, self._day)

    # A datetime compared with a date answers first (it is the subclass),
    # so these only meet dates.
    def __eq__(self, other):
        if isinstance(other, date):
            return self._date_key() == other._date_key()
        return NotImplemented

    def _order(self, other, op):
        if isinstance(other, date):
            return op(_cmp(self._date_key(), other._date_key()))
        return NotImplemented

    def __lt__(self, other):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._order(other, lambda c: c >= 0)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._date_key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if not 0 < n <= _MAX_ORDINAL:
                raise OverflowError("date value out of range")
            return type(self).fromordinal(n)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return (self.__class__, (self._year, self._month, self._day))


_date_type = date


def _iso_week1_monday(year):
    first = _ymd_to_ordinal(year, 1, 1)
    weekday = (first + 6) % 7
    monday = first - weekday
    return monday + 7 if weekday > 3 else monday


def _isocalendar_to_ymd(year, week, day):
    year, week, day = _index(year), _index(week), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"Year is out of range: {year}")
    if not 0 < week < 53:
        out_of_range = True
        if week == 53:
            first_weekday = _ymd_to_ordinal(year, 1, 1) % 7
            if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                out_of_range = False
        if out_of_range:
            raise ValueError(f"Invalid week: {week}")
    if not 0 < day < 8:
        raise ValueError(f"Invalid weekday: {day} (range is [1, 7])")
    ordinal = _iso_week1_monday(year) + (week - 1) * 7 + day - 1
    return _ordinal_to_ymd(ordinal)


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class IsoCalendarDate(tuple):
    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return f"datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, weekday={self[2]})"


@_c_type
class tzinfo:
    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError("fromutc() requires a non-None utcoffset() result")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc() requires a non-None dst() result")
        delta = offset - dst
        if delta:
            dt += delta
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc(): dt.dst gave inconsistent results; cannot convert")
        return dt + dst


@_c_type
class time:
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold", "_hashcode")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond, self._tzinfo, self._fold = microsecond, tzinfo, fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        text = time_string[1:] if time_string[:1] == "T" else time_string
        try:
            fields = _parse_isoformat_time(text)
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {time_string!r}") from None
        return cls(*fields)

    def __repr__(self):
        if self._microsecond:
            fields = "%d, %d, %d, %d" % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            fields = "%d, %d, %d" % (self._hour, self._minute, self._second)
        else:
            fields = "%d, %d" % (self._hour, self._minute)
        text = "%s.%s(%s" % (self.__class__.__module__, self.__class__.__qualname__, fields)
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % self._tzinfo
        if self._fold:
            text += ", fold=1"
        return text + ")"

    def isoformat(self, timespec="auto"):
        text = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return text + _format_offset(self.utcoffset())

    __str__ = isoformat

    def strftime(self, format):
        timetuple = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(self, format, timetuple)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_offset("utcoffset", offset)
        return offset

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_offset("dst", offset)
        return offset

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _compare_key(self):
        offset = self.utcoffset()
        us = ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SECOND + self._microsecond
        if offset is not None:
            us -= offset._to_microseconds()
        return us, offset is not None

    def _order(self, other, op):
        if not isinstance(other, time):
            return NotImplemented
        mine, aware = self._compare_key()
        theirs, other_aware = other._compare_key()
        if aware != other_aware:
            raise TypeError("can't compare offset-naive and offset-aware times")
        return op(_cmp(mine, theirs))

    def __eq__(self, other):
        if not isinstance(other, time):
            return NotImplemented
        mine, aware = self._compare_key()
        theirs, other_aware = other._compare_key()
        return aware == other_aware and mine == theirs

    def __lt__(self, other):
        return self._order(other, lambda c: c < 0)

    def __le__(self, other):
        return self._order(other, lambda c: c <= 0)

    def __gt__(self, other):
        return self._order(other, lambda c: c > 0)

    def __ge__(self, other):
        return self._order(other, lambda c: c >= 0)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._compare_key())
        return self._hashcode

    def __reduce__(self):
        return (self.__class__, (self._hour, self._minute, self._second, self._microsecond, self._tzinfo))


_time_type = time
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    elif timespec == "milliseconds":
        us //= 1000
    if timespec == "hours":
        return "%02d" % hh
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


@_c_type
class datetime(date):
    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date(year, month, day)
        hour, minute, second, microsecond, fold = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond, self._tzinfo, self._fold = microsecond, tzinfo, fold
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        seconds, us = _seconds_and_micros(t)
        y, m, d, hh, mm, ss = (_time.gmtime if utc else _time.localtime)(seconds)[:6]
        result = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is not None and not utc:
            result = tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._from_timestamp(t, False, None)
        return tz.fromutc(cls._from_timestamp(t, True, None).replace(tzinfo=tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_type):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % type(date).__name__)
        if not isinstance(time, _time_type):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            fields = _parse_isoformat_datetime(date_string)
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {date_string!r}") from None
        return cls(*fields)

    @classmethod
    def strptime(cls, date_string, format):
        fields, offset, tzname = _strptime(date_string, format)
        tz = None
        if offset is not None:
            tz = timezone(offset, tzname) if tzname else timezone(offset)
        return cls(*fields, tz)

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second,
                  self._microsecond]
        while len(fields) > 5 and fields[-1] == 0:
            fields.pop()
        text = "%s.%s(%s" % (self.__class__.__module__, self.__class__.__qualname__,
                             ", ".join("%d" % f for f in fields))
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % self._tzinfo
        if self._fold:
            text += ", fold=1"
        return text + ")"

    def isoformat(self, sep="T", timespec="auto"):
        text = "%04d-%02d-%02d%c%s" % (self._year, self._month, self._day, sep,
                                       _format_time(self._hour, self._minute, self._second,
                                                    self._microsecond, timespec))
        return text + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=" ")

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAY_NAMES[weekday - 1], _MONTH_NAMES[self._month - 1], self._day,
            self._hour, self._minute, self._second, self._year)

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def timetuple(self):
        dst = self.dst()
        isdst = -1 if dst is None else (1 if dst else 0)
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(), self._yday(), isdst))

    def utctimetuple(self):
        offset = self.utcoffset()
        dt = self if offset is None else self - offset
        return _time.struct_time((dt._year, dt._month, dt._day, dt._hour, dt._minute,
                                  dt._second, dt.weekday(), dt._yday(), 0))

    def timestamp(self):
        if self._tzinfo is None:
            seconds = (self.toordinal() - 719163) * 86400 + self._hour * 3600 + self._minute * 60 + self._second
            return seconds + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def astimezone(self, tz=None):
        if tz is None:
            tz = _LOCAL
        elif not isinstance(tz, tzinfo):
            raise TypeError("tz argument must be an instance of tzinfo")
        offset = self.utcoffset()
        if offset is None:
            offset = timedelta(0)
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_offset("utcoffset", offset)
        return offset

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_offset("dst", offset)
        return offset

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second)
                * _US_PER_SECOND + self._microsecond)

    def _utc_us(self):
        offset = self.utcoffset()
        return self._us() - (0 if offset is None else offset._to_microseconds()), offset is not None

    def __eq__(self, other):
        if isinstance(other, datetime):
            mine, aware = self._utc_us()
            theirs, other_aware = other._utc_us()
            return aware == other_aware and mine == theirs
        if isinstance(other, date):
            return False
        return NotImplemented

    def _order(self, other, op):
        if isinstance(other, datetime):
            mine, aware = self._utc_us()
            theirs, other_aware = other._utc_us()
            if aware != other_aware:
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            return op(_cmp(mine, theirs))
        if isinstance(other, date):
            raise TypeError("can't compare datetime.datetime to datetime.date")
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._utc_us()[0])
        return self._hashcode

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        days, rest = divmod(self._us() + other._to_microseconds(), _US_PER_DAY)
        if not 0 < days <= _MAX_ORDINAL:
            raise OverflowError("date value out of range")
        seconds, us = divmod(rest, _US_PER_SECOND)
        hh, rest = divmod(seconds, 3600)
        mm, ss = divmod(rest, 60)
        return type(self).combine(date.fromordinal(days), time(hh, mm, ss, us), self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        mine, aware = self._utc_us()
        theirs, other_aware = other._utc_us()
        if aware != other_aware:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        if self._tzinfo is other._tzinfo:
            return timedelta._from_microseconds(self._us() - other._us())
        return timedelta._from_microseconds(mine - theirs)

    def __reduce__(self):
        return (self.__class__, (self._year, self._month, self._day, self._hour, self._minute,
                                 self._second, self._microsecond, self._tzinfo))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


_utc = None


@_c_type
class timezone(tzinfo):
    __slots__ = ("_offset", "_name")

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % type(offset).__name__)
        if name is not None and not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             f"timedelta(hours=24), not {offset!r}.")
        if name is None and not offset and _utc is not None:
            return _utc
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s.%s(%r)" % (self.__class__.__module__, self.__class__.__qualname__, self._offset)
        return "%s.%s(%r, %r)" % (self.__class__.__module__, self.__class__.__qualname__,
                                  self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset() argument must be a datetime instance or None")

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is not None:
                return self._name
            if not self._offset:
                return "UTC"
            return "UTC" + _format_offset(self._offset)
        raise TypeError("tzname() argument must be a datetime instance or None")

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst() argument must be a datetime instance or None")

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc() argument must be a datetime instance or None")

    def __reduce__(self):
        return (self.__class__, (self._offset,) if self._name is None else (self._offset, self._name))


_utc = timezone(timedelta(0))
timezone.utc = _utc
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = _utc
# Local time is UTC; astimezone() without a zone names it as the C library does.
_LOCAL = timezone(timedelta(0), "UTC")
_EPOCH = datetime(1970, 1, 1, tzinfo=_utc)


def _digits(text, i, count):
    chunk = text[i:i + count]
    if len(chunk) != count or not all("0" <= c <= "9" for c in chunk):
        raise ValueError("expected digits")
    return int(chunk)


def _parse_isoformat_date(text, whole):
    # YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]: (y, m, d), and with
    # whole=False also the length used.
    year = _digits(text, 0, 4)
    i = 4
    dashed = text[i:i + 1] == "-"
    if dashed:
        i += 1
    if text[i:i + 1] == "W":
        week = _digits(text, i + 1, 2)
        i += 3
        day = 1
        if text[i:i + 1] == "-" and dashed:
            day = _digits(text, i + 1, 1)
            i += 2
        elif not dashed and i < len(text) and "0" <= text[i] <= "9":
            day = _digits(text, i, 1)
            i += 1
        ymd = _isocalendar_to_ymd(year, week, day)
    else:
        month = _digits(text, i, 2)
        i += 2
        if dashed:
            if text[i:i + 1] != "-":
                raise ValueError("bad date")
            i += 1
        day = _digits(text, i, 2)
        i += 2
        ymd = (year, month, day)
    if whole:
        if i != len(text):
            raise ValueError("trailing characters")
        return ymd
    return ymd, i


def _parse_isoformat_time(text):
    # HH[:MM[:SS[.f+]]][offset] (colons optional): (h, m, s, us, tzinfo).
    zone_at = len(text)
    for i, c in enumerate(text):
        if c in "+-Z":
            zone_at = i
            break
    clock, zone = text[:zone_at], text[zone_at:]
    parts = [0, 0, 0, 0]
    i = 0
    colons = None
    for index in range(3):
        parts[index] = _digits(clock, i, 2)
        i += 2
        if i >= len(clock):
            break
        if clock[i] == ":":
            if colons is False:
                raise ValueError("mixed separators")
            colons = True
            i += 1
        elif clock[i] in ".,":
            break
        else:
            if colons:
                raise ValueError("mixed separators")
            colons = False
    if i < len(clock):
        if clock[i] not in ".," or index != 2:
            raise ValueError("bad time")
        fraction = clock[i + 1:]
        if not fraction or not all("0" <= c <= "9" for c in fraction):
            raise ValueError("bad fraction")
        parts[3] = int((fraction + "00000")[:6])
    tz = None
    if zone:
        if zone == "Z":
            tz = timezone.utc
        else:
            sign = -1 if zone[0] == "-" else 1
            hh, mm, ss, us, _ = _parse_isoformat_time(zone[1:]) if len(zone) > 1 else (None,) * 5
            if hh is None:
                raise ValueError("bad offset")
            offset = timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=us)
            tz = timezone(sign * offset)
    return parts[0], parts[1], parts[2], parts[3], tz


def _parse_isoformat_datetime(text):
    (y, m, d), i = _parse_isoformat_date(text, False)
    if i == len(text):
        return y, m, d
    if len(text) - i < 2:
        raise ValueError("bad separator")
    return (y, m, d) + _parse_isoformat_time(text[i + 1:])

# strptime's number directives: the alternatives of CPython's regular
# expressions, in order ("d" is ones digit, "D" any digit, "s" a space).
_STRPTIME_NUMBERS = {
    "d": ("3[01]", "[12]D", "0[1-9]", "[1-9]", "s[1-9]"),
    "f": ("D" * 6, "D" * 5, "D" * 4, "D" * 3, "D" * 2, "D"),
    "H": ("2[0-3]", "[01]D", "D"),
    "I": ("1[0-2]", "0[1-9]", "[1-9]"),
    "j": ("36[0-6]", "3[0-5]D", "[12]DD", "0[1-9]D", "00[1-9]", "[1-9]D", "0[1-9]", "[1-9]"),
    "m": ("1[0-2]", "0[1-9]", "[1-9]"),
    "M": ("[0-5]D", "D"),
    "S": ("6[01]", "[0-5]D", "D"),
    "U": ("5[0-3]", "[0-4]D", "D"),
    "W": ("5[0-3]", "[0-4]D", "D"),
    "w": ("[0-6]",),
    "u": ("[1-7]",),
    "y": ("DD",),
    "Y": ("DDDD",),
}
_STRPTIME_NAMES = {
    "a": ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
    "A": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "b": tuple(n.lower() for n in _MONTH_NAMES),
    "B": ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"),
    "p": ("am", "pm"),
    "Z": ("utc", "gmt"),
}
_STRPTIME_COMPOSITES = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S",
                        "D": "%m/%d/%y", "T": "%H:%M:%S", "R": "%H:%M"}
_STRPTIME_WHITESPACE = " \t\n\r\x0b\x0c"


def _pattern_length(pattern, text, pos):
    # How much of text at pos the pattern matches, or -1.
    i = 0
    length = 0
    while i < len(pattern):
        c = text[pos + length:pos + length + 1]
        p = pattern[i]
        if p == "[":
            end = pattern.index("]", i)
            low, high = pattern[i + 1], pattern[end - 1]
            ok = c != "" and low <= c <= high
            i = end + 1
        else:
            ok = c != "" and ("0" <= c <= "9" if p == "D" else c == (" " if p == "s" else p))
            i += 1
        if not ok:
            return -1
        length += 1
    return length


def _strptime_fields(text, fmt, pos, values):
    # Match fmt against text from pos, filling values; the end position.
    mismatch = ValueError(f"time data {text!r} does not match format {fmt!r}")
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c != "%":
            if c in _STRPTIME_WHITESPACE:
                start = pos
                while pos < len(text) and text[pos] in _STRPTIME_WHITESPACE:
                    pos += 1
                while i + 1 < len(fmt) and fmt[i + 1] in _STRPTIME_WHITESPACE:
                    i += 1
                if pos == start:
                    raise mismatch
            elif text[pos:pos + 1].lower() == c.lower():
                pos += 1
            else:
                raise mismatch
            i += 1
            continue
        directive = fmt[i + 1:i + 2]
        i += 2
        if directive in _STRPTIME_COMPOSITES:
            pos = _strptime_fields(text, _STRPTIME_COMPOSITES[directive], pos, values)
        elif directive == "%":
            if text[pos:pos + 1] != "%":
                raise mismatch
            pos += 1
        elif directive in _STRPTIME_NUMBERS:
            for pattern in _STRPTIME_NUMBERS[directive]:
                length = _pattern_length(pattern, text, pos)
                if length > 0:
                    break
            else:
                raise mismatch
            values[directive] = text[pos:pos + length]
            pos += length
        elif directive in _STRPTIME_NAMES:
            names = _STRPTIME_NAMES[directive]
            found = [n for n in names if text[pos:pos + len(n)].lower() == n]
            if not found:
                raise mismatch
            name = max(found, key=len)
            values[directive] = text[pos:pos + len(name)] if directive == "Z" else names.index(name)
            pos += len(name)
        elif directive == "z":
            if text[pos:pos + 1] == "Z":
                values["z"] = timedelta(0)
                pos += 1
                continue
            sign = text[pos:pos + 1]
            hh = _pattern_length("DD", text, pos + 1)
            colon = text[pos + 3:pos + 4] == ":"
            mm = _pattern_length("[0-5]D", text, pos + 3 + colon)
            if sign not in ("+", "-") or hh < 0 or mm < 0:
                raise mismatch
            offset = timedelta(hours=int(text[pos + 1:pos + 3]),
                               minutes=int(text[pos + 3 + colon:pos + 5 + colon]))
            values["z"] = -offset if sign == "-" else offset
            pos += 5 + colon
        elif directive == "":
            raise ValueError(f"stray % in format {fmt!r}")
        else:
            raise ValueError(f"{directive!r} is a bad directive in format {fmt!r}")
    return pos


def _strptime(text, fmt):
    # time.strptime's directives in the C locale: (fields, utc offset,
    # zone name).
    if not isinstance(text, str):
        raise TypeError(f"strptime() argument 1 must be str, not {type(text).__name__}")
    if not isinstance(fmt, str):
        raise TypeError(f"strptime() argument 2 must be str, not {type(fmt).__name__}")
    values = {}
    pos = _strptime_fields(text, fmt, 0, values)
    if pos != len(text):
        raise ValueError(f"unconverted data remains: {text[pos:]}")
    if "Y" in values:
        year = int(values["Y"])
    elif "y" in values:
        short = int(values["y"])
        year = short + (2000 if short <= 68 else 1900)
    else:
        year = 1900
    if "m" in values:
        month = int(values["m"])
    elif "B" in values or "b" in values:
        month = values.get("B", values.get("b")) + 1
    else:
        month = 1
    day = int(values.get("d", 1))
    hour = int(values.get("H", 0))
    if "I" in values:
        hour = int(values["I"]) % 12 + (12 if values.get("p") == 1 else 0)
    minute = int(values.get("M", 0))
    second = int(values.get("S", 0))
    micro = int((values.get("f", "0") + "00000")[:6])
    if "j" in values and "m" not in values and "d" not in values:
        year, month, day = _ordinal_to_ymd(_ymd_to_ordinal(year, 1, 1) + int(values["j"]) - 1)
    return (year, month, day, hour, minute, second, micro), values.get("z"), values.get("Z")
