// doraise=true: all files are compiled, then the build fails naming the first error.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /py-compile: \d+ file\(s\) failed to compile; first: .*app\/\w+\.py:\d+:\d+: \w+Error: /
assert !new File(basedir, 'target/classes/app/__pycache__/bad.cpython-311.pyc').exists()
