[x for x in a, b if c if d for y in e]
