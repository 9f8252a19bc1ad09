"""Writes src/test/resources/golden/py2dict/orders.txt: dict operations on identifier keys and the
iteration order Python 2's dict gives after each, for Py2DictTest. Run with python2.7 (its dict, string
hash and probing are 2.6's; hash randomization is off unless -R):

    python2.7 scripts/golden/py2dict_order.py > src/test/resources/golden/py2dict/orders.txt

Each case is lines of operations ('n KEY' insert, 'd KEY' delete, 'm KEY' insert into a second dict,
'u' update the first with the second and clear it) each followed by '= KEYS' (the first dict's order)."""
import random
import sys

assert sys.version_info[0] == 2
pool = (['x%d' % i for i in range(40)] + ['self', 'a', 'b', '_[1]', '_[2]', '.0', 'lambda', 'func', 'args',
        'kw', 'i', 'j', 'result', 'name', 'value', 'len', 'abc_def', '__init__', 'sleeper_gen', 'NESTING', 'C'])
for seed in range(6):
    rnd = random.Random(seed)
    d = {}
    m = {}
    print('case %d' % seed)
    for step in range(250):
        r = rnd.random()
        if r < 0.6:
            k = rnd.choice(pool)
            d[k] = 1
            print('n ' + k)
        elif r < 0.75 and d:
            k = rnd.choice(sorted(d))
            del d[k]
            print('d ' + k)
        elif r < 0.9:
            k = rnd.choice(pool)
            m[k] = 1
            print('m ' + k)
        else:
            d.update(m)
            m = {}
            print('u')
        print('= ' + ' '.join(d.keys()))
