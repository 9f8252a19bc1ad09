x = u'\N'
