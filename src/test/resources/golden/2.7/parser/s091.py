x = [x for x in lambda: 1 if y]
