f(b 'c' d)
