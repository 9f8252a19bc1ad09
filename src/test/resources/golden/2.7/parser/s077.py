def f(**None): pass
