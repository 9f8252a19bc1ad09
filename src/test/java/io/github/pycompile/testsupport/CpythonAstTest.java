package io.github.pycompile.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.ast.Ast;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The bridge from CPython's ast.parse to our records (used by the differential tests of later phases). */
class CpythonAstTest {

    @Test
    void simpleAssignmentBecomesOurRecords() {
        Ast.ModuleNode m = CpythonAst.parse(PythonVersion.V3_11, "x = 1\n");
        Ast.Stmt expected = new Ast.Assign(
                List.of(new Ast.Name("x", Ast.ExprContext.Store, 1, 0, 1, 1)),
                new Ast.Constant(PyObject.Int.of(1), null, 1, 4, 1, 5),
                null, 1, 0, 1, 5);
        assertEquals(new Ast.ModuleNode(List.of(expected), List.of()), m);
    }

    @Test
    void constantsKeepTheirExactValues() {
        Ast.ModuleNode m = CpythonAst.parse(PythonVersion.V3_11, "(-0.0, 1e400, 2j, 'a\\udc80', ..., 10**30)\n");
        Ast.TupleExpr t = (Ast.TupleExpr) ((Ast.ExprStmt) m.body().get(0)).value();
        Ast.UnaryOp neg = (Ast.UnaryOp) t.elts().get(0);
        assertEquals(PyObject.Float.of(0.0), ((Ast.Constant) neg.operand()).value());
        assertEquals(PyObject.Float.of(Double.POSITIVE_INFINITY), ((Ast.Constant) t.elts().get(1)).value());
        assertEquals(new PyObject.Complex(0, Double.doubleToRawLongBits(2.0)), ((Ast.Constant) t.elts().get(2)).value());
        assertEquals(new PyObject.Str("a\udc80", false), ((Ast.Constant) t.elts().get(3)).value());
        assertEquals(PyObject.Singleton.ELLIPSIS, ((Ast.Constant) t.elts().get(4)).value());
    }

    @Test
    void rejectedSourceReportsCpythonsError() {
        CpythonAst.Parsed p = CpythonAst.parseSource(PythonVersion.V3_11, "x = (\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(p.ok());
        assertEquals("SyntaxError", p.errorType());
        assertEquals("'(' was never closed", p.errorMessage());
        assertEquals(1, p.lineno());
        assertEquals(5, p.offset());
    }

    @Test
    void python2ShapesArriveAsPy2Records() {
        Ast.ModuleNode m = CpythonAst.parse(PythonVersion.V2_7, "raise E, 10L\nprint >>f, 'a',\n");
        Ast.Py2Raise r = (Ast.Py2Raise) m.body().get(0);
        assertEquals(new PyObject.Int(java.math.BigInteger.TEN, true), ((Ast.Constant) r.inst()).value());
        Ast.Print p = (Ast.Print) m.body().get(1);
        assertFalse(p.nl());
        assertEquals("Raise", r.pyName());
    }

    @Test
    void python314ThroughPyodide() {
        Ast.ModuleNode m = CpythonAst.parse(PythonVersion.V3_14, "t\"a{b}\"\n");
        Ast.TemplateStr t = (Ast.TemplateStr) ((Ast.ExprStmt) m.body().get(0)).value();
        assertEquals("b", ((Ast.Name) ((Ast.Interpolation) t.values().get(1)).value()).id());
    }

    /** Every tree of a stdlib sample converts (no CPython node or field without a record). */
    @ParameterizedTest
    @EnumSource(value = PythonVersion.class, names = {"V2_7", "V3_6", "V3_7", "V3_8", "V3_9", "V3_10", "V3_11", "V3_12", "V3_13"})
    void stdlibSampleConverts(PythonVersion v) throws IOException {
        Interpreters.require(v);
        List<Path> files = Interpreters.stdlibSources(v);
        List<Path> sample = Interpreters.sampled(files, 40);
        Map<Path, CpythonAst.Parsed> all = CpythonAst.parseAll(v, sample);
        assertEquals(sample.size(), all.size());
        assertTrue(all.values().stream().filter(CpythonAst.Parsed::ok).count() > sample.size() * 9 / 10);
    }
}
