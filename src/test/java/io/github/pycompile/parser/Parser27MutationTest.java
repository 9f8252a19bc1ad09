package io.github.pycompile.parser;

import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Broken sources, for the errors: standard-library files of python2.7 with one edit each (a character
 * deleted, or a fragment inserted; seeded, so every run makes the same files) go through our parser
 * and CPython 2.7's {@code ast.parse}; every file must give the same tree or the same error (type,
 * message, line, offset). 300 mutants; 3,000 with {@code -Dpycompile.corpus=full}; another seed with
 * {@code -Dpycompile.seed=N}.
 */
class Parser27MutationTest {
    private static final String[] INSERTS = {"(", ")", "[", "]", "{", "}", ":", "=", ",", ";", ".", "\n", " ", "  ",
        "\t", "\\", "'", "\"", "\"\"\"", "`", "@", "*", "**", "lambda", "lambda x:", "yield", "print", "not", "if",
        "else", "for", "in", "is", "exec", "del ", "None", "u'\\x1'", "'\\x1'", "0777", "08", "1e", "0x", "1L",
        "$", "?", "!", "<>", "->", "...", "=1", "x=", "f()", "()", "None =", "def f(a=1, b):", "\n  ", "\n    x\n",
        "as", "except", "finally:", "try:", "class ", "return ", "elif ", "else:", "global ", "import ", "from ",
        "from __future__ import print_function\n", "assert ", "raise ", "+=", "//", "<<", "~", "0o", "0b", "u'",
        "ur'", "b'", "r'", "\\\n", "#", "yield ", "exec ", "print >>", "with ", "@", "*a", "**k", "x for x in y"};

    @Test
    void mutantsFailAsCpython() throws IOException {
        Interpreters.require(PythonVersion.V2_7);
        int count = Interpreters.fullCorpus() ? 3000 : 300;
        List<Path> sources = Interpreters.sampled(new ArrayList<>(Interpreters.stdlibSources(PythonVersion.V2_7)), 200);
        Random rnd = new Random(Long.getLong("pycompile.seed", 27));
        Path dir = Files.createTempDirectory("py27mutants");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] b = Files.readAllBytes(sources.get(rnd.nextInt(sources.size())));
            if (b.length < 2) {
                continue;
            }
            int at = rnd.nextInt(b.length);
            byte[] m;
            if (rnd.nextBoolean()) {
                m = new byte[b.length - 1];
                System.arraycopy(b, 0, m, 0, at);
                System.arraycopy(b, at + 1, m, at, b.length - at - 1);
            } else {
                byte[] ins = INSERTS[rnd.nextInt(INSERTS.length)].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                m = new byte[b.length + ins.length];
                System.arraycopy(b, 0, m, 0, at);
                System.arraycopy(ins, 0, m, at, ins.length);
                System.arraycopy(b, at, m, at + ins.length, b.length - at);
            }
            Path f = dir.resolve(String.format("m%04d.py", i));
            Files.write(f, m);
            files.add(f);
        }
        Parser27DifferentialTest.compare(new TreeMap<>(io.github.pycompile.testsupport.CpythonAst.parseAll(
                PythonVersion.V2_7, files)), "2.7 mutants");
    }
}
