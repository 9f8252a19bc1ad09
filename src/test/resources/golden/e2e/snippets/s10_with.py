with open("f") as fh, lock:
    data = fh.read()


async def f():
    async with a as b:
        pass
