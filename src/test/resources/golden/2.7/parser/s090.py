x = [x for x in lambda: 1, lambda: 2]
