x = u'\x1'
