match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0) | None:
        pass
    case {"key": value, **rest}:
        pass
    case [1, 2, *others] if others:
        pass
    case str() as s:
        pass
    case True | False | -1 | 1.5 | 2 + 3j | "s" | b"b":
        pass
    case _:
        pass
