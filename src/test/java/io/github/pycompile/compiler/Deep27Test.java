package io.github.pycompile.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pycompile.CompileOptions;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.target.PythonVersion;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deeply nested 2.x trees (long operator chains, long elif chains) never overflow the Java stack,
 * even on a thread with a small stack: they compile, or are refused with
 * {@link UnsupportedFeatureException}.
 */
class Deep27Test {

    private static Ast.Name name(String id, Ast.ExprContext ctx, int line) {
        return new Ast.Name(id, ctx, line, 0, -1, -1);
    }

    private static Ast.ModuleNode binopChain(int n) {
        Ast.Expr e = name("a", Ast.ExprContext.Load, 1);
        for (int i = 0; i < n; i++) {
            e = new Ast.BinOp(e, Ast.Operator.Add, name("a", Ast.ExprContext.Load, 1), 1, 0, -1, -1);
        }
        Ast.Stmt s = new Ast.Assign(List.of(name("x", Ast.ExprContext.Store, 1)), e, null, 1, 0, -1, -1);
        return new Ast.ModuleNode(List.of(s), List.of());
    }

    private static Ast.ModuleNode elifChain(int n) {
        List<Ast.Stmt> orelse = List.of(new Ast.Pass(n + 1, 4, -1, -1));
        for (int i = n; i >= 1; i--) {
            Ast.Expr test = name("a", Ast.ExprContext.Load, i);
            orelse = List.of(new Ast.If(test, List.of(new Ast.Pass(i, 8, -1, -1)), orelse, i, 0, -1, -1));
        }
        return new Ast.ModuleNode(orelse, List.of());
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 250, 480, 1500, 20000})
    void deepTreesCompileOrAreRefused(int n) throws Exception {
        for (Ast.ModuleNode tree : List.of(binopChain(n), elifChain(n))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicReference<String> outcome = new AtomicReference<>();
            Thread t = new Thread(null, () -> {
                try {
                    new Cpython27Compiler().compileTree(tree, "deep.py", CompileOptions.of(PythonVersion.V2_7));
                    outcome.set("compiled");
                } catch (UnsupportedFeatureException e) {
                    outcome.set("refused");
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "small-stack", 512 * 1024);
            t.start();
            t.join();
            assertTrue(failure.get() == null, () -> "n=" + n + ": " + failure.get());
            if (n <= 480) {
                assertTrue("compiled".equals(outcome.get()), "n=" + n + " should compile");
            }
        }
    }
}
