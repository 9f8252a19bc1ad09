// mvn package with a 2.7 target and optimize=1: the caches are in the jar next to their sources as
// .pyo files (2.x's naming), each a 2.7 cache (magic 62211, mtime) whose body is byte for byte what
// `python2.7 -O -m py_compile` writes (expected-*.pyo.body.hex, made by python2.7 with the same dfile).
import java.util.zip.ZipFile
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('py-compile: 2 of 2 file(s) compiled for CPython 2.7')
def jar = new ZipFile(new File(basedir, 'target/package-jar-py27-1.0.jar'))
['__init__', 'main'].each { name ->
    def entry = jar.getEntry("app/${name}.pyo")
    assert entry != null : "no cache for ${name} in the jar"
    assert jar.getEntry("app/__pycache__/${name}.cpython-27.pyc") == null
    byte[] data = jar.getInputStream(entry).bytes
    // magic 62211 (0xF303) + \r\n
    assert (data[0] & 0xff) == 0x03 && (data[1] & 0xff) == 0xf3 && data[2] == 0x0d && data[3] == 0x0a
    def body = data[8..-1].collect { String.format('%02x', it & 0xff) }.join()
    def expected = new File(basedir, "expected-${name}.pyo.body.hex").text.trim()
    assert body == expected : "body of ${name} differs from CPython 2.7's"
}
jar.close()
