x = (x for x in y if lambda: 1)
