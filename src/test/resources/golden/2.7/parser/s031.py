a if b else c
not a and b or c
a < b < c is not d not in e
