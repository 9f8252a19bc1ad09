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

# Boundaries added later (appended so that earlier lines keep their order).
intern = intern if PY2 else sys.intern  # noqa: F821
cases.append(('int_small_5', fresh_int('5')))          # cached small int (3.x: refcount > 1)
cases.append(('int_small_-5', fresh_int('-5')))
cases.append(('int_257', fresh_int('257')))           # just past the cache
cases.append(('int_-6', fresh_int('-6')))
cases.append(('float_nan', float('nan')))
cases.append(('str_empty', fresh_str('')))            # the empty-string singleton
cases.append(('str_1_punct', fresh_str('~')))         # cached one-character latin-1 str
cases.append(('str_1_latin1', fresh_str(u('\\xe9'))))
cases.append(('str_1_bmp', fresh_str(u('\\u20ac'))))  # not cached
cases.append(('tuple_empty', tuple([])))
cases.append(('tuple_nested', tuple([tuple([fresh_int('1000')]), tuple([])])))
if PY2:
    # 2.x str: interned ones are written t the first time and R afterwards (by value)
    name = intern(''.join(['zq_marshal', '_name']))
    cases.append(('bytes_interned', tuple([name, name, intern(''.join(['zq_', 'other'])), name])))
    cases.append(('bytes_interned_300', intern('w' * 300)))
    cases.append(('bytes_empty', ''.join([])))
    cases.append(('bytes_1', ''.join(['q'])))
else:
    cases.append(('bytes_empty', bytes(bytearray(b''))))
    cases.append(('bytes_1', bytes(bytearray(b'q'))))
    cases.append(('str_interned', intern(fresh_str('zq_marshal_name'))))
    cases.append(('str_interned_300', intern(fresh_str('w' * 300))))
    cases.append(('str_interned_latin1', intern(fresh_str(u('zq_\\xe9t\\xe9')))))
    name = intern(fresh_str('zq_shared_name'))
    cases.append(('tuple_interned_twice', tuple([name, name])))
    del name
    cases.append(('dict_1', {fresh_str('k y'): fresh_int('1000')}))
if sys.version_info >= (3, 11):
    # sorted by each element's own marshal bytes; elements flagged in the stream (reference 2.6)
    cases.append(('frozenset_mixed', frozenset([fresh_int('1000'), fresh_int('3'), fresh_str('^'), fresh_str('~'),
                                                fresh_str('zz'), float('2.5'), fresh_int('-1'),
                                                tuple([fresh_int('1'), fresh_str('~')]), bytes(bytearray(b'xy')),
                                                fresh_int('70000'), fresh_str('hello world')])))
    cases.append(('set_ints', set([fresh_int('1000'), fresh_int('2000'), fresh_int('5'), fresh_int('-300')])))
if VERSION >= 5:
    cases.append(('slice', slice(fresh_int('1000'), None, fresh_int('5'))))

for name, value in cases:
    data = marshal.dumps(value, VERSION)
    sys.stdout.write('%s %s\n' % (name, binascii.hexlify(data).decode('ascii')))
