# Writes marshal.dumps of fresh values under the running CPython (2.7 or 3.x) as "name hex" lines.
# Values are built at run time so that their reference counts (which decide FLAG_REF on 3.x) are
# known: 1 unless the case shares an object on purpose. Used by MarshalValuesTest.
#   pythonX.Y scripts/golden/marshal_values.py > src/test/resources/golden/marshal/X.Y.txt
import marshal, sys, binascii

PY2 = sys.version_info[0] == 2
VERSION = 2 if PY2 else 4
if sys.version_info >= (3, 14):
    VERSION = 5
u = (lambda s: s.decode('unicode_escape')) if PY2 else (lambda s: s.encode('ascii').decode('unicode_escape'))
L = long if PY2 else int  # noqa: F821


def fresh_int(text):
    return int(text)


def fresh_str(s):
    # a new, non-interned str object (3.x) / unicode object (2.x)
    return u('').join([c for c in s]) if not PY2 else u''.join([c for c in s])


cases = []
for n in ['300', '-300', '2147483647', '-2147483648', '2147483648', '-2147483649', '9223372036854775807',
          '-9223372036854775808', '9223372036854775808', '340282366920938463463374607431768211456',
          '-340282366920938463463374607431768211457', '32768', '1073741824']:
    cases.append(('int_' + n, fresh_int(n)))
if PY2:
    cases.append(('long_5', L('5')))
for name, text in [('1.5', '1.5'), ('neg0', '-0.0'), ('inf', 'inf'), ('ninf', '-inf'), ('tiny', '5e-324'),
                   ('big', '1.7976931348623157e308'), ('third', '0.3333333333333333')]:
    cases.append(('float_' + name, float(text)))
cases.append(('complex_1_2', complex(float('1.0'), float('-2.5'))))
cases.append(('str_ascii_2', fresh_str('ab')))
cases.append(('str_ascii_255', fresh_str('x' * 255)))
cases.append(('str_ascii_256', fresh_str('y' * 256)))
cases.append(('str_latin1', fresh_str(u('caf\\xe9 na\\xefve'))))
cases.append(('str_bmp', fresh_str(u('\\u20ac and \\u4e2d'))))
cases.append(('str_astral', fresh_str(u('emoji \\U0001f600!'))))
cases.append(('bytes_3', b'a ' + b'bc'))
cases.append(('bytes_300', b'z' * 300))
big = fresh_int('100000')
cases.append(('tuple_shared_int', tuple([big, big, big])))
cases.append(('tuple_mixed', tuple([fresh_int('1000'), float('2.5'), fresh_str('hello world'), bytes(bytearray(b'qq'))])))
cases.append(('tuple_255', tuple([fresh_int(str(1000 + i)) for i in range(255)])))
cases.append(('tuple_256', tuple([fresh_int(str(1000 + i)) for i in range(256)])))
cases.append(('list_2', [fresh_int('1000'), fresh_int('2000')]))
del big

for name, value in cases:
    data = marshal.dumps(value, VERSION)
    sys.stdout.write('%s %s\n' % (name, binascii.hexlify(data).decode('ascii')))
