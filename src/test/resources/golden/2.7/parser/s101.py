f(f(x for x in y, 1), u'\x1')
