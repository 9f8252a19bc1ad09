t = t"a{b}c{d!r:>{e}}"
