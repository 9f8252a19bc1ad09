def f():
    try:
        pass
    except Exception as exc:
        raise RuntimeError("x") from exc
    raise
