package io.github.pycompile.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.target.PythonVersion;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AstDump} on hand-built trees, for what the golden and differential tests cannot reach: the
 * texts below are what each CPython printed (3.6.15, 3.7.16, 3.10.13, 3.11.7, 3.13.0) for the same
 * source.
 */
class AstDumpTest {
    private static Ast.ModuleNode module(Ast.Expr e) {
        return new Ast.ModuleNode(List.of(new Ast.ExprStmt(e, 1, 0, 1, e.endColOffset())), List.of());
    }

    private static Ast.ModuleNode intLiteral(BigInteger v) {
        int len = v.toString().length();
        return module(new Ast.Constant(new PyObject.Int(v, false), null, 1, 0, 1, len));
    }

    @Test
    void intsOfOver4300DigitsAreRefusedAsReprDoes() {
        Ast.ModuleNode big = intLiteral(BigInteger.TEN.pow(4300)); // 4301 digits
        IllegalArgumentException e37 = assertThrows(IllegalArgumentException.class, () -> AstDump.dump(big, PythonVersion.V3_7));
        assertEquals("ValueError: Exceeds the limit (4300) for integer string conversion; "
                + "use sys.set_int_max_str_digits() to increase the limit", e37.getMessage());
        IllegalArgumentException e311 = assertThrows(IllegalArgumentException.class, () -> AstDump.dump(big, PythonVersion.V3_11));
        assertEquals("ValueError: Exceeds the limit (4300 digits) for integer string conversion; "
                + "use sys.set_int_max_str_digits() to increase the limit", e311.getMessage());
        // 3.6 has no limit; 4300 digits are still printed by every version
        String d36 = AstDump.dump(big, PythonVersion.V3_6);
        assertEquals("Module(body=[Expr(value=Num(n=1" + "0".repeat(4300) + ", lineno=1, col_offset=0), lineno=1, col_offset=0)])", d36);
        Ast.ModuleNode limit = intLiteral(BigInteger.TEN.pow(4300).subtract(BigInteger.ONE));
        assertEquals("Module(body=[Expr(value=Constant(value=" + "9".repeat(4300)
                + ", lineno=1, col_offset=0, end_lineno=1, end_col_offset=4300), lineno=1, col_offset=0, end_lineno=1, end_col_offset=4300)])",
                AstDump.dump(limit, PythonVersion.V3_13));
    }

    @Test
    void nodesAVersionLacksAreRefused() {
        // (x := 1)
        Ast.NamedExpr e = new Ast.NamedExpr(new Ast.Name("x", Ast.ExprContext.Store, 1, 1, 1, 2),
                new Ast.Constant(PyObject.Int.of(1), null, 1, 6, 1, 7), 1, 1, 1, 7);
        Ast.ModuleNode walrus = new Ast.ModuleNode(List.of(new Ast.ExprStmt(e, 1, 0, 1, 8)), List.of());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> AstDump.dump(walrus, PythonVersion.V3_7));
        assertEquals("Python 3.7's ast has no NamedExpr node", x.getMessage());
        Ast.ModuleNode print = new Ast.ModuleNode(List.of(new Ast.Print(null, List.of(), true, 1, 0, 1, 5)), List.of());
        assertEquals("Module(body=[Print(dest=None, values=[], nl=True, lineno=1, col_offset=0)])", AstDump.dump(print, PythonVersion.V2_7));
        assertEquals("our Print is not a node of Python 3.6's tree",
                assertThrows(IllegalArgumentException.class, () -> AstDump.dump(print, PythonVersion.V3_6)).getMessage());
        assertEquals("Module(body=[Expr(value=NamedExpr(target=Name(id='x', ctx=Store(), lineno=1, col_offset=1, end_lineno=1, "
                + "end_col_offset=2), value=Constant(value=1, lineno=1, col_offset=6, end_lineno=1, end_col_offset=7), lineno=1, "
                + "col_offset=1, end_lineno=1, end_col_offset=7), lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], type_ignores=[])",
                AstDump.dump(walrus, PythonVersion.V3_10));
    }

    @Test
    void emptyModules() {
        Ast.ModuleNode empty = new Ast.ModuleNode(List.of(), List.of());
        assertEquals("Module(body=[])", AstDump.dump(empty, PythonVersion.V2_7));
        assertEquals("Module(body=[])", AstDump.dump(empty, PythonVersion.V3_6));
        assertEquals("Module(body=[], type_ignores=[])", AstDump.dump(empty, PythonVersion.V3_12));
        assertEquals("Module()", AstDump.dump(empty, PythonVersion.V3_13));
        assertEquals("Module()", AstDump.dump(empty, PythonVersion.V3_14));
    }

    @Test
    void deepTreesNeedNoDeepStack() {
        Ast.Expr e = new Ast.Constant(PyObject.Int.of(1), null, 1, 0, 1, 1);
        int depth = 200_000;
        for (int i = 0; i < depth; i++) {
            e = new Ast.BinOp(e, Ast.Operator.Add, new Ast.Constant(PyObject.Int.of(1), null, 1, 0, 1, 1), 1, 0, 1, 1);
        }
        String d = AstDump.dump(module(e), PythonVersion.V3_13);
        assertEquals(depth, d.split("op=Add\\(\\)", -1).length - 1);
    }
}
