exec code in g, l
exec code
exec(a, b)
