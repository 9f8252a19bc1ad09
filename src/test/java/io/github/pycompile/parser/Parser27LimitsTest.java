package io.github.pycompile.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.target.PythonVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Nesting limits (refused, never a StackOverflowError) and the 2.6/2.7 grammar gates, without Python. */
class Parser27LimitsTest {
    private static Ast.ModuleNode parse(String src, PythonVersion v) throws Exception {
        return Parser27.parseModule(src.getBytes(StandardCharsets.UTF_8), "t.py", v, w -> { });
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() throws Exception {
        parse("x = " + "(".repeat(60) + "1" + ")".repeat(60) + "\n", PythonVersion.V2_7);
        // 2.7 raises MemoryError from 99 parentheses on (its parser stack); we refuse before
        assertThrows(UnsupportedFeatureException.class,
                () -> parse("x = " + "(".repeat(150) + "1" + ")".repeat(150) + "\n", PythonVersion.V2_7));
        assertThrows(UnsupportedFeatureException.class,
                () -> parse("x = " + "[".repeat(5000) + "]".repeat(5000) + "\n", PythonVersion.V2_7));
        assertThrows(UnsupportedFeatureException.class, () -> parse("x = " + "not ".repeat(20000) + "1\n", PythonVersion.V2_7));
        assertThrows(UnsupportedFeatureException.class, () -> parse("x = " + "-".repeat(20000) + "1\n", PythonVersion.V2_7));
        // a lambda costs pgen two stack entries, a parenthesis fifteen
        parse("x = " + "lambda: ".repeat(300) + "1\n", PythonVersion.V2_7);
        // a long flat chain is no nesting for the grammar
        Ast.ModuleNode m = parse("x = 1" + " + 1".repeat(20000) + "\n", PythonVersion.V2_7);
        assertEquals(1, m.body().size());
    }

    @Test
    void gatesOf26() throws Exception {
        for (String src : new String[] {"s = {1, 2}\n", "d = {k: v for k, v in x}\n", "s = {k for k in x}\n",
                "with a, b: pass\n"}) {
            parse(src, PythonVersion.V2_7);
            PythonError e = assertThrows(PythonError.class, () -> parse(src, PythonVersion.V2_6), src);
            assertEquals("invalid syntax", e.pyMessage(), src);
        }
        assertInstanceOf(Ast.Print.class, parse("print 1\n", PythonVersion.V2_6).body().get(0));
        assertInstanceOf(Ast.ExprStmt.class,
                parse("from __future__ import print_function\nprint(1)\n", PythonVersion.V2_6).body().get(1));
        PythonError none = assertThrows(PythonError.class, () -> parse("None = 1\n", PythonVersion.V2_6));
        assertEquals("assignment to None", none.pyMessage());
        PythonError none7 = assertThrows(PythonError.class, () -> parse("None = 1\n", PythonVersion.V2_7));
        assertEquals("cannot assign to None", none7.pyMessage());
    }

    @Test
    void otherTargetsAreNotThisGrammar() {
        assertThrows(UnsupportedFeatureException.class, () -> parse("x = 1\n", PythonVersion.V3_11));
    }
}
