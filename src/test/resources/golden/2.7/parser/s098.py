a < u'\x1' < b() == (None == 1)
