package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.Ast.ExprContext;
import io.github.pycompile.ast.Ast.Operator;
import io.github.pycompile.ast.Ast.Stmt;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.source.SourceDecoder;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;
import io.github.pycompile.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A parser for CPython 2.7's grammar ({@code Grammar/Grammar} of 2.7.18), and 2.6's where the target is
 * 2.6: source bytes to the tree {@code ast.parse} builds, positions included.
 *
 * <p>2.x parses in two steps: pgen's LL(1) parser builds a concrete tree of the whole file, then
 * {@code ast.c} walks it. This parser does both at once, recursive descent over the same LL(1) grammar
 * (so a grammar error is found at the same token, "invalid syntax" at the tokenizer's position after
 * it), building the AST as {@code ast.c} does, with its positions: a node takes the line and column of
 * the first token of the grammar node {@code ast.c} builds it from ({@code (a + b)} starts at {@code a};
 * a chain {@code a + b + c} puts the outer BinOp at the second operator; a decorated def at its first
 * decorator; a With at its context expression; a trailer at its atom), a token's line is the line it
 * ends on and a string token spanning lines has column -1. 2.x has no end positions (-1).
 *
 * <p>Errors of {@code ast.c} ("can't assign to literal", argument checks, string decoding) only count
 * once the whole file has parsed, and the first one in {@code ast.c}'s walk wins (which visits some
 * statements out of source order: a for's else block first, an if's elif chain backwards, ...): they
 * are kept pending until the end. {@code from __future__ import print_function} makes {@code print} a
 * name for the rest of the file, as pgen's parser does; {@code unicode_literals} makes every plain
 * string literal of the file unicode (the file is parsed again when it turns up).
 */
public final class Parser27 extends Parser27Core {
    private Parser27(Tokenizer tk, String filename, PythonVersion target, String encoding, boolean unicodeLiterals) {
        super(tk, filename, target, encoding, unicodeLiterals);
    }

    /** Parses a whole module ({@code exec} mode) as CPython 2.7 (or 2.6) would. */
    public static Ast.ModuleNode parseModule(byte[] source, String filename, PythonVersion target,
            Consumer<CompilerWarning> warnings) throws PythonError, UnsupportedFeatureException {
        if (target != PythonVersion.V2_7 && target != PythonVersion.V2_6) {
            throw new UnsupportedFeatureException(target, "this grammar (the parser reproduces 2.6's and 2.7's)", -1);
        }
        SourceDecoder.DecodedSource d = SourceDecoder.decode(source, target, filename);
        // ast.c's c_encoding: the tokenizer's encoding, none without a declaration or BOM
        String encoding = d.encoding().equals("ascii") && !d.recodedToUtf8() && !d.bom() ? null : d.encoding();
        try {
            Tokenizer tk = new Tokenizer(d.text(), target, filename);
            Parser27 p = new Parser27(tk, filename, target, encoding, false);
            Ast.ModuleNode m = p.file();
            if (p.sawUnicodeLiterals) {
                // every plain literal of the file is unicode, those before the import too
                tk = new Tokenizer(d.text(), target, filename);
                p = new Parser27(tk, filename, target, encoding, true);
                m = p.file();
            }
            if (p.pending != null) {
                throw p.pending;
            }
            for (Tokenizer.Warning w : tk.warnings()) {
                warnings.accept(new CompilerWarning(w.category(), w.message(), filename, w.lineno()));
            }
            return m;
        } catch (UnsupportedConstruct r) {
            throw r.toException(target);
        } catch (Failure f) {
            throw f.error;
        }
    }

    // ---------------------------------------------------------------- statements

    private Ast.ModuleNode file() {
        advance();
        List<Stmt> body = new ArrayList<>();
        while (!at(TokenKind.ENDMARKER)) {
            if (at(TokenKind.NEWLINE)) {
                advance();
                continue;
            }
            stmt(body);
        }
        return new Ast.ModuleNode(body, List.of());
    }

