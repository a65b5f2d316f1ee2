# a long str grown by += while its len() and characters are read: counts and positions stay right across ASCII and non-ASCII appends
def main():
    s = ''
    for i in range(3000):
        s += chr(0x41 + i % 50) if i % 7 else 'é€𝄞'[i % 3]
        if len(s) > 500:
            for j in (0, len(s) // 3, len(s) - 1, -1, -2):
                _ = s[j]
    print(len(s), s[511:530], s[-20:], s[1000:1010], s.count('é'))
    t = 'x' * 600
    t += 'é'
    print(len(t), t[-2:], t[599:601])
    u = 'é' * 600
    print(len(u), u[-1])
    u += 'abc'
    print(len(u), u[-4:], u[598:602])
main()
