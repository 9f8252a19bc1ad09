x = u'\N{foo}'
