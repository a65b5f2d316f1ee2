# csv: reader over lists of lines and io.StringIO (quotes, doubled quotes, embedded newlines, skipinitialspace, escapechar, QUOTE_NONNUMERIC), writer with every quoting mode and lineterminator, DictReader/DictWriter, dialects, and csv.Error's messages
import asyncio
import csv
import io

rows = list(csv.reader(['a,b,c', '1,"two, too",3', '"say ""hi""",,x', ' y, z']))
print(rows)
print(list(csv.reader(['a; b;c'], delimiter=';', skipinitialspace=True)))
print(list(csv.reader(io.StringIO('x,"multi\nline",y\r\nlast,row\r\n'))))
print(list(csv.reader(['a\\,b,c'], escapechar='\\')), list(csv.reader(['1,"x",2.5'], quoting=csv.QUOTE_NONNUMERIC)))
r = csv.reader(['h1,h2', '', 'v1,v2'])
print(next(r), r.line_num, next(r), next(r), r.line_num, r.dialect.delimiter)
out = io.StringIO()
w = csv.writer(out)
w.writerow(['plain', 'with,comma', 'with "quote"', 'line\nbreak', 3, 2.5, None, True])
w.writerow([''])
w.writerows([[1, 2], ['a', 'b']])
print(repr(out.getvalue()))
for quoting in [csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE]:
    out = io.StringIO()
    csv.writer(out, quoting=quoting, escapechar='\\', lineterminator='\n').writerow(['a', 1, 2.0, 'b,c', None])
    print(quoting, repr(out.getvalue()))
out = io.StringIO()
csv.writer(out, delimiter='\t', quotechar="'", doublequote=False, escapechar='\\').writerow(["it's", 'tab\there'])
print(repr(out.getvalue()))
data = io.StringIO("name,age\r\nann,31\r\nbob,27,extra\r\ncy\r\n")
for row in csv.DictReader(data, restkey='rest', restval='?'):
    print(row)
dict_reader = csv.DictReader(['a,b', '1,2'])
print(dict_reader.fieldnames, list(dict_reader), dict_reader.line_num)
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['id', 'name'], extrasaction='ignore')
dw.writeheader()
dw.writerow({'id': 1, 'name': 'x', 'other': 0})
dw.writerows([{'id': 2}, {'name': 'only'}])
print(repr(out.getvalue()))
try:
    csv.DictWriter(io.StringIO(), fieldnames=['a']).writerow({'a': 1, 'b': 2})
except ValueError as e:
    print("ValueError:", e)
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_MINIMAL)
print(csv.list_dialects(), list(csv.reader(['a|b'], dialect='pipes')), csv.get_dialect('pipes').delimiter)
csv.unregister_dialect('pipes')
for call in [lambda: csv.get_dialect('pipes'), lambda: csv.unregister_dialect('nope'),
             lambda: list(csv.reader(['a,"b'], strict=True)), lambda: list(csv.reader(['a,"b"c'], strict=True)),
             lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']),
             lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['']),
             lambda: list(csv.reader([b'bytes'])), lambda: list(csv.reader(['a\0b']))]:
    try:
        call()
    except csv.Error as e:
        print("Error:", e)
for bad in [dict(delimiter='::'), dict(delimiter=1), dict(quoting=9), dict(quotechar=None), dict(bogus=1)]:
    try:
        csv.reader([], **bad)
    except TypeError as e:
        print("TypeError:", e)
print(list(csv.reader(['a,"b'])), csv.excel.delimiter, repr(csv.excel.lineterminator), csv.QUOTE_NONE)


async def main():
    lines = ['id,score', '1,10', '2,30']
    total = 0
    for row in csv.DictReader(lines):
        await asyncio.sleep(0.1)
        total += int(row['score'])
        print(row['id'], total)


asyncio.run(main())
