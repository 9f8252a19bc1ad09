x = u'\N{hangul syllable ga}'
