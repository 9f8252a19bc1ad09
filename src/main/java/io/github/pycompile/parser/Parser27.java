package io.github.pycompile.parser;

import io.github.pycompile.PythonError;
import io.github.pycompile.UnsupportedConstruct;
import io.github.pycompile.UnsupportedFeatureException;
import io.github.pycompile.ast.Ast;
import io.github.pycompile.ast.Ast.CmpOperator;
import io.github.pycompile.ast.Ast.Expr;
import io.github.pycompile.ast.Ast.ExprContext;
import io.github.pycompile.ast.Ast.Operator;
import io.github.pycompile.ast.Ast.Stmt;
import io.github.pycompile.compiler.CompilerWarning;
import io.github.pycompile.marshal.PyObject;
import io.github.pycompile.source.SourceDecoder;
import io.github.pycompile.target.PythonVersion;
import io.github.pycompile.tokenizer.Token;
import io.github.pycompile.tokenizer.TokenKind;
import io.github.pycompile.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
public final class Parser27 {
    private static final Set<String> KEYWORDS = Set.of("and", "as", "assert", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "exec", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "not", "or", "pass", "print", "raise", "return", "try", "while", "with", "yield");
    /**
     * pgen's parser stack holds 1500 grammar nodes (MemoryError beyond: 99 nested parentheses); the
     * parser keeps an estimate of that depth and refuses well before the limit.
     */
    private static final int MAX_STACK = 1000;
    /** The grammar nodes from test down to atom. */
    private static final int TEST_DEPTH = 14;

    private final Tokenizer tk;
    private final String filename;
    private final boolean v26;
    private final String encoding;
    private final boolean unicodeLiterals;
    private boolean printFunction;
    private boolean sawUnicodeLiterals;
    private Token tok;
    private boolean started;
    private boolean eofNewline;
    private boolean atEof;
    private PythonError pending;
    private int stack;
    private Expr bareNumber;
    private Token bareNumberTok;

    private Parser27(Tokenizer tk, String filename, PythonVersion target, String encoding, boolean unicodeLiterals) {
        this.tk = tk;
        this.filename = filename;
        this.v26 = target == PythonVersion.V2_6;
        this.encoding = encoding;
        this.unicodeLiterals = unicodeLiterals;
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

    /** An error that ends the parse (tokenizer or grammar), carried through the parser's frames. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final PythonError error;

        Failure(PythonError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    // ---------------------------------------------------------------- tokens

    /** The next token, as pgen's parser gets it: the end of input is NEWLINE then ENDMARKER. */
    private void advance() {
        Token t;
        try {
            t = tk.next();
        } catch (PythonError e) {
            throw new Failure(e);
        }
        if (t.kind() == TokenKind.ENDMARKER) {
            atEof = true;
            if (started && !eofNewline) {
                eofNewline = true;
                t = new Token(TokenKind.NEWLINE, "", t.startLine(), -1, t.endLine(), -1, t.startIndex(), t.endIndex());
            }
        }
        started = true;
        tok = t;
    }

    private boolean at(TokenKind k) {
        return tok.kind() == k;
    }

    private boolean kw(String s) {
        return tok.kind() == TokenKind.NAME && tok.text().equals(s) && !(printFunction && s.equals("print"));
    }

    private boolean atName() {
        if (tok.kind() != TokenKind.NAME) {
            return false;
        }
        String s = tok.text();
        return !KEYWORDS.contains(s) || printFunction && s.equals("print");
    }

    private Token expect(TokenKind k) {
        if (tok.kind() != k) {
            throw syntaxError();
        }
        Token t = tok;
        advance();
        return t;
    }

    private void expectKw(String s) {
        if (!kw(s)) {
            throw syntaxError();
        }
        advance();
    }

    private String name() {
        if (!atName()) {
            throw syntaxError();
        }
        String s = tok.text();
        advance();
        return s;
    }

    private boolean startsExpr() {
        return switch (tok.kind()) {
            case LPAR, LSQB, LBRACE, BACKQUOTE, NUMBER, STRING, PLUS, MINUS, TILDE -> true;
            case NAME -> atName();
            default -> false;
        };
    }

    private boolean startsTest() {
        return startsExpr() || kw("not") || kw("lambda");
    }

    /** A token's line as pgen records it: the line the token ends on. */
    private static int ln(Token t) {
        return t.endLine();
    }

    /** A token's column: -1 when it started on an earlier line (a string spanning lines). */
    private static int co(Token t) {
        return t.startLine() == t.endLine() ? t.startCol() : -1;
    }

    // ---------------------------------------------------------------- errors

    /** pgen's E_SYNTAX at the current token, with parsetok's position (after the token). */
    private Failure syntaxError() {
        if (tok.kind() == TokenKind.INDENT) {
            return parseError("IndentationError", "unexpected indent");
        }
        if (tok.kind() == TokenKind.DEDENT) {
            return parseError("IndentationError", "unexpected unindent");
        }
        return parseError("SyntaxError", "invalid syntax");
    }

    private Failure parseError(String type, String msg) {
        int line = tk.currentLine();
        if (atEof && line <= 1) {
            type = "SyntaxError";
            msg = "unexpected EOF while parsing";
        }
        return new Failure(new PythonError(type, msg, filename, line, tk.pgenOffset(), tk.pgenText(), -1, -1));
    }

    /** An ast.c error: SyntaxError at a line, no offset, the line's text; kept if it is the first. */
    private void astError(String msg, int line) {
        if (pending == null) {
            pending = new PythonError("SyntaxError", msg, filename, line, -1, lineText(line), -1, -1);
        }
    }

    /** The text of an ast.c error: the file's line as PyErr_ProgramText reads it, without its indentation. */
    private String lineText(int line) {
        String t = tk.lineText(line);
        int i = 0;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t' || t.charAt(i) == '\f')) {
            i++;
        }
        return t.isEmpty() ? null : t.substring(i);
    }

