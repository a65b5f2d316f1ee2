# calendar: isleap, leapdays, monthrange, weekday, month and day names, the text calendars, monthcalendar, timegm, and the errors of bad months and days
import calendar

print(calendar.isleap(2024), calendar.isleap(1900), calendar.leapdays(2000, 2025))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 12))
print(calendar.weekday(2024, 12, 4), calendar.MONDAY, calendar.SUNDAY)
print(list(calendar.month_name), list(calendar.month_abbr))
print(list(calendar.day_name), list(calendar.day_abbr))
print(calendar.month(2024, 2))
print(calendar.monthcalendar(2024, 2))
print(calendar.TextCalendar(firstweekday=6).formatmonth(2025, 1))
print(calendar.timegm((2024, 1, 1, 0, 0, 0)))
print(calendar.calendar(2024)[:300])
print(list(calendar.Calendar().itermonthdays2(2024, 3))[:8])
print(calendar.firstweekday(), calendar.weekheader(3))
cal = calendar.Calendar(firstweekday=calendar.SUNDAY)
print([d.isoformat() for d in cal.itermonthdates(2024, 2)][:3])
for bad in [(2024, 13, 1), (2024, 2, 30)]:
    try:
        calendar.weekday(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(type(e).__name__, e, isinstance(e, ValueError))
try:
    calendar.setfirstweekday(9)
except calendar.IllegalWeekdayError as e:
    print(type(e).__name__, e)
print(calendar.HTMLCalendar().formatmonth(2024, 2)[:120])
