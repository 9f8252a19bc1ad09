package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.CpythonAst;
import io.github.pycompile.testsupport.Interpreters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Our 2.7 parser against CPython 2.7's {@code ast.parse}: over python2.7's standard library (a sample;
 * all of it with {@code -Dpycompile.corpus=full}) and a set of snippets, trees equal (positions
 * included) for the files it accepts, the same error type, message, line and offset for those it
 * rejects. Refusals are counted and printed; any difference fails.
 */
class Parser27DifferentialTest {
    private static final PythonVersion V = PythonVersion.V2_7;

    /** Sources that exercise 2.7's quirks and errors; each is parsed by both. */
    static final List<String> SNIPPETS = List.of(
            "x = -1 + 2 + 3\n",
            "f(a)(b)[1].c\n",
            "\"\"\"a\nb\"\"\"\n",
            "(a + b).c ** 2\n",
            "@d\n@e.f(1)\n@g()\ndef f(a, (b, c), d=1, *e, **f): pass\n",
            "@d\nclass C(A, B,): pass\n",
            "with a as b, c: pass\n",
            "with a: pass\n",
            "print >>f, x, y,\nprint\nprint x\n",
            "from __future__ import print_function\nprint(x, file=y)\n",
            "from __future__ import unicode_literals\n'a' + b'b'\n",
            "exec code in g, l\nexec code\nexec(a, b)\n",
            "raise E, V, T\n",
            "try:\n  pass\nexcept E, e:\n  pass\nexcept (A, B) as e:\n  pass\nelse:\n  pass\nfinally:\n  pass\n",
            "x = `1, 2`\ny = a <> b\n",
            "x = 0777 + 0xFFFFFFFFFFFFFFFF + 9223372036854775807 + 9223372036854775808 + 10L + 1e10 + 2j\n",
            "x = -9223372036854775808, -0x8000000000000000, - 1, -1j, -0.0, --1\n",
            "x = u'\\xe9\\u1234\\U0001F600\\N{LATIN SMALL LETTER A}' 'abc'\n",
            "x = ur'\\u1234\\\\u1234' r'\\n' b'\\x41' '\\777'\n",
            "# -*- coding: utf-8 -*-\nx = u'\u00e9' '\u00e9'\n",
            "# -*- coding: latin-1 -*-\nx = u'\u00e9'\n",
            "a[1:2, 3]\na[...]\na[::]\na[1:2:]\na[1,]\na[:, ...]\n",
            "[x for x in a, b if c if d for y in e]\n",
            "{x: y for x in z}\n{x for x in y}\n{1, 2}\n{}\n{1: 2, 3: 4,}\n",
            "lambda (a, b), c=1, *d: 0\n",
            "f(x for x in y)\nf(a, *b, **c)\nf(*a, b=1)\n",
            "if a:\n  pass\nelif b:\n  pass\nelif c:\n  pass\nelse:\n  pass\n",
            "for (a, b), c in d:\n  pass\nelse:\n  pass\n",
            "del a, (b, c), d[1], e.f\n",
            "global a, b\nassert x, y\nimport a.b.c as d, e\nfrom . import (a, b,)\nfrom ..x import *\n",
            "x = yield\nx = (yield y)\n",
            "a if b else c\nnot a and b or c\na < b < c is not d not in e\n",
            "x = 1 +\n",
            "def f(:\n  pass\n",
            "if x:\nreturn 1\n",
            "if x:\n  a\n    b\n",
            "if x:\n    a\n  b\n",
            "x = (1,\n",
            "x = (1,\ny = 2\n",
            "f(a=1, b)\n",
            "f(x for x in y, 1)\n",
            "f(*a, b)\n",
            "f(a.b=1)\n",
            "f(lambda: 1 = 2)\n",
            "f(a=1, a=2)\n",
            "None = 1\n",
            "x.None = 1\n",
            "def f(x=1, y): pass\n",
            "def f((x)=1): pass\n",
            "def None(): pass\n",
            "f() = 1\n",
            "del f()\n",
            "(a, b) += 1\n",
            "[x for x in y] = 1\n",
            "() = 1\n",
            "x = u'\\x1'\n",
            "x = '\\x1'\n",
            "x = u'a' 'b\\xe9'\n",
            "from a import b,\n",
            "for x in y:\n  pass\nelse:\n  f() = 1\nNone = 2\n",
            "if a:\n  None = 1\nelif b:\n  f() = 1\n",
            "x = 1 if y\n",
            "a = 08\n",
            "  x = 1\n",
            "print >>f,\n",
            "[x for x in a,]\n",
            "f(*a,)\n",
            "x = $\n",
            "class C:\n  def f(self):\n    return\n",
            "if x:\n",
            "def f():\n  x\n y\n");

