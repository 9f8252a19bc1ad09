# type: ignore
x = 1  # type: int
