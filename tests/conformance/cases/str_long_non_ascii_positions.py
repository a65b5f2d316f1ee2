# Indexing, slicing, len() and re on long non-ASCII strings (positions found through an index of every 64th character): every position near a multiple of 64, mixed widths, lookbehind and group references across those boundaries.
import re

text = ''.join(chr(c) for c in [0x41, 0xe9, 0x4e2d, 0x1f600, 0x62] * 300)
print(len(text))
for i in [0, 1, 62, 63, 64, 65, 127, 128, 129, 640, 1023, 1024, 1499]:
    print(i, ascii(text[i]), ascii(text[-i - 1]), ascii(text[i:i + 3]), ascii(text[i - 2:i + 2]))
print(ascii(text[1490:]), ascii(text[1500:]), ascii(text[700:690]), len(text[64:128]))
print(ascii(text[::301]), ascii(text[1499:1480:-5]))
words = ('été ' * 40 + 'naïve café ' * 30 + '日本語 ' * 50) * 3
print(len(words), len(re.findall(r'\w+', words)))
print(re.findall(r'(?<=é)t', words)[:3], len(re.findall(r'(?<=é)t', words)))
print([m.span() for m in re.finditer('日本', words)][-3:])
print(len(re.sub(r'(é)(t)', r'\2\1', words)), re.sub(r'(é)(t)', r'\2\1', words)[:20])
print(len(re.split('café', words)), re.split('café', words)[5][:12])
print(re.search(r'(語)\s\1', words), re.search(r'(語) 日', words).span())
print(re.compile('ï').search(words, 500).span(), re.compile('ï').search(words, 500, 600))
m = re.match(r'(\w+) (\w+)', words, )
print(m.group(1, 2), m.start(2), m.end(2))
long = 'ü' * 1000 + 'x' + 'ü' * 63
for pos in [0, 999, 1000, 1001, 1063, 1064]:
    m = re.compile('x|ü$').search(long, pos)
    print(pos, m and m.span())
print(re.fullmatch('ü{1000}xü{63}', long) is not None, len(long[1000:]), long.index('x'))