    private PythonError take() {
        PythonError e = pending;
        pending = null;
        return e;
    }

    /** Restores the first error by ast.c's order: {@code outer} (before the construct), then {@code inOrder}. */
    private void restore(PythonError outer, PythonError... inOrder) {
        pending = outer;
        for (PythonError e : inOrder) {
            if (pending == null) {
                pending = e;
            }
        }
    }

    /** ast.c's forbidden_check for a name bound (or a keyword argument). */
    private void forbidden(String name, int line) {
        if (v26) {
            if (name.equals("None")) {
                astError("assignment to None", line);
            }
        } else if (name.equals("None")) {
            astError("cannot assign to None", line);
        } else if (name.equals("__debug__")) {
            astError("cannot assign to __debug__", line);
        }
    }

    private void push(int n) {
        stack += n;
        if (stack > MAX_STACK) {
            throw new UnsupportedConstruct("source nested this deeply (2.x's parser stack limit)", tok.startLine());
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
                throw parseError("IndentationError", "expected an indented block");
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
        if (!in && body instanceof Ast.TupleExpr t && (t.elts().size() == 2 || t.elts().size() == 3)) {
            // exec(code, globals[, locals]) written as a statement
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

    private static Ast.Py2Arguments emptyArgs() {
        return new Ast.Py2Arguments(List.of(), null, null, List.of());
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

    // ---------------------------------------------------------------- parameters

    /** fpdef: NAME or a parenthesized fplist. */
    private record FpDef(Token name, Token open, List<FpDef> items, int children) {}

    private FpDef fpdef() {
        if (at(TokenKind.LPAR)) {
            Token open = tok;
            advance();
            List<FpDef> items = new ArrayList<>();
            int children = 0;
            items.add(fpdef());
            children++;
            while (at(TokenKind.COMMA)) {
                advance();
                children++;
                if (!at(TokenKind.LPAR) && !atName()) {
                    break;
                }
                items.add(fpdef());
                children++;
            }
            expect(TokenKind.RPAR);
            return new FpDef(null, open, items, children);
        }
        Token n = tok;
        name();
        return new FpDef(n, null, null, 0);
    }

    /** varargslist, then ast.c's ast_for_arguments over it (its checks in its order). */
    private Ast.Py2Arguments varargslist() {
        Token start = tok;
        int listLine = ln(start);
        PythonError outer = take();
        List<FpDef> fps = new ArrayList<>();
        List<Expr> defaultsByFp = new ArrayList<>();
        List<PythonError> defaultErrs = new ArrayList<>();
        Token vararg = null;
        Token kwarg = null;
        while (true) {
            if (at(TokenKind.STAR)) {
                advance();
                vararg = tok;
                name();
                if (at(TokenKind.COMMA)) {
                    advance();
                    expect(TokenKind.DOUBLESTAR);
                    kwarg = tok;
                    name();
                }
                break;
            }
            if (at(TokenKind.DOUBLESTAR)) {
                advance();
                kwarg = tok;
                name();
                break;
            }
            if (!at(TokenKind.LPAR) && !atName()) {
                throw syntaxError();
            }
            fps.add(fpdef());
            Expr def = null;
            if (at(TokenKind.EQUAL)) {
                advance();
                def = test();
            }
            defaultsByFp.add(def);
            defaultErrs.add(take());
            if (!at(TokenKind.COMMA)) {
                break;
            }
            advance();
            if (!at(TokenKind.LPAR) && !atName() && !at(TokenKind.STAR) && !at(TokenKind.DOUBLESTAR)) {
                break;
            }
        }
        // ast_for_arguments
        pending = outer;
        List<Expr> args = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        boolean foundDefault = false;
        for (int i = 0; i < fps.size(); i++) {
            FpDef fp = fps.get(i);
            Expr def = defaultsByFp.get(i);
            if (def != null) {
                restore(pending, defaultErrs.get(i));
                defaults.add(def);
                foundDefault = true;
            } else if (foundDefault) {
                astError("non-default argument follows default argument", listLine);
            }
            boolean parenthesized = false;
            while (fp.name() == null && fp.children() == 1) {
                parenthesized = true;
                fp = fp.items().get(0);
                if (foundDefault) {
                    // ast.c re-checks the default after stripping the parentheses, past the '='
                    astError(v26 ? "non-default argument follows default argument" : "parenthesized arg with default",
                            listLine);
                }
            }
            if (fp.name() != null) {
                forbidden(fp.name().text(), v26 ? ln(fp.name()) : listLine);
                args.add(new Ast.Name(fp.name().text(), ExprContext.Param, ln(fp.name()), co(fp.name()), -1, -1));
            } else {
                args.add(complexArgs(fp));
            }
        }
        String va = null;
        String ka = null;
        if (vararg != null) {
            forbidden(vararg.text(), ln(vararg));
            va = vararg.text();
        }
        if (kwarg != null) {
            forbidden(kwarg.text(), ln(kwarg));
            ka = kwarg.text();
        }
        return new Ast.Py2Arguments(args, va, ka, defaults);
    }

    /** compiler_complex_args: a tuple parameter as a Store tuple at its first item. */
    private Expr complexArgs(FpDef list) {
        Token first = list.items().get(0).name() != null ? list.items().get(0).name() : list.items().get(0).open();
        List<Expr> elts = new ArrayList<>();
        for (FpDef fp : list.items()) {
            while (fp.name() == null && fp.children() == 1) {
                fp = fp.items().get(0);
            }
            if (fp.name() != null) {
                forbidden(fp.name().text(), v26 ? ln(fp.name()) : ln(first));
                elts.add(new Ast.Name(fp.name().text(), ExprContext.Store, ln(fp.name()), co(fp.name()), -1, -1));
            } else {
                elts.add(complexArgs(fp));
            }
        }
        return new Ast.TupleExpr(elts, ExprContext.Store, ln(first), co(first), -1, -1);
    }

    // ---------------------------------------------------------------- assignment targets

    /** ast.c's set_context: the expression with the context, or a pending error for what cannot be bound. */
    private Expr setContext(Expr e, ExprContext ctx, int line) {
        String what;
        if (e instanceof Ast.Name n) {
            if (ctx == ExprContext.Store) {
                forbidden(n.id(), line);
            }
            return new Ast.Name(n.id(), ctx, n.lineno(), n.colOffset(), -1, -1);
        } else if (e instanceof Ast.Attribute a) {
            if (ctx == ExprContext.Store) {
                forbidden(a.attr(), line);
            }
            return new Ast.Attribute(a.value(), a.attr(), ctx, a.lineno(), a.colOffset(), -1, -1);
        } else if (e instanceof Ast.Subscript s) {
            return new Ast.Subscript(s.value(), s.slice(), ctx, s.lineno(), s.colOffset(), -1, -1);
        } else if (e instanceof Ast.ListExpr l) {
            return new Ast.ListExpr(setContexts(l.elts(), ctx, line), ctx, l.lineno(), l.colOffset(), -1, -1);
        } else if (e instanceof Ast.TupleExpr t) {
            if (!t.elts().isEmpty()) {
                return new Ast.TupleExpr(setContexts(t.elts(), ctx, line), ctx, t.lineno(), t.colOffset(), -1, -1);
            }
            if (v26) {
                astError("can't assign to ()", line);
                return e;
            }
            what = "()";
        } else if (e instanceof Ast.Py2Lambda) {
            what = "lambda";
        } else if (e instanceof Ast.Py2Call) {
            what = "function call";
        } else if (e instanceof Ast.BoolOp || e instanceof Ast.BinOp || e instanceof Ast.UnaryOp) {
            what = "operator";
        } else if (e instanceof Ast.GeneratorExp) {
            what = "generator expression";
        } else if (e instanceof Ast.Yield) {
            what = "yield expression";
        } else if (e instanceof Ast.ListComp) {
            what = "list comprehension";
        } else if (e instanceof Ast.SetComp) {
            what = "set comprehension";
        } else if (e instanceof Ast.DictComp) {
            what = "dict comprehension";
        } else if (e instanceof Ast.DictExpr || e instanceof Ast.SetExpr || e instanceof Ast.Constant) {
            what = "literal";
        } else if (e instanceof Ast.Compare) {
            what = "comparison";
        } else if (e instanceof Ast.Repr) {
            what = "repr";
        } else if (e instanceof Ast.IfExp) {
            what = "conditional expression";
        } else {
            throw new UnsupportedConstruct("an assignment target of kind " + e.pyName(), line);
        }
        astError("can't " + (ctx == ExprContext.Store ? "assign to" : "delete") + " " + what, line);
        return e;
    }

    private List<Expr> setContexts(List<Expr> elts, ExprContext ctx, int line) {
        List<Expr> out = new ArrayList<>(elts.size());
        for (Expr x : elts) {
            out.add(setContext(x, ctx, line));
        }
        return out;
    }

    /** exprlist with a context: each item bound as it is read; true when it had a comma. */
    private boolean exprlist(ExprContext ctx, List<Expr> out) {
        Token s = tok;
        out.add(setContext(expr(), ctx, ln(s)));
        boolean comma = false;
        while (at(TokenKind.COMMA)) {
            comma = true;
            advance();
            if (!startsExpr()) {
                break;
            }
            s = tok;
            out.add(setContext(expr(), ctx, ln(s)));
        }
        return comma;
    }

    /** A for target: the expression, or a tuple at its first item's position. */
    private Expr exprlistTarget(ExprContext ctx) {
        return exprlistTarget(ctx, null);
    }

    /** A comprehension's target; 2.6 puts a tuple target at the comprehension's 'for'. */
    private Expr exprlistTarget(ExprContext ctx, Token forTok) {
        List<Expr> items = new ArrayList<>();
        if (!exprlist(ctx, items)) {
            return items.get(0);
        }
        if (v26 && forTok != null) {
            return new Ast.TupleExpr(items, ctx, ln(forTok), co(forTok), -1, -1);
        }
        Ast.Located first = (Ast.Located) items.get(0);
        return new Ast.TupleExpr(items, ctx, first.lineno(), first.colOffset(), -1, -1);
    }

    private static String cut(String msg) {
        return msg.length() > 127 ? msg.substring(0, 127) : msg;
    }

    // ---------------------------------------------------------------- expressions

    private Expr testlist() {
        Token start = tok;
        Expr e = test();
        if (!at(TokenKind.COMMA)) {
            return e;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(e);
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest()) {
                break;
            }
            elts.add(test());
        }
        return new Ast.TupleExpr(elts, ExprContext.Load, ln(start), co(start), -1, -1);
    }

    private Expr yieldExpr() {
        Token start = tok;
        advance();
        Expr v = startsTest() ? testlist() : null;
        return new Ast.Yield(v, ln(start), co(start), -1, -1);
    }

    private Expr test() {
        push(TEST_DEPTH);
        try {
            if (kw("lambda")) {
                return lambdef(false);
            }
            Token start = tok;
            Expr e = orTest();
            if (!kw("if")) {
                return e;
            }
            advance();
            Expr cond = orTest();
            expectKw("else");
            Expr orelse = test();
            return new Ast.IfExp(cond, e, orelse, ln(start), co(start), -1, -1);
        } finally {
            stack -= TEST_DEPTH;
        }
    }

    private Expr oldTest() {
        push(TEST_DEPTH);
        try {
            return kw("lambda") ? lambdef(true) : orTest();
        } finally {
            stack -= TEST_DEPTH;
        }
    }

    private Expr lambdef(boolean old) {
        Token start = tok;
        advance();
        Ast.Py2Arguments args = at(TokenKind.COLON) ? emptyArgs() : varargslist();
        expect(TokenKind.COLON);
        Expr body = old ? oldTest() : test();
        return new Ast.Py2Lambda(args, body, ln(start), co(start), -1, -1);
    }

    private Expr orTest() {
        Token start = tok;
        Expr e = andTest();
        if (!kw("or")) {
            return e;
        }
        List<Expr> values = new ArrayList<>();
        values.add(e);
        while (kw("or")) {
            advance();
            values.add(andTest());
        }
        return new Ast.BoolOp(Ast.BoolOperator.Or, values, ln(start), co(start), -1, -1);
    }

    private Expr andTest() {
        Token start = tok;
        Expr e = notTest();
        if (!kw("and")) {
            return e;
        }
        List<Expr> values = new ArrayList<>();
        values.add(e);
        while (kw("and")) {
            advance();
            values.add(notTest());
        }
        return new Ast.BoolOp(Ast.BoolOperator.And, values, ln(start), co(start), -1, -1);
    }

    private Expr notTest() {
        if (kw("not")) {
            Token start = tok;
            advance();
            push(1);
            Expr operand = notTest();
            stack--;
            return new Ast.UnaryOp(Ast.UnaryOperator.Not, operand, ln(start), co(start), -1, -1);
        }
        return comparison();
    }

    private Expr comparison() {
        Token start = tok;
        PythonError outer = take();
        Expr left = expr();
        CmpOperator op = compOp();
        if (op == null) {
            restore(outer, take());
            return left;
        }
        PythonError leftErr = take();
        List<CmpOperator> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        while (op != null) {
            ops.add(op);
            comparators.add(expr());
            op = compOp();
        }
        // ast.c builds the comparators before the left operand
        restore(outer, take(), leftErr);
        return new Ast.Compare(left, ops, comparators, ln(start), co(start), -1, -1);
    }

    /** A comparison operator at the current token (consumed), or null. */
    private CmpOperator compOp() {
        CmpOperator op = switch (tok.kind()) {
            case LESS -> CmpOperator.Lt;
            case GREATER -> CmpOperator.Gt;
            case EQEQUAL -> CmpOperator.Eq;
            case GREATEREQUAL -> CmpOperator.GtE;
            case LESSEQUAL -> CmpOperator.LtE;
            case NOTEQUAL -> CmpOperator.NotEq;
            default -> null;
        };
        if (op != null) {
            advance();
            return op;
        }
        if (kw("in")) {
            advance();
            return CmpOperator.In;
        }
        if (kw("not")) {
            advance();
            expectKw("in");
            return CmpOperator.NotIn;
        }
        if (kw("is")) {
            advance();
            if (kw("not")) {
                advance();
                return CmpOperator.IsNot;
            }
            return CmpOperator.Is;
        }
        return null;
    }

    private Expr expr() {
        return binary(0);
    }

    private static Operator binaryOperator(int level, TokenKind k) {
        return switch (level) {
            case 0 -> k == TokenKind.VBAR ? Operator.BitOr : null;
            case 1 -> k == TokenKind.CIRCUMFLEX ? Operator.BitXor : null;
            case 2 -> k == TokenKind.AMPER ? Operator.BitAnd : null;
            case 3 -> k == TokenKind.LEFTSHIFT ? Operator.LShift : k == TokenKind.RIGHTSHIFT ? Operator.RShift : null;
            case 4 -> k == TokenKind.PLUS ? Operator.Add : k == TokenKind.MINUS ? Operator.Sub : null;
            default -> switch (k) {
                case STAR -> Operator.Mult;
                case SLASH -> Operator.Div;
                case PERCENT -> Operator.Mod;
                case DOUBLESLASH -> Operator.FloorDiv;
                default -> null;
            };
        };
    }

    /** expr .. term: a left-leaning chain; BinOps after the first sit at their operator (ast_for_binop). */
    private Expr binary(int level) {
        if (level == 6) {
            return factor();
        }
        Token start = tok;
        Expr left = binary(level + 1);
        Operator op = binaryOperator(level, tok.kind());
        if (op == null) {
            return left;
        }
        advance();
        Expr result = new Ast.BinOp(left, op, binary(level + 1), ln(start), co(start), -1, -1);
        while ((op = binaryOperator(level, tok.kind())) != null) {
            Token opTok = tok;
            advance();
            result = new Ast.BinOp(result, op, binary(level + 1), ln(opTok), co(opTok), -1, -1);
        }
        return result;
    }

    private Expr factor() {
        Ast.UnaryOperator op = switch (tok.kind()) {
            case PLUS -> Ast.UnaryOperator.UAdd;
            case MINUS -> Ast.UnaryOperator.USub;
            case TILDE -> Ast.UnaryOperator.Invert;
            default -> null;
        };
        if (op == null) {
            return power();
        }
        Token start = tok;
        advance();
        push(1);
        Expr operand = factor();
        stack--;
        if (op == Ast.UnaryOperator.USub && operand == bareNumber) {
            // -NUMBER is one constant, at the minus sign
            return new Ast.Constant(Py2Literals.number("-" + bareNumberTok.text()), null, ln(start), co(start), -1, -1);
        }
        return new Ast.UnaryOp(op, operand, ln(start), co(start), -1, -1);
    }

    private Expr power() {
        Token start = tok;
        Expr e = atom();
        boolean bare = start.kind() == TokenKind.NUMBER;
        if (at(TokenKind.LPAR) || at(TokenKind.LSQB) || at(TokenKind.DOT)) {
            bare = false;
            Ast.Located a = (Ast.Located) e;
            int l = a.lineno();
            int c = a.colOffset();
            push(3);
            while (true) {
                if (at(TokenKind.LPAR)) {
                    advance();
                    if (at(TokenKind.RPAR)) {
                        e = new Ast.Py2Call(e, List.of(), List.of(), null, null, l, c, -1, -1);
                    } else {
                        e = arglist(e, l, c);
                    }
                    expect(TokenKind.RPAR);
                } else if (at(TokenKind.LSQB)) {
                    advance();
                    e = new Ast.Subscript(e, subscriptlist(), ExprContext.Load, l, c, -1, -1);
                    expect(TokenKind.RSQB);
                } else if (at(TokenKind.DOT)) {
                    advance();
                    e = new Ast.Attribute(e, name(), ExprContext.Load, l, c, -1, -1);
                } else {
                    break;
                }
            }
            stack -= 3;
        }
        if (at(TokenKind.DOUBLESTAR)) {
            advance();
            push(2);
            Expr f = factor();
            stack -= 2;
            bareNumber = null;
            return new Ast.BinOp(e, Operator.Pow, f, ln(start), co(start), -1, -1);
        }
        if (bare) {
            bareNumber = e;
            bareNumberTok = start;
        } else {
            bareNumber = null; // (1) is the same node as 1, but not a bare NUMBER
        }
        return e;
    }

    private Expr atom() {
        push(1);
        Expr e = atomBody();
        stack--;
        return e;
    }

    private Expr atomBody() {
        Token start = tok;
        int l = ln(start);
        int c = co(start);
        switch (tok.kind()) {
            case LPAR -> {
                advance();
                if (at(TokenKind.RPAR)) {
                    advance();
                    return new Ast.TupleExpr(List.of(), ExprContext.Load, l, c, -1, -1);
                }
                Expr e;
                if (kw("yield")) {
                    e = yieldExpr();
                } else {
                    e = testlistComp();
                }
                expect(TokenKind.RPAR);
                return e;
            }
            case LSQB -> {
                advance();
                if (at(TokenKind.RSQB)) {
                    advance();
                    return new Ast.ListExpr(List.of(), ExprContext.Load, l, c, -1, -1);
                }
                Token s = tok;
                Expr first = test();
                Expr e;
                if (kw("for")) {
                    e = new Ast.ListComp(first, listFor(), ln(s), co(s), -1, -1);
                } else {
                    List<Expr> elts = new ArrayList<>();
                    elts.add(first);
                    while (at(TokenKind.COMMA)) {
                        advance();
                        if (!startsTest()) {
                            break;
                        }
                        elts.add(test());
                    }
                    e = new Ast.ListExpr(elts, ExprContext.Load, l, c, -1, -1);
                }
                expect(TokenKind.RSQB);
                return e;
            }
            case LBRACE -> {
                advance();
                Expr e = braces(l, c);
                expect(TokenKind.RBRACE);
                return e;
            }
            case BACKQUOTE -> {
                advance();
                Token s = tok;
                Expr v = test();
                if (at(TokenKind.COMMA)) {
                    List<Expr> elts = new ArrayList<>();
                    elts.add(v);
                    while (at(TokenKind.COMMA)) {
                        advance();
                        elts.add(test());
                    }
                    v = new Ast.TupleExpr(elts, ExprContext.Load, ln(s), co(s), -1, -1);
                }
                expect(TokenKind.BACKQUOTE);
                return new Ast.Repr(v, l, c, -1, -1);
            }
            case NUMBER -> {
                advance();
                return new Ast.Constant(Py2Literals.number(start.text()), null, l, c, -1, -1);
            }
            case STRING -> {
                List<String> pieces = new ArrayList<>();
                while (at(TokenKind.STRING)) {
                    pieces.add(tok.text());
                    advance();
                }
                PyObject v;
                try {
                    v = Py2Literals.strings(pieces, unicodeLiterals, encoding);
                } catch (Py2Literals.LiteralError err) {
                    if (pending == null) {
                        // 2.6 words a unicode error by its reason alone
                        String msg = v26 && err.reason != null ? cut("(unicode error) " + err.reason) : err.msg;
                        pending = err.type.equals("SyntaxError")
                                ? new PythonError("SyntaxError", msg, filename, l, -1, lineText(l), -1, -1)
                                : PythonError.plain(err.type, err.msg);
                    }
                    v = PyObject.Singleton.NONE;
                } catch (UnsupportedConstruct u) {
                    throw new UnsupportedConstruct(u.getMessage(), l);
                }
                return new Ast.Constant(v, null, l, c, -1, -1);
            }
            case NAME -> {
                if (!atName()) {
                    throw syntaxError();
                }
                advance();
                return new Ast.Name(start.text(), ExprContext.Load, l, c, -1, -1);
            }
            default -> throw syntaxError();
        }
    }

    /** testlist_comp inside parentheses: a generator expression, a tuple, or the expression itself. */
    private Expr testlistComp() {
        Token s = tok;
        Expr first = test();
        if (kw("for")) {
            return new Ast.GeneratorExp(first, compFor(), ln(s), co(s), -1, -1);
        }
        if (!at(TokenKind.COMMA)) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest()) {
                break;
            }
            elts.add(test());
        }
        return new Ast.TupleExpr(elts, ExprContext.Load, ln(s), co(s), -1, -1);
    }

    /** dictorsetmaker (2.7) or dictmaker (2.6) after '{'. */
    private Expr braces(int l, int c) {
        if (at(TokenKind.RBRACE)) {
            return new Ast.DictExpr(List.of(), List.of(), l, c, -1, -1);
        }
        Token s = tok;
        Expr first = test();
        if (v26 && !at(TokenKind.COLON)) {
            throw syntaxError(); // 2.6 has no set displays
        }
        if (at(TokenKind.COLON)) {
            advance();
            Expr value = test();
            if (kw("for") && !v26) {
                return new Ast.DictComp(first, value, compFor(), ln(s), co(s), -1, -1);
            }
            List<Expr> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            keys.add(first);
            values.add(value);
            while (at(TokenKind.COMMA)) {
                advance();
                if (!startsTest()) {
                    break;
                }
                keys.add(test());
                expect(TokenKind.COLON);
                values.add(test());
            }
            return new Ast.DictExpr(keys, values, l, c, -1, -1);
        }
        if (kw("for")) {
            return new Ast.SetComp(first, compFor(), ln(s), co(s), -1, -1);
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest()) {
                break;
            }
            elts.add(test());
        }
        return new Ast.SetExpr(elts, l, c, -1, -1);
    }

