package io.github.pycompile.checks;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.AstRewriter;
import io.github.pycompile.target.PythonVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The symbol table's errors about type parameters and type aliases (3.12+): duplicate parameters, a
 * parameter without default after one with a default (3.13+), and yield, await or {@code :=} inside
 * the annotation scopes of a bound, constraints, default, alias value or generic class's bases.
 *
 * <p>Only a module made of one generic definition whose other parts (decorators, parameter defaults,
 * annotations, body) cannot hold an error of their own is handled: then the error found here is
 * certainly the first. Anything else is refused.
 */
final class TypeParamChecks {
    private TypeParamChecks() {}

    static void check(Ast.ModuleNode module, String filename, PythonVersion v)
            throws PythonError, UnsupportedFeatureException {
        UnsupportedFeatureException refusal = new UnsupportedFeatureException(v,
                "type parameters and type aliases (their scopes' errors)", -1);
        if (module.body().size() != 1) {
            throw refusal;
        }
        Ast.Stmt s = module.body().get(0);
        Ast.Stmt inner = onlyStatementOfPlainFunction(s);
        if (inner instanceof Ast.TypeAlias) {
            s = inner; // a type alias alone in a function without anything else to check
        }
        Found f;
        if (s instanceof Ast.FunctionDef d && plainFunction(d.args(), d.decoratorList(), d.body())) {
            f = params(d.typeParams(), v);
            f = f != null ? f : annotations(d.args(), d.returns(), v);
        } else if (s instanceof Ast.AsyncFunctionDef d && plainFunction(d.args(), d.decoratorList(), d.body())) {
            f = params(d.typeParams(), v);
            f = f != null ? f : annotations(d.args(), d.returns(), v);
        } else if (s instanceof Ast.ClassDef c && c.decoratorList().isEmpty() && trivialBody(c.body())) {
            f = params(c.typeParams(), v);
            if (f == null && !c.typeParams().isEmpty()) {
                for (Expr b : c.bases()) {
                    f = f != null ? f : forbidden(b, "the definition of a generic", "within the definition of a generic");
                }
                for (Ast.Keyword k : c.keywords()) {
                    f = f != null ? f : forbidden(k.value(), "the definition of a generic", "within the definition of a generic");
                }
            }
        } else if (s instanceof Ast.TypeAlias a) {
            f = params(a.typeParams(), v);
            if (f == null) {
                f = forbidden(a.value(), "a type alias", "in a type alias");
            }
        } else {
            throw refusal;
        }
        if (f == null) {
            List<Ast.TypeParam> params = s instanceof Ast.FunctionDef d ? d.typeParams()
                    : s instanceof Ast.AsyncFunctionDef d ? d.typeParams()
                    : s instanceof Ast.ClassDef c ? c.typeParams() : ((Ast.TypeAlias) s).typeParams();
            f = defaultsOrder(params);
        }
        if (f == null) {
            throw refusal;
        }
        throw new PythonError("SyntaxError", f.msg, filename, f.at.lineno(), f.at.colOffset() + 1, null,
                f.at.endLineno(), f.at.endColOffset() + 1);
    }

    /** The single statement of a non-generic function with no decorators, defaults or annotations, or null. */
    private static Ast.Stmt onlyStatementOfPlainFunction(Ast.Stmt s) {
        Ast.Arguments args;
        List<Ast.Stmt> body;
        if (s instanceof Ast.FunctionDef d && d.typeParams().isEmpty() && d.returns() == null) {
            args = d.args();
            body = d.body();
            if (!plainFunction(args, d.decoratorList(), List.of())) {
                return null;
            }
        } else if (s instanceof Ast.AsyncFunctionDef d && d.typeParams().isEmpty() && d.returns() == null) {
            args = d.args();
            body = d.body();
            if (!plainFunction(args, d.decoratorList(), List.of())) {
                return null;
            }
        } else {
            return null;
        }
        for (List<Ast.Arg> list : List.of(args.posonlyargs(), args.args(), args.kwonlyargs())) {
            for (Ast.Arg a : list) {
                if (a.annotation() != null) {
                    return null;
                }
            }
        }
        if ((args.vararg() != null && args.vararg().annotation() != null)
                || (args.kwarg() != null && args.kwarg().annotation() != null)) {
            return null;
        }
        return body.size() == 1 ? body.get(0) : null;
    }

    private record Found(String msg, Ast.Located at) { }

