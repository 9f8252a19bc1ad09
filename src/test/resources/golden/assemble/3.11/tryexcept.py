def f():
    try:
        a()
    except E:
        b()
    c()
