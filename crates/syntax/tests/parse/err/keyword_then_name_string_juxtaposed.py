print(' #', end='', flush'x' True)
