exec a, b
exec (a, b, c)
exec (a,)
