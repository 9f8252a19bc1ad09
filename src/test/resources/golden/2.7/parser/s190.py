x = u'\N{SNOWMAN}'