    private void stmt(List<Stmt> out) {
        if (at(TokenKind.NAME)) {
            switch (tok.text()) {
                case "if" -> {
                    out.add(ifStmt());
                    return;
                }
                case "while" -> {
                    out.add(whileStmt());
                    return;
                }
                case "for" -> {
                    out.add(forStmt());
                    return;
                }
                case "try" -> {
                    out.add(tryStmt());
                    return;
                }
                case "with" -> {
                    out.add(withStmt());
                    return;
                }
                case "def" -> {
                    out.add(funcdef(null, null));
                    return;
                }
                case "class" -> {
                    out.add(classdef(null, null));
                    return;
                }
                default -> { }
            }
        } else if (at(TokenKind.AT)) {
            out.add(decorated());
            return;
        }
        simpleStmt(out);
    }

    private void simpleStmt(List<Stmt> out) {
        out.add(smallStmt());
        while (at(TokenKind.SEMI)) {
            advance();
            if (at(TokenKind.NEWLINE)) {
                break;
            }
            out.add(smallStmt());
        }
        expect(TokenKind.NEWLINE);
    }

    private List<Stmt> suite() {
        List<Stmt> body = new ArrayList<>();
        push(4);
        if (at(TokenKind.NEWLINE)) {
            advance();
            if (!at(TokenKind.INDENT)) {
                // a token no grammar rule knows fails before pgen looks at what it expected
                throw at(TokenKind.OP) ? syntaxError() : parseError("IndentationError", "expected an indented block");
            }
            advance();
            do {
                stmt(body);
            } while (!at(TokenKind.DEDENT));
            advance();
        } else {
            simpleStmt(body);
        }
        stack -= 4;
        return body;
    }

    private Stmt smallStmt() {
        Token start = tok;
        int l = ln(start);
        int c = co(start);
        if (at(TokenKind.NAME)) {
            switch (printFunction && tok.text().equals("print") ? "" : tok.text()) {
                case "print" -> {
                    return printStmt();
                }
                case "del" -> {
                    advance();
                    List<Expr> targets = new ArrayList<>();
                    exprlist(ExprContext.Del, targets);
                    return new Ast.Delete(targets, l, c, -1, -1);
                }
                case "pass" -> {
                    advance();
                    return new Ast.Pass(l, c, -1, -1);
                }
                case "break" -> {
                    advance();
                    return new Ast.Break(l, c, -1, -1);
                }
                case "continue" -> {
                    advance();
                    return new Ast.Continue(l, c, -1, -1);
                }
                case "return" -> {
                    advance();
                    Expr v = startsTest() ? testlist() : null;
                    return new Ast.Return(v, l, c, -1, -1);
                }
                case "raise" -> {
                    advance();
                    Expr t = null;
                    Expr i = null;
                    Expr b = null;
                    if (startsTest()) {
                        t = test();
                        if (at(TokenKind.COMMA)) {
                            advance();
                            i = test();
                            if (at(TokenKind.COMMA)) {
                                advance();
                                b = test();
                            }
                        }
                    }
                    return new Ast.Py2Raise(t, i, b, l, c, -1, -1);
                }
                case "yield" -> {
                    return new Ast.ExprStmt(yieldExpr(), l, c, -1, -1);
                }
                case "import" -> {
                    return importName();
                }
                case "from" -> {
                    return importFrom();
                }
                case "global" -> {
                    advance();
                    List<String> names = new ArrayList<>();
                    names.add(name());
                    while (at(TokenKind.COMMA)) {
                        advance();
                        names.add(name());
                    }
                    return new Ast.Global(names, l, c, -1, -1);
                }
                case "exec" -> {
                    return execStmt();
                }
                case "assert" -> {
                    advance();
                    Expr t = test();
                    Expr m = null;
                    if (at(TokenKind.COMMA)) {
                        advance();
                        m = test();
                    }
                    return new Ast.Assert(t, m, l, c, -1, -1);
                }
                default -> { }
            }
        }
        return exprStmt();
    }

