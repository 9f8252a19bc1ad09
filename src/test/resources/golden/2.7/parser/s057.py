x = u'a' 'b\xe9'
