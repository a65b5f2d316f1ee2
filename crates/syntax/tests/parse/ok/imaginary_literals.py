x = 2j + 1.5e3J - 1_0j * 0j
y = (00j, .5j, 1.j, 1e-3j, 10 if 1j else 2)
match y:
    case -1 + 2j | 3.5 - 0j:
        pass
