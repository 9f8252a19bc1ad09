package io.github.pycompile.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.compiler.Compilers;
import io.github.pycompile.compiler.ModuleCompiler;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.testsupport.Interpreters;
import io.github.pycompile.testsupport.Pyodide;
import io.github.pycompile.testsupport.Python;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The errors of the symbol table and the compiler for targets without a back end, through the compiler
 * facade: each snippet is compiled by the real interpreter of the target (3.14: pyodide; skipped when
 * none is installed) and by {@link Compilers#forTarget}; ours must be CPython's SyntaxError (type, message, line,
 * offset, end) or a refusal, and a snippet CPython compiles must be refused (there is no back end).
 * The syntax-suite goldens ({@code compiler.SyntaxSuiteTest}) hold the same check without an interpreter.
 */
class LaterPhaseChecksTest {
    /** Snippets whose errors come from the phases after the parser, with the quirks of their positions. */
    static final String[] SNIPPETS = {
        "def f():\n  global x\n  x: int\n",
        "def f(a, a): pass\n",
        "lambda a=1,a=1:0\n",
        "def f():\n  from x import *\n",
        "def f():\n  x = 1\n  global x\n",
        "def f():\n  nonlocal x\n",
        "nonlocal x\n",
        "from __future__ import braces\n",
        "from __future__ import nope\n",
        "x=1\nfrom __future__ import division\n",
        "try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n",
        "def f():\n    try:\n        pass\n    finally:\n        continue\n",
        "for x in y:\n  try:\n    pass\n  finally:\n    continue\n",
        "for x in y:\n  try:\n    pass\n  except E as e:\n    try:\n      pass\n    finally:\n      continue\n",
        "x = [(yield i) for i in range(3)]\n",
        "def g():\n  return {(yield i) for i in range(3)}\n",
        "a, *b, *c = d\n",
        "*a = b\n",
        "print(*a, *b)\n*a\n",
        "with x:\n break\n",
        "with x:\n  with y:\n    continue\n",
        "if 0:\n  break\n",
        "while 0:\n  break\n",
        "if 0:\n  pass\nelse:\n  break\n",
        "if 1:\n  pass\nelse:\n  return\n",
        "if not 1:\n  break\n",
        "if x:\n  yield\n",
        "class C:\n  return 1\n",
        "try:\n  break\nfinally:\n    if x:\n        y(1,\n2)\n",
        "try:\n  pass\nfinally:\n    if x:\n        pass\n    x = 1\nbreak\n",
        "def f():\n  try:\n    return 1\n  finally:\n    break\n",
        "async def f():\n  yield 1\n  return 2\n",
        "async def f():\n  yield from x\n",
        "def f():\n  await x\n",
        "def f():\n  async with x: pass\n",
        "def f():\n  async for x in y: pass\n",
        "lambda: (yield)\n",
        "f(a=1, b=2, a=3)\n",
        "f(__debug__=1)\n",
        "__debug__ = 1\n",
        "del __debug__\n",
        "x.__debug__ = 1\n",
        "def f(*, __debug__): pass\n",
        "class C(x=1, x=2): pass\n",
        "@d(a=1, a=2)\ndef f(): pass\n",
        "def f(x=(yield)): pass\n",
        "class C:\n  def f(self):\n    nonlocal self\n",
        "def f():\n  x = 1\n  def g():\n    global x\n    nonlocal x\n",
        "x = 1\n",
        "object.__debug__: int\n",
        "def g(a:(yield)): pass\n",
        "x: (yield)\n",
        "class C:\n  x: (await y)\n",
        "def f():\n  x: (yield)\n",
        "def f() -> (x := 1): pass\n",
        "x: int = (yield)\n",
        "break\ndef g(a:(yield)): pass\n",
        "def g(a:[(yield) for x in y]): pass\n",
        "def g(a:lambda: (yield)): pass\n",
        "async def f(): type X = (yield)\n",
        "def f(a, *b, c, **d): type X[T: (x := 1)] = int\n",
        "def f(): type X = (lambda: (yield))\n",
        "class C:\n  type X = (yield)\n",
        "def f():\n  with x:\n    return 1\n  return (yield)\n",
        "for a in b:\n  with x:\n    break\n  f(c=1, c=2)\n",
        "def f():\n  with x:\n    return\n  g(**{}, d=1, d=2)\n",
        "from __future__ import annotations\nobject.__debug__: int\n",
        "object.__debug__: int = 1\n",
        "def f():\n  object.__debug__: int\n",
        "def f[T](y: (await x)): pass\n",
        "def f[T](y: (yield)): pass\n",
        "def f[T]() -> (x := 1): pass\n",
        "def f[T](*a: (x := 1)): pass\n",
        "def f[T](a: (yield), b: (yield)): pass\n",
        nested("while 1:", 20) + "pass\n",
        nested("while 1:", 21) + "pass\n",
        nested("for x in y:", 25) + "pass\n",
        nested("with x:", 21) + "pass\n",
        "'doc'\nfrom __future__ import division; import string; from __future__ import \\\n     nested_scopes\n",
        "from __future__ import division; from __future__ import braces\n",
        "def f[T=int, U, V: (yield)](): pass\n",
        "def f[T=int, U: (yield)](): pass\n",
        "class A[T](metaclass=(yield)): pass\n",
        "type A[T] = lambda: (yield)\n",
        "def f[T, T: (yield)](): pass\n",
        "class A[T, U=int, T](): pass\n",
        "type A[T=int, *U] = int\n",
        "def f[T: [(x := 3) for _ in y]](): pass\n",
        "def f[T: (lambda: (yield))](): pass\n",
        "class A[T]: x = (yield)\n",
        "def f[T](): return\ndef g(): pass\n",
        "class A[T]((x := 1)): pass\n",
        "type X[T: (await x)] = (yield)\n",
        "def f[**P = [(yield), int]](): pass\n",
        "class C[T: ((x := 1), int)]: pass\n",
        "del x.__debug__\n",
        "del (a, __debug__)\n",
        "for __debug__ in x: pass\n",
        "with x as __debug__: pass\n",
        "import __debug__\n",
        "import a.b as __debug__\n",
        "from a import __debug__\n",
        "x.__debug__ += 1\n",
        "try:\n  pass\nexcept E as __debug__:\n  pass\n",
        "def f():\n  for x in y:\n    break\n  else:\n    continue\n",
    };