    private Stmt exprStmt() {
        Token start = tok;
        if (!startsTest()) {
            throw syntaxError();
        }
        Expr first = testlist();
        Operator aug = augOperator();
        if (aug != null) {
            Expr target = setContext(first, ExprContext.Store, ln(start));
            if (!(first instanceof Ast.Name || first instanceof Ast.Attribute || first instanceof Ast.Subscript)) {
                astError("illegal expression for augmented assignment", ln(start));
            }
            advance();
            Expr value = kw("yield") ? yieldExpr() : testlist();
            return new Ast.AugAssign(target, aug, value, ln(start), co(start), -1, -1);
        }
        if (!at(TokenKind.EQUAL)) {
            return new Ast.ExprStmt(first, ln(start), co(start), -1, -1);
        }
        List<Expr> targets = new ArrayList<>();
        Expr item = first;
        Token itemStart = start;
        boolean yieldItem = false;
        while (at(TokenKind.EQUAL)) {
            // the item before '=' is a target: ast.c sets its context before looking further
            if (yieldItem) {
                astError("assignment to yield expression not possible", ln(itemStart));
            }
            targets.add(setContext(item, ExprContext.Store, ln(itemStart)));
            advance();
            itemStart = tok;
            yieldItem = kw("yield");
            item = yieldItem ? yieldExpr() : testlist();
        }
        return new Ast.Assign(targets, item, null, ln(start), co(start), -1, -1);
    }

    private Operator augOperator() {
        return switch (tok.kind()) {
            case PLUSEQUAL -> Operator.Add;
            case MINEQUAL -> Operator.Sub;
            case STAREQUAL -> Operator.Mult;
            case SLASHEQUAL -> Operator.Div;
            case PERCENTEQUAL -> Operator.Mod;
            case AMPEREQUAL -> Operator.BitAnd;
            case VBAREQUAL -> Operator.BitOr;
            case CIRCUMFLEXEQUAL -> Operator.BitXor;
            case LEFTSHIFTEQUAL -> Operator.LShift;
            case RIGHTSHIFTEQUAL -> Operator.RShift;
            case DOUBLESTAREQUAL -> Operator.Pow;
            case DOUBLESLASHEQUAL -> Operator.FloorDiv;
            default -> null;
        };
    }

    private Stmt printStmt() {
        Token start = tok;
        advance();
        Expr dest = null;
        List<Expr> values = new ArrayList<>();
        boolean nl = true;
        if (at(TokenKind.RIGHTSHIFT)) {
            advance();
            dest = test();
            if (at(TokenKind.COMMA)) {
                advance();
                values.add(test());
                nl = printRest(values);
            }
        } else if (startsTest()) {
            values.add(test());
            nl = printRest(values);
        }
        return new Ast.Print(dest, values, nl, ln(start), co(start), -1, -1);
    }

