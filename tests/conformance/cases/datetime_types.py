# datetime.date/datetime/time/timezone: construction errors, reprs, isoformat/str, arithmetic, comparisons, strftime, calendar methods
from datetime import date, datetime, time, timedelta, timezone, MINYEAR, MAXYEAR, UTC
import datetime as dt

d = date(2024, 2, 29)
print(repr(d), d, d.isoformat(), d.ctime(), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.timetuple())
print(d.replace(day=1), d + timedelta(days=1), d - timedelta(weeks=9), d - date(2023, 12, 25), date(2024, 3, 1) > d, d == date(2024, 2, 29), hash(d) == hash(date(2024, 2, 29)))
print(date.fromordinal(1), date.fromordinal(738000), date.fromisocalendar(2020, 53, 7), date.min, date.max, date.resolution, MINYEAR, MAXYEAR)
for y, m, dd in [(2020, 1, 1), (2021, 1, 3), (2018, 12, 31), (2015, 12, 31), (2010, 1, 3), (2008, 12, 29), (1, 1, 1), (9999, 12, 31)]:
    x = date(y, m, dd)
    print(x, x.isocalendar(), tuple(x.isocalendar()), x.isocalendar().week, x.strftime("%a %A %b %B %d %j %U %W %G-%V-%u %y %C"), f"{x:%d/%m/%Y}", format(x, ""))
t = datetime(2024, 5, 17, 13, 45, 30, 123456)
print(repr(t), t, t.isoformat(), t.isoformat(" ", "seconds"), t.isoformat(timespec="milliseconds"), t.isoformat(timespec="hours"), t.isoformat(timespec="minutes"))
print(repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 5)), repr(datetime(2024, 1, 1, 0, 0, 7)), repr(datetime(2024, 1, 1, 0, 0, 0, 8)), repr(datetime(2024, 1, 1, fold=1)))
print(t.date(), t.time(), repr(t.timetz()), t.ctime(), t.timetuple(), t.timestamp(), t.weekday(), t.toordinal())
print(t.strftime("%Y-%m-%d %H:%M:%S.%f %z %Z %% %I%p %c | %x | %X"), f"{t:%H:%M}", "{:%Y}".format(t))
print(t + timedelta(hours=12), t - timedelta(days=400), t - datetime(2024, 1, 1), datetime(2024, 1, 1) - t, t > datetime(2024, 5, 17), t == t.replace(microsecond=123456))
print(datetime.combine(date(2020, 2, 2), time(3, 4)), datetime.fromtimestamp(0), datetime.fromtimestamp(1.5e9 + 0.25), datetime.utcfromtimestamp(86400 * 365.25), datetime.fromtimestamp(-1.0000005))
print(datetime.fromtimestamp(1234567890, timezone.utc), datetime.fromtimestamp(0, timezone(timedelta(hours=-5))), repr(datetime.fromtimestamp(3600, UTC)))
aware = datetime(2024, 5, 17, 12, 0, tzinfo=timezone.utc)
east = timezone(timedelta(hours=5, minutes=30), "IST")
print(repr(aware), aware, aware.utcoffset(), aware.tzname(), aware.dst(), aware.timestamp(), aware.astimezone(east), repr(aware.astimezone(east)), aware.astimezone())
print(aware == aware.astimezone(east), aware - aware.astimezone(east), aware.strftime("%z %Z"), aware.astimezone(east).strftime("%z %Z"), aware.utctimetuple())
for tz in [timezone.utc, timezone(timedelta(0)), timezone(timedelta(hours=2)), timezone(-timedelta(hours=3, minutes=30), "X"), timezone.min, timezone.max, UTC]:
    print(repr(tz), str(tz), tz.tzname(None), tz.utcoffset(None), tz.dst(None), tz == timezone.utc, tz is timezone.utc)