    /** list_for: 'for' exprlist 'in' testlist_safe, then ifs and further fors. */
    private List<Ast.Comprehension> listFor() {
        List<Ast.Comprehension> comps = new ArrayList<>();
        while (kw("for")) {
            Token forTok = tok;
            advance();
            Expr target = exprlistTarget(ExprContext.Store, forTok);
            expectKw("in");
            Expr iter = testlistSafe();
            List<Expr> ifs = new ArrayList<>();
            while (kw("if")) {
                advance();
                ifs.add(oldTest());
            }
            comps.add(new Ast.Comprehension(target, iter, ifs, 0));
        }
        return comps;
    }

    private Expr testlistSafe() {
        Token s = tok;
        Expr e = oldTest();
        if (!at(TokenKind.COMMA)) {
            return e;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(e);
        advance();
        elts.add(oldTest()); // a lone trailing comma is not allowed here
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest()) {
                break;
            }
            elts.add(oldTest());
        }
        return new Ast.TupleExpr(elts, ExprContext.Load, ln(s), co(s), -1, -1);
    }

    /** comp_for: 'for' exprlist 'in' or_test, then ifs and further fors. */
    private List<Ast.Comprehension> compFor() {
        List<Ast.Comprehension> comps = new ArrayList<>();
        while (kw("for")) {
            Token forTok = tok;
            advance();
            Expr target = exprlistTarget(ExprContext.Store, forTok);
            expectKw("in");
            Expr iter;
            push(TEST_DEPTH);
            try {
                iter = orTest();
            } finally {
                stack -= TEST_DEPTH;
            }
            List<Expr> ifs = new ArrayList<>();
            while (kw("if")) {
                advance();
                ifs.add(oldTest());
            }
            comps.add(new Ast.Comprehension(target, iter, ifs, 0));
        }
        return comps;
    }

    /** One argument of a call, with the errors of its parts for ast_for_call's order. */
    private record Arg(int kind, Expr name, Expr value, int line, PythonError nameErr, PythonError valueErr) {}

    private static final int POSITIONAL = 0;
    private static final int GENEXP = 1;
    private static final int KEYWORD = 2;
    private static final int STARARGS = 3;
    private static final int KWARGS = 4;

    /** arglist after '(' (not empty), then ast_for_call's checks in its order; the Call at (l, c). */
    private Expr arglist(Expr func, int l, int c) {
        int listLine = ln(tok);
        PythonError outer = take();
        List<Arg> items = new ArrayList<>();
        while (true) {
            Token s = tok;
            if (at(TokenKind.STAR)) {
                advance();
                Expr v = test();
                items.add(new Arg(STARARGS, null, v, ln(s), null, take()));
                while (at(TokenKind.COMMA)) {
                    advance();
                    if (at(TokenKind.DOUBLESTAR)) {
                        Token d = tok;
                        advance();
                        Expr k = test();
                        items.add(new Arg(KWARGS, null, k, ln(d), null, take()));
                        break;
                    }
                    items.add(argument());
                }
                break;
            }
            if (at(TokenKind.DOUBLESTAR)) {
                advance();
                Expr k = test();
                items.add(new Arg(KWARGS, null, k, ln(s), null, take()));
                break;
            }
            items.add(argument());
            if (!at(TokenKind.COMMA)) {
                break;
            }
            advance();
            if (!startsTest() && !at(TokenKind.STAR) && !at(TokenKind.DOUBLESTAR)) {
                break;
            }
        }
        // ast_for_call
        pending = outer;
        int nargs = 0;
        int nkeywords = 0;
        int ngens = 0;
        for (Arg a : items) {
            switch (a.kind()) {
                case POSITIONAL -> nargs++;
                case GENEXP -> ngens++;
                case KEYWORD -> nkeywords++;
                default -> { }
            }
        }
        if (ngens > 1 || ngens > 0 && (nargs > 0 || nkeywords > 0)) {
            astError("Generator expression must be parenthesized if not sole argument", listLine);
        } else if (nargs + nkeywords + ngens > 255) {
            astError("more than 255 arguments", listLine);
        }
        List<Expr> args = new ArrayList<>();
        List<Ast.Keyword> keywords = new ArrayList<>();
        Expr starargs = null;
        Expr kwargs = null;
        for (Arg a : items) {
            switch (a.kind()) {
                case POSITIONAL -> {
                    if (!keywords.isEmpty()) {
                        astError("non-keyword arg after keyword arg", a.line());
                    } else if (starargs != null) {
                        astError("only named arguments may follow *expression", a.line());
                    }
                    restore(pending, a.valueErr());
                    args.add(a.value());
                }
                case GENEXP -> {
                    restore(pending, a.valueErr());
                    args.add(a.value());
                }
                case KEYWORD -> {
                    restore(pending, a.nameErr());
                    String key = null;
                    if (a.name() instanceof Ast.Py2Lambda) {
                        astError("lambda cannot contain assignment", a.line());
                    } else if (!(a.name() instanceof Ast.Name n)) {
                        astError("keyword can't be an expression", a.line());
                    } else {
                        key = n.id();
                        forbidden(key, a.line());
                        for (Ast.Keyword k : keywords) {
                            if (k.arg().equals(key)) {
                                astError("keyword argument repeated", a.line());
                                break;
                            }
                        }
                    }
                    restore(pending, a.valueErr());
                    keywords.add(new Ast.Keyword(key == null ? "?" : key, a.value(), -1, -1, -1, -1));
                }
                case STARARGS -> {
                    restore(pending, a.valueErr());
                    starargs = a.value();
                }
                default -> {
                    restore(pending, a.valueErr());
                    kwargs = a.value();
                }
            }
        }
        return new Ast.Py2Call(func, args, keywords, starargs, kwargs, l, c, -1, -1);
    }

    private Arg argument() {
        Token s = tok;
        Expr e = test();
        if (kw("for")) {
            Expr g = new Ast.GeneratorExp(e, compFor(), ln(s), co(s), -1, -1);
            return new Arg(GENEXP, null, g, ln(s), null, take());
        }
        if (at(TokenKind.EQUAL)) {
            PythonError nameErr = take();
            advance();
            Expr v = test();
            return new Arg(KEYWORD, e, v, ln(s), nameErr, take());
        }
        return new Arg(POSITIONAL, null, e, ln(s), null, take());
    }

    private static final int INDEX = 0;
    private static final int SLICE = 1;
    private static final int ELLIPSIS = 2;

    /** subscriptlist: one index or slice, a tuple of indexes, or an extended slice (a tuple without position). */
    private Expr subscriptlist() {
        Token s = tok;
        List<Expr> items = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        subscript(items, kinds);
        if (!at(TokenKind.COMMA)) {
            return items.get(0);
        }
        while (at(TokenKind.COMMA)) {
            advance();
            if (!startsTest() && !at(TokenKind.COLON) && !at(TokenKind.DOT)) {
                break;
            }
            subscript(items, kinds);
        }
        if (kinds.stream().allMatch(k -> k == INDEX)) {
            return new Ast.TupleExpr(items, ExprContext.Load, ln(s), co(s), -1, -1);
        }
        return new Ast.TupleExpr(items, ExprContext.Load, -1, -1, -1, -1);
    }

    private void subscript(List<Expr> items, List<Integer> kinds) {
        if (at(TokenKind.DOT)) {
            advance();
            expect(TokenKind.DOT);
            expect(TokenKind.DOT);
            items.add(new Ast.Constant(PyObject.Singleton.ELLIPSIS, null, -1, -1, -1, -1));
            kinds.add(ELLIPSIS);
            return;
        }
        Expr lower = null;
        if (startsTest()) {
            lower = test();
            if (!at(TokenKind.COLON)) {
                items.add(lower);
                kinds.add(INDEX);
                return;
            }
        }
        expect(TokenKind.COLON);
        Expr upper = startsTest() ? test() : null;
        Expr step = null;
        if (at(TokenKind.COLON)) {
            Token colon = tok;
            advance();
            // x[a:b:] steps by a Name None at the second colon
            step = startsTest() ? test() : new Ast.Name("None", ExprContext.Load, ln(colon), co(colon), -1, -1);
        }
        items.add(new Ast.Slice(lower, upper, step, -1, -1, -1, -1));
        kinds.add(SLICE);
    }
}
