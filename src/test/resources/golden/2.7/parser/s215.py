x = u'\N{LINE FEED (LF)}'
