def f():
  x = (