    /** (',' test)* [','] of print; false when it ends with a comma. */
    private boolean printRest(List<Expr> values) {
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest()) {
                return false;
            }
            values.add(test());
        }
        return true;
    }

    private Stmt execStmt() {
        Token start = tok;
        advance();
        Expr body = expr();
        Expr globals = null;
        Expr locals = null;
        boolean in = false;
        if (kw("in")) {
            in = true;
            advance();
            globals = test();
            if (at(TokenKind.COMMA)) {
                advance();
                locals = test();
            }
        }
        if (!in && !v26 && body instanceof Ast.TupleExpr t
                && (t.elts().size() == 2 || t.elts().size() == 3)) {
            // exec(code, globals[, locals]) written as a statement (2.7; 2.6 executes the tuple)
            globals = t.elts().get(1);
            locals = t.elts().size() == 3 ? t.elts().get(2) : null;
            body = t.elts().get(0);
        }
        return new Ast.Exec(body, globals, locals, ln(start), co(start), -1, -1);
    }

    private Stmt importName() {
        Token start = tok;
        advance();
        List<Ast.Alias> names = new ArrayList<>();
        do {
            if (!names.isEmpty()) {
                advance();
            }
            Token first = tok;
            List<String> parts = dottedName();
            String dotted = String.join(".", parts);
            if (kw("as")) {
                advance();
                Token asTok = tok;
                String as = name();
                forbidden(as, ln(asTok));
                names.add(new Ast.Alias(dotted, as, -1, -1, -1, -1));
            } else {
                if (parts.size() == 1) {
                    forbidden(dotted, ln(first));
                }
                names.add(new Ast.Alias(dotted, null, -1, -1, -1, -1));
            }
        } while (at(TokenKind.COMMA));
        return new Ast.Import(names, ln(start), co(start), -1, -1);
    }

    private List<String> dottedName() {
        List<String> parts = new ArrayList<>();
        parts.add(name());
        while (at(TokenKind.DOT)) {
            advance();
            parts.add(name());
        }
        return parts;
    }

    private Stmt importFrom() {
        Token start = tok;
        advance();
        int dots = 0;
        while (at(TokenKind.DOT)) {
            dots++;
            advance();
        }
        List<String> module = null;
        if (dots == 0 || atName()) {
            module = dottedName();
        }
        expectKw("import");
        List<Ast.Alias> names = new ArrayList<>();
        List<String> plainNames = new ArrayList<>();
        boolean star = false;
        boolean paren = false;
        if (at(TokenKind.STAR)) {
            advance();
            star = true;
            names.add(new Ast.Alias("*", null, -1, -1, -1, -1));
        } else {
            paren = at(TokenKind.LPAR);
            if (paren) {
                advance();
            }
            Token first = tok;
            boolean trailing = false;
            List<Token[]> items = new ArrayList<>();
            while (true) {
                Token n = tok;
                String nm = name();
                Token as = null;
                if (kw("as")) {
                    advance();
                    as = tok;
                    name();
                }
                items.add(new Token[] {n, as});
                plainNames.add(nm);
                if (!at(TokenKind.COMMA)) {
                    break;
                }
                advance();
                if (!atName()) {
                    trailing = true;
                    break;
                }
            }
            if (paren) {
                expect(TokenKind.RPAR);
            } else if (trailing) {
                astError("trailing comma not allowed without surrounding parentheses", ln(first));
            }
            for (Token[] it : items) {
                if (it[1] != null) {
                    forbidden(it[1].text(), ln(it[1]));
                } else {
                    forbidden(it[0].text(), ln(it[0]));
                }
                names.add(new Ast.Alias(it[0].text(), it[1] == null ? null : it[1].text(), -1, -1, -1, -1));
            }
        }
        futureHack(dots, module, star, plainNames);
        return new Ast.ImportFrom(module == null ? null : String.join(".", module), names, dots, ln(start), co(start),
                -1, -1);
    }

    /**
     * pgen's future_hack when an import_from ends: the names imported from {@code __future__} switch
     * print_function and unicode_literals on. It looks at the grammar node's children by position, so
     * relative imports and dotted modules pass its module test.
     */
    private void futureHack(int dots, List<String> module, boolean star, List<String> names) {
        if (star) {
            return;
        }
        if (dots == 0 && module.size() == 1 && !module.get(0).equals("__future__")) {
            return;
        }
        // children: 'from', dots..., [dotted_name], 'import', names: the fourth child must be the names
        int fourth = dots + (module != null ? 1 : 0) + 1; // index of 'import'
        if (fourth != 2) {
            return; // the fourth child is 'import' or a dot: no names there
        }
        for (String n : names) {
            if (n.equals("print_function")) {
                printFunction = true;
            } else if (n.equals("unicode_literals")) {
                sawUnicodeLiterals = true;
            }
        }
    }

    private Stmt ifStmt() {
        Token start = tok;
        PythonError outer = take();
        advance();
        Expr test = test();
        expect(TokenKind.COLON);
        List<Stmt> body = suite();
        PythonError ifErr = take();
        List<Expr> tests = new ArrayList<>();
        List<Token> starts = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        List<PythonError> errs = new ArrayList<>();
        while (kw("elif")) {
            advance();
            starts.add(tok);
            tests.add(test());
            expect(TokenKind.COLON);
            bodies.add(suite());
            errs.add(take());
        }
        List<Stmt> orelse = List.of();
        PythonError elseErr = null;
        if (kw("else")) {
            advance();
            expect(TokenKind.COLON);
            orelse = suite();
            elseErr = take();
        }
        int n = tests.size();
        for (int i = n - 1; i >= 0; i--) {
            Token s = starts.get(i);
            orelse = List.of(new Ast.If(tests.get(i), bodies.get(i), orelse, ln(s), co(s), -1, -1));
        }
        // ast.c's order: the last elif and the else, the other elifs backwards, then the if
        pending = outer;
        if (n == 0) {
            restore(outer, ifErr, elseErr);
        } else {
            List<PythonError> order = new ArrayList<>();
            order.add(errs.get(n - 1));
            order.add(elseErr);
            for (int i = n - 2; i >= 0; i--) {
                order.add(errs.get(i));
            }
            order.add(ifErr);
            restore(outer, order.toArray(new PythonError[0]));
        }
        return new Ast.If(test, body, orelse, ln(start), co(start), -1, -1);
    }

    private Stmt whileStmt() {
        Token start = tok;
        advance();
        Expr test = test();
        expect(TokenKind.COLON);
        List<Stmt> body = suite();
        List<Stmt> orelse = List.of();
        if (kw("else")) {
            advance();
            expect(TokenKind.COLON);
            orelse = suite();
        }
        return new Ast.While(test, body, orelse, ln(start), co(start), -1, -1);
    }

    private Stmt forStmt() {
        Token start = tok;
        PythonError outer = take();
        advance();
        Expr target = exprlistTarget(ExprContext.Store);
        expectKw("in");
        Expr iter = testlist();
        expect(TokenKind.COLON);
        List<Stmt> body = suite();
        PythonError mainErr = take();
        List<Stmt> orelse = List.of();
        if (kw("else")) {
            advance();
            expect(TokenKind.COLON);
            orelse = suite();
        }
        // ast.c builds the else block first
        restore(outer, take(), mainErr);
        return new Ast.For(target, iter, body, orelse, null, ln(start), co(start), -1, -1);
    }

    private Stmt tryStmt() {
        Token start = tok;
        PythonError outer = take();
        advance();
        expect(TokenKind.COLON);
        List<Stmt> body = suite();
        PythonError bodyErr = take();
        List<Ast.Py2ExceptHandler> handlers = new ArrayList<>();
        PythonError handlersErr = null;
        List<Stmt> orelse = List.of();
        PythonError elseErr = null;
        List<Stmt> finalbody = null;
        PythonError finallyErr = null;
        if (kw("finally")) {
            advance();
            expect(TokenKind.COLON);
            finalbody = suite();
            finallyErr = take();
        } else {
            if (!kw("except")) {
                throw syntaxError();
            }
            while (kw("except")) {
                handlers.add(exceptClause());
                if (handlersErr == null) {
                    handlersErr = take();
                }
                pending = null;
            }
            if (kw("else")) {
                advance();
                expect(TokenKind.COLON);
                orelse = suite();
                elseErr = take();
            }
            if (kw("finally")) {
                advance();
                expect(TokenKind.COLON);
                finalbody = suite();
                finallyErr = take();
            }
        }
        restore(outer, bodyErr, elseErr, finallyErr, handlersErr);
        if (handlers.isEmpty()) {
            return new Ast.TryFinally(body, finalbody, ln(start), co(start), -1, -1);
        }
        Stmt te = new Ast.TryExcept(body, handlers, orelse, ln(start), co(start), -1, -1);
        if (finalbody == null) {
            return te;
        }
        return new Ast.TryFinally(List.of(te), finalbody, ln(start), co(start), -1, -1);
    }

    private Ast.Py2ExceptHandler exceptClause() {
        Token start = tok;
        advance();
        Expr type = null;
        Expr name = null;
        PythonError typeErr = null;
        PythonError nameErr = null;
        if (startsTest()) {
            type = test();
            typeErr = take();
            if (kw("as") || at(TokenKind.COMMA)) {
                advance();
                Token ns = tok;
                name = setContext(test(), ExprContext.Store, ln(ns));
                nameErr = take();
            }
        }
        expect(TokenKind.COLON);
        List<Stmt> body = suite();
        // ast.c: the name first, then the type, then the body
        restore(null, nameErr, typeErr, take());
        return new Ast.Py2ExceptHandler(type, name, body, ln(start), co(start), -1, -1);
    }

    private Stmt withStmt() {
        Token withTok = tok;
        PythonError outer = take();
        advance();
        List<Expr[]> items = new ArrayList<>();
        List<Token> starts = new ArrayList<>();
        List<PythonError> errs = new ArrayList<>();
        do {
            if (!items.isEmpty()) {
                if (v26) {
                    throw syntaxError(); // 2.6: one context manager
                }
                advance();
            }
            Token s = tok;
            Expr ctx = test();
            Expr vars = null;
            if (kw("as")) {
                advance();
                vars = setContext(expr(), ExprContext.Store, ln(s));
            }
            items.add(new Expr[] {ctx, vars});
            starts.add(v26 ? withTok : s);
            errs.add(take());
        } while (at(TokenKind.COMMA));
        expect(TokenKind.COLON);
        List<Stmt> body = suite();
        PythonError bodyErr = take();
        Stmt w = null;
        for (int i = items.size() - 1; i >= 0; i--) {
            Token s = starts.get(i);
            w = new Ast.With(List.of(new Ast.WithItem(items.get(i)[0], items.get(i)[1])), body, null, ln(s), co(s), -1,
                    -1);
            body = List.of(w);
        }
        List<PythonError> order = new ArrayList<>();
        order.add(bodyErr);
        for (int i = errs.size() - 1; i >= 0; i--) {
            order.add(errs.get(i));
        }
        restore(outer, order.toArray(new PythonError[0]));
        return w;
    }

    private Stmt decorated() {
        Token at = tok;
        List<Expr> decorators = new ArrayList<>();
        while (at(TokenKind.AT)) {
            advance();
            Token ns = tok;
            List<String> parts = dottedName();
            Expr e = new Ast.Name(parts.get(0), ExprContext.Load, ln(ns), co(ns), -1, -1);
            for (int i = 1; i < parts.size(); i++) {
                e = new Ast.Attribute(e, parts.get(i), ExprContext.Load, ln(ns), co(ns), -1, -1);
            }
            if (at(TokenKind.LPAR)) {
                advance();
                if (at(TokenKind.RPAR)) {
                    e = new Ast.Py2Call(e, List.of(), List.of(), null, null, ln(ns), co(ns), -1, -1);
                } else {
                    e = arglist(e, ln(ns), co(ns));
                }
                expect(TokenKind.RPAR);
            }
            expect(TokenKind.NEWLINE);
            decorators.add(e);
        }
        if (kw("def")) {
            return funcdef(decorators, at);
        }
        if (kw("class")) {
            return classdef(decorators, at);
        }
        throw syntaxError();
    }

    private Stmt funcdef(List<Expr> decorators, Token at) {
        Token start = at != null ? at : tok;
        advance();
        Token nameTok = tok;
        String name = name();
        forbidden(name, ln(nameTok));
        expect(TokenKind.LPAR);
        Ast.Py2Arguments args = at(TokenKind.RPAR) ? emptyArgs() : varargslist();
        expect(TokenKind.RPAR);
        expect(TokenKind.COLON);
        List<Stmt> body = suite();
        return new Ast.Py2FunctionDef(name, args, body, decorators == null ? List.of() : decorators, ln(start),
                co(start), -1, -1);
    }

    private Stmt classdef(List<Expr> decorators, Token at) {
        Token start = at != null ? at : tok;
        Token classTok = tok;
        advance();
        String name = name();
        forbidden(name, ln(classTok));
        List<Expr> bases = List.of();
        if (at(TokenKind.LPAR)) {
            advance();
            if (!at(TokenKind.RPAR)) {
                bases = new ArrayList<>();
                bases.add(test());
                while (at(TokenKind.COMMA)) {
                    advance();
                    if (!startsTest()) {
                        break;
                    }
                    bases.add(test());
                }
            }
            expect(TokenKind.RPAR);
        }
        expect(TokenKind.COLON);
        List<Stmt> body = suite();
        return new Ast.ClassDef(name, bases, List.of(), body, decorators == null ? List.of() : decorators, List.of(),
                ln(start), co(start), -1, -1);
    }

}
