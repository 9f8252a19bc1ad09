try:
    risky()
except ValueError as e:
    handle(e)
except (TypeError, KeyError):
    pass
else:
    ok()
finally:
    cleanup()
