x = yield
x = (yield y)
