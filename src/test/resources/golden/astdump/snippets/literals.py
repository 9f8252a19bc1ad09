"""Module docstring
on two lines."""
i = 0, 1, 42, 0x10, 0o17, 0b101, 1_000, 2**64, 123456789012345678901234567890
f = 0.0, 1.0, 0.1, 1e16, 1e15, 1.5e-5, 0.0001, 1e-05, 1e300, 1e400, 3.141592653589793, 1e22, 2.5E+10
c = 1j, 2.5j, 0j, 1e100j, 1e16j, 0.1j
s = 'a', "b", 'it\'s', "say \"hi\"", 'both \' and "', '', "tab\tnl\ncr\rnul\x00del\x7f"
u = u'unicode', 'é', '中文', '\u00ad', '\u0378', '\xa0', '\u2028', '\U0001f600', '\ud800', '\udc00\ud800'
b = b'bytes', b'\x00\xff', b"it's", b'"', b'\'"', rb'\n', b'\t\n\r'
r = r'raw\n', R"\d+"
k = None, True, False, ...
n = -1, -1.5, +2, ~3, not 4
ñ = ｆｏｏ = 1
