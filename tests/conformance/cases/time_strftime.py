# time.strftime/asctime/ctime/mktime: glibc's directives, flags and widths in the C locale, CPython's argument checks
import time
tuples = [(2009,2,13,23,31,30,4,44,0),(5,1,1,0,0,0,0,1,0),(2020,1,1,0,0,0,2,1,1),(-5,1,1,0,0,0,0,1,0),(12345,1,1,0,0,0,0,1,0),(2021,1,1,0,0,0,4,1,0),(2020,12,31,12,5,9,3,366,0),(2020,0,0,0,0,0,0,0,-1),(1999,12,31,23,59,60,4,365,0)]
fmts = ['%a %A %b %B %c', '%d %e %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %Z %z %%', '%C %D %F %G %g %V %u %h %k %l %n %t %R %r %T %P %s', '%-d %_d %05d %^a %#a %Ey %Od %q %f %Q %i %J %K %L %N', 'end%', '%10Y %3d %-3d','%10Y','%_5d','%-5d','%05e','%^B','%#B','%#Z','%#p','%^p','%3a','%_y','%-j','%4%','%-%','%_H','%-H','%3Ey', '%E', '%O', '%5', '%-', '%10z|%^c|%20c|%-5c|%_10F|%010F', '%l|%k|%I|%p', '', 'héllo %d ✓', '%_3y%-8s|%08s|%-3C', '%%%%%', '%5%x']
for t in tuples:
    for f in fmts:
        print(repr(time.strftime(f, t)))
    print(time.asctime(t), time.mktime(t))
for s in [0, 1.5, -1, -1.5, 1234567890, 86400*365*30+0.999, 951782400, 4102444800, -62135596800]:
    print(time.ctime(s))
for bad in [(2020,13,1,0,0,0,0,1,0),(2020,1,32,0,0,0,0,1,0),(2020,1,1,24,0,0,0,1,0),(2020,1,1,0,60,0,0,1,0),(2020,1,1,0,0,62,0,1,0),(2020,1,1,0,0,0,-2,1,0),(2020,1,1,0,0,0,0,367,0), (1,2), 'x', (1.5,1,1,0,0,0,0,1,0), [2020,1,1,0,0,0,0,1,0], (2**31,1,1,0,0,0,0,1,0), (2**70,1,1,0,0,0,0,1,0)]:
    for fn in (lambda b: time.strftime('%Y', b), time.asctime, time.mktime):
        try: print(repr(fn(bad)))
        except Exception as e: print(type(e).__name__, e)
for bad in [float('nan'), 1e20, 'x', 2**70, 1e17]:
    try: print(time.ctime(bad))
    except Exception as e: print(type(e).__name__, e)
try: time.strftime(3)
except Exception as e: print(type(e).__name__, e)
try: time.strftime('a\0b', (2020,1,1,0,0,0,0,1,0))
except Exception as e: print(type(e).__name__, e)
print(time.timezone, time.altzone, time.daylight, time.tzname)