    /** {@code depth} nested compound statements opened by {@code header}, one per line. */
    private static String nested(String header, int depth) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            b.append(" ".repeat(i)).append(header).append('\n');
        }
        return b.append(" ".repeat(depth)).toString();
    }

    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_12", "V3_13", "V3_14"})
    void givesCpythonsErrorOrRefuses(PythonVersion v) {
        // one run of the real compiler for all snippets: one line each
        StringBuilder script = new StringBuilder("import warnings\nwarnings.simplefilter('ignore')\nSNIPPETS = [\n");
        for (String src : SNIPPETS) {
            script.append("    ").append(pyLiteral(src)).append(",\n");
        }
        script.append("]\nn = lambda x: None if x is None or x < 0 else x\nfor src in SNIPPETS:\n    try:\n"
                + "        compile(src, '<case>', 'exec')\n        print('OK')\n    except SyntaxError as e:\n"
                + "        print('%s: %s %s:%s-%s:%s' % (type(e).__name__, e.msg, n(e.lineno), n(e.offset),"
                + " n(getattr(e, 'end_lineno', None)), n(getattr(e, 'end_offset', None))))\n");
        var r = v == PythonVersion.V3_14 ? Pyodide.run(script.toString())
                : Python.run(Interpreters.require(v), null, null, script.toString());
        List<String> results = r.out().lines().toList();
        assertEquals(SNIPPETS.length, results.size(), () -> v + ": " + r.out() + r.err());
        ModuleCompiler ours = Compilers.forTarget(v);
        CompileOptions options = CompileOptions.of(v);
        int same = 0;
        List<String> different = new ArrayList<>();
        for (int i = 0; i < SNIPPETS.length; i++) {
            String src = SNIPPETS[i];
            String theirs = results.get(i).strip();
            String got;
            try {
                ours.compile(src.getBytes(StandardCharsets.UTF_8), "<case>", options);
                got = "compiled";
            } catch (UnsupportedFeatureException e) {
                got = null;
            } catch (PythonError e) {
                boolean ends = v.atLeast(PythonVersion.V3_10);
                got = e.typeName() + ": " + e.pyMessage() + " " + pos(e.lineno(), e.offset()) + "-"
                        + (ends ? pos(e.endLineno(), e.endOffset()) : "None:None");
            }
            if (got == null) {
                continue;
            }
            if (got.equals(theirs)) {
                same++;
            } else {
                different.add(src.replace("\n", "\\n") + " -> ours " + got + ", CPython " + theirs);
            }
        }
        System.out.printf("later-phase snippets %s: %d of %d same error, %d different%n", v, same, SNIPPETS.length,
                different.size());
        assertTrue(different.isEmpty(), () -> v + ":\n" + String.join("\n", different));
        assertTrue(same >= 30, v + ": only " + same + " snippets give CPython's error");
    }

    /** A Python string literal for {@code s}. */
    private static String pyLiteral(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '\'') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    private static String pos(int line, int col) {
        return (line < 0 ? "None" : Integer.toString(line)) + ":" + (col < 0 ? "None" : Integer.toString(col));
    }

    @Test
    void sourceWithoutErrorIsStillRefusedForWantOfABackEnd() {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> Compilers.forTarget(PythonVersion.V3_12).compile("x = 1\n".getBytes(StandardCharsets.UTF_8),
                        "m.py", CompileOptions.of(PythonVersion.V3_12)));
        assertTrue(e.getMessage().contains("no back end"), e.getMessage());
    }

    @Test
    void laterPhaseErrorThroughTheFacade() {
        PythonError e = assertThrows(PythonError.class,
                () -> Compilers.forTarget(PythonVersion.V3_13).compile("def f():\n    break\n".getBytes(StandardCharsets.UTF_8),
                        "m.py", CompileOptions.of(PythonVersion.V3_13)));
        assertEquals("'break' outside loop", e.pyMessage());
        assertEquals(2, e.lineno());
        assertEquals(5, e.offset());
        assertEquals(10, e.endOffset());
    }
}
