# f-string fields over several lines (3.9 places a field whose '{' ends a later line at the string's column);
# the decorator keeps 3.6-3.8 out (PEP 614)
@decorators[0].pick
def f(): pass
x = f'''{a +
b}
  {a +
b}'''
xy = f'''a
  {
a, b}'''
x = f'''{{a +
b}}
  {a +
b}'''
y = (1,
     f'''{
  c, d} {
e, f}''')
