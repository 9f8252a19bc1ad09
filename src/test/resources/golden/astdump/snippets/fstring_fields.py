# f-string fields: concatenated strings (a field of a later string), fields over several lines,
# non-ASCII before a field (3.6-3.8 place a field by searching the first string's text)
x = (f'{[a for a in b]}' f'{[a for a in b]}')
x = (f'{a}' f'{a + b - c}' f'{(a for a in b)}' f'{1 + 2 + 3:{a*b*c}}')
x = (f'{a}' "ü" f'{a + b - c}' f'{f"{[e for e in f]}"}')
x = (f'{a}'
     f'{[a for a in b]}' f'{ (a, b) }' f'{[a,b][0]}' f'{x[a:b]}')
x = (f'' f'{[a for a in b]}')
x = (f'' f'{"abcdefghij" + [c for c in d][0]}')
x = ('é' f'{[a for a in b]}')
x = (f'é' f'{[a for a in b]}' f'{(a, b)}' f'{a, b}')
x = (f'''ab
cd''' f'{[a for a in b]}')
x = (f'''ab
cd {[e for e in b]}''' f'{[a for a in b]}')
x = (f'''ab
cd''' f'''{[a for a in
 b] + [c for c in d] + x}''')
x = f'''{[a for a in
 b] + [c for c in d] - x - (y)}'''
x = f'''{a.b(
 ).c}''' f'''{"s"
 "t"}''' f'''{a <
 b}''' f'''{await (
 b)}''' f'''{a and (
 b)}''' f'''{not (
 b)}'''
x = f'''{(yield
 1)}''' f'''{a[1:
 2]}''' f'''{[*a,
 *b]}''' f'''{[
 b]}'''
x = f'''{a[
 1]}''' f'''{a.b[
 1].c[2]}''' f'''{a +
 (b)}''' f'''{a + (
 b)}''' f'''{a(b)
 .c}'''
x = f'''{a +
 (b)}'''
x = f'''{a + (
 (b))}''' f'''{a + ((
 b))}''' f'''{a + (
 b) + c}''' f'''{a + 
 ((b))}'''
x = (f'typing.Callable'
     f'[[{", ".join([_type_repr(a) for a in self.__args__[:-1]])}], '
     f'{_type_repr(self.__args__[-1])}]')
x = f'''{a,
 b}''' f'''{(a,
 b)}''' f'''{a[b:
 c]}''' f'''{a(*b,
 c)}''' f'''{a(
)}''' f'''{[x for x in
 y if z]}''' f'''{ {**a,
 **b} }''' f'''{a(b=
 1)}''' f'''{f(x
 for x in y)}''' f'''{a[b,
 c:d]}''' f'''{ -a ** (
 b)}''' f'''{a
 if b else c}'''
x = f'''{[a for a in b] + (c,
 d) + (
 e for e in f) + [
 g for g in h] + (i,
)}'''
x = f'''{(
 a, b)}''' f'''{[x for x,
 y in z]}''' f'''{[x for (x,
 y) in z]}''' f'''{x[(a,
 b)]}'''
