// doraise=false: each file that does not compile is logged as path:line:col: Type: message, the build goes on.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log =~ /\[ERROR\] .*src\/main\/python\/app\/bad\.py:\d+:\d+: \w+Error: /
assert log.contains('file(s) compiled for CPython 3.11')
// nothing half-written: no cache file for a file that failed
assert !new File(basedir, 'target/classes/app/__pycache__/bad.cpython-311.pyc').exists()