    @Test
    void snippetsAsCpython() throws IOException {
        Interpreters.require(V);
        Path dir = Files.createTempDirectory("py27snippets");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < SNIPPETS.size(); i++) {
            Path f = dir.resolve(String.format("s%03d.py", i));
            Files.write(f, SNIPPETS.get(i).getBytes(StandardCharsets.UTF_8));
            files.add(f);
        }
        compare(files, "2.7 snippets");
    }

    @Test
    void stdlibTreesEqualCpythons() throws IOException {
        Interpreters.require(V);
        List<Path> files = Interpreters.sampled(new ArrayList<>(Interpreters.stdlibSources(V)), 400);
        compare(files, "2.7 stdlib");
    }

    private static void compare(List<Path> files, String what) throws IOException {
        Map<Path, CpythonAst.Parsed> expected = new TreeMap<>(CpythonAst.parseAll(V, files));
        int equal = 0;
        int refused = 0;
        int sameError = 0;
        Map<String, Integer> refusals = new TreeMap<>();
        List<String> different = new ArrayList<>();
        for (Map.Entry<Path, CpythonAst.Parsed> e : expected.entrySet()) {
            CpythonAst.Parsed want = e.getValue();
            try {
                Ast.ModuleNode got = Parser27.parseModule(Files.readAllBytes(e.getKey()), e.getKey().toString(), V, w -> { });
                if (want.ok() && Parser311DifferentialTest.dump(want.tree()).equals(Parser311DifferentialTest.dump(got))) {
                    equal++;
                } else {
                    different.add(e.getKey() + (want.ok() ? ": different tree" + firstDifference(
                            Parser311DifferentialTest.dump(want.tree()), Parser311DifferentialTest.dump(got))
                            : ": parsed, CPython raised " + want.errorType() + ": " + want.errorMessage()));
                }
            } catch (UnsupportedFeatureException ex) {
                refused++;
                refusals.merge(ex.getMessage(), 1, Integer::sum);
            } catch (PythonError ex) {
                if (!want.ok() && want.errorType().equals(ex.typeName()) && want.errorMessage().equals(ex.pyMessage())
                        && Objects.equals(want.lineno(), ex.lineno() < 0 ? null : ex.lineno())
                        && Objects.equals(want.offset(), ex.offset() < 0 ? null : ex.offset())) {
                    sameError++;
                } else {
                    different.add(e.getKey() + ": we raised " + ex.typeName() + ": " + ex.pyMessage() + " (" + ex.lineno()
                            + ", " + ex.offset() + "); CPython: " + (want.ok() ? "ok" : want.errorType() + ": "
                            + want.errorMessage() + " (" + want.lineno() + ", " + want.offset() + ")"));
                }
            } catch (RuntimeException ex) {
                different.add(e.getKey() + ": internal error " + ex);
            }
        }
        System.out.printf("parser %s: %d files: %d equal trees, %d same error, %d refused %s, %d different%n", what,
                expected.size(), equal, sameError, refused, refusals, different.size());
        assertTrue(different.isEmpty(), () -> different.size() + " different:\n"
                + String.join("\n", different.subList(0, Math.min(20, different.size()))));
    }

    static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 150);
        return "\n  cpython: ..." + a.substring(from, Math.min(a.length(), i + 150)) + "\n  ours:    ..."
                + b.substring(from, Math.min(b.length(), i + 150));
    }
}
