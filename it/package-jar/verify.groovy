// mvn package: the caches are in the jar, at 3.11's places, each a 3.11 cache (magic, timestamp
// header with the source's size) whose body is byte for byte what CPython 3.11 writes.
import java.util.zip.ZipFile
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('py-compile: 2 of 2 file(s) compiled for CPython 3.11')
def jar = new ZipFile(new File(basedir, 'target/package-jar-1.0.jar'))
['__init__', 'main'].each { name ->
    def entry = jar.getEntry("app/__pycache__/${name}.cpython-311.pyc")
    assert entry != null : "no cache for ${name} in the jar"
    byte[] data = jar.getInputStream(entry).bytes
    // magic 3495 (0x0DA7) + \r\n
    assert (data[0] & 0xff) == 0xa7 && (data[1] & 0xff) == 0x0d && data[2] == 0x0d && data[3] == 0x0a
    // PEP 552 flags 0 (timestamp), then mtime and the source size
    assert data[4] == 0 && data[5] == 0 && data[6] == 0 && data[7] == 0
    long size = new File(basedir, "src/main/python/app/${name}.py").length()
    long stored = (data[12] & 0xff) | (data[13] & 0xff) << 8 | (data[14] & 0xff) << 16 | (data[15] & 0xff) << 24
    assert stored == size
    def body = data[16..-1].collect { String.format('%02x', it & 0xff) }.join()
    def expected = new File(basedir, "expected-${name}.cpython-311.body.hex").text.trim()
    assert body == expected : "body of ${name} differs from CPython 3.11's"
}
jar.close()
