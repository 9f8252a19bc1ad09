match command.split():
    case [action]:
        pass
    case ["go", direction] | ["move", direction]:
        go(direction)
    case {"x": x, **rest}:
        pass
    case Point(x=0, y=0):
        pass
    case _:
        pass
