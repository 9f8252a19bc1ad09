for i in x:
    try:
        if i:
            break
        continue
    finally:
        done()
