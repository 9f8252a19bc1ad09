f(u'\x1', x for x in y)