tm = time(9, 5, 7, 1000)
print(repr(tm), tm, tm.isoformat("minutes"), repr(time()), repr(time(1, 2, 3)), repr(time(4, 5, tzinfo=timezone.utc)), time(4, 5, tzinfo=east), tm.strftime("%H|%M|%S|%f|%p|%Y"), tm < time(10), time.min, time.max)
print(repr(date.fromisoformat("2024-05-17")), repr(date.fromisoformat("20240517")), repr(date.fromisoformat("2024-W20-5")))
for text in ["2024-05-17", "2024-05-17T13:45", "2024-05-17 13:45:30", "2024-05-17T13:45:30.123", "2024-05-17T13:45:30.1234567", "2024-05-17T13:45:30+02:00", "2024-05-17T13:45:30Z",
             "2024-05-17T13:45:30-03:30", "20240517T134530", "2024-05-17T13", "2024-05-17T13:45:30.123456+05:30"]:
    print(text, repr(datetime.fromisoformat(text)))
for text in ["13:45", "13:45:30.5", "134530", "13", "T13:45", "13:45+01:00"]:
    print(text, repr(time.fromisoformat(text)))
for text, fmt in [("2024-05-17 13:45:30", "%Y-%m-%d %H:%M:%S"), ("17/05/24", "%d/%m/%y"), ("Friday, May 17 2024", "%A, %B %d %Y"), ("5:07 PM", "%I:%M %p"),
                  ("2024-05-17T13:45:30.250+0200", "%Y-%m-%dT%H:%M:%S.%f%z"), ("2024 137", "%Y %j"), ("  7  5", "%d %m"), ("2024-05-17 UTC", "%Y-%m-%d %Z")]:
    print(text, repr(datetime.strptime(text, fmt)))
for bad in [lambda: date(2023, 2, 29), lambda: date(0, 1, 1), lambda: date(10000, 1, 1), lambda: date(2020, 13, 1), lambda: date(2020.0, 1, 1), lambda: date("2020", 1, 1),
            lambda: datetime(2020, 1, 1, 24), lambda: datetime(2020, 1, 1, 0, 60), lambda: datetime(2020, 1, 1, 0, 0, 60), lambda: datetime(2020, 1, 1, 0, 0, 0, 10 ** 6),
            lambda: date.max + timedelta(1), lambda: datetime.max + timedelta(microseconds=1), lambda: date.min - timedelta(1),
            lambda: datetime(2020, 1, 1) < date(2020, 1, 1), lambda: date(2020, 1, 1) < datetime(2020, 1, 1),
            lambda: datetime(2020, 1, 1) - aware, lambda: datetime(2020, 1, 1) < aware, lambda: timezone(timedelta(hours=24)), lambda: timezone(3),
            lambda: datetime.fromisoformat("2020-13-01"), lambda: date.fromisoformat("x"), lambda: datetime.fromisoformat("2020-01-01T25:00"), lambda: date.fromisoformat(20200101),
            lambda: datetime.strptime("2020", "%Y-%m"), lambda: datetime.strptime("2020-01-01x", "%Y-%m-%d"), lambda: datetime.strptime("2020-13-01", "%Y-%m-%d"),
            lambda: datetime.strptime("31/02/2020", "%d/%m/%Y"), lambda: datetime.strptime("x", "%Q"), lambda: datetime.strptime("2020", "%Y %"),
            lambda: time(25), lambda: date.fromordinal(0), lambda: date.fromisocalendar(2021, 53, 1), lambda: date.fromisocalendar(2020, 1, 8),
            lambda: datetime(2020, 1, 1, tzinfo=3), lambda: datetime.fromtimestamp(1e20), lambda: datetime.fromtimestamp(float("nan")), lambda: datetime.fromtimestamp(1e12),
            lambda: t.isoformat(timespec="days"), lambda: datetime.fromisoformat("2024-05-17T24:00")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(datetime(2020, 1, 1) == date(2020, 1, 1), date(2020, 1, 1) == datetime(2020, 1, 1), datetime(2020, 1, 1) == aware, datetime(2020, 1, 1) != aware)
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 31)]), max(datetime(2020, 1, 1), datetime(2019, 12, 31, 23)))
print(dt.datetime, dt.date, dt.timedelta, dt.timezone, dt.tzinfo, dt.time, isinstance(t, date), issubclass(datetime, date), type(t).__name__)
