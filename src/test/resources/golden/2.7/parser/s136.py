x = u'\ud800\udc00' u'\ud800' u'\udc00'
