def f():
  yield 1
  x = yield
  return