    private static boolean plainFunction(Ast.Arguments args, List<Expr> decorators, List<Ast.Stmt> body) {
        if (!decorators.isEmpty() || !args.defaults().isEmpty() || !trivialBody(body)) {
            return false;
        }
        for (Expr d : args.kwDefaults()) {
            if (d != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The annotations of a generic function, evaluated in its type-parameter scope (3.14: in their own
     * annotation scope): one yield, await or {@code :=} among them is the error; several are refused.
     */
    private static Found annotations(Ast.Arguments args, Expr returns, PythonVersion v) {
        java.util.List<Expr> all = new java.util.ArrayList<>();
        for (Ast.Arg a : args.posonlyargs()) {
            all.add(a.annotation());
        }
        for (Ast.Arg a : args.args()) {
            all.add(a.annotation());
        }
        all.add(args.vararg() == null ? null : args.vararg().annotation());
        for (Ast.Arg a : args.kwonlyargs()) {
            all.add(a.annotation());
        }
        all.add(args.kwarg() == null ? null : args.kwarg().annotation());
        all.add(returns);
        String scope = v.atLeast(PythonVersion.V3_14) ? "an annotation" : "the definition of a generic";
        Found first = null;
        for (Expr e : all) {
            if (e == null) {
                continue;
            }
            Found f = forbidden(e, scope, null);
            if (f != null) {
                if (first != null) {
                    throw new io.github.pycompile.UnsupportedConstruct("several yield, await or := in annotations", e.lineno());
                }
                first = f;
            }
        }
        return first;
    }

    private static boolean trivialBody(List<Ast.Stmt> body) {
        for (Ast.Stmt s : body) {
            if (!(s instanceof Ast.Pass) && !(s instanceof Ast.ExprStmt e && e.value() instanceof Ast.Constant)) {
                return false;
            }
        }
        return true;
    }

    private static Found params(List<Ast.TypeParam> params, PythonVersion v) {
        Set<String> seen = new HashSet<>();
        for (Ast.TypeParam p : params) {
            String name;
            Expr bound = null;
            Expr dflt;
            String kind;
            if (p instanceof Ast.TypeVar t) {
                name = t.name();
                bound = t.bound();
                dflt = t.defaultValue();
                kind = "TypeVar";
            } else if (p instanceof Ast.TypeVarTuple t) {
                name = t.name();
                dflt = t.defaultValue();
                kind = "TypeVarTuple";
            } else {
                Ast.ParamSpec t = (Ast.ParamSpec) p;
                name = t.name();
                dflt = t.defaultValue();
                kind = "ParamSpec";
            }
            if (!seen.add(name)) {
                return new Found("duplicate type parameter '" + name + "'", p);
            }
            if (bound != null) {
                boolean constraint = bound instanceof Ast.TupleExpr && v.atLeast(PythonVersion.V3_13);
                Found f = forbidden(bound, constraint ? "a TypeVar constraint" : "a TypeVar bound",
                        constraint ? null : "in a TypeVar bound");
                if (f != null) {
                    return f;
                }
            }
            if (dflt != null) {
                Found f = forbidden(dflt, "a " + kind + " default", null);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * 3.13+: a parameter without a default after one with a default, the compiler's error (raised after
     * every error of the symbol table).
     */
    private static Found defaultsOrder(List<Ast.TypeParam> params) {
        boolean defaulted = false;
        for (Ast.TypeParam p : params) {
            Expr dflt = p instanceof Ast.TypeVar t ? t.defaultValue()
                    : p instanceof Ast.TypeVarTuple t ? t.defaultValue() : ((Ast.ParamSpec) p).defaultValue();
            String name = p instanceof Ast.TypeVar t ? t.name()
                    : p instanceof Ast.TypeVarTuple t ? t.name() : ((Ast.ParamSpec) p).name();
            if (dflt != null) {
                defaulted = true;
            } else if (defaulted) {
                return new Found("non-default type parameter '" + name + "' follows default type parameter", p);
            }
        }
        return null;
    }

    /**
     * The first yield, await or {@code :=} in {@code e} (the order the symbol table visits it), as the
     * error of an annotation scope {@code scope}; a {@code :=} inside a comprehension gets the
     * comprehension's message ({@code compScope}; refused when null). Lambdas are scopes of their own.
     */
    private static Found forbidden(Expr e, String scope, String compScope) {
        Found[] found = {null};
        int[] count = {0};
        int[] comprehension = {0};
        new AstRewriter() {
            @Override
            public Expr expr(Expr n) {
                if (n == null) {
                    return n;
                }
                if (n instanceof Ast.Yield || n instanceof Ast.YieldFrom || n instanceof Ast.Await) {
                    if (comprehension[0] > 0) {
                        throw new io.github.pycompile.UnsupportedConstruct("yield or await in a comprehension here", n.lineno());
                    }
                    count[0]++;
                    found[0] = new Found((n instanceof Ast.Await ? "await" : "yield")
                            + " expression cannot be used within " + scope, n);
                    return n;
                }
                if (n instanceof Ast.NamedExpr ne) {
                    count[0]++;
                    if (comprehension[0] > 0) {
                        if (compScope == null) {
                            throw new io.github.pycompile.UnsupportedConstruct(":= in a comprehension here", n.lineno());
                        }
                        found[0] = new Found("assignment expression within a comprehension cannot be used " + compScope,
                                ne.target());
                    } else {
                        found[0] = new Found("named expression cannot be used within " + scope, n);
                    }
                    return n;
                }
                if (n instanceof Ast.Lambda) {
                    return n;
                }
                boolean comp = n instanceof Ast.ListComp || n instanceof Ast.SetComp || n instanceof Ast.DictComp
                        || n instanceof Ast.GeneratorExp;
                if (comp) {
                    comprehension[0]++;
                }
                Expr r = super.expr(n);
                if (comp) {
                    comprehension[0]--;
                }
                return r;
            }
        }.expr(e);
        if (count[0] > 1) {
            // which one the symbol table meets first is not modelled here
            throw new io.github.pycompile.UnsupportedConstruct("several yield, await or := in one annotation scope", e.lineno());
        }
        return found[0];
    }
}
