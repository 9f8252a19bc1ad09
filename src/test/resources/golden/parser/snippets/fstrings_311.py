# f-strings every 3.x version parses (3.11 positions differ from 3.12's)
x = 1
a = f"{x}" f'{x!r:>10}' f"{x=}" F"{{x}}"
b = f"""{
x}"""
c = ("implicit " f"{x}"
     "concatenation")
d = f"{x:{x}.{x}}"
e = rb"\d" b"bytes"
